"""The access helpers every view goes through (DESIGN.md §3).

One helper per object type. Each returns the object and whether the user may change it, or raises
Http404: an outsider never learns that a record exists. Views never filter by organisation
themselves; they call these.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from samensterk.accounts.models import Membership, Organisation


def memberships_of(user) -> QuerySet[Membership]:
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("organisation")


def organisations_for(user) -> QuerySet[Organisation]:
    """The organisations a user belongs to (staff of the alliance see them all)."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    if memberships_of(user).filter(role=Membership.Role.STAFF).exists():
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user).distinct()


def organisation_for(user, slug: str) -> tuple[Organisation, bool]:
    """The organisation with ``slug`` if ``user`` may see it, and whether they may edit it."""
    org = organisations_for(user).filter(slug=slug).first()
    if org is None:
        raise Http404
    roles = set(memberships_of(user).filter(organisation=org).values_list("role", flat=True))
    staff = memberships_of(user).filter(role=Membership.Role.STAFF).exists()
    return org, staff or bool(roles & Membership.EDITING_ROLES)
