"""Reads of the programme, each starting from what samensterk/access.py lets the user see."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language_info

from samensterk import access
from samensterk.toolkit.selectors import localize, localize_one

from .forms import GROUP_LANGUAGES
from .models import Session, SessionReport, Trajectory
from .organisation_data import organisation_counts


def _facilitated_by(user) -> Q:
    """Sessions the user facilitates: named on the session, or, when the session names nobody, on
    its trajectory. Written as subqueries rather than joins over the two facilitator lists: the
    joins repeat each session once per facilitator and needed a DISTINCT over every session of
    the trajectory (80 ms for "My work" with 3,000 sessions; the load test's logins waited on it)."""
    named = Session.facilitators.through.objects.filter(session_id=OuterRef("pk"))
    return (
        Q(pk__in=named.filter(user=user).values("session_id"))
        | Q(
            ~Exists(named),
            trajectory_id__in=Trajectory.facilitators.through.objects.filter(user=user).values(
                "trajectory_id"
            ),
        )
    ) & _holds(user, access.Role.FACILITATOR, path="trajectory")


def _holds(user, role, path: str = "session__trajectory") -> Q:
    """The trajectory at ``path`` is in a partnership where the user holds ``role`` now (a stale
    assignment lists nothing; access.py has the same rule)."""
    orgs = access.Membership.objects.filter(user=user, role=role).values("organisation")
    return Q(**{f"{path}__partnership__men_organisation__in": orgs}) | Q(
        **{f"{path}__partnership__women_organisation__in": orgs}
    )


def next_sessions_for(user, limit: int = 10):
    """Planned sessions still to start that the user facilitates (or, if none are named, whose
    trajectory they facilitate). One that has started is under reports_to_write_for instead, never
    on both lists."""
    return (
        Session.objects.filter(status=Session.Status.PLANNED, starts_at__gte=timezone.now())
        .filter(_facilitated_by(user))
        .select_related("trajectory__method")
        # each card's "prepare" link needs its method's meetings: one query for all cards
        .prefetch_related("trajectory__method__meetings")
        .order_by("starts_at")[:limit]
    )


def reports_to_write_for(user):
    """Sessions in the past that the user facilitated and whose report is not yet submitted."""
    return (
        Session.objects.filter(starts_at__lt=timezone.now())
        .exclude(status=Session.Status.CANCELLED)
        .filter(_facilitated_by(user))
        .filter(Q(report__isnull=True) | Q(report__status=SessionReport.Status.DRAFT))
        .select_related("trajectory")
        .order_by("starts_at")
    )


def reports_to_discuss_for(user):
    """Submitted reports of trajectories the user is the trainer of, oldest first."""
    if not getattr(user, "is_authenticated", False):
        return SessionReport.objects.none()
    return (
        SessionReport.objects.filter(status=SessionReport.Status.SUBMITTED, session__trajectory__trainer=user)
        .filter(_holds(user, access.Role.TRAINER))
        .select_related("session__trajectory", "author")
        .order_by("submitted_at")
    )


def safety_signals_for(user):
    """Submitted reports with a safety signal whose action taken is not yet recorded (discussing
    the report does not close the signal), for the trajectory's trainer and coordinator only (the same rule as access.trajectory_can's see_safety)."""
    if not getattr(user, "is_authenticated", False):
        return SessionReport.objects.none()
    return (
        SessionReport.objects.filter(safety_signal=True, signal_action="")
        .exclude(status=SessionReport.Status.DRAFT)
        .filter(
            (Q(session__trajectory__trainer=user) & _holds(user, access.Role.TRAINER))
            | (Q(session__trajectory__coordinator=user) & _holds(user, access.Role.COORDINATOR))
        )
        .select_related("session__trajectory")
        .order_by("submitted_at")
    )


@dataclass
class SessionRow:
    """One line of a trajectory's session list, with only what this user may see."""

    session: Session
    report_status: str | None
    report_status_label: str
    signal: bool
    may_open_report: bool
    may_write_report: bool
    runs_session: bool  # a facilitator of this session (companion, questionnaire)
    plan_url: str = ""  # the meeting plan builder for this session (toolkit)
    plan_kept: bool = False

    @classmethod
    def of(cls, session: Session, user, can: access.Can) -> SessionRow:
        try:
            report = session.report
        except SessionReport.DoesNotExist:
            report = None
        status = report.status if report else None
        writes = access._session_can(user, session, can).write_report if can.read else False
        if report is None or status == SessionReport.Status.DRAFT:
            may_open = writes and session.status != Session.Status.CANCELLED
        else:
            may_open = can.read_report_text or writes
        return cls(
            session=session,
            report_status=status,
            report_status_label=SessionReport.Status(status).label if status else "",
            signal=bool(report and report.safety_signal and can.see_safety),
            may_open_report=may_open,
            may_write_report=writes and status in (None, SessionReport.Status.DRAFT),
            runs_session=writes,
        )


def localized_method(method):
    return localize_one(method)


def localized_themes(report: SessionReport):
    return localize(report.themes.all())


def localized_statements(report: SessionReport):
    return localize(report.statements.all())


def language_names(codes: list[str]) -> list[str]:
    names = dict(GROUP_LANGUAGES)
    out = []
    for code in codes:
        if code in names:
            out.append(str(names[code]))
        else:
            try:
                out.append(get_language_info(code)["name_translated"])
            except KeyError:
                out.append(code)
    return out


@dataclass
class Pool:
    recruitments: list
    trainings: list
    intervisions: list
    trained_both: set  # user ids that attended both half-days


def pool_of(organisation) -> Pool:
    recruitments = list(
        organisation.recruitments.select_related("facilitator")
        .prefetch_related("criteria_met")
        .order_by("-recorded_on")
    )
    trainings = list(organisation.trainings.select_related("trainer").prefetch_related("attendees"))
    parts: dict[int, set] = {}
    for training in trainings:
        for person in training.attendees.all():
            parts.setdefault(person.pk, set()).add(training.part)
    return Pool(
        recruitments=recruitments,
        trainings=trainings,
        intervisions=list(organisation.intervisions.prefetch_related("participants")),
        trained_both={pk for pk, done in parts.items() if done >= {1, 2}},
    )


def meeting_plan_links(trajectory, sessions) -> dict[int, tuple[str, bool]]:
    """Per session: the plan builder's URL (the kept plan, else the method's meeting with the same
    number, else the method's series) and whether a plan is kept. One query for the meetings."""
    from django.urls import reverse

    from samensterk.toolkit.models import Meeting

    slug = trajectory.method.slug
    numbers = set(Meeting.objects.filter(method_id=trajectory.method_id).values_list("number", flat=True))
    links = {}
    for session in sessions:
        try:
            plan = session.meeting_plan
        except ObjectDoesNotExist:
            plan = None
        number = plan.meeting_number if plan else session.number
        if plan or number in numbers:
            url = reverse("toolkit:meeting_plan", args=[slug, number]) + f"?session={session.pk}"
        else:
            url = reverse("toolkit:meetings", args=[slug])
        links[session.pk] = (url, plan is not None)
    return links


def data_counts(organisation) -> list[tuple[str, int]]:
    """What deleting the organisation removes, per kind of record, in the reader's language."""
    rows = []
    for label, count in organisation_counts(organisation).items():
        model = apps.get_model(label)
        rows.append((str(model._meta.verbose_name_plural), count))
    return sorted(rows)
