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
default to false.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from samensterk.income.parameters_loader import all_parameters

SITUATIONS = ("works", "bijstand", "no_income", "none")
CHILDCARE_TYPES = {"dagopvang": 1, "bso": 2, "gastouder": 3}
MAX_HOURS_WEEK = 80
MAX_CHILD_AGE = 17
MAX_CHILDCARE_HOURS_MONTH = 31 * 24  # a month has at most 744 hours: an input sanity limit
# Childcare without hours_month follows her hours: care per hour of her work, by type. This is our
# modelling assumption, not a published figure (stated in the explanation, editable on the page):
# day care and a childminder cover all her working hours; after-school care only the half of
# them outside school hours. Travel time is not counted.
CARE_PER_WORK_HOUR = {"dagopvang": 1.0, "gastouder": 1.0, "bso": 0.5}


@lru_cache(maxsize=1)
def supported_years() -> tuple[int, ...]:
    """Years the engine has rules for: those with a minimum wage and a box-1 scale in force."""
    wml = {v.start.year for v in all_parameters()["wml.minimumuurloon"].values}
    box1 = all_parameters()["inkomstenbelasting.tarief_box1"]
    tax = {v.start.year for b in box1.brackets for v in b["rate"].values}
    return tuple(sorted(wml & tax))


class HouseholdInvalid(ValueError):
    """The input has one or more wrong fields; ``errors`` lists them (field, code, message)."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))


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

    @property
    def has_partner(self) -> bool:
        return self.partner_situation != "none"


class _Errors:
    def __init__(self):
        self.items: list[dict] = []

    def add(self, fld: str, code: str, message: str):
        self.items.append({"field": fld, "code": code, "message": message})

    def number(
        self,
        obj: dict,
        key: str,
        fld: str,
        *,
        lo=0.0,
        hi=None,
        required=False,
        code="negative",
        hi_code="too_large",
    ):
        """A number from ``obj[key]`` within [lo, hi]; None if absent (and not required) or wrong."""
        value = obj.get(key)
        if value is None:
            if required:
                self.add(fld, "required", "This field is required.")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.add(fld, "not_a_number", "Enter a number.")
            return None
        if value < lo:
            self.add(fld, code, f"This must be at least {lo:g}.")
            return None
        if hi is not None and value > hi:
            self.add(fld, hi_code, f"This must be at most {hi:g}.")
            return None
        return float(value)

    def flag(self, obj: dict, key: str, fld: str, default: bool) -> bool:
        value = obj.get(key, default)
        if not isinstance(value, bool):
            self.add(fld, "not_a_boolean", "Enter true or false.")
            return default
        return value


def _section(data: dict, key: str, err: _Errors) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        err.add(key, "not_an_object", "This must be an object.")
        return {}
    return value


def parse_household(data) -> Household:
    """Validate one household dict (the contract's JSON) and return a Household."""
    err = _Errors()
    if not isinstance(data, dict):
        raise HouseholdInvalid(
            [{"field": "", "code": "not_an_object", "message": "A household is a JSON object."}]
        )

    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or year not in supported_years():
        known = ", ".join(str(y) for y in supported_years())
        err.add("year", "unknown_year", f"The year must be one of {known}.")

    her = _section(data, "her", err)
    her_wage = err.number(her, "hourly_wage", "her.hourly_wage")
    her_pension = err.number(her, "pension_percent", "her.pension_percent", hi=100) or 0.0
    her_old = err.flag(her, "born_before_1963", "her.born_before_1963", False)

    partner = _section(data, "partner", err)
    situation = partner.get("situation", "none")
    if situation not in SITUATIONS:
        err.add(
            "partner.situation",
            "unknown_situation",
            "The partner's situation must be one of " + ", ".join(SITUATIONS) + ".",
        )
        situation = "none"
    p_gross = p_net = p_wage = p_hours = None
    if situation == "works":
        p_gross = err.number(partner, "gross_month", "partner.gross_month")
        p_net = err.number(partner, "net_month", "partner.net_month")
        p_wage = err.number(partner, "hourly_wage", "partner.hourly_wage")
        p_hours = err.number(
            partner, "hours_week", "partner.hours_week", hi=MAX_HOURS_WEEK, hi_code="hours_out_of_range"
        )
        given = [k for k in ("gross_month", "net_month", "hourly_wage") if partner.get(k) is not None]
        if len(given) != 1 and not any(e["field"].startswith("partner.") for e in err.items):
            err.add(
                "partner",
                "wage_required",
                "Give the partner's gross_month, or net_month, or hourly_wage with hours_week.",
            )
        if partner.get("hourly_wage") is not None and partner.get("hours_week") is None:
            err.add(
                "partner.hours_week", "required", "Give the partner's hours per week with the hourly wage."
            )
    p_pension = err.number(partner, "pension_percent", "partner.pension_percent", hi=100) or 0.0
    p_old = err.flag(partner, "born_before_1963", "partner.born_before_1963", False)

    children_raw = data.get("children") or []
    children: list[int] = []
    if not isinstance(children_raw, list):
        err.add("children", "not_a_list", "Children are a list of ages.")
        children_raw = []
    for i, age in enumerate(children_raw):
        if isinstance(age, bool) or not isinstance(age, int | float) or age != int(age):
            err.add(f"children[{i}]", "not_a_whole_number", "A child's age is a whole number of years.")
        elif not 0 <= age <= MAX_CHILD_AGE:
            err.add(f"children[{i}]", "age_out_of_range", f"A child's age must be 0 to {MAX_CHILD_AGE}.")
        else:
            children.append(int(age))

    housing = _section(data, "housing", err)
    owner = err.flag(housing, "owner", "housing.owner", False)
    rent = err.number(housing, "rent", "housing.rent") or 0.0

    childcare = []
    care_raw = data.get("childcare") or []
    if not isinstance(care_raw, list):
        err.add("childcare", "not_a_list", "Childcare is a list.")
        care_raw = []
    for j, c in enumerate(care_raw):
        f = f"childcare[{j}]"
        if not isinstance(c, dict):
            err.add(f, "not_an_object", "This must be an object.")
            continue
        child = c.get("child")
        if isinstance(child, bool) or not isinstance(child, int) or not 0 <= child < len(children_raw):
            err.add(
                f"{f}.child",
                "unknown_child",
                "This child does not exist: use the index of a child in children.",
            )
        kind = c.get("type")
        if kind not in CHILDCARE_TYPES:
            err.add(f"{f}.type", "unknown_type", "The type must be dagopvang, bso or gastouder.")
        hours = err.number(c, "hours_month", f"{f}.hours_month", hi=MAX_CHILDCARE_HOURS_MONTH)
        price = err.number(c, "hourly_price", f"{f}.hourly_price", required=True)
        bad_hours = c.get("hours_month") is not None and hours is None
        if not bad_hours and price is not None and kind in CHILDCARE_TYPES and isinstance(child, int):
            childcare.append(Childcare(child, kind, hours, price))

    bijstand = _section(data, "bijstand", err)
    claim = err.flag(bijstand, "claim", "bijstand.claim", situation in ("bijstand", "none"))
    vrijlating = err.flag(bijstand, "vrijlating", "bijstand.vrijlating", False)
    vrijlating_ouder = err.flag(
        bijstand, "vrijlating_alleenstaande_ouder", "bijstand.vrijlating_alleenstaande_ouder", False
    )

    if err.items:
        raise HouseholdInvalid(err.items)
    return Household(
        year=year,
        her_hourly_wage=her_wage,
        her_pension_percent=her_pension,
        her_born_before_1963=her_old,
        partner_situation=situation,
        partner_gross_month=p_gross,
        partner_net_month=p_net,
        partner_hourly_wage=p_wage,
        partner_hours_week=p_hours,
        partner_pension_percent=p_pension,
        partner_born_before_1963=p_old,
        children=tuple(children),
        rent=0.0 if owner else rent,
        owner=owner,
        childcare=tuple(childcare),
        bijstand_claim=claim,
        bijstand_vrijlating=vrijlating,
        bijstand_vrijlating_alleenstaande_ouder=vrijlating_ouder,
    )
