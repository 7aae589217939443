"""One registry of the components of a result: each declared once, in the order it is shown.

A component's entry holds everything said about it anywhere: its label, its sign in the
household's net income, its legal source and parameters, when its line applies to a household,
the plain-words sentence that explains it (and the figures that fill it in), the sentences that
say why it changed, and its column in the CLI's table. ``simulate`` sums the net household income
from it; ``explain`` (and through it the page, the chart's drop marks, the PDF, the API and the
CLI) walks it in order and names no component itself. Only the arithmetic of each component
lives elsewhere (``simulate`` and ``formulas/``).

Labels and sentences are English source strings for translation (marked with ``gettext_noop``);
the callers translate them. Values are money unless their name ends in ``_percent`` or ``_hours``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from samensterk.income.formulas import huurtoeslag, kindgebonden_budget, zorgtoeslag


def gettext_noop(s):
    """Mark a string for translation without translating it (makemessages looks for this name)."""
    return s


LAW = "https://wetten.overheid.nl/"
LOONHEFFING = ("Wet op de loonbelasting 1964, art. 20a-22; witte maandtabel", LAW + "BWBR0002471")
PAYROLL = ("loonheffing.", "inkomstenbelasting.", "algemene_heffingskorting.", "arbeidskorting.")


class Said(NamedTuple):
    """What a component's line says for one household at one hours value: the figures of its
    sentence, which wording (a key of ``variants``; "" is ``says``), extra sentences (keys of
    ``variants``) and, when the line's amount is not the component's own value, that amount."""

    values: dict
    variant: str = ""
    more: tuple[str, ...] = ()
    amount: float | None = None


def _income(f) -> Said:
    """The toeslagen's default: the joint income they are computed on."""
    return Said({"income": f.income})


def _always(_household) -> bool:
    return True


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    sign: int  # +1 adds to the net household income, -1 is paid out of it, 0 is not summed
    source: tuple[str, str]  # (title, href)
    parameters: tuple[str, ...] = ()  # parameter name prefixes behind it
    toeslag: bool = False  # a toeslag on the joint toetsingsinkomen (Awir)
    says: str = ""  # the line in plain words (a template)
    variants: Mapping[str, str] = field(default_factory=dict)  # other wordings and extra sentences
    facts: Callable = _income  # (Facts) -> Said: the figures of the sentence
    shown: Callable = _always  # (Household) -> bool: whether the line applies to the household
    changes: Mapping[str, str] = field(default_factory=dict)  # why it changed, by kind (stop, fall …)
    change_facts: Callable | None = None  # (Facts before, Facts after) -> extra figures of those sentences
    stop_rule: Callable | None = None  # the annual rule whose income ceiling a "stop" sentence names
    also_missing: tuple[str, ...] = ()  # other components whose missing figures this line reports
    column: str = ""  # the CLI table's column (components sharing one are summed); "" = not in it
    chart: Mapping[str, str] = field(default_factory=dict)  # the chart's labels of the lines it draws
    in_table: bool = True  # a row of the page's and the PDF's line-by-line table
    total: bool = False  # the table's total row
    takes_back: bool = False  # a top-up that takes back what she earns: the chart marks its flat stretch

    @property
    def href(self) -> str:
        return self.source[1]


# --- the figures behind each sentence -----------------------------------------------------------
# ``f(key)`` is a component's value, ``f.ctx(key)`` an engine input, ``f.household`` the household,
# ``f.hours`` her hours, ``f.income`` the joint toetsingsinkomen, ``f.p`` the year's parameters.


def _her_net(f) -> Said:
    if f("her_gross") <= 0:
        return Said({}, "zero", amount=0.0)
    pension = f("her_gross") - f("her_net") - f("loonheffing_her")
    values = {"hours_hours": f.hours, "wage": f.ctx("her_hourly_wage"), "gross": f("her_gross"), "pension": pension,
              "loonheffing": f("loonheffing_her"), "ahk": f("algemene_heffingskorting"), "ak": f("arbeidskorting"),
              "net": f("her_net")}  # fmt: skip
    # Without korting: the gemeente applies her loonheffingskorting to the bijstand.
    without = not f.ctx("korting_at_employer")
    variant = ("pension" if pension > 0.005 else "") + ("_no_korting" if without else "")
    return Said(values, variant.lstrip("_"))


def _her_net_change(f0, f1) -> dict:
    return {"gross_change": f1("her_gross") - f0("her_gross"),
            "tax_change": f1("loonheffing_her") - f0("loonheffing_her")}  # fmt: skip


def _partner_net(f) -> Said:
    if f.household.partner_situation != "works":
        return Said({}, "none", amount=0.0)
    return Said(
        {"gross": f("partner_gross"), "loonheffing": f("loonheffing_partner"), "net": f("partner_net")}
    )


def _holiday(f) -> Said:
    return Said({"may": f("holiday_allowance_may"), "amount": f("holiday_allowance_month")})


def _korting_twice(f) -> bool:
    """Her employer and the gemeente both apply her loonheffingskorting (the household said so)."""
    return f.household.loonheffingskorting == "both" and f("bijstand") > 0.005 and f("her_gross") > 0


def _assessment(f) -> Said:
    settle = f("assessment")
    variant = "refund" if settle >= 1 else ("payback" if settle <= -1 else "")
    to_bijstand = f.ctx("refund_to_bijstand_year")
    values = {"amount": abs(settle), "year_amount": abs(12 * settle), "iack": f("iack"),
              "bijstand_gross": f.ctx("bijstand_gross_year"), "to_bijstand": to_bijstand}  # fmt: skip
    more = ()
    if f("bijstand") > 0.005 and f("her_gross") > 0:  # who applied her korting: one payer, or both
        more = (
            "bijstand_"
            + {"employer": "employer", "both": "both"}.get(f.household.loonheffingskorting, "gemeente"),
        )
    if to_bijstand >= 1:
        more += ("to_bijstand",)
    if f("iack") > 0.005:
        more += ("iack",)
    return Said(values, variant, more)


def _assessment_change(f0, f1) -> dict:
    """The figures of why the assessment changed, and which reason is the real one (``_variant``):
    the korting applied twice, a refund the gemeente counts against the bijstand, or the IACK."""
    out = {"iack_to": f1("iack")}
    to_bijstand = (f1.ctx("refund_to_bijstand_year") - f0.ctx("refund_to_bijstand_year")) / 12
    if _korting_twice(f1):
        out["_variant"] = "double"
    elif abs(to_bijstand) >= 0.5:
        out["_variant"] = "bijstand"
    elif abs(f1("iack") - f0("iack")) >= 0.5:
        out["_variant"] = "iack"
    return out


def _bijstand(f) -> Said:
    # The norm includes holiday pay, so the income counted against it does too.
    earned = f("her_net") + f("partner_net") + f("holiday_allowance_month")
    norm = f.ctx("bijstand_norm")
    values, more = {"earned": earned, "norm": norm}, ()
    kept = earned - (norm - f("bijstand")) if f("bijstand") > 0.005 else 0.0  # not counted: disregarded
    if kept >= 0.5:
        values["kept"] = kept
        more = ("kept_first",) if f.household.bijstand_vrijlating else ("kept_single_parent",)
    return Said(values, more=more)


def _bijstand_change(f0, f1) -> dict:
    """Where part of her earnings is disregarded, the bijstand does not take all of it back."""
    kept = [_bijstand(f).values.get("kept", 0.0) for f in (f0, f1)]
    return {"_variant": "kept"} if kept[1] - kept[0] >= 0.5 else {}


def stop_facts(f) -> dict:
    """The figures every "stop" sentence may use: the household's net income from work against the
    bijstand norm at the hours where the component stops (the bijstand's own stop names them)."""
    return _bijstand(f).values


def _childcare_cost(f) -> Said:
    return Said({"amount": f("childcare_cost"), "care_hours": round(f.ctx("care_hours_month"))})


def _net_household(f) -> Said:
    return Said({"amount": f("net_household"), "year_amount": f("net_household_year")})


def _independence(f) -> Said:
    wml, z = f.ctx("netto_minimumloon"), f.p.zelfstandigheid
    values = {"own": f.ctx("own_work_net_month"), "financial_threshold": wml * z.financieel_fractie,
              "economic_threshold": wml * z.economisch_fractie}  # fmt: skip
    return Said(values, amount=0.0)


def _with_children(hh) -> bool:
    return bool(hh.children)


REGISTRY = (
    Component("her_net", gettext_noop("Her net wage"), +1, LOONHEFFING, ("wml.", *PAYROLL), column="her net",
        says=gettext_noop("She works {hours_hours} hours a week at {wage} an hour: {gross} gross a month. "
                          "Payroll withholds {loonheffing} loonheffing after the algemene heffingskorting ({ahk}) "
                          "and the arbeidskorting ({ak}), so she takes home {net}."),
        variants={
            "pension": gettext_noop("She works {hours_hours} hours a week at {wage} an hour: {gross} gross a month, of "
                                    "which {pension} goes to her pension. Payroll withholds {loonheffing} loonheffing "
                                    "after the algemene heffingskorting ({ahk}) and the arbeidskorting ({ak}), so she "
                                    "takes home {net}."),
            "zero": gettext_noop("She does not work, so she has no wage."),
            "no_korting": gettext_noop("She works {hours_hours} hours a week at {wage} an hour: {gross} gross a month. "
                                       "Her employer withholds {loonheffing} loonheffing without loonheffingskorting "
                                       "(the gemeente applies it to the bijstand), so she takes home {net}."),
            "pension_no_korting": gettext_noop("She works {hours_hours} hours a week at {wage} an hour: {gross} gross a "
                                               "month, of which {pension} goes to her pension. Her employer withholds "
                                               "{loonheffing} loonheffing without loonheffingskorting (the gemeente "
                                               "applies it to the bijstand), so she takes home {net}."),
        },
        facts=_her_net, change_facts=_her_net_change,
        changes={
            "rise": gettext_noop("Her net wage rises by {change}: {gross_change} more gross, of which {tax_change} goes to loonheffing."),
            "fall": gettext_noop("Her net wage falls by {change}: her wage reaches a higher row of the loonheffing table."),
        }),
    Component("partner_net", gettext_noop("Partner's net wage"), +1, LOONHEFFING, PAYROLL,
        says=gettext_noop("Her partner earns {gross} gross a month; after {loonheffing} loonheffing that is {net}."),
        variants={"none": gettext_noop("There is no wage from a partner.")},
        facts=_partner_net),
    Component("holiday_allowance_month", gettext_noop("Holiday allowance (paid in May)"), +1,
        ("Wet minimumloon en minimumvakantiebijslag, art. 15", LAW + "BWBR0002638"), ("wml.vakantiebijslag",),
        says=gettext_noop("The holiday allowance is paid once, in May: {may} net. Spread over the "
                          "year that is {amount} a month."),
        facts=_holiday,
        changes={
            "rise": gettext_noop("Her holiday allowance adds {change} a month."),
            "fall": gettext_noop("The holiday allowance gives {change} less a month (more of it is taxed)."),
        }),
    Component("assessment", gettext_noop("Annual tax assessment"), +1,
        ("Wet inkomstenbelasting 2001, art. 2.10, 8.10, 8.11, 8.14a", LAW + "BWBR0011353"),
        ("inkomstenbelasting.", "algemene_heffingskorting.", "arbeidskorting.", "iack."),
        says=gettext_noop("The annual tax assessment settles what was withheld during the year with the tax "
                          "really due: nothing worth mentioning to pay or to get back."),
        variants={
            "refund": gettext_noop("Next spring the annual tax assessment pays you back about {year_amount}: more "
                                   "was withheld during the year than the tax really due. Counted here as "
                                   "{amount} a month."),
            "payback": gettext_noop("Next spring you pay back about {year_amount} with the annual tax assessment: "
                                    "less was withheld during the year than the tax really due. Counted here as "
                                    "{amount} less a month, so keep it aside."),
            "bijstand_gemeente": gettext_noop("Her wage, her holiday allowance and her share of the bijstand "
                                              "({bijstand_gross} gross a year) are taxed once together, with each "
                                              "heffingskorting once. The gemeente applies her loonheffingskorting to the "
                                              "bijstand, so her employer withholds the tax without it; the bijstand tops "
                                              "the lower net wage up."),
            "bijstand_employer": gettext_noop("Her wage, her holiday allowance and her share of the bijstand "
                                              "({bijstand_gross} gross a year) are taxed once together, with each "
                                              "heffingskorting once. Her employer applies her loonheffingskorting, so the "
                                              "gemeente withholds the full tax on her share of the bijstand, which makes "
                                              "the joint income for the toeslagen higher."),
            "bijstand_both": gettext_noop("Her employer and the gemeente both apply her loonheffingskorting, so during "
                                          "the year it is used twice and the annual assessment takes it back next spring. "
                                          "The korting may be applied by one payer only: tell her employer or the "
                                          "gemeente to stop applying it (usually her employer), or ask the "
                                          "Belastingdienst for a provisional assessment to pay it back by the month."),
            "to_bijstand": gettext_noop("The assessment would pay back {to_bijstand} a year, but while you get "
                                        "bijstand the gemeente counts a tax refund as income and lowers the bijstand by "
                                        "it, so it is not counted here."),
            "iack": gettext_noop("It includes the inkomensafhankelijke combinatiekorting of {iack} a month for the "
                                 "parent with the lower income from work and a child under 12."),
        },
        facts=_assessment, change_facts=_assessment_change,
        changes={
            "fall": gettext_noop("The annual tax assessment pays {change} less a month: the tax due on the year's income rises faster than the tax withheld during the year."),
            "fall_double": gettext_noop("The annual tax assessment takes {change} a month more back: her loonheffingskorting is applied twice during the year, by her employer and by the gemeente."),
            "fall_bijstand": gettext_noop("The annual tax assessment leaves {change} less a month: the gemeente counts the larger tax refund against the bijstand."),
            "fall_iack": gettext_noop("The annual tax assessment pays {change} less a month: the inkomensafhankelijke combinatiekorting changes (now {iack_to} a month)."),
            "per_hour_double": gettext_noop("For each extra hour of work a week the annual tax assessment takes {change} a month more back: her loonheffingskorting is applied twice during the year."),
            "per_hour_bijstand": gettext_noop("For each extra hour of work a week the annual tax assessment leaves {change} a month less: the gemeente counts the larger tax refund against the bijstand."),
            "rise": gettext_noop("The annual tax assessment pays {change} more a month, mostly the inkomensafhankelijke combinatiekorting (now {iack_to} a month)."),
            "per_hour": gettext_noop("For each extra hour of work a week the annual tax assessment gives {change} a month less: more tax is due on the year's income."),
        }),
    Component("zorgtoeslag", gettext_noop("Zorgtoeslag"), +1, ("Wet op de zorgtoeslag, art. 2", LAW + "BWBR0018451"),
        ("zorgtoeslag.", "awir."), toeslag=True, column="toeslagen", stop_rule=zorgtoeslag.zorgtoeslag,
        says=gettext_noop("Zorgtoeslag on a joint income of {income} a year."),
        changes={
            "stop": gettext_noop("From {stop_hours} hours the zorgtoeslag stops: your joint income passes {ceiling}."),
            "fall": gettext_noop("The zorgtoeslag falls by {change} because your joint income rises from {income_from} to {income_to}."),
            "per_hour": gettext_noop("For each extra hour of work a week the zorgtoeslag falls by {change} a month: your joint income rises."),
        }),
    Component("huurtoeslag", gettext_noop("Huurtoeslag"), +1, ("Wet op de huurtoeslag", LAW + "BWBR0008659"),
        ("huurtoeslag.", "awir."), toeslag=True, column="toeslagen", stop_rule=huurtoeslag.huurtoeslag,
        says=gettext_noop("Huurtoeslag on a rent of {rent} and a joint income of {income} a year."),
        facts=lambda f: Said({"income": f.income, "rent": f.household.rent}),
        shown=lambda hh: not hh.owner,
        changes={
            "stop": gettext_noop("From {stop_hours} hours the huurtoeslag stops: your joint income passes {ceiling}."),
            "fall": gettext_noop("The huurtoeslag falls by {change} because your joint income rises from {income_from} to {income_to}."),
            "per_hour": gettext_noop("For each extra hour of work a week the huurtoeslag falls by {change} a month: your joint income rises."),
        }),
    Component("kindgebonden_budget", gettext_noop("Kindgebonden budget"), +1,
        ("Wet op het kindgebonden budget, art. 2", LAW + "BWBR0022751"), ("kindgebonden_budget.", "awir."),
        toeslag=True, column="toeslagen", stop_rule=kindgebonden_budget.kindgebonden_budget, shown=_with_children,
        says=gettext_noop("Kindgebonden budget for your children on a joint income of {income} a year."),
        changes={
            "stop": gettext_noop("From {stop_hours} hours the kindgebonden budget stops: your joint income passes {ceiling}."),
            "fall": gettext_noop("The kindgebonden budget falls by {change} because your joint income rises from {income_from} to {income_to}."),
            "per_hour": gettext_noop("For each extra hour of work a week the kindgebonden budget falls by {change} a month: your joint income rises."),
        }),
    Component("kinderopvangtoeslag", gettext_noop("Kinderopvangtoeslag"), +1,
        ("Wet kinderopvang, art. 1.7; Besluit kinderopvangtoeslag", LAW + "BWBR0017017"),
        ("kinderopvangtoeslag.", "awir."), toeslag=True, column="toeslagen", also_missing=("childcare_cost",),
        says=gettext_noop("Kinderopvangtoeslag on childcare costing {cost} a month, on a joint income of "
                          "{income} a year."),
        facts=lambda f: Said({"income": f.income, "cost": f("childcare_cost")}),
        shown=lambda hh: bool(hh.children) and bool(hh.childcare),
        changes={
            "fall": gettext_noop("The kinderopvangtoeslag falls by {change}: with a joint income of {income_to} a lower percentage of the childcare cost is paid back."),
            "start": gettext_noop("From {start_hours} hours there is kinderopvangtoeslag ({to} a month): childcare is used and both parents (or the single parent) work."),
            "per_hour": gettext_noop("For each extra hour of work a week the kinderopvangtoeslag falls by {change} a month: a lower percentage of the childcare cost is paid back."),
        }),
    Component("kinderbijslag", gettext_noop("Kinderbijslag"), +1,
        ("Algemene Kinderbijslagwet, art. 12", LAW + "BWBR0002368"), ("kinderbijslag.",), column="toeslagen",
        says=gettext_noop("Kinderbijslag for your children, by age (paid per quarter; shown per month)."),
        shown=_with_children),
    Component("bijstand", gettext_noop("Bijstand"), +1,
        (gettext_noop("Participatiewet, art. 21 and 31"), LAW + "BWBR0015703"), ("bijstand.",), column="bijstand",
        says=gettext_noop("Bijstand tops the household's income up to the norm of {norm} a month (holiday pay "
                          "included); the household's net income from work, with holiday allowance ({earned} a "
                          "month), counts against it."),
        variants={
            # xgettext:no-python-format
            "kept_first": gettext_noop("Of her earnings {kept} a month is not counted: the 25% disregard of her "
                                       "first six months of work."),
            # xgettext:no-python-format
            "kept_single_parent": gettext_noop("Of her earnings {kept} a month is not counted: the 12.5% disregard "
                                               "for a single parent with a child under 12."),
        },
        facts=_bijstand, shown=lambda hh: bool(hh.bijstand_claim), takes_back=True, change_facts=_bijstand_change,
        changes={
            "fall_kept": gettext_noop("Bijstand falls by {change}: the extra net income from work is counted against the bijstand norm, except the part of it she keeps."),
            "per_hour_kept": gettext_noop("For each extra hour of work a week the bijstand falls by {change} a month: the extra net income from work counts against the bijstand norm, except the part of it she keeps."),
            "stop": gettext_noop("From {stop_hours} hours the bijstand stops: the household's net income from work with holiday allowance ({earned} a month) is above the bijstand norm of {norm} a month (holiday pay included)."),
            "fall": gettext_noop("Bijstand falls by {change}: the extra net income from work is counted against the bijstand norm."),
            "per_hour": gettext_noop("For each extra hour of work a week the bijstand falls by {change} a month: the extra net income from work is counted against the bijstand norm."),
        }),
    Component("childcare_cost", gettext_noop("Childcare cost"), -1,
        (gettext_noop("Wet kinderopvang (the price you pay the provider)"), LAW + "BWBR0017017"), column="childcare",
        says=gettext_noop("Childcare costs {amount} a month while she works ({care_hours} hours of care a "
                          "month). Where you gave no hours, care follows her working hours: all of them for "
                          "day care and a childminder, half of them for after-school care."),
        facts=_childcare_cost, shown=lambda hh: bool(hh.childcare),
        changes={
            "start": gettext_noop("From {start_hours} hours childcare is used while she works: it costs {cost} a month."),
        }),
    # Only on the household's answer: paying the own share is each gemeente's policy (bijzondere
    # bijstand), not a national rule; the calculator never assumes it.
    Component("gemeente_childcare", gettext_noop("Gemeente: the own share of childcare"), +1,
        (gettext_noop("Participatiewet, art. 35 (bijzondere bijstand); your gemeente's policy"),
         LAW + "BWBR0015703/2026-01-01#Artikel35"), column="childcare",
        says=gettext_noop("You said the gemeente pays the part of the childcare the kinderopvangtoeslag leaves: "
                          "{amount} a month, while you still get bijstand."),
        facts=lambda f: Said({"amount": f("gemeente_childcare")}),
        shown=lambda hh: bool(hh.childcare) and hh.bijstand_childcare_own_share and hh.bijstand_claim,
        changes={
            "stop": gettext_noop("The gemeente stops paying the own share of childcare: the household no longer gets bijstand."),
        }),
    Component("net_household", gettext_noop("Net household income"), 0, (gettext_noop("Sum of the lines above"), ""),
        says=gettext_noop("Together the household has {amount} a month, {year_amount} a year."),
        facts=_net_household, total=True,
        chart={"household": gettext_noop("Net household income per month")}),
    Component("independence", gettext_noop("Her own income"), 0,
        ("CBS, Financieel onafhankelijk / Economisch zelfstandig",
         "https://www.cbs.nl/nl-nl/onze-diensten/methoden/begrippen/financieel-onafhankelijk"),
        ("zelfstandigheid.",),
        # xgettext:no-python-format
        says=gettext_noop("Her own net income from work is {own} a month (yearly average). Financially "
                          "independent from {financial_threshold} (the net minimum wage), economically "
                          "independent from {economic_threshold} (70% of it)."),
        facts=_independence, in_table=False,
        chart={"own": gettext_noop("Her own net income from work"),
               "threshold": gettext_noop("Financial independence (net minimum wage)"),
               "independent": gettext_noop("From %(hours)s h: financially independent")}),
)  # fmt: skip
BY_KEY = {c.key: c for c in REGISTRY}
INCOME = tuple(c.key for c in REGISTRY if c.sign > 0)  # summed into the net household income
COSTS = tuple(c.key for c in REGISTRY if c.sign < 0)  # paid out of it
TOESLAGEN = tuple(c.key for c in REGISTRY if c.toeslag)
# What a result holds besides the lines summed above and their total: the parts behind the lines
# (her gross wage, the korting payroll applied ...), the year's total and the curve's measures.
DETAILS = (
    "her_gross", "partner_gross", "loonheffing_her", "loonheffing_partner", "algemene_heffingskorting",
    "arbeidskorting", "iack", "holiday_allowance_may", "net_household_year", "change_vs_0",
    "marginal_per_hour", "financially_independent", "economically_independent",
)  # fmt: skip
# Every component of a result (simulate's output), the registry's lines first.
COMPONENTS = INCOME + COSTS + tuple(c.key for c in REGISTRY if c.total) + DETAILS


def label(key: str) -> str:
    """A component's label (the source string), or the key itself for a name not in the registry."""
    component = BY_KEY.get(key)
    return component.label if component else key
