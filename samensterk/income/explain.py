"""Explanations: every euro of a result in plain words, with its rule, parameters and source.

Templates are English source strings marked with :func:`gettext_noop` so Django's makemessages
finds them; :func:`render_line` renders them with the caller's translator and money format.
Values are money unless their name ends in ``_percent`` or ``_hours``.
"""

from __future__ import annotations

import datetime as dt
import inspect
from functools import cached_property, lru_cache

import numpy as np

from samensterk.income import components as registry
from samensterk.income.parameters_loader import (
    MissingParameter,
    Scale,
    all_parameters,
    load,
    reference_at,
    value_at,
)
from samensterk.income.simulate import pack


def gettext_noop(s):
    """Mark a string for translation without translating it (Django's makemessages looks for this name)."""
    return s


# Every sentence about a component is declared once, in components.py; these views are kept for
# callers and tests (T: the line's wordings, "<component>" and "<component>:<variant>").
T = {c.key: c.says for c in registry.REGISTRY} | {
    f"{c.key}:{name}": text for c in registry.REGISTRY for name, text in c.variants.items()
}


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
    prefixes = registry.BY_KEY[component].parameters
    instant, out = dt.date(year, 1, 1), []
    for name, param in all_parameters().items():
        if not prefixes or not name.startswith(prefixes):
            continue
        item = {"name": name, "unit": param.unit, "description": param.description}
        try:
            item["value"] = _json(value_at(name, instant))
            item["reference"] = [dict(r) for r in reference_at(name, instant)]
        except MissingParameter as e:
            item.update(value=None, reference=[], missing=True, note=e.note)
        out.append(item)
    return tuple(out)


class Facts:
    """What a component's sentence may read (components.py): one household at one hours value.
    ``f(key)`` is a component's value, ``f.ctx(key)`` an engine input (per household or per hours)."""

    def __init__(self, res, i: int, j: int):
        self.res, self.i, self.j = res, i, j
        self.household = res.households[i]
        self.hours = res.hours[j]

    def __call__(self, key: str) -> float:
        return float(self.res.components[key][self.i, self.j])

    def ctx(self, key: str) -> float:
        values = self.res.context[key]
        return float(values[self.i, self.j if values.shape[1] > 1 else 0])

    @cached_property
    def income(self) -> float:
        return self.ctx("toetsingsinkomen")

    @cached_property
    def p(self):
        return load(int(self.ctx("year")))


def _line(res, i, component, amount, template, values, year):
    comp = registry.BY_KEY[component]
    title, href = comp.source
    missing = [m for m in res.missing[i] if m["component"] in (component, *comp.also_missing)]
    line = {"component": component, "amount": round(float(amount), 2), "label": comp.label,
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


def _amount(res, i, j, comp) -> float:
    """A component's value as the net household income counts it (a cost is negative)."""
    if comp.key not in res.components:
        return 0.0
    v = float(res.components[comp.key][i, j])
    return -v if comp.sign < 0 else v


def explain(res, i: int, hours) -> list[dict]:
    """The net household income of household ``i`` at ``hours``, line by line (euros per month):
    one line per component of the registry that applies to the household, in its order."""
    j, hh = _col(res, hours), res.households[i]
    year = int(res.context["year"][i, 0])
    f, lines = Facts(res, i, j), []
    for comp in registry.REGISTRY:
        if not comp.shown(hh):
            continue
        said = comp.facts(f)
        amount = _amount(res, i, j, comp) if said.amount is None else said.amount
        template = comp.variants[said.variant] if said.variant else comp.says
        line = _line(res, i, comp.key, amount, template, said.values, year)
        if said.more:
            line["more"] = [comp.variants[k] for k in said.more]
        lines.append(line)
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
    templates = [line["template"], *line.get("more", ())]
    if line.get("label") and any("{part}" in t for t in templates):  # a fall-back names its component
        values.setdefault("part", translate(line["label"]))
    return " ".join(translate(t).format(**values) for t in templates)


# --- compare and cliffs -------------------------------------------------------------------------

# Why a component changed: its own sentences (components.py) by (component, kind), and the
# plain fall-backs for a component that has none of that kind.
CHANGE = {(c.key, kind): text for c in registry.REGISTRY for kind, text in c.changes.items()} | {
    # {part}: the component's label, so a sentence read on its own (the API, the CLI) names it.
    "per_hour": gettext_noop("For each extra hour of work a week, {part} falls by {change} a month."),
    "rise": gettext_noop("{part} rises by {change} a month."),
    "fall": gettext_noop("{part} falls by {change} a month."),
}


def _stop_income(res, i, comp) -> float | None:
    """The highest joint income (whole euros) at which this household still gets ``comp``: the
    toeslag's own rule evaluated on an income grid, so the figure is the rule's, not a guess."""
    hh = res.households[i]
    p, a = load(hh.year), pack([hh])
    fn = comp.stop_rule
    # Each rule takes the household's inputs it needs, by the law's names.
    inputs = {"heeft_partner": a.has_partner, "kind_leeftijd": a.child_age, "kale_huur_maand": a.rent,
              "eigen_woning": a.owner}  # fmt: skip
    kw = {k: v for k, v in inputs.items() if k in inspect.signature(fn).parameters}

    def paid(incomes):
        return (
            np.floor(
                np.broadcast_to(fn(p, toetsingsinkomen=incomes[None, :], **kw), (1, incomes.size))[0] / 12
            )
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


def _first(res, i, comp, j0, j1, test):
    for j in range(j0 + 1, j1 + 1):
        if test(float(res.components[comp.key][i, j])):
            return float(res.hours[j])
    return float(res.hours[j1])


def _cause(res, i, comp, j0, j1):
    """Why ``comp`` (a registry entry) changed between two columns: a template and its values."""
    ctx = res.context
    before, after = _amount(res, i, j0, comp), _amount(res, i, j1, comp)
    change = after - before
    vals = {"change": abs(change), "from": before, "to": after,
            "income_from": ctx["toetsingsinkomen"][i, j0], "income_to": ctx["toetsingsinkomen"][i, j1]}  # fmt: skip
    kind = "rise" if change > 0 else "fall"
    if before > 0 and after == 0 and "stop" in comp.changes:
        kind = "stop"
        vals["stop_hours"] = _first(res, i, comp, j0, j1, lambda v: v == 0)
        vals.update(registry.stop_facts(Facts(res, i, _col(res, vals["stop_hours"]))))
        ceiling = _stop_income(res, i, comp) if comp.stop_rule else None
        if ceiling is None and comp.stop_rule:
            kind = "fall"
        else:
            vals["ceiling"] = ceiling or 0.0
    if "start" in comp.changes and abs(before) < 0.005 and abs(after) > 0:
        kind = "start"
        vals["start_hours"] = _first(res, i, comp, j0, j1, lambda v: v > 0)
        vals["cost"] = abs(after)
    variant = None
    if comp.change_facts:
        extra = comp.change_facts(Facts(res, i, j0), Facts(res, i, j1))
        variant = extra.pop("_variant", None)  # the real reason, where a component names one
        vals.update(extra)
        if variant and kind in ("rise", "fall") and f"{kind}_{variant}" in comp.changes:
            kind = f"{kind}_{variant}"
    template = comp.changes.get(kind) or CHANGE["rise" if change > 0 else "fall"]
    title, href = comp.source
    out = {"component": comp.key, "label": comp.label, "from": round(before, 2), "to": round(after, 2),
           "change": round(change, 2), "template": template, "values": {k: _plain(v) for k, v in vals.items()},
           "source": {"title": title, "href": href}}  # fmt: skip
    if variant:
        out["variant"] = variant
    return out


def compare(res, i: int, hours_from, hours_to) -> dict:
    """What changed in household ``i``'s monthly net income between two hours values, and the
    rule behind each change (largest drop first)."""
    j0, j1 = _col(res, hours_from), _col(res, hours_to)
    # Income first, then costs, each in the registry's order (the sort below is stable).
    summed = [c for c in registry.REGISTRY if c.sign > 0] + [c for c in registry.REGISTRY if c.sign < 0]
    changes = [_cause(res, i, comp, j0, j1) for comp in summed
               if abs(_amount(res, i, j1, comp) - _amount(res, i, j0, comp)) >= 0.005]  # fmt: skip
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
    changes = registry.BY_KEY[cause["component"]].changes
    variant = cause.get("variant")
    template = changes.get(f"per_hour_{variant}") or changes.get("per_hour") or CHANGE["per_hour"]
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
