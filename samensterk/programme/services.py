"""Every state change of the programme: named, keyword-only, atomic, audited (STYLE.md).

Views parse and check access (samensterk/access.py) and then call one of these. The audit
detail holds ids, counts and field names only, never the text a user typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction
from samensterk.toolkit.models import Statement

from . import alerts, team
from .models import (
    FacilitatorRecruitment,
    Intervision,
    Partnership,
    Session,
    SessionReport,
    SignalAction,
    Training,
    Trajectory,
)
from .signals import trajectories_changed_send

# The report's own fields a facilitator fills in; themes and statements are many-to-many.
REPORT_FIELDS = (
    "outcomes",
    "quotes",
    "atmosphere",
    "followup_financial",
    "followup_referral",
    "safety_signal",
    "reflection",
)
ATTENDANCE_FIELDS = ("men_count", "women_count", "first_time_count")


def _owner(trajectory: Trajectory):
    """Audit rows of a trajectory belong to its men's organisation (the one that runs it)."""
    return trajectory.partnership.men_organisation


# --- partnerships and trajectories ---------------------------------------------------------


@transaction.atomic
def partnership_create(*, actor, men_organisation, women_organisation) -> Partnership:
    """Alliance staff pair two organisations directly (accepted at once)."""
    partnership = Partnership.objects.create(
        men_organisation=men_organisation,
        women_organisation=women_organisation,
        status=Partnership.Status.ACCEPTED,
    )
    audit_record(
        actor=actor, action=AuditAction.PARTNERSHIP_CREATE, obj=partnership, organisation=men_organisation
    )
    return partnership


@transaction.atomic
def partnership_propose(*, actor, proposer, men_organisation, women_organisation) -> Partnership:
    """A coordinator of ``proposer`` (one of the two) proposes working together; nothing can be
    started in it, and none of the partner's people picked, until the other side accepts."""
    if proposer.pk not in (men_organisation.pk, women_organisation.pk):
        raise ValueError("the proposing organisation must be one of the two")
    partnership = Partnership.objects.create(
        men_organisation=men_organisation,
        women_organisation=women_organisation,
        status=Partnership.Status.PROPOSED,
        proposed_by=proposer,
    )
    audit_record(actor=actor, action=AuditAction.PARTNERSHIP_PROPOSE, obj=partnership, organisation=proposer)
    return partnership


@transaction.atomic
def partnership_accept(*, actor, partnership: Partnership, accepting) -> Partnership:
    """A coordinator of the other organisation (``accepting``) agrees; access.py checked the role."""
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if accepting.pk == partnership.proposed_by_id or accepting not in partnership.organisations:
        raise ValueError("only the other organisation accepts a proposal")
    if partnership.status != Partnership.Status.ACCEPTED:
        partnership.status = Partnership.Status.ACCEPTED
        partnership.save(update_fields=["status"])
        audit_record(
            actor=actor, action=AuditAction.PARTNERSHIP_ACCEPT, obj=partnership, organisation=accepting
        )
    return partnership


def trajectory_moved(*, actor, trajectory: Trajectory, old_partnership_id: int) -> None:
    """A trajectory changed partnership (only possible before it has reports): audited with the old
    and the new one, in both the old and the new owner's part of the log."""
    old = Partnership.objects.select_related("men_organisation").filter(pk=old_partnership_id).first()
    detail = {"old_partnership": old_partnership_id, "new_partnership": trajectory.partnership_id}
    for organisation in {getattr(old, "men_organisation", None), _owner(trajectory)} - {None}:
        audit_record(
            actor=actor,
            action=AuditAction.TRAJECTORY_MOVE,
            obj=trajectory,
            organisation=organisation,
            detail=detail,
        )


@transaction.atomic
def trajectory_create(*, actor, data: dict[str, Any], facilitators=()) -> Trajectory:
    team.check(
        team.trajectory_team_errors(
            partnership=data.get("partnership"),
            trainer=data.get("trainer"),
            coordinator=data.get("coordinator"),
            facilitators=facilitators,
        )
    )
    trajectory = Trajectory.objects.create(**data)
    trajectory.facilitators.set(facilitators)
    audit_record(
        actor=actor,
        action=AuditAction.TRAJECTORY_CREATE,
        obj=trajectory,
        organisation=_owner(trajectory),
        detail={"facilitators": len(facilitators)},
    )
    return trajectory


@transaction.atomic
def trajectory_update(
    *, actor, trajectory: Trajectory, data: dict[str, Any], facilitators=None
) -> Trajectory:
    """``trajectory`` is the saved row before the change (the team rules compare with it)."""

    def new(name):
        return data[name] if name in data else getattr(trajectory, name)

    team.check(
        team.trajectory_team_errors(
            partnership=new("partnership"),
            trainer=new("trainer"),
            coordinator=new("coordinator"),
            facilitators=facilitators if facilitators is not None else trajectory.facilitators.all(),
            trajectory=trajectory,
        )
    )
    old_partnership_id = trajectory.partnership_id
    changed = [name for name, value in data.items() if getattr(trajectory, name) != value]
    for name, value in data.items():
        setattr(trajectory, name, value)
    if changed:
        trajectory.save(update_fields=changed)
    if facilitators is not None:
        trajectory.facilitators.set(facilitators)
    audit_record(
        actor=actor,
        action=AuditAction.TRAJECTORY_UPDATE,
        obj=trajectory,
        organisation=_owner(trajectory),
        detail={"fields": ",".join(sorted(changed))[:64]},
    )
    if trajectory.partnership_id != old_partnership_id:
        trajectory_moved(actor=actor, trajectory=trajectory, old_partnership_id=old_partnership_id)
    return trajectory


# --- sessions ------------------------------------------------------------------------------


def next_session_number(trajectory: Trajectory) -> int:
    last = trajectory.sessions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def session_create(*, actor, trajectory: Trajectory, data: dict[str, Any], facilitators=()) -> Session:
    team.check(team.session_team_errors(trajectory=trajectory, facilitators=facilitators))
    session = Session.objects.create(trajectory=trajectory, **data)
    session.facilitators.set(facilitators)
    trajectories_changed_send([trajectory.pk])  # the dashboard counts from the summary
    audit_record(actor=actor, action=AuditAction.SESSION_CREATE, obj=session, organisation=_owner(trajectory))
    return session


@transaction.atomic
def session_update(*, actor, session: Session, data: dict[str, Any], facilitators=None) -> Session:
    if facilitators is not None:
        team.check(team.session_team_errors(trajectory=session.trajectory, facilitators=facilitators))
    changed = [name for name, value in data.items() if getattr(session, name) != value]
    for name, value in data.items():
        setattr(session, name, value)
    if changed:
        session.save(update_fields=[*changed, "updated"])
    if facilitators is not None:
        session.facilitators.set(facilitators)
    trajectories_changed_send([session.trajectory_id])
    audit_record(
        actor=actor,
        action=AuditAction.SESSION_UPDATE,
        obj=session,
        organisation=_owner(session.trajectory),
        detail={"fields": ",".join(sorted(changed))[:64]},
    )
    return session


# --- the report after a session ------------------------------------------------------------


class SubmissionKeyConflict(Exception):
    """The submission key was used for another session's or another author's report."""


def report_draft_for(*, session: Session, author) -> SessionReport:
    """The session's report, or a new draft by ``author``. Callers have checked can.write_report."""
    report = SessionReport.objects.filter(session=session).first()
    if report is not None:
        return report
    try:
        with transaction.atomic():
            return SessionReport.objects.create(session=session, author=author)
    except IntegrityError:  # two tabs created it at the same moment: one report per session
        return SessionReport.objects.get(session=session)


def _apply(report: SessionReport, data: dict[str, Any]) -> list[str]:
    changed = []
    for name in REPORT_FIELDS:
        if name in data and getattr(report, name) != data[name]:
            setattr(report, name, data[name])
            changed.append(name)
    return changed


def _apply_attendance(session: Session, data: dict[str, Any]) -> list[str]:
    changed = []
    for name in ATTENDANCE_FIELDS:
        if name in data and getattr(session, name) != data[name]:
            setattr(session, name, data[name])
            changed.append(name)
    return changed


def _set_relations(report: SessionReport, data: dict[str, Any]) -> None:
    if "themes" in data:
        report.themes.set(data["themes"])
    if "statements" in data:
        chosen = list(data["statements"])
        # A form opened (or kept offline) before the companion sent its statements did not offer
        # them: those are added. One the form offered and the facilitator unticked stays off.
        offered = set(data.get("companion_offered") or ())
        missing = [s for s in (report.companion_totals or {}).get("statements", []) if s not in offered]
        if missing:
            chosen += list(Statement.objects.filter(slug__in=missing))
        report.statements.set(chosen)


@transaction.atomic
def report_save_draft(*, session: Session, author, data: dict[str, Any]) -> SessionReport:
    """Keep what was typed so far on the server (the browser keeps its own copy too).

    A submitted report is not reopened by a late autosave from another tab: the draft is ignored.
    """
    report = report_draft_for(session=session, author=author)
    report = SessionReport.objects.select_for_update().get(pk=report.pk)
    if report.status != SessionReport.Status.DRAFT:
        return report
    changed = _apply(report, data)
    session_changed = _apply_attendance(session, data)
    if changed:
        report.save(update_fields=[*changed, "updated"])
    if session_changed:
        session.save(update_fields=[*session_changed, "updated"])
        trajectories_changed_send([session.trajectory_id])  # a draft's ticks do not count
    _set_relations(report, data)
    audit_record(
        actor=author,
        action=AuditAction.REPORT_DRAFT_SAVE,
        obj=report,
        organisation=_owner(session.trajectory),
        detail={"fields": len(changed) + len(session_changed)},
    )
    return report


@transaction.atomic
def report_submit(
    *, session: Session, author, data: dict[str, Any], submission_key: uuid.UUID
) -> tuple[SessionReport, bool]:
    """Submit the report; the session counts as held. Returns (report, newly_submitted).

    Idempotent: the same ``submission_key`` of this session and author (a double tap, a retry
    queued while offline) or a report that is already submitted returns the existing report and
    changes nothing. A key that belongs to another session's or another author's report raises
    SubmissionKeyConflict: answering "already submitted" would silently drop this report.
    """
    existing = SessionReport.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        if existing.session_id == session.pk and existing.author_id == author.pk:
            return existing, False
        raise SubmissionKeyConflict
    report = report_draft_for(session=session, author=author)
    report = SessionReport.objects.select_for_update().get(pk=report.pk)
    if report.status != SessionReport.Status.DRAFT:
        return report, False
    _apply(report, data)
    report.status = SessionReport.Status.SUBMITTED
    report.submission_key = submission_key
    report.submitted_at = timezone.now()
    if report.author_id is None:
        report.author = author
    report.save()
    _set_relations(report, data)
    _apply_attendance(session, data)
    session.status = Session.Status.HELD
    session.save(update_fields=[*ATTENDANCE_FIELDS, "status", "updated"])
    trajectories_changed_send([session.trajectory_id])
    organisation = _owner(session.trajectory)
    audit_record(
        actor=author,
        action=AuditAction.REPORT_SUBMIT,
        obj=report,
        organisation=organisation,
        detail={"themes": report.themes.count(), "statements": report.statements.count()},
    )
    if report.safety_signal:
        # The trainer's and coordinator's pages list every submitted report with a signal that is
        # not yet discussed; the e-mail below tells them without waiting for their next login.
        audit_record(actor=author, action=AuditAction.SAFETY_SIGNAL, obj=report, organisation=organisation)
    alerts.report_alert_after_commit(report=report)  # sent once the report is safely stored
    return report, True


def report_read(*, report: SessionReport, actor) -> None:
    """Every read of report text is logged (DESIGN.md §3)."""
    audit_record(
        actor=actor,
        action=AuditAction.REPORT_READ,
        obj=report,
        organisation=_owner(report.session.trajectory),
    )


def report_export(*, report: SessionReport, actor) -> None:
    """A PDF of report text left the app: logged like every export."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=report,
        organisation=_owner(report.session.trajectory),
        detail={"format": "pdf"},
    )


@transaction.atomic
def report_debrief(*, report: SessionReport, actor, discussed_on: dt.date, notes: str) -> SessionReport:
    """The trainer discussed the report with the facilitator."""
    report.status = SessionReport.Status.DISCUSSED
    report.debriefed_on = discussed_on
    report.debrief_notes = notes
    report.debriefed_by = actor
    report.save(update_fields=["status", "debriefed_on", "debrief_notes", "debriefed_by", "updated"])
    audit_record(
        actor=actor,
        action=AuditAction.REPORT_DEBRIEF,
        obj=report,
        organisation=_owner(report.session.trajectory),
    )
    return report


class SignalActionRecorded(Exception):
    """The action on this safety signal was recorded already (by the trainer or the coordinator)."""


@transaction.atomic
def report_signal_action(
    *, report: SessionReport, actor, action: str, acted_on: dt.date, referred_to: str = ""
) -> SessionReport:
    """Record what was done about a report's safety signal; it then leaves the trainer's and the
    coordinator's lists. Once only: a second record raises SignalActionRecorded. Callers have
    checked can.see_safety. The audit row holds the kind of action, never the text typed."""
    report = SessionReport.objects.select_for_update().get(pk=report.pk)
    if not report.safety_signal:
        raise ValueError("this report has no safety signal")
    if report.signal_action:
        raise SignalActionRecorded
    report.signal_action = action
    report.signal_referred_to = referred_to if action == SignalAction.REFERRED else ""
    report.signal_action_on = acted_on
    report.signal_action_by = actor
    report.save(
        update_fields=[
            "signal_action",
            "signal_referred_to",
            "signal_action_on",
            "signal_action_by",
            "updated",
        ]
    )
    audit_record(
        actor=actor,
        action=AuditAction.SAFETY_SIGNAL_ACTION,
        obj=report,
        organisation=_owner(report.session.trajectory),
        detail={"action": action},
    )
    return report


def audit_log_read(*, actor) -> None:
    """Reading the audit log is itself logged: who looked at who looked."""
    audit_record(actor=actor, action=AuditAction.AUDIT_READ)


def audit_log_export(*, actor, rows: int) -> None:
    """The log left the app as CSV (for the data protection officer): logged like every export."""
    audit_record(actor=actor, action=AuditAction.AUDIT_EXPORT, detail={"rows": rows, "format": "csv"})


# --- the facilitator pool ------------------------------------------------------------------


@transaction.atomic
def recruitment_record(*, actor, organisation, facilitator, status: str, recorded_on, criteria_met) -> None:
    """Record (or update) how a facilitator was recruited against the toolkit's four criteria."""
    recruitment, _created = FacilitatorRecruitment.objects.update_or_create(
        organisation=organisation,
        facilitator=facilitator,
        defaults={"status": status, "recorded_on": recorded_on},
    )
    recruitment.criteria_met.set(criteria_met)
    audit_record(
        actor=actor,
        action=AuditAction.RECRUITMENT_RECORD,
        obj=recruitment,
        organisation=organisation,
        detail={"criteria": len(criteria_met)},
    )


@transaction.atomic
def training_record(*, actor, organisation, part: int, held_on, attendees) -> Training:
    training = Training.objects.create(organisation=organisation, part=part, held_on=held_on, trainer=actor)
    training.attendees.set(attendees)
    audit_record(
        actor=actor,
        action=AuditAction.TRAINING_RECORD,
        obj=training,
        organisation=organisation,
        detail={"attendees": len(attendees)},
    )
    return training


@transaction.atomic
def intervision_record(*, actor, organisation, held_on, participants, notes: str) -> Intervision:
    intervision = Intervision.objects.create(organisation=organisation, held_on=held_on, notes=notes)
    intervision.participants.set(participants)
    audit_record(
        actor=actor,
        action=AuditAction.INTERVISION_RECORD,
        obj=intervision,
        organisation=organisation,
        detail={"participants": len(participants)},
    )
    return intervision
