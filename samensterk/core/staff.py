"""The alliance staff group: what alliance staff may do in /admin/.

Staff manage the toolkit content, organisations and the programme's planning records. They never
read report text (DESIGN.md §3), so session reports are left out, and they get no rights on user
accounts: whoever may change a user can make themselves superuser.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

STAFF_GROUP = "Alliance staff"

# app label -> models (lower case) and the actions staff get on them.
VIEW_CHANGE = ("view", "change")
STAFF_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "toolkit": {
        model: VIEW_CHANGE
        for model in (
            "translation",
            "theme",
            "workform",
            "question",
            "method",
            "methodstep",
            "meeting",
            "statement",
            "principle",
            "learningpoint",
            "recommendation",
            "recruitmentcriterion",
            "insight",
            "financialtool",
        )
    },
    "accounts": {"organisation": VIEW_CHANGE, "membership": ("view",)},
    "programme": {
        model: VIEW_CHANGE
        for model in (
            "partnership",
            "trajectory",
            "session",
            "facilitatorrecruitment",
            "training",
            "intervision",
        )
    },
}
# Never, whatever the table above says: report text and account rights.
FORBIDDEN = {("programme", "sessionreport"), ("accounts", "user"), ("auth", "group"), ("auth", "permission")}


def staff_group_sync() -> tuple[Group, int]:
    """Create or update the group so it holds exactly the permissions above. Idempotent.

    Returns the group and how many permissions it has; models that do not exist (yet) are skipped.
    """
    wanted = []
    for app_label, models in STAFF_PERMISSIONS.items():
        for model, actions in models.items():
            if (app_label, model) in FORBIDDEN:
                continue
            wanted.extend((app_label, f"{action}_{model}") for action in actions)
    with transaction.atomic():
        group, _new = Group.objects.get_or_create(name=STAFF_GROUP)
        permissions = [
            perm
            for perm in Permission.objects.select_related("content_type")
            if (perm.content_type.app_label, perm.codename) in set(wanted)
        ]
        if set(group.permissions.all()) != set(permissions):
            group.permissions.set(permissions)
    return group, len(permissions)
