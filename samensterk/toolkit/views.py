"""The public methods library: one function view per page, reads through selectors, rows localized.

Nothing here needs an account. Bad query parameters get a 400 page that says what was wrong;
unknown slugs get the site's 404.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from samensterk.core.pdf import pdf_response

from . import pdf, selectors
from .models import Method, MethodStep, Statement, WorkForm

# --- forms ----------------------------------------------------------------------------------


class StatementFilterForm(forms.Form):
    """The statement bank's filters. Choices come from the content, labelled in the reader's language."""

    method = forms.ChoiceField(
        label=_("Method"),
        required=False,
        error_messages={
            "invalid_choice": _("There is no method “%(value)s”. Choose a method from the list.")
        },
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        error_messages={"invalid_choice": _("There is no theme “%(value)s”. Choose a theme from the list.")},
    )
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        error_messages={
            "invalid_choice": _("There is no audience “%(value)s”. Choose an audience from the list.")
        },
    )
    q = forms.CharField(
        label=_("Search"), required=False, max_length=200, strip=True, widget=forms.SearchInput
    )

    def __init__(self, data, *, methods: list, themes: list, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["method"].choices = [("", _("All methods"))] + [(m.slug, m.name) for m in methods]
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in themes]
        self.fields["audience"].choices = [("", _("Everyone and every group"))] + list(
            Statement.Audience.choices
        )
        self.fields["q"].widget.attrs.update({"autocomplete": "off"})

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:  # point the field at its message for screen readers
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def filters(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            "method": data.get("method") or "",
            "theme": data.get("theme") or "",
            "audience": data.get("audience") or "",
            "query": data.get("q") or "",
        }


class FlipoverForm(StatementFilterForm):
    lang = forms.ChoiceField(
        label=_("Language of the sheets"),
        required=False,
        choices=settings.LANGUAGES,
        error_messages={
            "invalid_choice": _("There is no language “%(value)s” in this toolkit. Choose one from the list.")
        },
    )
    dutch = forms.ChoiceField(
        label=_("Dutch text underneath"),
        required=False,
        choices=[("0", "0"), ("1", "1")],
        error_messages={"invalid_choice": _("“Dutch text underneath” must be 1 (yes) or 0 (no).")},
    )


# --- helpers --------------------------------------------------------------------------------


def pdf_rate_limit(view):
    """30 PDFs a minute per address; RatelimitMiddleware turns the block into the 429 page."""
    return ratelimit(key="ip", rate="30/m", block=True)(view)


def _bad_request(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    return render(request, template, context, status=400)


def _method_or_404(slug: str) -> Method:
    try:
        return selectors.method_get(slug)
    except Method.DoesNotExist:
        raise Http404(slug) from None


def _statement_filter_form(request: HttpRequest, form_class=StatementFilterForm):
    methods = selectors.method_list()
    themes = selectors.theme_list()
    form = form_class(request.GET or None, methods=methods, themes=themes)
    return form, methods, themes


# --- pages ----------------------------------------------------------------------------------


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "toolkit/index.html",
        {"methods": selectors.method_list(), "workforms": selectors.workform_list()},
    )


@require_GET
def method(request: HttpRequest, slug: str) -> HttpResponse:
    obj = _method_or_404(slug)
    return render(
        request,
        "toolkit/method.html",
        {
            "method": selectors.localize_one(obj),
            "steps": selectors.method_steps(obj),
            "workforms": selectors.localize(obj.workforms.order_by("order", "slug")),
            "statement_count": obj.statements.count(),
        },
    )


@require_GET
def step(request: HttpRequest, slug: str, step_slug: str) -> HttpResponse:
    obj = _method_or_404(slug)
    steps = selectors.method_steps(obj)
    index = next((i for i, s in enumerate(steps) if s.slug == step_slug), None)
    if index is None:
        raise Http404(step_slug)
    current = steps[index]
    return render(
        request,
        "toolkit/step.html",
        {
            "method": selectors.localize_one(obj),
            "step": current,
            "number": index + 1,
            "total": len(steps),
            "previous": steps[index - 1] if index > 0 else None,
            "next": steps[index + 1] if index + 1 < len(steps) else None,
            "workforms": selectors.workforms_with_questions(current.obj.workforms.all()),
            "statement_count": obj.statements.count(),
        },
    )


@require_GET
@pdf_rate_limit
def step_plan_pdf(request: HttpRequest, slug: str, step_slug: str) -> HttpResponse:
    """The session plan of one meeting, A4 portrait, in the page's language."""
    obj = _method_or_404(slug)
    try:
        step_obj = obj.steps.get(slug=step_slug)
    except MethodStep.DoesNotExist:
        raise Http404(step_slug) from None
    steps = list(obj.steps.order_by("order", "slug").values_list("pk", flat=True))
    language = selectors.current_language()
    content = pdf.step_plan_pdf(
        method=selectors.localize_one(obj, language),
        step=selectors.localize_one(step_obj, language),
        number=steps.index(step_obj.pk) + 1,
        total=len(steps),
        workforms=selectors.workforms_with_questions(step_obj.workforms.all(), language),
        principles=selectors.principle_list(language),
        language=language,
    )
    return pdf_response(content, f"{obj.slug}-{step_obj.slug}-{language}.pdf")


@require_GET
def workforms(request: HttpRequest) -> HttpResponse:
    return render(request, "toolkit/workforms.html", {"workforms": selectors.workform_list()})


@require_GET
def workform(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        obj = selectors.workform_get(slug)
    except WorkForm.DoesNotExist:
        raise Http404(slug) from None
    rows = selectors.workforms_with_questions(WorkForm.objects.filter(pk=obj.pk))
    return render(
        request,
        "toolkit/workform.html",
        {"workform": rows[0], "methods": selectors.localize(obj.methods.order_by("order", "slug"))},
    )


@require_GET
def statements(request: HttpRequest) -> HttpResponse:
    """The statement bank: a GET form that works without JS; htmx asks for the results partial only."""
    form, methods, themes = _statement_filter_form(request)
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    if form.is_bound and not form.is_valid():
        response = _bad_request(
            request, "toolkit/statements.html", {"form": form, "rows": [], "invalid": True}
        )
    else:
        filters = form.filters() if form.is_bound else {}
        rows = selectors.statement_rows(
            selectors.statements_filtered(**filters), themes=themes, methods=methods
        )
        context = {"form": form, "rows": rows, "filters": filters, "languages": settings.LANGUAGES}
        template = "toolkit/_statement_results.html" if partial else "toolkit/statements.html"
        response = render(request, template, {**context, "oob": partial})
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_GET
@pdf_rate_limit
def statements_flipover(request: HttpRequest) -> HttpResponse:
    """Flip-over sheets: one statement per A4 landscape page, filtered like the statement bank."""
    form, _methods, _themes = _statement_filter_form(request, FlipoverForm)
    if form.is_bound and not form.is_valid():
        return _bad_request(request, "toolkit/flipover_error.html", {"form": form})
    data = form.cleaned_data if form.is_bound else {}
    language = data.get("lang") or selectors.current_language()
    with_dutch = data.get("dutch") == "1" and language != selectors.SOURCE_LANGUAGE
    filters = form.filters() if form.is_bound else {}
    # The search matched the page's language (what the reader typed); the sheets use the chosen one.
    statements = list(selectors.statements_filtered(**filters))
    if not statements:
        return render(request, "toolkit/flipover_error.html", {"form": form, "empty": True}, status=404)
    with override(language):
        content = pdf.flipover_pdf(
            selectors.localize(statements, language), language=language, with_dutch=with_dutch
        )
    parts = ["statements", filters.get("method") or filters.get("theme") or "", language]
    return pdf_response(content, "-".join(p for p in parts if p) + ".pdf")


@require_GET
def checklist(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "toolkit/checklist.html",
        {"principles": selectors.principle_list(), "criteria": selectors.recruitment_criterion_list()},
    )


@require_GET
def recommendations(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "toolkit/recommendations.html",
        {"learning_points": selectors.learning_points_with_recommendations()},
    )


@require_GET
def insights(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "toolkit/insights.html",
        {"insights": selectors.insight_list(), "tools": selectors.financial_tool_list()},
    )
