"""The calculator page ("What does work bring?"), its hours updates, projector mode and handout.

Privacy (DESIGN.md §3): a household's figures travel only in POST bodies. Nothing is stored, put
in a URL, logged or kept in a session or cookie; the PDF is made in memory on request. The
worked examples and their projector view use URLs because they describe nobody.

The POST views are exempt from CSRF on purpose: they change nothing on the server (a pure
calculation), and a CSRF token would mean a cookie on every visitor's device.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from samensterk.calculator import next_steps, results
from samensterk.calculator.examples import BY_SLUG, EXAMPLES
from samensterk.calculator.forms import MAX_CHILDREN, CalculatorForm, minimum_hourly_wage
from samensterk.core.views import ratelimited
from samensterk.income.household import HouseholdInvalid

HANDOUT_RATE = "20/m"  # a PDF costs ~0.5 s of CPU; a family needs one or two
# Per client address: a community centre's shared network must not hit these in normal use (a
# group of 20 each calculating a few times a minute, sliding the hours up and down).
PAGE_RATE = "60/m"  # a full result page (the form posted)
HOURS_RATE = "120/m"  # an hours change: a slider fires several in a second
PROJECTOR_RATE = "60/m"
INVALID = 422  # Unprocessable Content: the form is shown again with the message at each field


def _private(response: HttpResponse) -> HttpResponse:
    """A household's result is not cached by the browser or any proxy (a shared family device)."""
    patch_cache_control(response, no_store=True, private=True)
    return response


def _calculate(form: CalculatorForm, *, with_chart=True, large=False, phone=False, pdf=False) -> dict | None:
    """The result for a valid form, or None with the engine's messages added to the form."""
    data = form.cleaned_data
    try:
        calc = results.run(form.to_household(), data.get("period"))
    except HouseholdInvalid as e:  # the form's own checks catch these first; never a 500
        for err in e.errors:
            form.add_error(None, err["message"])
        return None
    out = results.full(calc, data["hours"], data["compare_a"], with_chart=with_chart, large=large,
                       phone=phone, pdf=pdf, period=data.get("period") or "first")  # fmt: skip
    out["sharing"] = _sharing(form, calc) if (data.get("partner") or "works") == "works" else None
    out["next_steps"] = next_steps.steps_for(next_steps.situation(data, calc, data["hours"]))
    return out


def _sharing(form: CalculatorForm, calc) -> list[dict] | None:
    """The side-by-side of two splits of paid work; None when it cannot be computed."""
    try:
        return results.arrangements(calc, form.cleaned_data["partner_hours"], form.share_pairs())
    except (HouseholdInvalid, ZeroDivisionError):
        return None


def _page_context(form: CalculatorForm, result: dict | None, example=None) -> dict:
    year = form.cleaned_data.get("year") if form.is_bound and hasattr(form, "cleaned_data") else None
    year = year or form.fields["year"].initial
    return {
        "form": form,
        "result": result,
        "example": example,
        "examples": EXAMPLES,
        "care_rows": [
            {
                "n": i + 1,
                "type": form[f"care_type_{i}"],
                "hours": form[f"care_hours_{i}"],
                "price": form[f"care_price_{i}"],
            }
            for i in range(MAX_CHILDREN)
        ],
        "minimum_wage": results.format_money(minimum_hourly_wage(year) or 0, cents=True),
        "year": year,
        "year_note": _year_note(year) if result else "",
        "hidden_fields": _hidden_fields(form) if form.is_bound else [],
        "assumptions": form.assumptions() if result and hasattr(form, "cleaned_data") else [],
        # The result in another language: the same POST to that language's page (nothing retyped).
        "result_languages": [
            {"code": code, "url": translate_url(reverse("calculator:index"), code)}
            for code, _ in settings.LANGUAGES
        ],
    }


def _year_note(year: int) -> str:
    """Said plainly when the rules used are not this year's (a year's figures come in only with
    their sources: income.model.offered_years)."""
    this_year = dt.date.today().year
    if year == this_year:
        return ""
    return gettext("This calculation uses the rules of %(year)s; the rules of %(now)s are not in the calculator yet.") % {
        "year": year, "now": this_year}  # fmt: skip


def _hidden_fields(form: CalculatorForm) -> list[tuple[str, str]]:
    """The household as hidden inputs (projector mode posts them again on every hours change)."""
    out = []
    for name in form.fields:
        if name == "hours":
            continue
        value = form[name].value()
        if value in (None, "", False):
            continue
        out.append((form.add_prefix(name), "on" if value is True else str(value)))
    return out


@csrf_exempt
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=PAGE_RATE, method="POST", block=False)
def index(request: HttpRequest) -> HttpResponse:
    """GET: the five questions. POST: the answer on top, the questions below with what was typed."""
    if getattr(request, "limited", False):
        return ratelimited(request)
    if request.method == "GET":
        return render(request, "calculator/index.html", _page_context(CalculatorForm(), None))
    form = CalculatorForm(request.POST)
    result = _calculate(form, phone=True) if form.is_valid() else None
    status = 200 if result else INVALID
    return _private(render(request, "calculator/index.html", _page_context(form, result), status=status))


@require_GET
@ratelimit(key="ip", rate=PAGE_RATE, block=False)
def example(request: HttpRequest, slug: str) -> HttpResponse:
    """A fictional worked example, opened with one click, with its result."""
    if getattr(request, "limited", False):
        return ratelimited(request)
    ex = BY_SLUG.get(slug) or _not_found()
    form = CalculatorForm(ex.form_data())
    result = _calculate(form, phone=True) if form.is_valid() else None
    return render(request, "calculator/index.html", _page_context(form, result, example=ex))


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=HOURS_RATE, block=False)
def hours(request: HttpRequest) -> HttpResponse:
    """The hours changed: simulate and the template only (the chart's marker moves client-side).
    Without htmx (no script) the whole page comes back instead."""
    if getattr(request, "limited", False):
        return ratelimited(request)
    form = CalculatorForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return _private(render(request, "calculator/_errors.html", {"form": form}, status=INVALID))
        return _private(render(request, "calculator/index.html", _page_context(form, None), status=INVALID))
    if not request.htmx:
        result = _calculate(form, phone=True)
        return _private(render(request, "calculator/index.html", _page_context(form, result)))
    try:
        calc = results.run(form.to_household(), form.cleaned_data.get("period"))
    except HouseholdInvalid:
        return _private(render(request, "calculator/_errors.html", {"form": form}, status=INVALID))
    d = form.cleaned_data
    live = results.live(calc, d["hours"], d["compare_a"], d.get("period") or "first")
    projector_view = request.POST.get("view") == "projector"
    return _private(
        render(request, "calculator/_live.html", {"result": live, "oob": not projector_view, "form": form})
    )


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=PROJECTOR_RATE, block=False)
def projector(request: HttpRequest) -> HttpResponse:
    """Projector mode for the household on the page: the sentence, the chart and the hours only."""
    if getattr(request, "limited", False):
        return ratelimited(request)
    form = CalculatorForm(request.POST)
    result = _calculate(form, large=True) if form.is_valid() else None
    if result is None:
        return _private(render(request, "calculator/index.html", _page_context(form, None), status=INVALID))
    return _private(render(request, "calculator/projector.html", _page_context(form, result)))


@require_GET
@ratelimit(key="ip", rate=PROJECTOR_RATE, block=False)
def example_projector(request: HttpRequest, slug: str) -> HttpResponse:
    if getattr(request, "limited", False):
        return ratelimited(request)
    ex = BY_SLUG.get(slug) or _not_found()
    form = CalculatorForm(ex.form_data())
    form.is_valid()
    result = _calculate(form, large=True)
    return render(request, "calculator/projector.html", _page_context(form, result, example=ex))


def _handout_response(request, form, example=None) -> HttpResponse:
    from samensterk.calculator.pdf import handout_pdf
    from samensterk.core.pdf import pdf_response

    result = _calculate(form, pdf=True) if form.is_valid() else None
    if result is None:
        return _private(render(request, "calculator/index.html", _page_context(form, None), status=INVALID))
    context = _page_context(form, result, example=example)
    context.update(language=get_language(), household=form.household_facts())
    pdf = handout_pdf(request, context)
    return _private(pdf_response(pdf, f"samen-sterk-{get_language()}.pdf"))


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=HANDOUT_RATE, block=False)
def handout(request: HttpRequest) -> HttpResponse:
    """The printable handout (PDF) of the result in the chosen language; made now, never kept."""
    if getattr(request, "limited", False):
        return ratelimited(request)
    return _handout_response(request, CalculatorForm(request.POST))


@require_GET
@ratelimit(key="ip", rate=HANDOUT_RATE, block=False)
def example_handout(request: HttpRequest, slug: str) -> HttpResponse:
    if getattr(request, "limited", False):
        return ratelimited(request)
    ex = BY_SLUG.get(slug) or _not_found()
    return _handout_response(request, CalculatorForm(ex.form_data()), example=ex)


def _not_found():
    raise Http404
