"""The session companion: the facilitator's control view, the projector view, the totals endpoint
and the agreements form. Thin views: access through samensterk/access.py,
reads through selectors, changes through services.

Who may open it: a facilitator who may run the session (can.write_report) and the trajectory's
managers (can.edit). Other readers of the trajectory get 403, outsiders 404. Only the facilitator
of the session sends totals, because they land in that facilitator's report.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samensterk.access import session_for
from samensterk.core.offline import offline_page
from samensterk.programme import selectors as programme_selectors

from . import selectors, services
from .models import AGREEMENTS_MAX

# The totals are a handful of numbers and slugs; anything larger is not the companion talking.
TOTALS_MAX_BYTES = 32_000


def _forbidden(request: HttpRequest) -> HttpResponse:
    message = _("You may read this trajectory, but only its facilitators and managers run its sessions.")
    return render(request, "core/error.html", {"status": 403, "message": message}, status=403)


def _may_run(can) -> bool:
    return can.write_report or can.edit


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _report_url(session) -> str:
    # The report form belongs to the programme app; the companion links to it where it exists.
    try:
        return reverse("programme:report", args=[session.pk])
    except NoReverseMatch:
        return ""


def _page_context(request: HttpRequest, session, can) -> dict:
    language = selectors.participants_language(session)
    agreements = selectors.agreements_of(session.trajectory)
    urls = {
        "control": reverse("companion:control", args=[session.pk]),
        "projector": reverse("companion:projector", args=[session.pk]),
    }
    report_url = _report_url(session) if can.write_report else ""
    prepare_url = programme_selectors.meeting_plan_links(session.trajectory, [session])[session.pk][0]
    config = {
        "session": session.pk,
        "user": request.user.pk,
        "totalsUrl": reverse("companion:totals", args=[session.pk]),
        "liveUrl": reverse("companion:live", args=[session.pk]),
        "canSend": bool(can.write_report),
        "hasAgreements": agreements is not None,
        "controlUrl": urls["control"],
        "projectorUrl": urls["projector"],
    }
    # Kept on the device after one visit (core/offline.py): both views and the session's report.
    offline_urls = [urls["control"], urls["projector"], *([report_url] if report_url else [])]
    return {
        "session": session,
        "trajectory": session.trajectory,
        "can": can,
        "agreements": agreements,
        "statements": selectors.statement_cards(session, language),
        "questions": selectors.question_cards(session, language),
        "participants_language": language,
        "participants_language_name": _language_name(language),
        "participants_language_bidi": language in ("ar", "fa", "prs", "ur", "he"),
        "companion_config": config,
        "offline_urls": offline_urls,
        "urls": urls,
        "report_url": report_url,
        "prepare_url": prepare_url,
    }


@require_GET
@login_required
@never_cache
def control(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's tablet: check-in, decks, timer and the speaker balance buttons."""
    session, can = session_for(request.user, pk)
    if not _may_run(can):
        return _forbidden(request)
    return offline_page(render(request, "companion/control.html", _page_context(request, session, can)))


@require_GET
@login_required
@never_cache
def projector(request: HttpRequest, pk: int) -> HttpResponse:
    """What the group sees: only the agreements or the current card, in very large type."""
    session, can = session_for(request.user, pk)
    if not _may_run(can):
        return _forbidden(request)
    return offline_page(render(request, "companion/projector.html", _page_context(request, session, can)))


@require_POST
def totals(request: HttpRequest, pk: int) -> JsonResponse:
    """Receive the session's totals (JSON) from the control view; idempotent per run and revision."""
    if not request.user.is_authenticated:
        # A JSON client cannot follow a login redirect; it keeps the totals and asks to log in.
        return JsonResponse({"detail": _("Log in again to send the totals.")}, status=401)
    session, can = session_for(request.user, pk)
    if not can.write_report:
        return JsonResponse(
            {"detail": _("Only a facilitator of this session sends its totals to the report.")}, status=403
        )
    if len(request.body) > TOTALS_MAX_BYTES:
        return JsonResponse({"detail": _("The totals are too large.")}, status=413)
    try:
        data = json.loads(request.body or b"null")
    except (UnicodeDecodeError, ValueError):
        return JsonResponse({"detail": _("The totals are not valid JSON.")}, status=400)
    try:
        result = services.companion_totals_record(session=session, actor=request.user, totals=data)
    except services.TotalsError as exc:
        return JsonResponse({"detail": _("The totals were not accepted."), "errors": exc.errors}, status=400)
    except services.ReportClosed:
        return JsonResponse(
            {"detail": _("The report of this session is submitted already; the totals were not added.")},
            status=409,
        )
    stored = result.report.companion_totals
    return JsonResponse(
        {"saved": result.changed, "run": stored.get("run"), "revision": stored.get("revision")}
    )


LIVE_MAX_BYTES = 2_000


@require_http_methods(["GET", "POST"])
@never_cache
def live(request: HttpRequest, pk: int) -> JsonResponse:
    """The card and view the group sees, shared by a tablet and a laptop on the projector.

    The devices poll it while visible and send their own moves; offline each works alone and
    sends its position again once back. Seats, initials and turns never come here."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": _("Log in again to keep the devices in step.")}, status=401)
    session, can = session_for(request.user, pk)
    if not _may_run(can):
        return JsonResponse({"detail": _("Only the session's facilitators and managers run it.")}, status=403)
    if request.method == "GET":
        return JsonResponse(services.live_position_of(session_id=session.pk))
    if len(request.body) > LIVE_MAX_BYTES:
        return JsonResponse({"detail": _("The position is too large.")}, status=413)
    try:
        data = json.loads(request.body or b"null")
        position = services.live_position_set(session_id=session.pk, data=data)
    except (UnicodeDecodeError, ValueError):
        return JsonResponse({"detail": _("The position was not accepted.")}, status=400)
    return JsonResponse(position)


class AgreementsForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("The group's dialogue agreements"),
        help_text=gettext_lazy("One agreement per line. No names of participants."),
        max_length=AGREEMENTS_MAX,
        # The group writes in its own language: let the browser find the direction.
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        error_messages={"required": gettext_lazy("Write at least one agreement.")},
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def full_clean(self):
        super().full_clean()
        if "text" in self.errors:  # point the field at its message for screen readers
            self.fields["text"].widget.attrs["aria-describedby"] = "id_text_helptext id_text-error"


@require_http_methods(["GET", "POST"])
@login_required
def agreements_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the group's agreements in the first meeting, or amend them later."""
    session, can = session_for(request.user, pk)
    if not _may_run(can):
        return _forbidden(request)
    agreements = selectors.agreements_of(session.trajectory)
    status = 200
    if request.method == "POST":
        form = AgreementsForm(request.POST)
        if form.is_valid():
            try:
                services.agreements_save(
                    trajectory=session.trajectory,
                    actor=request.user,
                    text=form.cleaned_data["text"],
                    base_version=form.cleaned_data["version"],
                )
            except services.AgreementsConflict as exc:
                agreements = exc.current
                form.add_error(
                    None,
                    _(
                        "Someone else changed the agreements while you were writing. The current text "
                        "is shown below the form; your text is kept in the form. Save again to replace it."
                    ),
                )
                form.data = form.data.copy()
                form.data["version"] = agreements.version
                status = 409
            else:
                messages.success(request, _("The agreements are saved."))
                return redirect("companion:control", pk=session.pk)
        else:
            status = 400
    else:
        form = AgreementsForm(
            initial={"text": agreements.text, "version": agreements.version} if agreements else None
        )
    return render(
        request,
        "companion/agreements_form.html",
        {"session": session, "trajectory": session.trajectory, "form": form, "agreements": agreements},
        status=status,
    )
