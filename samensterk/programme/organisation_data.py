"""All data of one organisation: export it, or delete it (AVG/GDPR).

"All data" is what deleting the organisation takes with it, found by Django's own deletion
collector so that models added later are included without a list to keep up to date:
- the organisation and everything that hangs off it (memberships, facilitator pool, counts);
- its partnerships and their trajectories with sessions, reports, questionnaires and agreements.
  A partnership belongs to two organisations; it cannot outlive one of them, so the partner's
  view of those trajectories goes too (the confirmation step shows the counts first);
- the accounts of people whose only organisation this is.
Audit rows of the organisation are exported, and kept: they hold ids and counts only, and the
deletion itself must stay accountable.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from django.contrib.admin.utils import NestedObjects
from django.core import serializers
from django.db import models, transaction
from django.db.models import Q

from samensterk.accounts.models import Organisation, User
from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction, AuditEvent

from .models import Partnership, Trajectory

# Never exported: a password hash is no data *about* anyone, and would help an attacker.
USER_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "preferred_language",
    "date_joined",
    "last_login",
)


def _root_groups(organisation: Organisation) -> list[list[models.Model]]:
    """What to delete, in an order the PROTECT foreign keys allow."""
    partnerships = list(
        Partnership.objects.filter(Q(men_organisation=organisation) | Q(women_organisation=organisation))
    )
    trajectories = list(Trajectory.objects.filter(partnership__in=partnerships))
    sole_members = list(
        User.objects.filter(memberships__organisation=organisation, is_superuser=False)
        .exclude(memberships__organisation__in=Organisation.objects.exclude(pk=organisation.pk))
        .distinct()
    )
    return [trajectories, partnerships, [organisation], sole_members]


def organisation_objects(organisation: Organisation) -> list[models.Model]:
    """Every row that deleting the organisation removes (see the module docstring)."""
    collector = NestedObjects(using="default")
    for group in _root_groups(organisation):
        if group:
            collector.collect(group)
    seen, objects = set(), []
    for model, instances in collector.data.items():
        for instance in instances:
            key = (model._meta.label_lower, instance.pk)
            if key not in seen:
                seen.add(key)
                objects.append(instance)
    return objects


def organisation_counts(organisation: Organisation) -> dict[str, int]:
    return dict(sorted(Counter(obj._meta.label_lower for obj in organisation_objects(organisation)).items()))


def organisation_export(*, organisation: Organisation, actor=None) -> dict:
    """Everything about the organisation as one JSON-ready dict; audited."""
    objects = organisation_objects(organisation)
    users = [obj for obj in objects if isinstance(obj, User)]
    others = [obj for obj in objects if not isinstance(obj, User)]
    audit_rows = list(AuditEvent.objects.filter(organisation=organisation).order_by("created"))
    counts = dict(sorted(Counter(obj._meta.label_lower for obj in objects).items()))
    data = {
        "organisation": organisation.slug,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "counts": counts,
        "objects": json.loads(serializers.serialize("json", others))
        + json.loads(serializers.serialize("json", users, fields=USER_FIELDS)),
        "audit_log": json.loads(serializers.serialize("json", audit_rows)),
    }
    audit_record(
        actor=actor,
        action=AuditAction.ORGANISATION_EXPORT,
        obj=organisation,
        organisation=organisation,
        detail={"objects": len(objects), "audit_rows": len(audit_rows)},
    )
    return data


def organisation_delete(*, organisation: Organisation, actor=None, confirm: str) -> dict[str, int]:
    """Delete everything organisation_objects() lists. ``confirm`` must be the organisation's slug."""
    if confirm != organisation.slug:
        raise ValueError("confirmation does not match the organisation's slug; nothing deleted")
    with transaction.atomic():
        counts = organisation_counts(organisation)
        pk = organisation.pk
        for group in _root_groups(organisation):
            for obj in group:
                obj.delete()
        audit_record(
            actor=actor,
            action=AuditAction.ORGANISATION_DELETE,
            detail={"organisation_id": pk, "objects": sum(counts.values()), "counts": counts},
        )
    return counts
