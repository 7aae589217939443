"""A user's roles (memberships), read once per request.

The bottom of the access rules: accounts/twofactor.py needs the roles before any app above
accounts is involved, and samensterk/access.py builds every rule on them.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from .models import Membership


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "is_active", False)


# The roles of each user, kept for one request (user pk -> roles): one query per request instead
# of one per check ("My work" asked "is this user alliance staff?" five times). Set by
# RolesPerRequestMiddleware; outside a request (commands, tests calling the helpers) nothing is
# kept, so a role granted a moment ago is always seen. Within one request a change to the acting
# user's own memberships is seen from the next request on.
_roles_memo: ContextVar[dict | None] = ContextVar("samensterk_access_roles", default=None)


@dataclass(frozen=True)
class _Role:
    role: str
    organisation_kind: str
    organisation_id: int


def roles_of(user) -> frozenset[_Role]:
    """The user's memberships as (role, kind of organisation, organisation id)."""
    if not _authenticated(user):
        return frozenset()
    memo = _roles_memo.get()
    if memo is not None and user.pk in memo:
        return memo[user.pk]
    roles = frozenset(
        _Role(*row)
        for row in Membership.objects.filter(user=user).values_list(
            "role", "organisation__kind", "organisation_id"
        )
    )
    if memo is not None:
        memo[user.pk] = roles
    return roles


class RolesPerRequestMiddleware:
    """Keeps each user's roles for the length of one request (see ``roles_of``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _roles_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _roles_memo.reset(token)
