"""Who may be on a trajectory's team, and when a trajectory may change partnership.

The one validation behind the service functions, the app's forms and the admin: each of them
calls ``trajectory_team_errors`` or ``session_team_errors`` and shows the messages it returns.
The rules:
- the trainer holds the trainer role, the coordinator the coordinator role, and every facilitator
  the facilitator role, in one of the two organisations of the trajectory's partnership (so
  alliance staff, funders and strangers can never be picked, not even by themselves in /admin/);
- the partnership has been accepted by both organisations;
- a trajectory with reports keeps its partnership: moving it would hand the report history to
  the new partnership's coordinators and lock out the people who wrote it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samensterk.accounts.models import Membership

from .models import SessionReport

Role = Membership.Role

MESSAGES = {
    "trainer": _("Choose a trainer of one of the partnership's two organisations."),
    "coordinator": _("Choose a coordinator of one of the partnership's two organisations."),
    "facilitators": _("Choose facilitators of the partnership's two organisations."),
    "partnership_proposed": _("This partnership has not been accepted by the other organisation yet."),
    "partnership_kept": _(
        "This trajectory already has reports, so it stays with its partnership: moving it would hand "
        "the reports to other people."
    ),
}


def holders(partnership, role: str, users) -> set[int]:
    """The ids among ``users`` who hold ``role`` in one of the partnership's organisations now."""
    ids = {user.pk for user in users if user is not None}
    if not ids:
        return set()
    return set(
        Membership.objects.filter(
            user_id__in=ids,
            role=role,
            organisation_id__in=[partnership.men_organisation_id, partnership.women_organisation_id],
            user__is_active=True,
        ).values_list("user_id", flat=True)
    )


def trajectory_team_errors(
    *, partnership, trainer=None, coordinator=None, facilitators=(), trajectory=None
) -> dict[str, str]:
    """Field name -> message for each rule the trajectory's team or partnership breaks.

    ``trajectory`` is the saved trajectory before the change (None when creating one)."""
    errors: dict[str, str] = {}
    if partnership is None:
        return errors
    if partnership.status != partnership.Status.ACCEPTED:
        errors["partnership"] = MESSAGES["partnership_proposed"]
    if trajectory is not None and trajectory.pk and trajectory.partnership_id != partnership.pk:
        if SessionReport.objects.filter(session__trajectory=trajectory).exists():
            errors["partnership"] = MESSAGES["partnership_kept"]
    if trainer is not None and trainer.pk not in holders(partnership, Role.TRAINER, [trainer]):
        errors["trainer"] = MESSAGES["trainer"]
    if coordinator is not None and coordinator.pk not in holders(
        partnership, Role.COORDINATOR, [coordinator]
    ):
        errors["coordinator"] = MESSAGES["coordinator"]
    facilitators = list(facilitators or ())
    if facilitators and len(holders(partnership, Role.FACILITATOR, facilitators)) != len(
        {u.pk for u in facilitators}
    ):
        errors["facilitators"] = MESSAGES["facilitators"]
    return errors


def session_team_errors(*, trajectory, facilitators=()) -> dict[str, str]:
    """A meeting's facilitators are facilitators of the trajectory's partnership, like its team's."""
    facilitators = list(facilitators or ())
    if facilitators and len(holders(trajectory.partnership, Role.FACILITATOR, facilitators)) != len(
        {u.pk for u in facilitators}
    ):
        return {"facilitators": MESSAGES["facilitators"]}
    return {}


def check(errors: dict[str, str]) -> None:
    """For the service functions: refuse what the form or admin should have refused already."""
    if errors:
        raise ValidationError({field: [message] for field, message in errors.items()})
