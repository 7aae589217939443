"""The calculator's JSON API (django-ninja): the whole 0-40 hours curve of one household.

POST /api/calculator/simulate takes the household of docs/engine-contract.md and answers with
every component for every hours value, the explanation lines for the requested hours (in the
language of Accept-Language), the cliffs, the independence hours and what is missing.
Bad input is a 422 with one entry per wrong field; never a 500. Nothing is stored or logged.
The schema is at GET /api/openapi.json.
"""

from __future__ import annotations

import math
from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from django_ratelimit.core import is_ratelimited
from ninja import Field, NinjaAPI, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer

from samensterk.calculator import results
from samensterk.income.explain import cliffs, compare, explain, independence_hours, render_line
from samensterk.income.household import HouseholdInvalid

API_RATE = "120/m"


class _Renderer(JSONRenderer):
    """numpy floats and booleans as plain JSON numbers and booleans."""

    def render(self, request, data, *, response_status):
        return super().render(request, _plain(data), response_status=response_status)


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


api = NinjaAPI(
    urls_namespace="api",
    title="Samen Sterk met Werk: income calculator",
    version="1",
    description=(
        "What does it mean for a household's net income if she works 0 to 40 hours a week? "
        "Dutch tax, heffingskortingen, toeslagen, childcare, kinderbijslag and bijstand; every "
        "line with its rule and legal source. Nothing sent here is stored."
    ),
    renderer=_Renderer(),
    docs_url=None,
)


class Her(Schema):
    hourly_wage: float | None = Field(
        None, ge=0, le=500, description="Gross euros per hour; null: the minimum wage"
    )
    pension_percent: float = Field(0, ge=0, le=100)


class Partner(Schema):
    situation: Literal["works", "bijstand", "no_income", "none"] = "none"
    gross_month: float | None = Field(None, ge=0, le=100000)
    net_month: float | None = Field(None, ge=0, le=100000)
    hourly_wage: float | None = Field(None, ge=0, le=500)
    hours_week: float | None = Field(None, ge=0, le=80)
    pension_percent: float = Field(0, ge=0, le=100)


class Housing(Schema):
    rent: float | None = Field(None, ge=0, le=10000, description="Kale huur per month")
    owner: bool = False


class Childcare(Schema):
    child: int = Field(..., ge=0, description="Index into children")
    type: Literal["dagopvang", "bso", "gastouder"]
    hours_month: float | None = Field(
        None, ge=0, le=744, description="Hours of care a month; null: follows her working hours"
    )
    hourly_price: float = Field(..., ge=0, le=100)


class Bijstand(Schema):
    claim: bool | None = Field(
        None, description="Default: true when the partner is on bijstand or there is none"
    )
    vrijlating: bool = Field(False, description="The 25% earnings disregard of the first six months")
    vrijlating_alleenstaande_ouder: bool = Field(False, description="The 12.5% disregard for a single parent")


class Household(Schema):
    year: int = Field(..., description="A year the engine has rules for (2025, 2026)")
    her: Her = Field(default_factory=Her)
    partner: Partner = Field(default_factory=Partner)
    children: list[int] = Field(default_factory=list, max_length=15, description="Ages 0-17")
    housing: Housing = Field(default_factory=Housing)
    childcare: list[Childcare] = Field(default_factory=list, max_length=15)
    bijstand: Bijstand = Field(default_factory=Bijstand)


class SimulateIn(Schema):
    household: Household
    hours: int = Field(16, ge=0, le=40, description="The hours value to explain line by line")
    compare_with: int = Field(0, ge=0, le=40, description="The hours value to compare with")


class FieldError(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError]


class SimulateOut(Schema):
    hours: list[float]
    components: dict[str, list[float | bool]]
    explanation: list[dict]
    comparison: dict
    cliffs: list[dict]
    independence_hours: dict[str, int | None]
    missing: list[dict]


class TooMany(Schema):
    detail: str


def _field(loc) -> str:
    """Pydantic's location (body, payload, household, children, 1) as the engine's children[1]."""
    parts = [str(p) for p in loc if p not in ("body", "payload")]
    if len(parts) > 1 and parts[0] == "household":  # a missing household itself keeps its name
        parts = parts[1:]
    out = ""
    for p in parts:
        out += f"[{p}]" if p.isdigit() else (f".{p}" if out else p)
    return out


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    errors = [
        {
            "field": _field(e.get("loc", ())),
            "code": str(e.get("type", "invalid")),
            "message": str(e.get("msg", "")),
        }
        for e in exc.errors
    ]
    return api.create_response(request, {"detail": "The input is not valid.", "errors": errors}, status=422)


@api.exception_handler(HouseholdInvalid)
def _household_invalid(request, exc):
    return api.create_response(
        request, {"detail": "The household is not valid.", "errors": exc.errors}, status=422
    )


def _line(line: dict) -> dict:
    return {**line, "text": render_line(line, translate=_gettext, money=results.format_money)}


def _gettext(s):
    from django.utils.translation import gettext

    return gettext(s)


@api.post(
    "/calculator/simulate",
    response={200: SimulateOut, 422: ErrorOut, 429: TooMany},
    summary="The household's net income for 0-40 hours of her work, explained",
    operation_id="calculator_simulate",
)
def simulate_household(request: HttpRequest, payload: SimulateIn):
    if is_ratelimited(request, group="calculator-api", key="ip", rate=API_RATE, increment=True):
        return Status(429, {"detail": "Too many requests in a short time. Wait a minute and try again."})
    # Outside i18n_patterns Django uses the default language; the API honours Accept-Language.
    with translation.override(translation.get_language_from_request(request)):
        return _simulate(payload)


def _simulate(payload: SimulateIn):
    calc = results.run(payload.household.model_dump(exclude_none=True))
    res = calc.res
    comparison = compare(res, 0, payload.compare_with, payload.hours)
    comparison["changes"] = [_line(c) for c in comparison["changes"]]
    cliff_list = cliffs(res, 0)
    for cl in cliff_list:
        cl["causes"] = [_line(c) for c in cl["causes"]]
    return Status(
        200,
        _plain(
            {
                "hours": res.hours,
                "components": {name: values[0] for name, values in res.components.items()},
                "explanation": [_line(line) for line in explain(res, 0, payload.hours)],
                "comparison": comparison,
                "cliffs": cliff_list,
                "independence_hours": independence_hours(res, 0),
                "missing": res.missing[0],
            }
        ),
    )
