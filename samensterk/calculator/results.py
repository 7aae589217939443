"""From a household dict to everything the page, the projector, the PDF and the API show.

One function, ``calculate``, calls the engine (docs/engine-contract.md) once for 0-40 hours and
turns the result into plain-words text in the active language. Nothing is stored or logged.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language, get_language_bidi, gettext, ngettext

from samensterk.calculator.chart import curve_svg
from samensterk.income import components as registry
from samensterk.income import timeline as timeline_rules
from samensterk.income.explain import (
    cliffs,
    compare,
    explain,
    gettext_noop,
    independence_hours,
    render_line,
)
from samensterk.income.household import CARE_PER_WORK_HOUR, household_from_model, parse_household
from samensterk.income.model import CURVE_HOURS
from samensterk.income.simulate import simulate

HOURS = list(CURVE_HOURS)
WEEKS_PER_MONTH = 52 / 12
# A drop worth marking on the chart: the household loses at least this much per extra hour.
DROP_MARK_EUROS = 1.0
# A stretch where the household keeps less than this share of her extra gross wage is marked too.
FLAT_KEPT_PERCENT = 10


_QUANTUM = {0: Decimal(1), 2: Decimal("0.01")}  # whole euros, or cents


@lru_cache(maxsize=32)
def _number_format(language: str | None) -> tuple[str, int, str]:
    """The active language's decimal separator, grouping and thousands separator. Looked up once
    per language: a result page formats about a hundred amounts, and each get_format call costs
    more than the formatting itself."""
    # Django's Arabic format has no grouping; an amount of thousands is read more easily with it.
    return (
        get_format("DECIMAL_SEPARATOR"),
        get_format("NUMBER_GROUPING") or 3,
        get_format("THOUSAND_SEPARATOR"),
    )


def format_money(value, cents: bool | None = None) -> str:
    """'€ 1.234' in Dutch, '€ 1,234' in English: Django's number format of the active language.
    Small amounts with cents (an hourly wage) keep their cents; the rest is whole euros."""
    value = float(value)
    if cents is None:
        cents = abs(value) < 100 and abs(round(value, 2) - round(value)) >= 0.005
    digits = 2 if cents else 0
    # Django's number_format cuts decimals off; round half up first (as the law rounds).
    rounded = Decimal(str(abs(value))).quantize(_QUANTUM[digits], rounding=ROUND_HALF_UP)
    decimal_sep, grouping, thousand_sep = _number_format(get_language())
    if grouping == 3:  # every language we serve: Python's own grouping, then the language's marks
        number = f"{rounded:,.{digits}f}".translate({ord(","): thousand_sep, ord("."): decimal_sep})
    else:
        number = numberformat.format(rounded, decimal_sep, decimal_pos=digits, grouping=grouping,
                                     thousand_sep=thousand_sep, force_grouping=True)  # fmt: skip
    sign = "−" if value < 0 and rounded != 0 else ""
    return f"{sign}€\u00a0{number}"


def _signed_money(change: float) -> str:
    """A difference: '+€ 79', '−€ 1.298', or empty when it rounds to nothing."""
    if abs(change) < 0.5:
        return ""
    return ("+" if change > 0 else "") + format_money(change, cents=False)


def _t(text: str) -> str:
    return gettext(text) if text else ""


def _source(src: dict) -> dict:
    """A source with its title in the page's language (law titles stay as they are)."""
    return {**src, "title": gettext(src["title"]) if src.get("title") else ""}


def _render(line: dict) -> str:
    return render_line(line, translate=gettext, money=format_money)


@dataclass
class Calculation:
    """The engine's result for one household, with the parts the templates need. Row 0 of ``res``
    is the shown period of the bijstand time line (or the household itself, without one); the
    periods follow in rows ``periods`` ((key, row), ...), from income.timeline."""

    res: object
    household: dict
    periods: tuple = ()  # ((period key, row in res), ...)
    period_list: tuple = ()  # income.timeline.Period, in order
    shown: str | None = None

    @property
    def c(self):
        return {k: v[0] for k, v in self.res.components.items()}


def _calculation(hh, household: dict, period: str | None) -> Calculation:
    r = timeline_rules.run(hh, shown=period or "first", hours=HOURS)
    return Calculation(res=r.res, household=household, periods=tuple(r.rows.items()),
                       period_list=r.periods, shown=r.shown)  # fmt: skip


def run(household: dict, period: str | None = None) -> Calculation:
    """Validate and simulate one household over 0-40 hours with its bijstand time line (raises
    HouseholdInvalid); ``period``: the period whose figures the page details."""
    return _calculation(parse_household(household, offered_only=True), household, period)


def run_model(model, period: str | None = None) -> Calculation:
    """The same for a household the API has validated already (income.model.HouseholdIn)."""
    return _calculation(household_from_model(model, offered_only=True), model.model_dump(), period)


# The time line is computed, not approximated: said on the page and in the handout.
PERIOD_AGES_NOTE = gettext_noop(
    "A period in a later year counts the children as old as they are then: a child of 4 goes to school, "
    "and from day care to after-school care, which costs less. After primary school there is no childcare."
)
PERIOD_YEAR_NOTE = (
    # xgettext:no-python-format
    gettext_noop("Each figure is a month in that period of a year as it really runs: her first year of work has six "
                 "months with the 25% disregard and six months after them, and the toeslagen and the tax settlement "
                 "follow that whole year's income. “After six months” shows months 7 to 12 of that first year.")
)  # fmt: skip
PERIOD_SENTENCE = {
    "first": gettext_noop("This is the picture for the first six months of her work, while part of what she earns is kept next to the bijstand."),
    "after": gettext_noop("This is the picture after the first six months of her work."),
    # xgettext:no-python-format
    "second_third": gettext_noop("This is the picture for her second and third year of work, while 12.5% of what she earns is kept next to the bijstand."),
    "later": gettext_noop("This is the picture after three years of her work, when no part of what she earns is kept any more."),
    "later_none": gettext_noop("This is the picture from her second year of work on, when no part of what she earns is kept any more."),
}  # fmt: skip


def _long_disregard(calc: Calculation) -> bool:
    """Whether the 12.5% disregard of a single parent follows the first six months: then "later"
    starts after three years, otherwise (a couple, an older child) in her second year."""
    return any(p.key == "second_third" for p in calc.period_list)


def timeline(calc: Calculation, hours: int, shown: str | None = None) -> list[dict]:
    """Each period of the bijstand time line at ``hours`` (income.timeline.summary): the change
    against not working and the net income, per month of that period."""
    shown = shown or calc.shown
    out = []
    today = list(calc.period_list[0].household.children) if calc.period_list else []
    for p in timeline_rules.summary(
        timeline_rules.Run(calc.res, calc.period_list, dict(calc.periods), shown), hours
    ):
        out.append(
            {
                "key": p["key"],
                "label": gettext(p["label"]),
                "note": gettext(p["note"]),
                # A later year sees the children older (income.household.aged): said where it does.
                "ages": _period_ages(p["children"]) if p["children"] != today else "",
                "change": _signed_money(p["change_vs_0"]) or format_money(0),
                "change_value": p["change_vs_0"],
                "net": format_money(p["net_household"], cents=False),
                "net_value": p["net_household"],
                "shown": p["shown"],
            }
        )
    return out


def _period_ages(ages: list[int]) -> str:
    if not ages:
        return gettext("No children under 18 then.")
    return ngettext("The child is then %(ages)s.", "The children are then %(ages)s.", len(ages)) % {
        "ages": ", ".join(str(a) for a in ages)
    }


def sentence(hours: int, change_month: float, in_period: bool = False) -> str:
    """The answer in one sentence. ``in_period``: a month of one period of the bijstand time line,
    whose months differ within the year, so no "per year" of twelve such months."""
    if hours == 0:
        return gettext("This is your household's income if she does not work.")
    if in_period:
        return _period_sentence(hours, change_month)
    values = {
        "hours": hours,
        "month": format_money(abs(change_month), cents=False),
        "year": format_money(abs(change_month) * 12, cents=False),
    }
    if change_month >= 0.5:
        text = ngettext(
            "If she works %(hours)s hour a week, your household has %(month)s more per month (%(year)s per year).",
            "If she works %(hours)s hours a week, your household has %(month)s more per month (%(year)s per year).",
            hours,
        )
    elif change_month <= -0.5:
        text = ngettext(
            "If she works %(hours)s hour a week, your household has %(month)s less per month (%(year)s less per year).",
            "If she works %(hours)s hours a week, your household has %(month)s less per month (%(year)s less per year).",
            hours,
        )
    else:
        text = ngettext(
            "If she works %(hours)s hour a week, your household has about the same per month as when she does not work.",
            "If she works %(hours)s hours a week, your household has about the same per month as when she does not work.",
            hours,
        )
    return text % values


def _period_sentence(hours: int, change_month: float) -> str:
    values = {"hours": hours, "month": format_money(abs(change_month), cents=False)}
    if change_month >= 0.5:
        text = ngettext(
            "If she works %(hours)s hour a week, your household has %(month)s more per month in this period.",
            "If she works %(hours)s hours a week, your household has %(month)s more per month in this period.",
            hours,
        )
    elif change_month <= -0.5:
        text = ngettext(
            "If she works %(hours)s hour a week, your household has %(month)s less per month in this period.",
            "If she works %(hours)s hours a week, your household has %(month)s less per month in this period.",
            hours,
        )
    else:
        text = ngettext(
            "If she works %(hours)s hour a week, your household has about the same per month in this period as when she does not work.",
            "If she works %(hours)s hours a week, your household has about the same per month in this period as when she does not work.",
            hours,
        )
    return text % values


def independence_sentence(hours: int, independent: bool, from_hours: int | None) -> str:
    if independent:
        return ngettext(
            "At %(hours)s hour a week she is financially independent: her own net income from work is at least the net minimum wage.",
            "At %(hours)s hours a week she is financially independent: her own net income from work is at least the net minimum wage.",
            hours,
        ) % {"hours": hours}
    if from_hours is None:
        return gettext(
            "At this wage she does not become financially independent within 40 hours a week: her own net income from work stays below the net minimum wage."
        )
    return ngettext(
        "She is not yet financially independent at these hours; she is from %(from)s hour a week.",
        "She is not yet financially independent at these hours; she is from %(from)s hours a week.",
        from_hours,
    ) % {"from": from_hours}


def _drop_short(cause: dict, kind: str = "", keeps: bool = False) -> str:
    label = _t(cause["label"])
    if kind == "flat" and keeps:  # a disregard: she keeps part of her earnings, not nothing
        return gettext("%(part)s takes back her extra earnings, except the part she keeps") % {"part": label}
    if kind == "flat":
        return gettext("%(part)s takes back what she earns") % {"part": label}
    if "stop_hours" in cause["values"]:
        return gettext("%(part)s stops") % {"part": label}
    if "start_hours" in cause["values"]:
        return gettext("%(part)s starts") % {"part": label}
    return gettext("%(part)s falls") % {"part": label}


def _kept_percent(calc: Calculation, hours: int) -> float:
    """The share of the extra gross wage of the step to ``hours`` that the household keeps."""
    c = calc.c
    gross = float(c["her_gross"][hours] - c["her_gross"][hours - 1])
    return 100 * float(c["net_household"][hours] - c["net_household"][hours - 1]) / gross if gross else 100.0


def drops(calc: Calculation) -> list[dict]:
    """Each drop worth marking: the household loses money per extra hour, or a toeslag stops."""
    out, seen = [], set()
    hh = calc.res.households[0]
    keeps = hh.bijstand_vrijlating or (hh.bijstand_vrijlating_alleenstaande_ouder and not hh.has_partner)
    for cliff in cliffs(calc.res, 0):
        if not cliff["causes"]:
            continue
        stops = [c for c in cliff["causes"] if "stop_hours" in c["values"]]
        loses = cliff["loses"] and cliff["marginal_per_hour"] <= -DROP_MARK_EUROS
        # Almost nothing of an extra hour's wage is kept (the bijstand takes it back): a flat line.
        flat = cliff["kept_percent"] is not None and cliff["kept_percent"] < FLAT_KEPT_PERCENT
        if not (stops or loses or flat):
            continue
        cause = stops[0] if stops else cliff["causes"][0]
        # Where the bijstand takes her extra wage back, that is the story even when the year's
        # tax makes the step a small loss.
        kind = (
            "stop"
            if stops
            else (
                "flat"
                if flat and registry.BY_KEY[cause["component"]].takes_back
                else ("fall" if loses else "flat")
            )
        )
        key = (cause["component"], kind)
        if key in seen:
            continue
        seen.add(key)
        hours = int(cliff["hours"])
        if kind == "flat":  # mark where the flat stretch begins
            while hours > 1 and _kept_percent(calc, hours - 1) < FLAT_KEPT_PERCENT:
                hours -= 1
        out.append(
            {
                "number": len(out) + 1,
                "hours": hours,
                "short": _drop_short(cause, kind, keeps),
                "text": _render(cause),
                "per_hour": cliff["marginal_per_hour"],
                "source": _source(cause["source"]),
            }
        )
    return out


def chart_labels(independent_from: int | None) -> dict:
    """The chart's words: its title and axis, and each line's label from the registry."""
    labels = {name: gettext(text) for c in registry.REGISTRY for name, text in c.chart.items()}
    labels["independent"] = (
        labels["independent"] % {"hours": independent_from} if independent_from is not None else ""
    )
    return {
        "title": gettext("Net household income per month for 0 to 40 hours of work a week"),
        "x": gettext("Her hours of paid work per week"),
        **labels,
    }


def chart(
    calc: Calculation,
    selected: int,
    marks: list[dict],
    *,
    large=False,
    compact=False,
    text_labels=True,
    chart_id="chart",
    pdf=False,
) -> str:
    """The curve as SVG (calculator/chart.py): the page, the projector and the PDF draw the same.
    With a bijstand time line the shown period is the thick curve and the others are labelled."""
    c = calc.c
    ind = independence_hours(calc.res, 0)["financial"]
    own = [float(v) for v in calc.res.context["own_work_net_month"][0]]
    threshold = float(calc.res.context["netto_minimumloon"][0, 0])
    labels = chart_labels(ind)
    others = []
    for p in calc.period_list:
        if p.key == calc.shown:
            labels["household"] = f"{labels['household']} ({gettext(p.label)})"
            continue
        values = calc.res.components["net_household"][dict(calc.periods)[p.key]]
        others.append({"label": gettext(p.label), "values": [float(v) for v in values]})
    return curve_svg(
        hours=HOURS,
        household=[float(v) for v in c["net_household"]],
        own=own,
        threshold=threshold,
        independence_hours=ind,
        drops=marks,
        selected=selected,
        labels=labels,
        money=lambda v: format_money(v, cents=False),
        rtl=get_language_bidi(),
        large=large,
        compact=compact,
        text_labels=text_labels,
        chart_id=chart_id,
        periods=others,
    )


def live(calc: Calculation, hours: int, compare_a: int, period: str = "first") -> dict:
    """What changes when the hours change: the sentences, the comparison and the explanation."""
    c = calc.c
    ind = independence_hours(calc.res, 0)
    change = float(c["change_vs_0"][hours])
    lines_b = explain(calc.res, 0, hours)
    lines_a = {line["component"]: line for line in explain(calc.res, 0, compare_a)}
    changes = {ch["component"]: ch for ch in compare(calc.res, 0, compare_a, hours)["changes"]}
    vs_zero = (
        changes
        if compare_a == 0
        else {ch["component"]: ch for ch in compare(calc.res, 0, 0, hours)["changes"]}
    )
    reasons = [
        {"label": _t(ch["label"]), "change": _signed_money(ch["change"]), "up": ch["change"] > 0}
        for ch in sorted(vs_zero.values(), key=lambda ch: -abs(ch["change"]))[:4]
        if abs(ch["change"]) >= 0.5
    ]
    rows, independence_text = [], ""
    for line in lines_b:
        comp = registry.BY_KEY[line["component"]]
        if not comp.in_table:  # said in its own sentence under the table
            independence_text = _render(line)
            continue
        before = lines_a.get(comp.key, {}).get("amount", 0.0)
        cause = changes.get(comp.key)
        rows.append(
            {
                "component": comp.key,
                "label": _t(line["label"]),
                "a": format_money(before, cents=False),
                "b": format_money(line["amount"], cents=False),
                "change": _signed_money(line["amount"] - before),
                "text": _render(line),
                "why": _render(cause) if cause else "",
                "source": _source(line["source"]),
                "missing": line["missing"],
                "total": comp.total,
            }
        )
    periods = timeline(calc, hours) if calc.periods else []
    return {
        "timeline": periods,
        "period_sentence": gettext(
            PERIOD_SENTENCE[
                "later_none" if calc.shown == "later" and not _long_disregard(calc) else calc.shown
            ]
        )
        if calc.periods
        else "",
        "hours": hours,
        "compare_a": compare_a,
        "sentence": sentence(hours, change, in_period=bool(calc.periods)),
        "period_year_note": gettext(PERIOD_YEAR_NOTE) if calc.periods else "",
        "period_ages_note": gettext(PERIOD_AGES_NOTE) if any(p["ages"] for p in periods) else "",
        "reasons": reasons,
        "independent": bool(c["financially_independent"][hours]),
        "independence_sentence": independence_sentence(
            hours, bool(c["financially_independent"][hours]), ind["financial"]
        ),
        "independence_text": independence_text,
        "independent_from": ind["financial"],
        "economic_from": ind["economic"],
        "net_month": format_money(c["net_household"][hours], cents=False),
        "net_year": format_money(c["net_household_year"][hours], cents=False),
        # In her first year of work the year is six months of each of two periods: said, so the
        # year and the month agree (otherwise the year is twelve such months).
        "total_sentence": gettext(
            "In total the household then has %(month)s net per month in this period. Her first year of work "
            "adds up to %(year)s: six months of the first period and six months of the second."
        )
        % {
            "month": format_money(c["net_household"][hours], cents=False),
            "year": format_money(c["net_household_year"][hours], cents=False),
        }  # fmt: skip
        if calc.shown in ("first", "after")
        else "",
        "rows": rows,
        "holiday_may": format_money(c["holiday_allowance_may"][hours], cents=False),
        "childcare_cost": format_money(c["childcare_cost"][hours], cents=False),
        "has_childcare_cost": float(c["childcare_cost"][hours]) > 0.5,
        "has_toeslagen": any(float(c[k][hours]) > 0 for k in registry.TOESLAGEN),
        # "Both, by mistake": the payback next spring and what to do, said next to the answer.
        "korting_twice_note": gettext(
            "Her loonheffingskorting is applied twice, by her employer and by the gemeente: next spring you pay "
            "back about %(year)s with the annual tax assessment. Tell her employer to stop applying it, or ask "
            "the Belastingdienst for a provisional assessment so you pay it back by the month."
        )
        % {"year": format_money(-12 * float(c["assessment"][hours]), cents=False)}
        if calc.res.households[0].loonheffingskorting == "both"
        and float(c["assessment"][hours]) <= -0.5
        and float(c["bijstand"][hours]) > 0
        else "",
        "no_kot_note": float(c["childcare_cost"][hours]) > 0.5
        and float(c["kinderopvangtoeslag"][hours]) < 0.5,
    }


# A working week of daytime hours: two parents who split their days need care only for the hours
# they work at the same time, at least (his + hers - this) and at most the fewer of the two.
DAYTIME_WEEK = 40


def arrangements(calc: Calculation, his_now: float, pairs: list[tuple[int, int]]) -> list[dict]:
    """Who cares, who earns: the household in other splits of paid work, (his, hers) hours a week.

    His hourly wage is his gross monthly wage at ``his_now`` hours; childcare follows the hours
    both work at the same time when they split their days (the lower bound, stated on the page).
    Raises HouseholdInvalid when a split cannot be computed (e.g. an hourly wage above the limit).
    """
    gross = float(calc.c["partner_gross"][0])
    hourly = round(gross / (his_now * WEEKS_PER_MONTH), 4)
    hhs, overlaps = [], []
    for his, hers in pairs:
        hh = copy.deepcopy(calc.household)
        pension = hh["partner"].get("pension_percent", 0)
        hh["partner"] = {"situation": "works", "hourly_wage": hourly, "hours_week": float(his)}
        if pension:
            hh["partner"]["pension_percent"] = pension
        low, high = care_overlap(his, hers)
        for care in hh.get("childcare", []):
            care["hours_month"] = CARE_PER_WORK_HOUR[care["type"]] * low * WEEKS_PER_MONTH
        hhs.append(parse_household(hh))
        overlaps.append((low, high))
    res = simulate(hhs, hours=HOURS)
    out = []
    for k, ((his, hers), (low, high)) in enumerate(zip(pairs, overlaps, strict=True)):
        c, ctx = res.components, res.context
        out.append(
            {
                "his": his,
                "hers": hers,
                "net": format_money(c["net_household"][k, hers], cents=False),
                "net_value": float(c["net_household"][k, hers]),
                "his_own": format_money(ctx["partner_own_work_net_month"][k, hers], cents=False),
                "his_independent": bool(ctx["partner_financially_independent"][k, hers]),
                "her_own": format_money(ctx["own_work_net_month"][k, hers], cents=False),
                "her_independent": bool(c["financially_independent"][k, hers]),
                "care_low": low,
                "care_high": high,
                # The cost, the toeslag that pays part of it back, and what the household pays:
                # the cost alone made sharing the work look dearer by the whole toeslag.
                "childcare_cost": format_money(c["childcare_cost"][k, hers], cents=False),
                "childcare_toeslag": format_money(c["kinderopvangtoeslag"][k, hers], cents=False),
                "childcare_net": format_money(
                    float(c["childcare_cost"][k, hers])
                    - float(c["kinderopvangtoeslag"][k, hers])
                    - float(c["gemeente_childcare"][k, hers]),  # 0 unless the gemeente pays the own share
                    cents=False,
                ),
                "has_childcare": float(c["childcare_cost"][k, hers]) >= 0.5,
            }
        )
    return out


def care_overlap(his: int, hers: int) -> tuple[int, int]:
    """Hours of childcare a week when both work (his, hers) and split their days: at least the
    hours beyond a daytime week, at most the fewer of the two. He works 60 h and she 0: none (the
    lower bound never exceeds the upper, so no backwards range such as "20-0")."""
    high = min(his, hers)
    return min(max(0, his + hers - DAYTIME_WEEK), high), high


def component_labels() -> dict:
    """Every component's label in the active language, for a template that names a component,
    and the labels of the chart's lines (``own``: her own net income from work)."""
    return {c.key: _t(c.label) for c in registry.REGISTRY} | {
        name: gettext(text) for c in registry.REGISTRY for name, text in c.chart.items()
    }


def missing_notes(calc: Calculation) -> list[dict]:
    seen, out = set(), []
    for m in calc.res.missing[0]:
        key = (m["component"], m.get("parameter"))
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "component": m["component"],
                "label": _t(registry.label(m["component"])),
                "parameter": m.get("parameter") or "",
                "note": m.get("note") or "",
            }
        )
    return out


def curve_table(calc: Calculation) -> list[dict]:
    """The chart's figures per hours value; with a bijstand time line, each period's too."""
    c, all_rows = calc.c, calc.res.components
    rows = [dict(calc.periods)[p.key] for p in calc.period_list]
    return [
        {
            "hours": h,
            "net": format_money(c["net_household"][h], cents=False),
            "change": format_money(c["change_vs_0"][h], cents=False),
            "independent": bool(c["financially_independent"][h]),
            "periods": [
                {
                    "net": format_money(all_rows["net_household"][r, h], cents=False),
                    "change": _signed_money(all_rows["change_vs_0"][r, h]) or format_money(0),
                }  # fmt: skip
                for r in rows
            ],
        }
        for h in HOURS
    ]


def full(
    calc: Calculation,
    hours: int,
    compare_a: int,
    *,
    with_chart=True,
    large=False,
    phone=False,
    pdf=False,
    period="first",
) -> dict:
    """Everything the page shows for one household (the chart once per submission)."""
    marks = drops(calc)
    out = {
        **live(calc, hours, compare_a, period),
        "drops": marks,
        "missing": missing_notes(calc),
        "labels": component_labels(),
        "curve": curve_table(calc),
        "curve_periods": [gettext(p.label) for p in calc.period_list],
    }
    if with_chart:
        # WeasyPrint does not shape right-to-left text inside SVG: the PDF's legend is then HTML.
        words = not (pdf and get_language_bidi())
        out["chart_svg"] = chart(calc, hours, marks, large=large, text_labels=words, pdf=pdf)
        out["chart_labels"] = (
            None
            if words
            else {
                **chart_labels(independence_hours(calc.res, 0)["financial"]),
                # The time line's other curves (dashed), for a legend beside the drawing.
                "periods": [gettext(p.label) for p in calc.period_list if p.key != calc.shown],
            }
        )
    if with_chart and phone:  # a second, narrower drawing with larger type for phones
        out["chart_svg_compact"] = chart(calc, hours, marks, compact=True, chart_id="chart-compact")
    return out
