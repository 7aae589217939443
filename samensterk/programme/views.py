"""Programme views: thin. Each one gets its object through samensterk/access.py, validates with
a form, and changes state only through services.py."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samensterk import access
from samensterk.core.offline import offline_page
from samensterk.core.pdf import pdf_response, render_pdf

from . import audit_trail, selectors, services
from .audit_trail import AuditFilterForm
from .forms import (
    DebriefForm,
    IntervisionForm,
    OrganisationDeleteForm,
    PartnershipForm,
    RecruitmentForm,
    ReportForm,
    SessionForm,
    SignalActionForm,
    TrainingForm,
    TrajectoryForm,
)
from .models import Session, SessionReport, Trajectory
from .organisation_data import organisation_delete, organisation_export

INVALID = 422  # a form with errors: the page again, with what was typed and what to fix


def _private(response: HttpResponse) -> HttpResponse:
    """Pages with report text or a team's schedule are never kept by a shared computer's cache."""
    response["Cache-Control"] = "no-store"
    return response


# --- my work ------------------------------------------------------------------------------


HOME_LIST_LENGTH = 10


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """My next sessions, reports to write, reports to discuss and safety signals to act on."""
    user = request.user
    if not access.works_in_programme(user):
        # Funders see aggregates only (monitoring), never the programme's records.
        if access.is_funder(user):
            return redirect("monitoring:dashboard")
        raise Http404
    # Each list shows its first HOME_LIST_LENGTH items and says how many there are: a facilitator
    # with a long backlog still gets the page in one glance (and in a fraction of a second).
    to_write = selectors.reports_to_write_for(user)
    signals = selectors.safety_signals_for(user)
    reports_to_write = list(to_write[:HOME_LIST_LENGTH])
    next_sessions = list(selectors.next_sessions_for(user))
    started_today = {
        s.pk for s in reports_to_write if timezone.localtime(s.starts_at).date() == timezone.localdate()
    }
    # The companion of tonight's (or the next) meeting opens offline too, never opened before.
    companions = [*started_today, *(s.pk for s in next_sessions[:1])]
    context = {
        "next_sessions": next_sessions,
        "reports_to_write": reports_to_write,
        # A meeting held today keeps its companion link (it may still be running).
        "started_today": started_today,
        # "My work" and the reports to write open without a connection after this visit.
        "offline_urls": [
            reverse("programme:home"),
            *(reverse("programme:report", args=[s.pk]) for s in reports_to_write),
            *(reverse("companion:control", args=[pk]) for pk in companions),
        ],
        "reports_to_write_count": to_write.count(),
        "to_discuss_count": selectors.reports_to_discuss_for(user).count(),
        "signals": signals[:HOME_LIST_LENGTH],
        "signals_count": signals.count(),
        "list_length": HOME_LIST_LENGTH,
        "trajectories": access.visible_trajectories(user).select_related("method")[:20],
        "is_staff": access.is_alliance_staff(user),
        "data_organisations": access.organisations_with_data_for(user).exists(),
        "pool_organisations": access.pool_organisations(user),
    }
    return offline_page(_private(render(request, "programme/home.html", context)))


@login_required
@require_GET
def to_discuss(request: HttpRequest) -> HttpResponse:
    """The trainer's list: submitted reports of their trajectories not yet discussed."""
    if not access.works_in_programme(request.user):
        raise Http404
    return _private(
        render(
            request, "programme/to_discuss.html", {"reports": selectors.reports_to_discuss_for(request.user)}
        )
    )


# --- partnerships ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def partnerships(request: HttpRequest) -> HttpResponse:
    user = request.user
    visible = access.visible_partnerships(user).annotate(trajectory_count=Count("trajectories"))
    try:
        scope = access.partnership_creation_scope(user)
        may_create = True
    except Http404:
        scope, may_create = set(), False
    if not visible.exists() and not may_create:
        raise Http404
    form = None
    status = 200
    if may_create:
        form = PartnershipForm(request.POST or None, allowed=scope)
        if request.method == "POST":
            if form.is_valid():
                men = form.cleaned_data["men_organisation"]
                women = form.cleaned_data["women_organisation"]
                if scope is None or {men.pk, women.pk} <= scope:
                    # Alliance staff, or a coordinator of both: nobody else has to agree.
                    services.partnership_create(actor=user, men_organisation=men, women_organisation=women)
                    messages.success(request, _("The partnership has been created."))
                else:
                    proposer = men if men.pk in scope else women
                    services.partnership_propose(
                        actor=user, proposer=proposer, men_organisation=men, women_organisation=women
                    )
                    messages.success(
                        request,
                        _(
                            "The partnership has been proposed. A coordinator of the other organisation accepts it."
                        ),
                    )
                return redirect("programme:partnerships")
            status = INVALID
    elif request.method == "POST":
        raise Http404
    rows = [(p, _may_accept(user, p)) for p in visible]
    return _private(
        render(
            request,
            "programme/partnerships.html",
            {"partnerships": visible, "rows": rows, "form": form},
            status=status,
        )
    )


def _may_accept(user, partnership) -> bool:
    if partnership.status != partnership.Status.PROPOSED:
        return False
    try:
        access.partnership_to_accept(user, partnership.pk)
    except Http404:
        return False
    return True


@login_required
@require_POST
def partnership_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator of the other organisation accepts a proposed partnership."""
    partnership, organisation = access.partnership_to_accept(request.user, pk)
    services.partnership_accept(actor=request.user, partnership=partnership, accepting=organisation)
    messages.success(request, _("The partnership has been accepted."))
    return redirect("programme:partnerships")


# --- trajectories ---------------------------------------------------------------------------


@login_required
@require_GET
def trajectory_list(request: HttpRequest) -> HttpResponse:
    trajectories = (
        access.visible_trajectories(request.user)
        .select_related("method", "partnership__men_organisation", "partnership__women_organisation")
        .annotate(
            session_count=Count("sessions", distinct=True),
            held_count=Count("sessions", filter=Q(sessions__status=Session.Status.HELD), distinct=True),
        )
    )
    may_create = access.manageable_partnerships(request.user).exists()
    if not trajectories.exists() and not may_create:
        raise Http404  # funders and strangers: the programme is not theirs to browse
    return _private(
        render(
            request,
            "programme/trajectory_list.html",
            {"trajectories": trajectories, "may_create": may_create},
        )
    )


def _trajectory_form_data(form: TrajectoryForm) -> tuple[dict, list]:
    data = {name: value for name, value in form.cleaned_data.items() if name != "facilitators"}
    return data, list(form.cleaned_data.get("facilitators", []))


@login_required
@require_http_methods(["GET", "POST"])
def trajectory_create(request: HttpRequest) -> HttpResponse:
    partnerships = access.manageable_partnerships(request.user)
    if not partnerships.exists():
        raise Http404
    form = TrajectoryForm(request.POST or None, partnerships=partnerships)
    if request.method == "POST":
        if form.is_valid():
            data, facilitators = _trajectory_form_data(form)
            trajectory = services.trajectory_create(actor=request.user, data=data, facilitators=facilitators)
            messages.success(request, _("The trajectory has been created. Plan its first meeting."))
            return redirect("programme:trajectory", pk=trajectory.pk)
        return _private(render(request, "programme/trajectory_form.html", {"form": form}, status=INVALID))
    return _private(render(request, "programme/trajectory_form.html", {"form": form}))


@login_required
@require_GET
def trajectory_detail(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory, can = access.trajectory_for(request.user, pk)
    sessions = trajectory.sessions.prefetch_related(
        Prefetch(
            "report", queryset=SessionReport.objects.only("id", "session_id", "status", "safety_signal")
        ),
        "facilitators",
    ).select_related("meeting_plan")
    plan_links = selectors.meeting_plan_links(trajectory, sessions)
    rows = [selectors.SessionRow.of(session, request.user, can) for session in sessions]
    for row in rows:
        row.plan_url, row.plan_kept = plan_links[row.session.pk]
    context = {
        "trajectory": trajectory,
        "can": can,
        "rows": rows,
        "method": selectors.localized_method(trajectory.method),
        "facilitators": trajectory.facilitators.all(),
        "language_names": selectors.language_names(trajectory.languages),
    }
    return _private(render(request, "programme/trajectory_detail.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def trajectory_edit(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory, can = access.trajectory_for(request.user, pk)
    if not can.edit:
        raise Http404
    partnerships = access.manageable_partnerships(request.user) | type(trajectory.partnership).objects.filter(
        pk=trajectory.partnership_id
    )
    form = TrajectoryForm(request.POST or None, instance=trajectory, partnerships=partnerships.distinct())
    if request.method == "POST":
        # A ModelForm writes its cleaned values onto the instance; services.py saves them.
        trajectory_before = Trajectory.objects.get(pk=trajectory.pk)
        if form.is_valid():
            data, facilitators = _trajectory_form_data(form)
            services.trajectory_update(
                actor=request.user, trajectory=trajectory_before, data=data, facilitators=facilitators
            )
            messages.success(request, _("The trajectory has been saved."))
            return redirect("programme:trajectory", pk=trajectory.pk)
        return _private(
            render(
                request,
                "programme/trajectory_form.html",
                {"form": form, "trajectory": trajectory},
                status=INVALID,
            )
        )
    return _private(
        render(request, "programme/trajectory_form.html", {"form": form, "trajectory": trajectory})
    )


# --- sessions -------------------------------------------------------------------------------


def _session_form_data(form: SessionForm) -> tuple[dict, list]:
    data = {name: value for name, value in form.cleaned_data.items() if name != "facilitators"}
    return data, list(form.cleaned_data.get("facilitators", []))


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory, can = access.trajectory_for(request.user, pk)
    if not can.edit:
        raise Http404
    initial = {
        "number": services.next_session_number(trajectory),
        "language": (trajectory.languages or ["nl"])[0],
        "facilitators": list(trajectory.facilitators.all()),
    }
    form = SessionForm(request.POST or None, trajectory=trajectory, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            data, facilitators = _session_form_data(form)
            services.session_create(
                actor=request.user, trajectory=trajectory, data=data, facilitators=facilitators
            )
            messages.success(request, _("The meeting has been planned."))
            return redirect("programme:trajectory", pk=trajectory.pk)
        status = INVALID
    else:
        status = 200
    return _private(
        render(
            request, "programme/session_form.html", {"form": form, "trajectory": trajectory}, status=status
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session, can = access.session_for(request.user, pk)
    if not can.edit:
        raise Http404
    form = SessionForm(request.POST or None, instance=session, trajectory=session.trajectory)
    if request.method == "POST":
        before = Session.objects.get(pk=session.pk)
        if form.is_valid():
            data, facilitators = _session_form_data(form)
            services.session_update(actor=request.user, session=before, data=data, facilitators=facilitators)
            messages.success(request, _("The meeting has been saved."))
            return redirect("programme:trajectory", pk=session.trajectory_id)
        status = INVALID
    else:
        status = 200
    return _private(
        render(
            request,
            "programme/session_form.html",
            {"form": form, "trajectory": session.trajectory, "session": session},
            status=status,
        )
    )


# --- the report after a session -------------------------------------------------------------


def _report_context(request, session, can, form, report) -> dict:
    return {
        "session": session,
        "trajectory": session.trajectory,
        "can": can,
        "form": form,
        "report": report,
        "companion": (report.companion_totals if report else None) or None,
        "storage_key": report_storage_key(request.user, session),
        "offline_urls": [reverse("programme:report", args=[session.pk])],
        "queue_title": _("%(trajectory)s, meeting %(number)s")
        % {"trajectory": session.trajectory.name, "number": session.number},
    }


def report_storage_key(user, session) -> str:
    """The browser's key for this user's draft of this report: per user, so that log-out (and
    another person on the same phone) finds and clears exactly this user's drafts."""
    return f"samensterk.{user.pk}.report.{session.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report of session ``pk``: the form for its facilitator while it is a draft, the text for
    those who may read it once submitted (each read audited)."""
    session, can = access.session_for(request.user, pk)
    existing = SessionReport.objects.filter(session=session).first()
    submitted = existing is not None and existing.status != SessionReport.Status.DRAFT

    if request.method == "POST":
        if not can.write_report:
            raise Http404
        form = ReportForm(request.POST, session=session, language=get_language())
        if not form.is_valid():
            return _private(
                render(
                    request,
                    "programme/report_form.html",
                    _report_context(request, session, can, form, existing),
                    status=INVALID,
                )
            )
        wants_json = request.headers.get("Accept") == "application/json"  # the offline queue
        try:
            report_obj, created = services.report_submit(
                session=session,
                author=request.user,
                data=form.report_data(),
                submission_key=form.cleaned_data["submission_key"],
            )
        except services.SubmissionKeyConflict:
            message = _(
                "This report was not sent: its submission code belongs to another report. "
                "Nothing was lost; submit it again from its own page."
            )
            if wants_json:
                return JsonResponse({"ok": False, "detail": message}, status=409)
            # The page again with everything typed, and a fresh key for the next try.
            data = request.POST.copy()
            data["submission_key"] = str(uuid.uuid4())
            form = ReportForm(data, session=session, language=get_language())
            form.is_valid()
            form.add_error(None, message)
            return _private(
                render(
                    request,
                    "programme/report_form.html",
                    _report_context(request, session, can, form, existing),
                    status=409,
                )
            )
        # The report page's own script submits with fetch and then opens the report: it asks for
        # the usual confirmation; the queue (sending later, from any page) does not.
        if wants_json and not request.headers.get("X-Report-Form"):
            return JsonResponse({"ok": True, "created": created, "url": request.path})
        if created:
            messages.success(request, _("Thank you. Your report has been submitted."))
            if report_obj.safety_signal:
                messages.info(
                    request,
                    _("Your safety signal went to the trainer and the coordinator of this trajectory."),
                )
        else:
            messages.info(request, _("This report had already been submitted; nothing was sent twice."))
        if wants_json:
            return JsonResponse({"ok": True, "created": created, "url": request.path})
        return redirect("programme:report", pk=session.pk)

    if submitted:
        report_obj, can = access.report_for(request.user, session.pk)
        services.report_read(report=report_obj, actor=request.user)
        response = _private(
            render(request, "programme/report_detail.html", _detail_context(request, report_obj, can))
        )
        # The author's own report stays readable offline; a reader's copy is never kept.
        return offline_page(response) if report_obj.author_id == request.user.pk else response

    if not can.write_report:
        raise Http404
    form = ReportForm(
        initial={**ReportForm.initial_from(existing, session), "submission_key": uuid.uuid4()},
        session=session,
        language=get_language(),
    )
    return offline_page(
        _private(
            render(
                request, "programme/report_form.html", _report_context(request, session, can, form, existing)
            )
        )
    )


@login_required
@require_POST
def report_draft(request: HttpRequest, pk: int) -> JsonResponse:
    """Autosave while typing: keeps the draft on the server whenever there is a connection."""
    session, can = access.session_for(request.user, pk)
    if not can.write_report:
        raise Http404
    form = ReportForm(request.POST, session=session)
    if not form.is_valid():
        # The browser still holds everything; the errors are shown when the report is submitted.
        return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=INVALID)
    report_obj = services.report_save_draft(session=session, author=request.user, data=form.report_data())
    return JsonResponse(
        {"saved": report_obj.status == SessionReport.Status.DRAFT, "status": report_obj.status}
    )


@login_required
@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The submitted report as PDF for the team's files; made on request, never kept, audited.

    The safety signal is left out on purpose: a printed page travels further than the app."""
    report_obj, can = access.report_for(request.user, pk)
    if report_obj.status == SessionReport.Status.DRAFT:
        raise Http404
    language = get_language()
    content = render_pdf(
        "programme/pdf/report.html",
        {
            "report": report_obj,
            "session": report_obj.session,
            "trajectory": report_obj.session.trajectory,
            "themes": selectors.localized_themes(report_obj),
            "statements": selectors.localized_statements(report_obj),
            "language": language,
            "dir": "rtl" if get_language_bidi() else "ltr",
        },
        request=request,
    )
    services.report_export(report=report_obj, actor=request.user)
    return pdf_response(content, f"report-{report_obj.session.trajectory_id}-{report_obj.session.number}.pdf")


def _detail_context(request, report_obj, can, *, debrief_form=None, signal_form=None) -> dict:
    """The submitted report's page: its text, the debrief form for the trainer, and the safety
    signal's action form for the trainer and coordinator until the action is recorded."""
    today = timezone.localdate()
    signal_open = report_obj.safety_signal and not report_obj.signal_action
    return {
        "session": report_obj.session,
        "trajectory": report_obj.session.trajectory,
        "report": report_obj,
        "can": can,
        "storage_key": report_storage_key(request.user, report_obj.session),
        "offline_urls": [request.path] if report_obj.author_id == request.user.pk else [],
        "themes": selectors.localized_themes(report_obj),
        "statements": selectors.localized_statements(report_obj),
        "debrief_form": debrief_form
        or (DebriefForm(initial={"discussed_on": today}) if can.debrief else None),
        "signal_form": signal_form
        or (SignalActionForm(initial={"acted_on": today}) if can.see_safety and signal_open else None),
    }


@login_required
@require_POST
def report_signal(request: HttpRequest, pk: int) -> HttpResponse:
    """The trainer or coordinator records what was done about the report's safety signal."""
    report_obj, can = access.report_for(request.user, pk)
    if not can.see_safety or not report_obj.safety_signal or report_obj.status == SessionReport.Status.DRAFT:
        raise Http404
    form = SignalActionForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, report_obj, can, signal_form=form)
        return _private(render(request, "programme/report_detail.html", context, status=INVALID))
    try:
        services.report_signal_action(
            report=report_obj,
            actor=request.user,
            action=form.cleaned_data["action"],
            acted_on=form.cleaned_data["acted_on"],
            referred_to=form.cleaned_data["referred_to"].strip(),
        )
    except services.SignalActionRecorded:
        messages.info(request, _("The action on this safety signal had been recorded already."))
    else:
        messages.success(request, _("The action on the safety signal has been recorded."))
    return redirect("programme:report", pk=report_obj.session_id)


@login_required
@require_POST
def report_debrief(request: HttpRequest, pk: int) -> HttpResponse:
    report_obj, can = access.report_for(request.user, pk)
    if not can.debrief or report_obj.status == SessionReport.Status.DRAFT:
        raise Http404
    form = DebriefForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, report_obj, can, debrief_form=form)
        return _private(render(request, "programme/report_detail.html", context, status=INVALID))
    services.report_debrief(
        report=report_obj,
        actor=request.user,
        discussed_on=form.cleaned_data["discussed_on"],
        notes=form.cleaned_data["notes"],
    )
    messages.success(request, _("The debrief has been recorded."))
    return redirect("programme:report", pk=report_obj.session_id)


# --- the audit log --------------------------------------------------------------------------


def _audit_filter(request):
    """The filter form and the events it selects (all events when the form has errors)."""
    events = access.audit_events_for(request.user)
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        events = audit_trail.filtered(events, form.cleaned_data)
    return form, events


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    """Alliance staff read who did or read what, about which trajectory and meeting; filtered by
    person, trajectory, action and period. Reading the log is itself logged."""
    access.audit_events_for(request.user)  # 404 for everybody but alliance staff, before logging
    # Logged before the page is counted, so the count and the rows agree.
    services.audit_log_read(actor=request.user)
    form, events = _audit_filter(request)
    status = 400 if form.errors else 200
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return _private(
        render(
            request,
            "programme/audit_log.html",
            {
                "page": page,
                "rows": audit_trail.rows(page.object_list),
                "form": form,
                "query": query.urlencode(),
            },
            status=status,
        )
    )


@login_required
@require_GET
def audit_export(request: HttpRequest) -> HttpResponse:
    """The filtered log as CSV for the data protection officer; the export is audited itself."""
    access.audit_events_for(request.user)
    form, events = _audit_filter(request)
    if form.errors:
        return _private(
            render(request, "programme/audit_log.html", {"page": None, "rows": [], "form": form}, status=400)
        )
    rows = audit_trail.rows(events.select_related("actor", "organisation"))
    services.audit_log_export(actor=request.user, rows=len(rows))
    response = HttpResponse(audit_trail.as_csv(rows), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    return _private(response)


# --- an organisation's data as a whole (AVG) ------------------------------------------------


@login_required
@require_GET
def organisations(request: HttpRequest) -> HttpResponse:
    """The organisations whose data page the user may open: all for alliance staff (erasure),
    their own for coordinators (export); 404 for everybody else."""
    organisations = access.organisations_with_data_for(request.user)
    if not organisations.exists():
        raise Http404
    return _private(render(request, "programme/organisations.html", {"organisations": organisations}))


@login_required
@require_http_methods(["GET", "POST"])
def organisation_data(request: HttpRequest, slug: str) -> HttpResponse:
    """What all of one organisation's data is; its coordinators export it as JSON, alliance staff
    delete it after typing its short name (access.organisation_data_for). Both are audited."""
    organisation, can = access.organisation_data_for(request.user, slug)
    form = OrganisationDeleteForm(organisation=organisation)
    status = 200
    if request.method == "POST" and request.POST.get("action") == "export":
        if not can.read_report_text:
            raise Http404
        data = organisation_export(organisation=organisation, actor=request.user)
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="{organisation.slug}-{stamp}.json"'
        return _private(response)
    if request.method == "POST":
        if not can.edit:
            raise Http404
        form = OrganisationDeleteForm(request.POST, organisation=organisation)
        if form.is_valid():
            deleted = organisation_delete(
                organisation=organisation, actor=request.user, confirm=form.cleaned_data["confirm"]
            )
            messages.success(
                request,
                _("All data of %(name)s has been deleted (%(count)d records).")
                % {"name": organisation.name, "count": sum(deleted.values())},
            )
            return redirect("programme:organisations")
        status = INVALID
    context = {
        "organisation": organisation,
        "can": can,
        "form": form,
        "counts": selectors.data_counts(organisation),
    }
    return _private(render(request, "programme/organisation_data.html", context, status=status))


# --- the facilitator pool -------------------------------------------------------------------

POOL_FORMS = {
    "recruitment": (RecruitmentForm, services.recruitment_record),
    "training": (TrainingForm, services.training_record),
    "intervision": (IntervisionForm, services.intervision_record),
}


def _pool_page(request, org, can, forms=None, status=200) -> HttpResponse:
    forms = forms or {}
    context = {
        "organisation": org,
        "can": can,
        "pool": selectors.pool_of(org),
        "forms": {
            name: forms.get(name)
            or (
                form_class(
                    organisation=org,
                    initial={"recorded_on": timezone.localdate(), "held_on": timezone.localdate()},
                )
                if can.edit
                else None
            )
            for name, (form_class, _service) in POOL_FORMS.items()
        },
    }
    return _private(render(request, "programme/pool.html", context, status=status))


@login_required
@require_GET
def pool(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's facilitators: recruited against the four criteria, trained, in intervision."""
    org, can = access.pool_for(request.user, slug)
    return _pool_page(request, org, can)


@login_required
@require_POST
def pool_record(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    org, can = access.pool_for(request.user, slug)
    if not can.edit or kind not in POOL_FORMS:
        raise Http404
    form_class, service = POOL_FORMS[kind]
    form = form_class(request.POST, organisation=org)
    if not form.is_valid():
        return _pool_page(request, org, can, forms={kind: form}, status=INVALID)
    service(actor=request.user, organisation=org, **form.cleaned_data)
    messages.success(request, _("Saved."))
    return redirect("programme:pool", slug=org.slug)
