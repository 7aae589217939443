"""Explanations: every euro of a result in plain words, with its rule, parameters and source.

Templates are English source strings marked with :func:`gettext_noop` so Django's makemessages
finds them; :func:`render_line` renders them with the caller's translator and money format.
Values are money unless their name ends in ``_percent`` or ``_hours``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from samensterk.income.components import COSTS, INCOME, REGISTRY, TOESLAGEN
from samensterk.income.formulas import huurtoeslag, kinderopvangtoeslag, kindgebonden_budget, zorgtoeslag
from samensterk.income.parameters_loader import Scale, all_parameters, load, reference_at


def gettext_noop(s):
    """Mark a string for translation without translating it (Django's makemessages looks for this name)."""
    return s


# Declared once in components.py; these names are kept for the callers.
SOURCES = {c.key: c.source for c in REGISTRY}
PARAMETERS = {c.key: c.parameters for c in REGISTRY}
LABELS = {c.key: c.label for c in REGISTRY}
INCOME_LINES = INCOME

T = {
    "her_net": gettext_noop("She works {hours_hours} hours a week at {wage} an hour: {gross} gross a month. "
                            "Payroll withholds {loonheffing} loonheffing after the algemene heffingskorting ({ahk}) "
                            "and the arbeidskorting ({ak}), so she takes home {net}."),
    "her_net_pension": gettext_noop("She works {hours_hours} hours a week at {wage} an hour: {gross} gross a month, of "
                                    "which {pension} goes to her pension. Payroll withholds {loonheffing} loonheffing "
                                    "after the algemene heffingskorting ({ahk}) and the arbeidskorting ({ak}), so she "
                                    "takes home {net}."),
    "her_net_zero": gettext_noop("She does not work, so she has no wage."),
    "partner_net": gettext_noop("Her partner earns {gross} gross a month; after {loonheffing} loonheffing that is {net}."),
    "partner_none": gettext_noop("There is no wage from a partner."),
    "holiday_allowance_month": gettext_noop("The holiday allowance is paid once, in May: {may} net. Spread over the "
                                            "year that is {amount} a month."),
    "assessment": gettext_noop("The annual tax assessment settles what was withheld during the year with the tax "
                               "really due: nothing worth mentioning to pay or to get back."),
    "assessment_refund": gettext_noop("Next spring the annual tax assessment pays you back about {year_amount}: more "
                                      "was withheld during the year than the tax really due. Counted here as "
                                      "{amount} a month."),
    "assessment_payback": gettext_noop("Next spring you pay back about {year_amount} with the annual tax assessment: "
                                       "less was withheld during the year than the tax really due. Counted here as "
                                       "{amount} less a month, so keep it aside."),
    "assessment_bijstand": gettext_noop("Her wage, her holiday allowance and her share of the bijstand ({bijstand_gross} "
                                        "gross a year) are taxed once together, with each heffingskorting once. We "
                                        "assume her employer applies her loonheffingskorting and the gemeente keeps "
                                        "applying it to the bijstand, so during the year it is used twice."),
    "assessment_iack": gettext_noop("It includes the inkomensafhankelijke combinatiekorting of {iack} a month for the "
                                    "parent with the lower income from work and a child under 12."),
    "zorgtoeslag": gettext_noop("Zorgtoeslag on a joint income of {income} a year."),
    "huurtoeslag": gettext_noop("Huurtoeslag on a rent of {rent} and a joint income of {income} a year."),
    "kindgebonden_budget": gettext_noop("Kindgebonden budget for your children on a joint income of {income} a year."),
    "kinderopvangtoeslag": gettext_noop("Kinderopvangtoeslag on childcare costing {cost} a month, on a joint income of "
                                        "{income} a year."),
    "kinderbijslag": gettext_noop("Kinderbijslag for your children, by age (paid per quarter; shown per month)."),
    "bijstand": gettext_noop("Bijstand tops the household's income up to the norm of {norm} a month (holiday pay "
                             "included); the household's net income from work, with holiday allowance ({earned} a "
                             "month), counts against it."),
    "childcare_cost": gettext_noop("Childcare costs {amount} a month while she works ({care_hours} hours of care a "
                                   "month). Where you gave no hours, care follows her working hours: all of them for "
                                   "day care and a childminder, half of them for after-school care."),
    "net_household": gettext_noop("Together the household has {amount} a month, {year_amount} a year."),
    # xgettext:no-python-format
    "independence": gettext_noop("Her own net income from work is {own} a month (yearly average). Financially "
                                 "independent from {financial_threshold} (the net minimum wage), economically "
                                 "independent from {economic_threshold} (70% of it)."),
}  # fmt: skip


def _json(v):
    if isinstance(v, Scale):
        out = {"thresholds": v.thresholds.tolist()}
        if v.rates is not None:
            out["rates"] = v.rates.tolist()
        if v.amounts is not None:
            out["amounts"] = v.amounts.tolist()
        return out
    return v


@lru_cache(maxsize=64)
def _parameters(component: str, year: int) -> tuple[dict, ...]:
    """The parameters behind a component, with their value and source at 1 January of ``year``."""
    import datetime as dt

    from samensterk.income.parameters_loader import MissingParameter, value_at

    instant, out = dt.date(year, 1, 1), []
    for name, param in all_parameters().items():
        if not name.startswith(PARAMETERS.get(component, ())) or not PARAMETERS.get(component):
            continue
        item = {"name": name, "unit": param.unit, "description": param.description}
        try:
            item["value"] = _json(value_at(name, instant))
            item["reference"] = [dict(r) for r in reference_at(name, instant)]
        except MissingParameter as e:
            item.update(value=None, reference=[], missing=True, note=e.note)
        out.append(item)
    return tuple(out)


def _line(res, i, component, amount, template, values, year):
    title, href = SOURCES[component]
    missing = [
        m
        for m in res.missing[i]
        if m["component"] == component
        or (component == "kinderopvangtoeslag" and m["component"] == "childcare_cost")
    ]
    line = {"component": component, "amount": round(float(amount), 2), "label": LABELS[component],
            "template": template, "values": {k: _plain(v) for k, v in values.items()},
            "parameters": [dict(x) for x in _parameters(component, year)],
            "source": {"title": title, "href": href}, "missing": bool(missing)}  # fmt: skip
    if missing:
        line["missing_notes"] = missing
    return line


def _plain(v):
    v = float(v)
    return int(v) if v.is_integer() else round(v, 2)


def _col(res, hours) -> int:
    where = np.flatnonzero(res.hours == hours)
    if where.size == 0:
        raise ValueError(f"{hours} hours is not in this result (hours computed: {res.hours.tolist()})")
    return int(where[0])


def explain(res, i: int, hours) -> list[dict]:
    """The net household income of household ``i`` at ``hours``, line by line (euros per month)."""
    j, c, hh = _col(res, hours), res.components, res.households[i]
    year = int(res.context["year"][i, 0])
    g = lambda k: float(c[k][i, j])  # noqa: E731
    ti = float(res.context["toetsingsinkomen"][i, j])
    n_children = len(hh.children)
    lines = []
    if g("her_gross") > 0:
        pension = g("her_gross") - g("her_net") - g("loonheffing_her")
        vals = {"hours_hours": hours, "wage": res.context["her_hourly_wage"][i, 0], "gross": g("her_gross"),
                "pension": pension, "loonheffing": g("loonheffing_her"), "ahk": g("algemene_heffingskorting"),
                "ak": g("arbeidskorting"), "net": g("her_net")}  # fmt: skip
        lines.append(
            _line(
                res,
                i,
                "her_net",
                g("her_net"),
                T["her_net_pension" if pension > 0.005 else "her_net"],
                vals,
                year,
            )
        )
    else:
        lines.append(_line(res, i, "her_net", 0.0, T["her_net_zero"], {}, year))
    if hh.partner_situation == "works":
        vals = {"gross": g("partner_gross"), "loonheffing": g("loonheffing_partner"), "net": g("partner_net")}
        lines.append(_line(res, i, "partner_net", g("partner_net"), T["partner_net"], vals, year))
    else:
        lines.append(_line(res, i, "partner_net", 0.0, T["partner_none"], {}, year))
    lines.append(_line(res, i, "holiday_allowance_month", g("holiday_allowance_month"), T["holiday_allowance_month"],
                       {"may": g("holiday_allowance_may"), "amount": g("holiday_allowance_month")}, year))  # fmt: skip
    settle = g("assessment")
    key = "assessment_refund" if settle >= 1 else ("assessment_payback" if settle <= -1 else "assessment")
    line = _line(res, i, "assessment", settle, T[key], {"amount": abs(settle), "year_amount": abs(12 * settle),
                 "iack": g("iack"), "bijstand_gross": float(res.context["bijstand_gross_year"][i, j])}, year)  # fmt: skip
    if g("bijstand") > 0.005 and g("her_gross") > 0:
        line["more"] = [T["assessment_bijstand"]]
    if g("iack") > 0.005:
        line.setdefault("more", []).append(T["assessment_iack"])
    lines.append(line)
    extra = {"huurtoeslag": {"rent": hh.rent}, "kinderopvangtoeslag": {"cost": g("childcare_cost")}}
    for comp in ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "kinderopvangtoeslag", "kinderbijslag"):
        if comp in ("huurtoeslag",) and hh.owner:
            continue
        if comp != "zorgtoeslag" and not n_children:
            continue
        if comp == "kinderopvangtoeslag" and not hh.childcare:
            continue
        vals = {"income": ti, **extra.get(comp, {})}
        lines.append(_line(res, i, comp, g(comp), T[comp], vals, year))
    if hh.bijstand_claim:
        # The norm includes holiday pay, so the income counted against it does too.
        earned = g("her_net") + g("partner_net") + g("holiday_allowance_month")
        norm = float(res.context["bijstand_norm"][i, 0])
        lines.append(
            _line(res, i, "bijstand", g("bijstand"), T["bijstand"], {"earned": earned, "norm": norm}, year)
        )
    if hh.childcare:
        lines.append(
            _line(
                res,
                i,
                "childcare_cost",
                -g("childcare_cost"),
                T["childcare_cost"],
                {
                    "amount": g("childcare_cost"),
                    "care_hours": round(float(res.context["care_hours_month"][i, j])),
                },
                year,
            )
        )
    lines.append(_line(res, i, "net_household", g("net_household"), T["net_household"],
                       {"amount": g("net_household"), "year_amount": g("net_household_year")}, year))  # fmt: skip
    wml = float(res.context["netto_minimumloon"][i, 0])
    p = load(year)
    vals = {"own": res.context["own_work_net_month"][i, j], "financial_threshold": wml * p.zelfstandigheid.financieel_fractie,
            "economic_threshold": wml * p.zelfstandigheid.economisch_fractie}  # fmt: skip
    lines.append(_line(res, i, "independence", 0.0, T["independence"], vals, year))
    return lines


def render_line(line: dict, translate=None, money=None) -> str:
    """A line (or a compare/cliff cause) as plain words in the caller's language and money format."""
    translate = translate or (lambda s: s)
    money = money or (lambda v: f"€{v:,.2f}")
    values = {}
    for k, v in line.get("values", {}).items():
        if k.endswith("_percent"):
            values[k] = f"{v:g}%"
        elif k.endswith("_hours") or k == "care_hours":
            values[k] = f"{v:g}"
        else:
            values[k] = money(v)
    return " ".join(translate(t).format(**values) for t in [line["template"], *line.get("more", ())])


# --- compare and cliffs -------------------------------------------------------------------------

_TOESLAG_RULES = {
    "zorgtoeslag": zorgtoeslag.zorgtoeslag,
    "huurtoeslag": huurtoeslag.huurtoeslag,
    "kindgebonden_budget": kindgebonden_budget.kindgebonden_budget,
    "kinderopvangtoeslag": kinderopvangtoeslag.kinderopvangtoeslag,
}
CHANGE = {
    ("zorgtoeslag", "stop"): gettext_noop("From {stop_hours} hours the zorgtoeslag stops: your joint income passes {ceiling}."),
    ("zorgtoeslag", "fall"): gettext_noop("The zorgtoeslag falls by {change} because your joint income rises from {income_from} to {income_to}."),
    ("huurtoeslag", "stop"): gettext_noop("From {stop_hours} hours the huurtoeslag stops: your joint income passes {ceiling}."),
    ("huurtoeslag", "fall"): gettext_noop("The huurtoeslag falls by {change} because your joint income rises from {income_from} to {income_to}."),
    ("kindgebonden_budget", "stop"): gettext_noop("From {stop_hours} hours the kindgebonden budget stops: your joint income passes {ceiling}."),
    ("kindgebonden_budget", "fall"): gettext_noop("The kindgebonden budget falls by {change} because your joint income rises from {income_from} to {income_to}."),
    ("kinderopvangtoeslag", "fall"): gettext_noop("The kinderopvangtoeslag falls by {change}: with a joint income of {income_to} a lower percentage of the childcare cost is paid back."),
    ("kinderopvangtoeslag", "start"): gettext_noop("From {start_hours} hours there is kinderopvangtoeslag ({to} a month): childcare is used and both parents (or the single parent) work."),
    ("bijstand", "stop"): gettext_noop("From {stop_hours} hours the bijstand stops: the household's net income from work with holiday allowance ({earned} a month) is above the bijstand norm of {norm} a month (holiday pay included)."),
    ("bijstand", "fall"): gettext_noop("Bijstand falls by {change}: the extra net income from work is counted against the bijstand norm."),
    ("childcare_cost", "start"): gettext_noop("From {start_hours} hours childcare is used while she works: it costs {cost} a month."),
    ("her_net", "rise"): gettext_noop("Her net wage rises by {change}: {gross_change} more gross, of which {tax_change} goes to loonheffing."),
    ("her_net", "fall"): gettext_noop("Her net wage falls by {change}: her wage reaches a higher row of the loonheffing table."),
    ("assessment", "fall"): gettext_noop("The annual tax assessment pays {change} less a month: her heffingskortingen phase out or the inkomensafhankelijke combinatiekorting moves (now {iack_to} a month)."),
    ("assessment", "rise"): gettext_noop("The annual tax assessment pays {change} more a month, mostly the inkomensafhankelijke combinatiekorting (now {iack_to} a month)."),
    ("holiday_allowance_month", "rise"): gettext_noop("Her holiday allowance adds {change} a month."),
    ("holiday_allowance_month", "fall"): gettext_noop("The holiday allowance gives {change} less a month (more of it is taxed)."),
    ("bijstand", "per_hour"): gettext_noop("For each extra hour of work a week the bijstand falls by {change} a month: the extra net income from work is counted against the bijstand norm."),
    ("zorgtoeslag", "per_hour"): gettext_noop("For each extra hour of work a week the zorgtoeslag falls by {change} a month: your joint income rises."),
    ("huurtoeslag", "per_hour"): gettext_noop("For each extra hour of work a week the huurtoeslag falls by {change} a month: your joint income rises."),
    ("kindgebonden_budget", "per_hour"): gettext_noop("For each extra hour of work a week the kindgebonden budget falls by {change} a month: your joint income rises."),
    ("kinderopvangtoeslag", "per_hour"): gettext_noop("For each extra hour of work a week the kinderopvangtoeslag falls by {change} a month: a lower percentage of the childcare cost is paid back."),
    ("assessment", "per_hour"): gettext_noop("For each extra hour of work a week the annual tax assessment gives {change} a month less: more tax is due on the year's income."),
    "per_hour": gettext_noop("For each extra hour of work a week this part falls by {change} a month."),
    "rise": gettext_noop("This part rises by {change} a month."),
    "fall": gettext_noop("This part falls by {change} a month."),
}  # fmt: skip


def _stop_income(res, i, comp) -> float | None:
    """The highest joint income (whole euros) at which this household still gets ``comp``: the
    toeslag's own rule evaluated on an income grid, so the figure is the rule's, not a guess."""
    from samensterk.income.parameters_loader import MissingParameter
    from samensterk.income.simulate import pack

    hh = res.households[i]
    p, a = load(hh.year), pack([hh])
    fn = _TOESLAG_RULES[comp]
    kw = {"p": p, "heeft_partner": a.has_partner, "kind_leeftijd": a.child_age}
    if comp == "zorgtoeslag":
        kw.pop("kind_leeftijd")
    if comp == "huurtoeslag":
        kw.update(kale_huur_maand=a.rent, eigen_woning=a.owner)

    def paid(incomes):
        return (
            np.floor(np.broadcast_to(fn(toetsingsinkomen=incomes[None, :], **kw), (1, incomes.size))[0] / 12)
            > 0
        )

    try:
        coarse = np.arange(0.0, 400_000.0, 100.0)
        ok = np.flatnonzero(paid(coarse))
        if ok.size == 0 or ok[-1] == coarse.size - 1:
            return None
        fine = np.arange(coarse[ok[-1]], coarse[ok[-1]] + 101.0, 1.0)
        return float(fine[np.flatnonzero(paid(fine))[-1]])
    except (MissingParameter, ImportError, AttributeError):
        return None


def _signed(res, comp, i, j):
    v = float(res.components[comp][i, j])
    return -v if comp == "childcare_cost" else v


def _first(res, i, comp, j0, j1, test):
    for j in range(j0 + 1, j1 + 1):
        if test(float(res.components[comp][i, j])):
            return float(res.hours[j])
    return float(res.hours[j1])


def _cause(res, i, comp, j0, j1):
    """Why ``comp`` changed between two columns: a template and its values."""
    c, ctx = res.components, res.context
    before, after = _signed(res, comp, i, j0), _signed(res, comp, i, j1)
    change = after - before
    vals = {"change": abs(change), "from": before, "to": after,
            "income_from": ctx["toetsingsinkomen"][i, j0], "income_to": ctx["toetsingsinkomen"][i, j1]}  # fmt: skip
    kind = "rise" if change > 0 else "fall"
    if comp in TOESLAGEN or comp == "bijstand":
        if before > 0 and after == 0 and (comp, "stop") in CHANGE:
            kind = "stop"
            vals["stop_hours"] = _first(res, i, comp, j0, j1, lambda v: v == 0)
            jstop = _col(res, vals["stop_hours"])
            vals["earned"] = float(
                c["her_net"][i, jstop] + c["partner_net"][i, jstop] + c["holiday_allowance_month"][i, jstop]
            )
            vals["norm"] = float(ctx["bijstand_norm"][i, 0])
            ceiling = _stop_income(res, i, comp) if comp in TOESLAGEN else None
            if ceiling is None and comp in TOESLAGEN:
                kind = "fall"
            else:
                vals["ceiling"] = ceiling or 0.0
    if comp in ("kinderopvangtoeslag", "childcare_cost") and abs(before) < 0.005 and abs(after) > 0:
        kind = "start"
        vals["start_hours"] = _first(res, i, comp, j0, j1, lambda v: v > 0)
        vals["cost"] = abs(after)
    if comp == "her_net":
        gross = float(c["her_gross"][i, j1] - c["her_gross"][i, j0])
        vals.update(
            gross_change=gross, tax_change=float(c["loonheffing_her"][i, j1] - c["loonheffing_her"][i, j0])
        )
    if comp == "assessment":
        vals["iack_to"] = float(c["iack"][i, j1])
    template = CHANGE.get((comp, kind), CHANGE["rise" if change > 0 else "fall"])
    title, href = SOURCES[comp]
    return {"component": comp, "label": LABELS[comp], "from": round(before, 2), "to": round(after, 2),
            "change": round(change, 2), "template": template, "values": {k: _plain(v) for k, v in vals.items()},
            "source": {"title": title, "href": href}}  # fmt: skip


def compare(res, i: int, hours_from, hours_to) -> dict:
    """What changed in household ``i``'s monthly net income between two hours values, and the
    rule behind each change (largest drop first)."""
    j0, j1 = _col(res, hours_from), _col(res, hours_to)
    changes = [_cause(res, i, comp, j0, j1) for comp in INCOME_LINES + COSTS
               if abs(_signed(res, comp, i, j1) - _signed(res, comp, i, j0)) >= 0.005]  # fmt: skip
    changes.sort(key=lambda x: x["change"])
    net = res.components["net_household"]
    return {"from_hours": float(hours_from), "to_hours": float(hours_to), "net_from": round(float(net[i, j0]), 2),
            "net_to": round(float(net[i, j1]), 2), "change": round(float(net[i, j1] - net[i, j0]), 2),
            "changes": changes}  # fmt: skip


# A change smaller than this (euros a month) is no drop: the cents of the annual settlement.
DROP_EUROS = 1.0


def _per_hour(cause: dict, step: float) -> dict:
    """A fall within one step, said per extra hour (a stop or start keeps its own sentence)."""
    if "stop_hours" in cause["values"] or "start_hours" in cause["values"] or step != 1:
        return cause
    template = CHANGE.get((cause["component"], "per_hour"), CHANGE["per_hour"])
    return {**cause, "template": template, "per_hour": True}


def cliffs(res, i: int, *, lowest: int = 5) -> list[dict]:
    """Hours where household ``i`` gains least per extra hour, or loses money: every step where
    the net household income falls by at least DROP_EUROS per hour, plus the ``lowest`` steps
    with the smallest gain. Each has its causes: the parts that fell by at least DROP_EUROS,
    with the rule behind each, said per extra hour."""
    net, gross = res.components["net_household"][i], res.components["her_gross"][i]
    steps = np.diff(res.hours)
    gain = np.diff(net) / np.where(steps == 0, 1, steps)
    chosen = set(np.flatnonzero(gain <= -DROP_EUROS).tolist()) | set(
        np.argsort(gain, kind="stable")[:lowest].tolist()
    )
    out = []
    for k in sorted(chosen):
        comp = compare(res, i, res.hours[k], res.hours[k + 1])
        extra_gross = float(gross[k + 1] - gross[k])
        out.append({"from_hours": float(res.hours[k]), "hours": float(res.hours[k + 1]),
                    "marginal_per_hour": round(float(gain[k]), 2), "loses": bool(gain[k] <= -DROP_EUROS),
                    "kept_percent": round(100 * float(net[k + 1] - net[k]) / extra_gross, 1) if extra_gross else None,
                    "causes": [_per_hour(c, float(steps[k])) for c in comp["changes"] if c["change"] <= -DROP_EUROS]})  # fmt: skip
    return out


def independence_hours(res, i: int) -> dict:
    """The fewest hours at which she is financially independent / economically independent (CBS)."""
    out = {}
    for key, comp in (("financial", "financially_independent"), ("economic", "economically_independent")):
        hits = np.flatnonzero(res.components[comp][i])
        out[key] = int(res.hours[hits[0]]) if hits.size else None
    return out
