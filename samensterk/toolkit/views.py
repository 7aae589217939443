"""The public methods library: one function view per page, reads through selectors, rows localized.

Nothing here needs an account. Bad query parameters get a 400 page that says what was wrong;
unknown slugs get the site's 404.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from samensterk import access
from samensterk.core.pdf import pdf_response

from . import guide, pdf, plan, selectors, services
from .contacts import CONTACTS
from .forms import MeetingPlanForm, block_formset, move_row
from .models import Meeting, Method, MethodStep, WorkForm

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
        self.fields["audience"].choices = [("", _("Everyone and every group"))] + selectors.audience_options()
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
    methods, themes = selectors.methods_and_themes()
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
def prepare(request: HttpRequest) -> HttpResponse:
    """One way to a printed plan: the user's next sessions (logged in), then every method's meetings."""
    return render(
        request,
        "toolkit/prepare.html",
        {"sessions": selectors.next_sessions(request.user), "methods": selectors.methods_with_meetings()},
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
            "workforms": selectors.method_workforms(obj),
            "statement_count": selectors.method_statement_count(obj),
            "meetings": selectors.meeting_list(obj),
            "uses_statements": selectors.method_uses_statements(obj),
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
            "workforms": selectors.step_workforms(current.obj),
            "statement_count": selectors.method_statement_count(obj),
        },
    )


@require_GET
def step_plan_pdf(request: HttpRequest, slug: str, step_slug: str) -> HttpResponse:
    """Old address of a step's own plan PDF: meeting plans replaced it (one concept for one thing).
    The step's meeting plan where a meeting has the step's title, else the method's meetings."""
    obj = _method_or_404(slug)
    try:
        step_obj = selectors.step_get(obj, step_slug)
    except MethodStep.DoesNotExist:
        raise Http404(step_slug) from None
    meeting_obj = next((m.obj for m in selectors.meeting_list(obj, "nl") if m.title == step_obj.title), None)
    if meeting_obj is None:
        return redirect("toolkit:meetings", obj.slug, permanent=True)
    return redirect("toolkit:meeting_plan", obj.slug, meeting_obj.number, permanent=True)


@require_GET
def workforms(request: HttpRequest) -> HttpResponse:
    return render(request, "toolkit/workforms.html", {"workforms": selectors.workform_list()})


@require_GET
def workform(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        obj = selectors.workform_get(slug)
    except WorkForm.DoesNotExist:
        raise Http404(slug) from None
    return render(
        request,
        "toolkit/workform.html",
        {"workform": selectors.workform_detail(obj), "methods": selectors.workform_methods(obj)},
    )


def _borrowed_statements(filters: dict) -> tuple[dict, object, object]:
    """A method that works with statements but has no examples of its own in the toolkit (method 3)
    is no dead end: show the toolkit's statements of the other methods, and say so. A method that
    does not work with statements at all (method 2) is returned as ``without``, so the page can
    say that instead of a generic "nothing found"."""
    method_obj = selectors.method_or_none(filters.get("method") or "")
    if method_obj is None or selectors.method_statement_count(method_obj):
        return filters, None, None
    if not selectors.method_uses_statements(method_obj):
        return filters, None, selectors.localize_one(method_obj)
    return {**filters, "method": ""}, selectors.localize_one(method_obj), None


@require_GET
@pdf_rate_limit
def workform_flipover(request: HttpRequest, slug: str) -> HttpResponse:
    """The work form's questions (Huis van vroeger, Huis van nu...) as flip-over sheets, one a page."""
    try:
        obj = selectors.workform_get(slug)
    except WorkForm.DoesNotExist:
        raise Http404(slug) from None
    questions = selectors.workform_questions(obj)
    if not questions:
        raise Http404(slug)
    language = selectors.current_language()
    content = pdf.flipover_pdf(selectors.localize(questions, language), language=language, with_dutch=False)
    return pdf_response(content, f"{obj.slug}-{language}.pdf")


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
        filters, borrowed_for, without = _borrowed_statements(form.filters() if form.is_bound else {})
        rows = selectors.statement_rows(
            selectors.statements_filtered(**filters), themes=themes, methods=methods
        )
        context = {
            "form": form,
            "rows": rows,
            "filters": filters,
            "languages": settings.LANGUAGES,
            "borrowed_for": borrowed_for,
            "without_statements": without,
        }
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
    filters, _borrowed, _without = _borrowed_statements(form.filters() if form.is_bound else {})
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
        {
            "practical": plan.PRACTICAL_CHECKLIST,
            "principles": selectors.principle_list(),
            "criteria": selectors.recruitment_criterion_list(),
        },
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


# --- meetings and meeting plans ---------------------------------------------------------------


def _meeting_or_404(slug: str, number: int) -> tuple[Method, Meeting]:
    method_obj = _method_or_404(slug)
    try:
        return method_obj, selectors.meeting_get(method_obj, number)
    except Meeting.DoesNotExist:
        raise Http404(number) from None


def _meeting_context(method_obj: Method, meeting_obj: Meeting) -> dict:
    """What the meeting page, the plan builder and the plan PDF all show."""
    language = selectors.current_language()
    meetings = selectors.meeting_list(method_obj, language)
    index = next(i for i, m in enumerate(meetings) if m.obj.pk == meeting_obj.pk)
    suggested = plan.suggested_blocks(meeting_obj)
    return {
        "method": selectors.localize_one(method_obj, language),
        "meeting": meetings[index],
        "meetings": meetings,
        "core_total": sum(1 for m in meetings if not m.extra),
        "previous": meetings[index - 1] if index > 0 else None,
        "next": meetings[index + 1] if index + 1 < len(meetings) else None,
        "suggested": plan.timed(suggested),
        "suggested_total": plan.total_minutes(suggested),
        "uses_statements": selectors.method_uses_statements(method_obj) and plan.uses_statements(suggested),
        "own_statement_count": selectors.method_statement_count(method_obj),
        "workforms": selectors.workforms_by_slugs([b.workform for b in suggested], language),
    }


@require_GET
def meetings(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole series of a method: every meeting, what the toolkit says, the app's suggestion."""
    method_obj = _method_or_404(slug)
    rows = selectors.meeting_list(method_obj)
    for row in rows:
        blocks = plan.suggested_blocks(row.obj)
        row.suggested = plan.timed(blocks)
        row.suggested_total = plan.total_minutes(blocks)
    return render(
        request,
        "toolkit/meetings.html",
        {
            "method": selectors.localize_one(method_obj),
            "meetings": rows,
            "core_total": sum(1 for m in rows if not m.extra),
        },
    )


@require_GET
@pdf_rate_limit
def meetings_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole series on A4: per meeting what the toolkit says and the app's suggested programme."""
    method_obj = _method_or_404(slug)
    language = selectors.current_language()
    rows = selectors.meeting_list(method_obj, language)
    for row in rows:
        blocks = plan.suggested_blocks(row.obj)
        row.suggested = plan.timed(blocks)
        row.suggested_total = plan.total_minutes(blocks)
    content = pdf.series_pdf(
        method=selectors.localize_one(method_obj, language), meetings=rows, language=language
    )
    return pdf_response(content, f"{method_obj.slug}-reeks-{language}.pdf")


@require_GET
def meeting(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    method_obj, meeting_obj = _meeting_or_404(slug, number)
    return render(request, "toolkit/meeting.html", _meeting_context(method_obj, meeting_obj))


class _PlanChoices:
    """What a plan can hold: every statement and question of the toolkit, and every work form."""

    def __init__(self, method_obj: Method, meeting_obj: Meeting):
        suggested = {b.workform for b in plan.suggested_blocks(meeting_obj)}
        self.statements = selectors.plan_statements(method_obj)
        self.questions = selectors.plan_questions(method_obj, suggested)
        self.workforms = selectors.workform_list()

    def form(self, data=None, **kwargs) -> MeetingPlanForm:
        return MeetingPlanForm(data, statements=self.statements, questions=self.questions, **kwargs)

    def formset(self, data=None, blocks=None):
        return block_formset(data, blocks=blocks, workforms=self.workforms)


def _question_groups(method_obj: Method, questions: list, chosen: set[str], language: str) -> list[dict]:
    """The questions grouped by their work form, named in the reader's language."""
    workforms = {wf.obj.pk: wf for wf in selectors.localize({q.workform for q in questions}, language)}
    groups: list[dict] = []
    for q in selectors.localize(questions, language):
        wf = workforms[q.obj.workform_id]
        if not groups or groups[-1]["workform"] is not wf:
            groups.append({"workform": wf, "choices": []})
        groups[-1]["choices"].append({"item": q, "checked": str(q.obj.pk) in chosen})
    return groups


def _plan_page(
    request: HttpRequest,
    method_obj: Method,
    meeting_obj: Meeting,
    *,
    choices: _PlanChoices,
    form,
    formset,
    status=200,
    **extra,
) -> HttpResponse:
    language = selectors.current_language()
    chosen_s = set(form["statements"].value() or [])
    chosen_q = set(form["questions"].value() or [])
    blocks = formset.blocks() if formset.is_bound and formset.is_valid() else None
    start = form.cleaned_data.get("start") if form.is_bound and form.is_valid() else None
    context = {
        **_meeting_context(method_obj, meeting_obj),
        "form": form,
        "formset": formset,
        "statement_choices": [
            {"item": s, "own": method_obj in s.obj.methods.all(), "checked": s.slug in chosen_s}
            for s in selectors.localize(choices.statements, language)
        ],
        "question_groups": _question_groups(method_obj, choices.questions, chosen_q, language),
        "preview": plan.timed(blocks, start) if blocks else None,
        "preview_total": plan.total_minutes(blocks) if blocks else None,
        "length": plan.length_check(blocks, method_obj.meeting_minutes) if blocks else None,
        "sessions": selectors.keepable_sessions(request.user, method_obj),
        **extra,
    }
    return render(request, "toolkit/meeting_plan.html", context, status=status)


def _bound_plan(request: HttpRequest, choices: _PlanChoices):
    form = choices.form(request.POST)
    formset = choices.formset(request.POST)
    return form, formset, form.is_valid() & formset.is_valid()


@require_http_methods(["GET", "POST"])
def meeting_plan(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The plan builder. GET: the app's suggestion, or the plan kept for ?session=<pk>, or the
    session's date, time and place for a session without a plan yet.
    POST ("check the times", or move a block up or down): the same form back with the timed
    programme; nothing is stored."""
    method_obj, meeting_obj = _meeting_or_404(slug, number)
    choices = _PlanChoices(method_obj, meeting_obj)
    if request.method == "POST":
        data = request.POST
        if request.POST.get("move"):
            data = move_row(request.POST, request.POST["move"]) or request.POST
        form, formset = choices.form(data), choices.formset(data)
        valid = form.is_valid() & formset.is_valid()
        return _plan_page(
            request,
            method_obj,
            meeting_obj,
            choices=choices,
            form=form,
            formset=formset,
            status=200 if valid else 400,
        )
    initial: dict = {"sheets": True}
    blocks = plan.suggested_blocks(meeting_obj)
    session = None
    if request.GET.get("session"):
        try:
            session_pk = int(request.GET["session"])
        except ValueError:
            raise Http404 from None
        session, _can = access.session_for(request.user, session_pk)
        kept = selectors.meeting_plan_for_session(session)
        if kept and kept.method_id == method_obj.pk and kept.meeting_number == meeting_obj.number:
            blocks = [plan.Block.from_stored(b) for b in kept.blocks]
            statements, questions = selectors.kept_plan_choices(kept)
            initial.update(
                date=kept.date, place=kept.place, group=kept.group, statements=statements, questions=questions
            )
        else:
            initial.update(place=str(session.get_place_display()))
            if session.starts_at:
                local = timezone.localtime(session.starts_at)
                initial.update(date=local.date(), start=local.time().replace(second=0, microsecond=0))
    return _plan_page(
        request,
        method_obj,
        meeting_obj,
        choices=choices,
        form=choices.form(initial=initial),
        formset=choices.formset(blocks=blocks),
        session=session,
    )


@require_POST
@pdf_rate_limit
def meeting_plan_pdf(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The plan on A4, followed by the flip-over sheets of its statements and questions. Not stored."""
    method_obj, meeting_obj = _meeting_or_404(slug, number)
    choices = _PlanChoices(method_obj, meeting_obj)
    form, formset, valid = _bound_plan(request, choices)
    if not valid:
        return _plan_page(
            request, method_obj, meeting_obj, choices=choices, form=form, formset=formset, status=400
        )
    language = selectors.current_language()
    data = form.cleaned_data
    blocks = formset.blocks()
    context = _meeting_context(method_obj, meeting_obj)
    # Materials follow the work forms the facilitator chose: a dropped block takes its own along.
    context["workforms"] = selectors.workforms_by_slugs([b.workform for b in blocks], language)
    content = pdf.meeting_plan_pdf(
        context=context,
        blocks=plan.timed(blocks, data.get("start")),
        total=plan.total_minutes(blocks),
        length=plan.length_check(blocks, method_obj.meeting_minutes),
        statements=selectors.localize(form.chosen_statements(), language),
        questions=selectors.localize(form.chosen_questions(), language),
        fields={k: data.get(k) for k in ("date", "start", "place", "group")},
        sheets=bool(data.get("sheets")),
        guide=guide.guide_for(method_obj),
        guide_url=request.build_absolute_uri(reverse("toolkit:difficult", args=[method_obj.slug])),
        language=language,
    )
    return pdf_response(content, f"{method_obj.slug}-bijeenkomst-{meeting_obj.number}-{language}.pdf")


@require_POST
def meeting_plan_keep(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Keep the plan for a session of the user's trajectory (facilitators of it, trainer, coordinator)."""
    method_obj, meeting_obj = _meeting_or_404(slug, number)
    if not request.user.is_authenticated:  # back to the builder after logging in, not to this POST URL
        return redirect_to_login(reverse("toolkit:meeting_plan", args=[method_obj.slug, meeting_obj.number]))
    choices = _PlanChoices(method_obj, meeting_obj)
    form, formset, valid = _bound_plan(request, choices)
    try:
        session_pk = int(request.POST.get("session") or "")
    except ValueError:
        form.add_error(None, _("Choose the session to keep this plan for."))
        valid = False
    if not valid:
        return _plan_page(
            request, method_obj, meeting_obj, choices=choices, form=form, formset=formset, status=400
        )
    data = form.cleaned_data
    try:
        services.meeting_plan_save(
            actor=request.user,
            session_pk=session_pk,
            meeting=meeting_obj,
            blocks=formset.blocks(),
            statements=form.chosen_statements(),
            questions=form.chosen_questions(),
            date=data.get("date"),
            place=data.get("place") or "",
            group=data.get("group") or "",
        )
    except ValidationError as exc:
        form.add_error(None, exc.messages[0])
        return _plan_page(
            request, method_obj, meeting_obj, choices=choices, form=form, formset=formset, status=400
        )
    messages.success(request, _("The plan is kept for this session."))
    target = reverse("toolkit:meeting_plan", args=[method_obj.slug, meeting_obj.number])
    return redirect(f"{target}?session={session_pk}")


@require_GET
def difficult(request: HttpRequest, slug: str) -> HttpResponse:
    """When it gets difficult: the app's own guidance for heated talk and for a disclosure."""
    method_obj = _method_or_404(slug)
    return render(
        request,
        "toolkit/difficult.html",
        {"method": selectors.localize_one(method_obj), "guide": guide.guide_for(method_obj)},
    )


@require_GET
@pdf_rate_limit
def difficult_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    method_obj = _method_or_404(slug)
    language = selectors.current_language()
    content = pdf.difficult_pdf(
        method=selectors.localize_one(method_obj, language),
        guide=guide.guide_for(method_obj),
        language=language,
    )
    return pdf_response(content, f"{method_obj.slug}-als-het-moeilijk-wordt-{language}.pdf")


@require_GET
def contacts(request: HttpRequest) -> HttpResponse:
    return render(request, "toolkit/contacts.html", {"organisations": CONTACTS})
