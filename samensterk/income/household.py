"""The household input: validation of the JSON/dict a caller sends, and the typed Household.

``parse_household(data)`` returns a :class:`Household` or raises :class:`HouseholdInvalid` with
one error per wrong field: ``{"field": "children[1]", "code": "age_out_of_range", "message":
"A child's age must be 0 to 17."}``. The same validation serves the engine, the CLI and the API.

Extras beyond the contract's example, all optional:
``her.born_before_1963`` / ``partner.born_before_1963`` (payout of the algemene heffingskorting to
a non-earning partner), ``partner.pension_percent``, and ``bijstand: {"claim": bool,
"vrijlating": bool, "vrijlating_alleenstaande_ouder": bool}``. ``claim`` defaults to true when ``partner.situation`` is ``bijstand`` or
``none`` (a single mother without income is on bijstand; the top-up is 0 once she earns above
the norm); ``vrijlating`` (the 25% earnings disregard of the first six months) and
``vrijlating_alleenstaande_ouder`` (the 12.5% disregard for a single parent after those months)
default to false; so does ``childcare_own_share`` (the gemeente pays the part of the childcare the
toeslag leaves, its own policy).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from samensterk.income.model import (  # noqa: F401 - the shared limits, re-exported
    CHILDCARE_TYPES,
    CURVE_HOURS,
    CURVE_MAX_HOURS,
    LOONHEFFINGSKORTING,
    MAX_CHILD_AGE,
    MAX_CHILDCARE_HOURS_MONTH,
    MAX_CHILDREN,
    MAX_HOURS_WEEK,
    SITUATIONS,
    HouseholdIn,
    HouseholdInvalid,
    offered_years,
    supported_years,
    validate,
)
from samensterk.income.parameters_loader import value_at

# Childcare without hours_month follows her hours: care per hour of her work, by type. This is our
# modelling assumption, not a published figure (stated in the explanation, editable on the page):
# day care and a childminder cover all her working hours; after-school care only the half of
# them outside school hours. Travel time is not counted.
CARE_PER_WORK_HOUR = {"dagopvang": 1.0, "gastouder": 1.0, "bso": 0.5}


# The usual childcare by a child's age: day care until school starts at 4, after-school care at
# primary school (to 12), none after it (the toeslag ends when secondary school starts).
SCHOOL_AGE = 4
LAST_BSO_AGE = 12


def care_type_for_age(age: int) -> str | None:
    """The usual childcare for a child: dagopvang before school (0-3), bso at primary school (4-12)."""
    if age < SCHOOL_AGE:
        return "dagopvang"
    if age <= LAST_BSO_AGE:
        return "bso"
    return None


def max_care_price(year: int, kind: str) -> float | None:
    """The maximum hourly price the kinderopvangtoeslag covers: our default hourly price.
    None when it is not published for ``year`` (the form then asks for the price)."""
    name = {"dagopvang": "dagopvang", "bso": "buitenschoolse_opvang", "gastouder": "gastouderopvang"}[kind]
    try:
        return float(value_at(f"kinderopvangtoeslag.maximum_uurprijs_{name}", dt.date(year, 1, 1)))
    except LookupError:  # MissingParameter: no invented tariff, the caller says it is missing
        return None


@dataclass(frozen=True)
class Childcare:
    child: int
    type: str
    hours_month: float | None  # None: follows her hours (CARE_PER_WORK_HOUR)
    hourly_price: float


@dataclass(frozen=True)
class Household:
    year: int
    her_hourly_wage: float | None = None  # None: the statutory minimum wage of the year
    her_pension_percent: float = 0.0
    her_born_before_1963: bool = False
    partner_situation: str = "none"
    partner_gross_month: float | None = None
    partner_net_month: float | None = None
    partner_hourly_wage: float | None = None
    partner_hours_week: float | None = None
    partner_pension_percent: float = 0.0
    partner_born_before_1963: bool = False
    children: tuple[int, ...] = ()
    rent: float = 0.0
    owner: bool = False
    childcare: tuple[Childcare, ...] = field(default_factory=tuple)
    bijstand_claim: bool = False
    bijstand_vrijlating: bool = False
    bijstand_vrijlating_alleenstaande_ouder: bool = False
    # A year with two spells of disregard (the calculator's bijstand time line): the flags above
    # hold for ``bijstand_months`` months (the months the result describes), the two below for the
    # rest of the year. The toetsingsinkomen and the annual assessment take the year's real sum of
    # bijstand. Not part of the API's input: 12 months (the default) is a year of one spell.
    bijstand_months: int = 12
    bijstand_rest_vrijlating: bool = False
    bijstand_rest_vrijlating_alleenstaande_ouder: bool = False
    # Who applies her loonheffingskorting while the household gets bijstand (LOONHEFFINGSKORTING).
    loonheffingskorting: str = "gemeente"
    # The gemeente pays the childcare's own share while the household gets bijstand (its policy).
    bijstand_childcare_own_share: bool = False

    @property
    def has_partner(self) -> bool:
        return self.partner_situation != "none"

    @property
    def loonheffingskorting_code(self) -> int:
        """0: the gemeente applies it, 1: her employer, 2: both (simulate reads the code)."""
        return LOONHEFFINGSKORTING.index(self.loonheffingskorting)


def parse_household(data, *, offered_only: bool = False) -> Household:
    """Validate one household dict (the contract's JSON) and return a Household."""
    return household_from_model(validate(data), offered_only=offered_only)


def household_from_model(m: HouseholdIn, *, offered_only: bool = False) -> Household:
    """A validated model -> Household, after the rules that span fields (raises HouseholdInvalid).

    ``offered_only``: what a person sees (the page, the API, the CLI) is computed only for a year
    whose every figure is known (model.offered_years); a year with a figure marked missing would
    show a wrong result with a footnote. The engine's own tests still use those years."""
    errors = []
    if offered_only and m.year not in offered_years():
        offered = ", ".join(str(y) for y in offered_years())
        errors.append({"field": "year", "code": "year_not_offered",
                       "message": f"{m.year} is not offered: not every figure its rules need was found in an official "
                                  f"source (its kinderopvangtoeslag table, for one). Use {offered}."})  # fmt: skip
    partner = m.partner
    if partner.situation == "works":
        given = [k for k in ("gross_month", "net_month", "hourly_wage") if getattr(partner, k) is not None]
        if len(given) != 1:
            errors.append({"field": "partner", "code": "wage_required",
                           "message": "Give the partner's gross_month, or net_month, or hourly_wage with hours_week."})  # fmt: skip
        if partner.hourly_wage is not None and partner.hours_week is None:
            errors.append({"field": "partner.hours_week", "code": "required",
                           "message": "Give the partner's hours per week with the hourly wage."})  # fmt: skip
    for j, c in enumerate(m.childcare):
        if c.child >= len(m.children):
            errors.append({"field": f"childcare[{j}].child", "code": "unknown_child",
                           "message": "This child does not exist: use the index of a child in children."})  # fmt: skip
    for i, age in enumerate(m.children):
        if not 0 <= age <= MAX_CHILD_AGE:
            errors.append({"field": f"children[{i}]", "code": "age_out_of_range",
                           "message": f"A child's age must be 0 to {MAX_CHILD_AGE}."})  # fmt: skip
    if errors:
        raise HouseholdInvalid(errors)
    works = partner.situation == "works"
    owner = m.housing.owner
    claim = m.bijstand.claim if m.bijstand.claim is not None else partner.situation in ("bijstand", "none")
    return Household(
        year=m.year,
        her_hourly_wage=m.her.hourly_wage,
        her_pension_percent=m.her.pension_percent,
        her_born_before_1963=m.her.born_before_1963,
        partner_situation=partner.situation,
        partner_gross_month=partner.gross_month if works else None,
        partner_net_month=partner.net_month if works else None,
        partner_hourly_wage=partner.hourly_wage if works else None,
        partner_hours_week=partner.hours_week if works else None,
        partner_pension_percent=partner.pension_percent,
        partner_born_before_1963=partner.born_before_1963,
        children=tuple(m.children),
        rent=0.0 if owner else (m.housing.rent or 0.0),
        owner=owner,
        childcare=tuple(Childcare(c.child, c.type, c.hours_month, c.hourly_price) for c in m.childcare),
        bijstand_claim=claim,
        bijstand_vrijlating=m.bijstand.vrijlating,
        bijstand_vrijlating_alleenstaande_ouder=m.bijstand.vrijlating_alleenstaande_ouder,
        loonheffingskorting=m.bijstand.loonheffingskorting,
        bijstand_childcare_own_share=m.bijstand.childcare_own_share,
    )


def aged(hh: Household, years: int) -> Household:
    """``hh`` with its children ``years`` older, for a period that starts in a later year of her
    work (income.timeline): the child benefits, the IACK and the childcare follow the age.

    A child past MAX_CHILD_AGE has left the child benefits and is no longer counted (with ``years``
    at most 3 no such child is a kostendeler, who is 21 or older). Childcare follows the child:
    day care ends when school starts and becomes after-school care at the highest price the
    toeslag covers, for the hours that follow hers (the price and hours given were for day care);
    after primary school there is none. Where that price is not published the care stays as given."""
    if years <= 0 or not hh.children:
        return hh
    index, children = {}, []
    for i, age in enumerate(hh.children):
        if age + years <= MAX_CHILD_AGE:
            index[i] = len(children)
            children.append(age + years)
    care = []
    for c in hh.childcare:
        if c.child not in index:
            continue
        age = children[index[c.child]]
        usual = care_type_for_age(age)
        if usual is None:
            continue  # past primary school: no childcare, no toeslag
        if c.type == "dagopvang" and usual == "bso":
            price = max_care_price(hh.year, "bso")
            if price is not None:
                c = Childcare(c.child, "bso", None, price)
        care.append(replace(c, child=index[c.child]))
    return replace(hh, children=tuple(children), childcare=tuple(care))
