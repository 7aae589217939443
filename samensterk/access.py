"""The access helpers every view goes through (DESIGN.md §3).

One helper per object type. Each returns the object and what this user may do with it (a small
``Can`` value), or raises Http404: an outsider never learns that a record exists. Views never
filter by organisation themselves; they call these, and list views use the ``visible_*``
querysets below.

The rules, in one place:
- Alliance staff rights come only from a staff membership of an organisation of kind "alliance".
  Staff read and manage trajectories and sessions, but never read report text or safety signals.
- Funders get no object at all, only suppressed aggregates (monitoring).
- Facilitators, trainers and coordinators of the partnership's two organisations read the
  trajectory. Coordinators and trainers of those organisations manage it.
- Being named on a trajectory or session counts only while the person still holds that role in
  one of the partnership's organisations: a stale assignment (someone who left, or alliance staff
  who put themselves on a team) grants nothing.
- A partnership proposed by one organisation is seen by both, but nobody manages trajectories in
  it until a coordinator of the other organisation has accepted it.
- Report text is read by the trajectory's team (its facilitators, its trainer, its coordinator)
  and by the coordinators of the partnership's organisations ("the coordinator reads along").
- Safety signals are seen by the trajectory's trainer and coordinator, nobody else.
- The trainer of the trajectory records the debrief.
- A report is written by a facilitator of that session (or of the trajectory when the session
  names none).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet
from django.http import Http404

from samensterk.accounts.models import Membership, Organisation
from samensterk.accounts.roles import RolesPerRequestMiddleware, roles_of  # noqa: F401 - re-exported

Role = Membership.Role
# Roles that work inside a partnership; funders and staff are not among them.
TEAM_ROLES = frozenset({Role.FACILITATOR, Role.TRAINER, Role.COORDINATOR})
MANAGING_ROLES = frozenset({Role.TRAINER, Role.COORDINATOR})


@dataclass(frozen=True)
class Can:
    """What a user may do with one object. Everything is False unless a rule grants it."""

    read: bool = False
    edit: bool = False
    read_report_text: bool = False
    see_safety: bool = False
    debrief: bool = False
    write_report: bool = False


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "is_active", False)


def is_alliance_staff(user) -> bool:
    """Staff rights come only from a staff membership of the alliance organisation."""
    return any(
        r.role == Role.STAFF and r.organisation_kind == Organisation.Kind.ALLIANCE for r in roles_of(user)
    )


def works_in_programme(user) -> bool:
    """Facilitators, trainers, coordinators and alliance staff have a programme; funders do not."""
    return is_alliance_staff(user) or any(r.role in TEAM_ROLES for r in roles_of(user))


def is_funder(user) -> bool:
    return any(r.role == Role.FUNDER for r in roles_of(user))


def roles_in(user, *organisation_ids: int) -> set[str]:
    """The user's roles in these organisations (from ``roles_of``: no query of its own)."""
    return {r.role for r in roles_of(user) if r.organisation_id in organisation_ids}


def organisations_for(user) -> QuerySet[Organisation]:
    """The organisations a user belongs to (alliance staff see them all)."""
    if not _authenticated(user):
        return Organisation.objects.none()
    if is_alliance_staff(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user).distinct()


def organisation_for(user, slug: str) -> tuple[Organisation, bool]:
    """The organisation with ``slug`` if ``user`` may see it, and whether they may edit it."""
    org = organisations_for(user).filter(slug=slug).first()
    if org is None:
        raise Http404
    roles = roles_in(user, org.pk)
    return org, is_alliance_staff(user) or bool(roles & Membership.EDITING_ROLES)


def pool_for(user, slug: str) -> tuple[Organisation, Can]:
    """An organisation's facilitator pool (recruitment, training, intervision): read by its team,
    kept by its trainers and coordinators and by alliance staff; 404 for everybody else."""
    org = Organisation.objects.filter(
        slug=slug, kind__in=[Organisation.Kind.MEN, Organisation.Kind.WOMEN]
    ).first()
    if org is None or not _authenticated(user):
        raise Http404
    roles = roles_in(user, org.pk)
    staff = is_alliance_staff(user)
    if not (staff or roles & TEAM_ROLES):
        raise Http404
    return org, Can(read=True, edit=staff or bool(roles & MANAGING_ROLES))


def pool_organisations(user) -> QuerySet[Organisation]:
    """The organisations whose facilitator pool the user may open (see pool_for)."""
    kinds = [Organisation.Kind.MEN, Organisation.Kind.WOMEN]
    if is_alliance_staff(user):
        return Organisation.objects.filter(kind__in=kinds)
    return Organisation.objects.filter(
        kind__in=kinds, memberships__user=user, memberships__role__in=TEAM_ROLES
    ).distinct()


# --- trajectories, sessions, reports ------------------------------------------------------


def visible_trajectories(user):
    """Every trajectory the user may read: the one queryset list views start from."""
    from samensterk.programme.models import Trajectory

    if not _authenticated(user):
        return Trajectory.objects.none()
    if is_alliance_staff(user):
        return Trajectory.objects.all()
    # Being named on the team is not enough (a stale assignment grants nothing): a reader holds a
    # team role in one of the partnership's organisations now.
    team_orgs = Membership.objects.filter(user=user, role__in=TEAM_ROLES).values("organisation")
    return Trajectory.objects.filter(
        Q(partnership__men_organisation__in=team_orgs) | Q(partnership__women_organisation__in=team_orgs)
    )


def _partnerships_through(user, roles):
    """Partnerships with one of the user's organisations in which they hold one of ``roles``
    (alliance staff: all)."""
    from samensterk.programme.models import Partnership

    if not _authenticated(user):
        return Partnership.objects.none()
    partnerships = Partnership.objects.select_related("men_organisation", "women_organisation")
    if is_alliance_staff(user):
        return partnerships
    orgs = Membership.objects.filter(user=user, role__in=roles).values("organisation")
    return partnerships.filter(Q(men_organisation__in=orgs) | Q(women_organisation__in=orgs))


def manageable_partnerships(user):
    """Accepted partnerships in which the user may start and manage trajectories."""
    from samensterk.programme.models import Partnership

    return _partnerships_through(user, MANAGING_ROLES).filter(status=Partnership.Status.ACCEPTED)


def visible_partnerships(user):
    """Partnerships the user belongs to through one of the two organisations (staff: all),
    proposals included."""
    return _partnerships_through(user, TEAM_ROLES)


def partnership_to_accept(user, pk) -> tuple:
    """A proposed partnership and the organisation on whose behalf ``user`` may accept it (they
    coordinate the organisation that did not propose it), or Http404."""
    from samensterk.programme.models import Partnership

    partnership = (
        Partnership.objects.select_related("men_organisation", "women_organisation")
        .filter(pk=pk, status=Partnership.Status.PROPOSED)
        .first()
    )
    if partnership is None or not _authenticated(user):
        raise Http404
    for organisation in partnership.organisations:
        if organisation.pk != partnership.proposed_by_id and Role.COORDINATOR in roles_in(
            user, organisation.pk
        ):
            return partnership, organisation
    raise Http404


def partnership_creation_scope(user) -> set[int] | None:
    """Which organisations a new partnership must include: None = any (alliance staff), a set of
    the user's own organisation ids for coordinators, or Http404 for everybody else."""
    if is_alliance_staff(user):
        return None
    own = {r.organisation_id for r in roles_of(user) if r.role == Role.COORDINATOR}
    if not own:
        raise Http404
    return own


def visible_sessions(user):
    from samensterk.programme.models import Session

    return Session.objects.filter(trajectory__in=visible_trajectories(user))


def trajectory_can(user, trajectory) -> Can:
    """The capabilities of ``user`` on ``trajectory`` (all False for an outsider)."""
    if not _authenticated(user):
        return Can()
    partnership = trajectory.partnership
    roles = roles_in(user, partnership.men_organisation_id, partnership.women_organisation_id)
    # A role on the team counts only while the person holds it in the partnership (see top).
    is_trainer = trajectory.trainer_id == user.pk and Role.TRAINER in roles
    is_coordinator = trajectory.coordinator_id == user.pk and Role.COORDINATOR in roles
    is_facilitator = Role.FACILITATOR in roles and trajectory.facilitators.filter(pk=user.pk).exists()
    in_team = is_trainer or is_coordinator or is_facilitator
    staff = is_alliance_staff(user)
    read = staff or bool(roles & TEAM_ROLES)
    if not read:
        return Can()
    return Can(
        read=True,
        edit=staff or bool(roles & MANAGING_ROLES),
        read_report_text=in_team or Role.COORDINATOR in roles,
        see_safety=is_trainer or is_coordinator,
        debrief=is_trainer,
    )


def trajectory_for(user, pk) -> tuple:
    """The trajectory ``pk`` and what ``user`` may do with it, or Http404."""
    from samensterk.programme.models import Trajectory

    trajectory = (
        Trajectory.objects.select_related(
            "method", "partnership__men_organisation", "partnership__women_organisation"
        )
        .filter(pk=pk)
        .first()
    )
    if trajectory is None:
        raise Http404
    can = trajectory_can(user, trajectory)
    if not can.read:
        raise Http404
    return trajectory, can


def _session_can(user, session, can: Can) -> Can:
    partnership = session.trajectory.partnership
    if Role.FACILITATOR not in roles_in(
        user, partnership.men_organisation_id, partnership.women_organisation_id
    ):
        return replace(can, write_report=False)  # a stale assignment writes nothing
    facilitators = session.facilitators.all()
    if facilitators.exists():
        writes = facilitators.filter(pk=user.pk).exists()
    else:
        writes = session.trajectory.facilitators.filter(pk=user.pk).exists()
    return Can(
        read=can.read,
        edit=can.edit,
        read_report_text=can.read_report_text,
        see_safety=can.see_safety,
        debrief=can.debrief,
        write_report=writes,
    )


def session_for(user, pk) -> tuple:
    """The session ``pk`` and what ``user`` may do with it (incl. writing its report), or Http404."""
    from samensterk.programme.models import Session

    session = (
        Session.objects.select_related(
            "trajectory__method",
            "trajectory__partnership__men_organisation",
            "trajectory__partnership__women_organisation",
        )
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    can = trajectory_can(user, session.trajectory)
    if not can.read:
        raise Http404
    return session, _session_can(user, session, can)


def report_for(user, session_pk) -> tuple:
    """The report of session ``session_pk`` for a reader of report text, or Http404.

    Alliance staff and other readers of the trajectory get 404 here: they see a report's status
    on the trajectory page, never its text.
    """
    from samensterk.programme.models import SessionReport

    session, can = session_for(user, session_pk)
    if not (can.read_report_text or can.write_report):
        raise Http404
    report = SessionReport.objects.filter(session=session).select_related("author", "debriefed_by").first()
    if report is None:
        raise Http404
    if report.status == SessionReport.Status.DRAFT and report.author_id != user.pk:
        raise Http404  # a draft is the author's until it is submitted
    return report, can


@dataclass(frozen=True)
class DashboardScope:
    """Whose aggregates a user may see on the monitoring dashboard (always suppressed there).

    ``organisation_ids`` is None for every organisation (alliance staff and funders), else the
    organisations a coordinator coordinates.
    """

    organisation_ids: tuple[int, ...] | None
    can_import: bool = False


def dashboard_scope_for(user) -> DashboardScope:
    """Alliance staff and funders: all organisations; a coordinator: their own; anyone else 404."""
    if not _authenticated(user):
        raise Http404
    if is_alliance_staff(user):
        return DashboardScope(organisation_ids=None, can_import=True)
    if is_funder(user):
        return DashboardScope(organisation_ids=None, can_import=False)
    own = tuple(sorted(r.organisation_id for r in roles_of(user) if r.role == Role.COORDINATOR))
    if not own:
        raise Http404
    return DashboardScope(organisation_ids=own, can_import=True)


def audit_events_for(user):
    """The audit log: alliance staff read all of it; nobody else reads it in the app."""
    from samensterk.core.models import AuditEvent

    if not is_alliance_staff(user):
        raise Http404
    return AuditEvent.objects.select_related("actor", "organisation")


def organisation_data_for(user, slug: str) -> tuple[Organisation, Can]:
    """One organisation's data as a whole (AVG: access and erasure), or 404.

    - its coordinators: ``read_report_text``, i.e. download the export, which holds the reports of
      its trajectories (they read those already); they cannot delete;
    - alliance staff: the counts and ``edit`` (delete after confirming), but no export: staff never
      read report text, and a download would hand it to them. Deleting the alliance's own
      organisation is refused: it would take the staff's accounts, the only way back in."""
    org = Organisation.objects.filter(slug=slug).first()
    if org is None or not _authenticated(user):
        raise Http404
    coordinator = Role.COORDINATOR in roles_in(user, org.pk)
    staff = is_alliance_staff(user)
    if not (staff or coordinator):
        raise Http404
    return org, Can(
        read=True,
        edit=staff and org.kind != Organisation.Kind.ALLIANCE,
        read_report_text=coordinator,
    )


def organisations_with_data_for(user) -> QuerySet[Organisation]:
    """The organisations whose data page the user may open (see organisation_data_for)."""
    if is_alliance_staff(user):
        return Organisation.objects.order_by("name")
    if not _authenticated(user):
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(memberships__user=user, memberships__role=Role.COORDINATOR)
        .distinct()
        .order_by("name")
    )
