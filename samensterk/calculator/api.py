"""The calculator's JSON API (django-ninja): the whole 0-40 hours curve of one household.

POST /api/calculator/simulate takes the household of docs/engine-contract.md and answers with
every component for every hours value, the explanation lines for the requested hours (in the
language of Accept-Language), the cliffs, the independence hours and what is missing. On bijstand
with the earnings disregards it gives the bijstand time line (income.timeline, as the page):
every period's net income and change, and the figures of the ``period`` asked for.
Bad input is a 422 with one entry per wrong field; never a 500. Nothing is stored or logged.
The schema is at GET /api/openapi.json.
"""

from __future__ import annotations

import math
from typing import Literal

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils import translation
from django_ratelimit.core import is_ratelimited
from ninja import Field, NinjaAPI, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer

from samensterk.calculator import results
from samensterk.income.explain import cliffs, compare, explain, independence_hours, render_line
from samensterk.income.household import HouseholdInvalid
from samensterk.income.model import CURVE_MAX_HOURS, HouseholdIn, field_errors, whole
from samensterk.income.timeline import PERIOD_KEYS

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


class _API(NinjaAPI):
    def validation_error_from_error_contexts(self, error_contexts):
        """Ninja drops each error's input; keep whether it was null (then the code is "required")."""
        errors = []
        for context in error_contexts:
            model = context.model
            for e in context.pydantic_validation_error.errors(include_url=False):
                loc = model.__ninja_flatten_map_reverse__.get(e["loc"], e["loc"])
                errors.append({"loc": (model.__ninja_param_source__, *loc), "type": e["type"],
                               "ctx": {k: str(v) if isinstance(v, Exception) else v for k, v in e.get("ctx", {}).items()},
                               "input_none": e.get("input") is None})  # fmt: skip
        return NinjaValidationError(errors)


api = _API(
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


class SimulateIn(Schema):
    household: HouseholdIn = Field(
        ..., description="The household (docs/engine-contract.md); validated strictly, nothing is reshaped"
    )
    hours: whole(ge=0, le=CURVE_MAX_HOURS) = Field(16, description="The hours value to explain line by line")
    compare_with: whole(ge=0, le=CURVE_MAX_HOURS) = Field(0, description="The hours value to compare with")
    period: Literal[PERIOD_KEYS] | None = Field(  # type: ignore[valid-type]
        None,
        description="On bijstand with the earnings disregards (bijstand.vrijlating): the period of her work "
        "whose figures components and explanation give (default: first). Every period is in timeline.",
    )


class FieldError(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError]


class PeriodOut(Schema):
    key: str
    label: str
    note: str
    months_from: int
    months_to: int | None
    children: list[int] = Field(
        description="The children's ages in this period: a later year sees them older"
    )
    net_household: list[float]
    change_vs_0: list[float]


class SimulateOut(Schema):
    hours: list[float]
    period: str | None
    timeline: list[PeriodOut]
    components: dict[str, list[float | bool]]
    explanation: list[dict]
    comparison: dict
    cliffs: list[dict]
    independence_hours: dict[str, int | None]
    missing: list[dict]


class TooMany(Schema):
    detail: str


class Unreadable(Schema):
    """A body that is not JSON at all (ninja answers 400 before any field can be checked)."""

    detail: str


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    """The same codes and messages as the engine, the form and the CLI (income/model.py)."""
    errors = field_errors(exc.errors, strip=("body", "payload", "household"))
    return api.create_response(request, {"detail": "The input is not valid.", "errors": errors}, status=422)


@api.exception_handler(RequestDataTooBig)
def _too_big(request, exc):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE: JSON, not Django's HTML error page."""
    return api.create_response(request, {"detail": "The request body is too large."}, status=413)


@api.exception_handler(HouseholdInvalid)
def _household_invalid(request, exc):
    return api.create_response(
        request, {"detail": "The household is not valid.", "errors": exc.errors}, status=422
    )


def _line(line: dict) -> dict:
    source = line.get("source")
    if source and source.get("title"):
        source = {**source, "title": _gettext(source["title"])}
    return {
        **line,
        "source": source,
        "text": render_line(line, translate=_gettext, money=results.format_money),
    }


def _gettext(s):
    from django.utils.translation import gettext

    return gettext(s)


@api.post(
    "/calculator/simulate",
    response={200: SimulateOut, 400: Unreadable, 413: TooMany, 422: ErrorOut, 429: TooMany},
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
    calc = results.run_model(payload.household, payload.period)
    res = calc.res
    rows = dict(calc.periods)
    timeline = [
        {
            "key": p.key,
            "label": _gettext(p.label),
            "note": _gettext(p.note),
            "months_from": p.months_from,
            "months_to": p.months_to,
            "children": list(p.household.children),
            "net_household": res.components["net_household"][rows[p.key]],
            "change_vs_0": res.components["change_vs_0"][rows[p.key]],
        }  # fmt: skip
        for p in calc.period_list
    ]
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
                "period": calc.shown,
                "timeline": timeline,
                "components": {name: values[0] for name, values in res.components.items()},
                "explanation": [_line(line) for line in explain(res, 0, payload.hours)],
                "comparison": comparison,
                "cliffs": cliff_list,
                "independence_hours": independence_hours(res, 0),
                "missing": res.missing[0],
            }
        ),
    )
