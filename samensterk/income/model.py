"""The one household model: pydantic, strict, with the limits every caller shares.

The form, the JSON API (its OpenAPI schema too) and the CLI all validate through
:class:`HouseholdIn`; ``household.parse_household`` adds the rules that span fields (the
partner's wage, the child index). Nothing is reshaped: a string where an object belongs, a
boolean as an age or 4.5 as a year is an error, not a guess. Errors are codes with an English
message; each caller translates the code (engine messages are not UI text).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, ValidationError

from samensterk.income.parameters_loader import MissingParameter, all_parameters, value_at

SITUATIONS = ("works", "bijstand", "no_income", "none")
CHILDCARE_TYPES = {"dagopvang": 1, "bso": 2, "gastouder": 3}
# The hours limits, defined here only (the form, the API, the CLI and the engine import them):
# anyone's hours of paid work a week (an input sanity limit), and her hours on the curve that
# the page, the API and the CLI show (0 to 40: a full-time week).
MAX_HOURS_WEEK = 80
CURVE_MAX_HOURS = 40
CURVE_HOURS = tuple(range(0, CURVE_MAX_HOURS + 1))
# Who applies her loonheffingskorting while the household gets bijstand and she works (the
# korting may be applied by one payer only): the gemeente on the bijstand (the default: the
# bijstand stays the main income), her employer on her wage, or both by mistake.
LOONHEFFINGSKORTING = ("gemeente", "employer", "both")
MAX_CHILD_AGE = 17
MAX_CHILDREN = 10
MAX_CHILDCARE_HOURS_MONTH = 31 * 24  # a month has at most 744 hours: an input sanity limit
MAX_HOURLY_WAGE = 500
MAX_MONTHLY_WAGE = 100_000
MAX_RENT = 10_000
MAX_CARE_PRICE = 100
MAX_PERCENT = 100


@lru_cache(maxsize=1)
def supported_years() -> tuple[int, ...]:
    """Years the engine has rules for: those with a minimum wage and a box-1 scale in force."""
    wml = {v.start.year for v in all_parameters()["wml.minimumuurloon"].values}
    box1 = all_parameters()["inkomstenbelasting.tarief_box1"]
    tax = {v.start.year for b in box1.brackets for v in b["rate"].values}
    return tuple(sorted(wml & tax))


YEARS = supported_years()
# Parameters kept for reference that no rule reads (CBS's own published thresholds: the engine
# computes independence from the net minimum wage, formulas/zelfstandigheid.py).
REFERENCE_ONLY = ("zelfstandigheid.cbs_grens_",)


@lru_cache(maxsize=1)
def offered_years() -> tuple[int, ...]:
    """The years the calculator offers: those for which every parameter a rule reads is known on
    1 January (the date the year's rules are read). 2025 is not offered: its kinderopvangtoeslag
    table above € 50,811 and part of its huurtoeslag were not found in an official source
    (/work/shared/reference/nl-gaps-2025-2026.md §5 and §7), and a figure is never guessed."""
    out = []
    for year in YEARS:
        try:
            for name in all_parameters():
                if not name.startswith(REFERENCE_ONLY):
                    value_at(name, dt.date(year, 1, 1))
        except MissingParameter:
            continue
        out.append(year)
    return tuple(out)


def _known_year(year: int) -> int:
    if year not in YEARS:
        raise ValueError("unknown year")
    return year


def _whole(value):
    """JSON has one number type, and JSON Schema counts 4.0 as the integer 4: so do we, or a body
    the published schema allows would be refused. 4.5, "4" and true stay errors (strict mode)."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


def whole(**limits):
    """A whole number (4 or 4.0, never 4.5, "4" or true) within ``limits`` (ge, le, lt): the type of
    every integer the API takes. The limits sit on the integer itself, inside the conversion, so
    that the schema states them as minimum and maximum."""
    return Annotated[StrictInt, Field(**limits), BeforeValidator(_whole)]


# A whole number among YEARS. The engine computes every year it has rules for (the tests of the
# published examples use them); the API, the CLI and the page take only the offered years
# (``offered_only`` in household.household_from_model), so the published schema lists those.
Year = Annotated[
    whole(), Field(json_schema_extra={"enum": list(offered_years())}), AfterValidator(_known_year)
]


def _money(limit, description="", default=None):
    return Field(default, ge=0, le=limit, allow_inf_nan=False, description=description)


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class HerIn(_Strict):
    hourly_wage: float | None = _money(
        MAX_HOURLY_WAGE, "Gross euros per hour; null: the statutory minimum wage"
    )
    pension_percent: float = _money(MAX_PERCENT, "Her pension contribution, percent of the gross wage", 0.0)
    born_before_1963: bool = False


def _number(*fields):
    return {f: {"type": "number"} for f in fields}


def _null(*fields):
    return {f: {"type": "null"} for f in fields}


# The partner's wage rule, stated in the schema (JSON Schema 2020-12, as OpenAPI 3.1 takes it) so
# that the schema and the API agree: a working partner has exactly one of a gross wage, a net
# wage, or an hourly wage with hours. household_from_model checks the same rule with its own
# codes; tests/api/test_schemathesis.py proves that every body this schema allows is answered.
PARTNER_WAGE_RULE = {
    "if": {"properties": {"situation": {"const": "works"}}, "required": ["situation"]},
    "then": {
        "anyOf": [
            {
                "required": ["gross_month"],
                "properties": {**_number("gross_month"), **_null("net_month", "hourly_wage")},
            },
            {
                "required": ["net_month"],
                "properties": {**_number("net_month"), **_null("gross_month", "hourly_wage")},
            },
            {
                "required": ["hourly_wage", "hours_week"],
                "properties": {**_number("hourly_wage", "hours_week"), **_null("gross_month", "net_month")},
            },
        ]
    },
}


def _child_index_rule() -> dict:
    """childcare[].child indexes children: for n children it is below n. JSON Schema cannot compare
    two fields, but with at most MAX_CHILDREN children the rule is a finite choice, one branch per n."""
    branches = [{"properties": {"children": {"maxItems": 0}, "childcare": {"maxItems": 0}}}]
    for n in range(1, MAX_CHILDREN + 1):
        branches.append({
            "properties": {
                "children": {"minItems": n, "maxItems": n},
                "childcare": {"items": {"properties": {"child": {"maximum": n - 1}}}},
            },
            "required": ["children"],
        })  # fmt: skip
    return {"anyOf": branches}


class PartnerIn(_Strict):
    model_config = ConfigDict(strict=True, extra="forbid", json_schema_extra=PARTNER_WAGE_RULE)

    situation: Literal[SITUATIONS] = Field(  # type: ignore[valid-type]
        "none",
        description="works: give exactly one of gross_month, net_month, or hourly_wage with hours_week; "
        "bijstand: the household receives bijstand; no_income; none: no partner (a single parent)",
    )
    gross_month: float | None = _money(MAX_MONTHLY_WAGE, "Gross wage per month (situation works)")
    net_month: float | None = _money(MAX_MONTHLY_WAGE, "Net wage per month (situation works)")
    hourly_wage: float | None = _money(MAX_HOURLY_WAGE, "Gross euros per hour, with hours_week")
    hours_week: float | None = _money(MAX_HOURS_WEEK, "Hours per week, with hourly_wage")
    pension_percent: float = _money(MAX_PERCENT, "", 0.0)
    born_before_1963: bool = False


class HousingIn(_Strict):
    rent: float | None = _money(MAX_RENT, "Kale huur per month (rent without service costs)")
    owner: bool = False


class ChildcareIn(_Strict):
    child: whole(ge=0, lt=MAX_CHILDREN) = Field(..., description="Index into children (0 = the first child)")
    type: Literal[tuple(CHILDCARE_TYPES)]  # type: ignore[valid-type]
    hours_month: float | None = _money(
        MAX_CHILDCARE_HOURS_MONTH, "Hours of care a month; null: follows her working hours"
    )
    hourly_price: float = Field(..., ge=0, le=MAX_CARE_PRICE, allow_inf_nan=False)


class BijstandIn(_Strict):
    claim: bool | None = Field(
        None, description="Default: true when the partner is on bijstand or there is none"
    )
    vrijlating: bool = Field(
        False, description="The 25% earnings disregard of the first six months (27 or older)"
    )
    vrijlating_alleenstaande_ouder: bool = Field(
        False, description="The 12.5% disregard for a single parent with a child under 12, after those months"
    )
    loonheffingskorting: Literal[LOONHEFFINGSKORTING] = Field(  # type: ignore[valid-type]
        "gemeente",
        description="Who applies her loonheffingskorting while she works next to the bijstand: gemeente "
        "(on the bijstand; the default), employer (on her wage; the gemeente then withholds the full tax "
        "on her part of the bijstand), or both (a mistake: the annual assessment takes the double korting back)",
    )
    childcare_own_share: bool = Field(
        False,
        description="The gemeente pays the part of the childcare the kinderopvangtoeslag leaves (bijzondere "
        "bijstand, Participatiewet art. 35) while the household still gets bijstand. Many gemeenten do for a "
        "parent who works part time next to bijstand; it is the gemeente's own policy, so false by default",
    )


class HouseholdIn(_Strict):
    model_config = ConfigDict(strict=True, extra="forbid", json_schema_extra=_child_index_rule())

    year: Year = Field(..., description="A year the engine has rules for")
    her: HerIn = Field(default_factory=HerIn)
    partner: PartnerIn = Field(default_factory=PartnerIn)
    children: list[whole(ge=0, le=MAX_CHILD_AGE)] = Field(
        default_factory=list, max_length=MAX_CHILDREN, description=f"Ages in whole years, 0-{MAX_CHILD_AGE}"
    )
    housing: HousingIn = Field(default_factory=HousingIn)
    childcare: list[ChildcareIn] = Field(
        default_factory=list,
        max_length=MAX_CHILDREN,
        description="Paid childcare per child; child is an index into children, below their number",
    )
    bijstand: BijstandIn = Field(default_factory=BijstandIn)


# --- errors as codes --------------------------------------------------------------------------

_OBJECT = {"her", "partner", "housing", "bijstand"}
_NONE = object()  # "the input was null" (the API drops the input itself from its errors)


def field_name(loc) -> str:
    """A pydantic location ('children', 1) as 'children[1]', ('her', 'hourly_wage') as 'her.hourly_wage'."""
    out = ""
    for p in loc:
        p = str(p)
        out += f"[{p}]" if p.isdigit() else (f".{p}" if out else p)
    return out


def _code_and_message(loc, kind: str, ctx: dict, value) -> tuple[str, str]:
    last = str(loc[-1]) if loc else ""
    in_children = bool(loc) and loc[0] == "children" and len(loc) == 2
    if kind == "missing" or (value is _NONE and kind.endswith("_type")):
        return "required", "This field is required."
    if last == "year":
        known = ", ".join(str(y) for y in YEARS)
        return "unknown_year", f"The year must be one of {known}."
    if last == "situation":
        return "unknown_situation", "The partner's situation must be one of " + ", ".join(SITUATIONS) + "."
    if last == "loonheffingskorting":
        return "unknown_payer", "Who applies the loonheffingskorting must be one of " + ", ".join(
            LOONHEFFINGSKORTING
        ) + "."
    if last == "type" and loc[0] == "childcare":
        return "unknown_type", "The type must be dagopvang, bso or gastouder."
    if last == "child" and loc[0] == "childcare":
        return "unknown_child", "This child does not exist: use the index of a child in children."
    if in_children:
        if kind in ("greater_than_equal", "less_than_equal"):
            return "age_out_of_range", f"A child's age must be 0 to {MAX_CHILD_AGE}."
        return "not_a_whole_number", "A child's age is a whole number of years."
    if kind == "extra_forbidden":
        return "unknown_field", "This field is not known."
    if kind == "too_long":
        return "too_many", f"At most {ctx.get('max_length')} are allowed."
    if kind in ("model_type", "model_attributes_type", "dict_type") or last in _OBJECT:
        return "not_an_object", "This must be an object."
    if kind == "list_type":
        return "not_a_list", "This must be a list."
    if kind == "bool_type":
        return "not_a_boolean", "Enter true or false."
    if kind == "greater_than_equal":
        return "negative", f"This must be at least {ctx.get('ge', 0):g}."
    if kind == "less_than_equal":
        code = "hours_out_of_range" if last == "hours_week" else "too_large"
        return code, f"This must be at most {ctx.get('le'):g}."
    if kind in ("float_type", "int_type", "finite_number", "float_parsing", "int_parsing"):
        return "not_a_number", "Enter a number."
    return "invalid", "This value is not valid."


def field_errors(errors, *, strip=()) -> list[dict]:
    """Pydantic's errors as the engine's {field, code, message}; ``strip``: leading location
    parts of the caller's envelope (the API's body/payload/household)."""
    out = []
    for e in errors:
        loc = tuple(e.get("loc", ()))
        while len(loc) > 1 and loc[0] in strip:  # a missing envelope field itself keeps its name
            loc = loc[1:]
        # A union (float | None) reports each member; the first is enough.
        loc = tuple(p for p in loc if not (isinstance(p, str) and p in ("float", "none", "function-after")))
        given_none = e.get("input_none") or ("input" in e and e["input"] is None)
        code, message = _code_and_message(
            loc, str(e.get("type", "")), e.get("ctx") or {}, _NONE if given_none else e
        )
        item = {"field": field_name(loc), "code": code, "message": message}
        if item not in out:
            out.append(item)
    return out


class HouseholdInvalid(ValueError):
    """The input has one or more wrong fields; ``errors`` lists them (field, code, message)."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))


def validate(data) -> HouseholdIn:
    """The household as a validated model; raises HouseholdInvalid."""
    if not isinstance(data, dict):
        raise HouseholdInvalid(
            [{"field": "", "code": "not_an_object", "message": "A household is a JSON object."}]
        )
    try:
        return HouseholdIn.model_validate(data)
    except ValidationError as e:
        raise HouseholdInvalid(field_errors(e.errors())) from None
