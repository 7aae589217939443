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

The export holds the organisation's data and nothing else: only the models and fields named in
EXPORT_FIELDS below. Deleting still takes everything the collector finds, but the
file leaves out what is no data *about* the organisation's work and would help an attacker or
hand over someone else's words: password hashes, second-factor keys (TOTP seeds), login attempts,
sessions, the questionnaire's link token, report submission keys, and report drafts, which are
their author's until submitted (the coordinator who downloads the file does not read them in the
app either). A model added later is left out until someone adds it here on purpose.
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

# The allow-list: model -> the fields exported (many-to-many fields included by name).
EXPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "accounts.organisation": ("name", "slug", "kind", "district", "is_demo"),
    "accounts.membership": ("user", "organisation", "role", "created"),
    "accounts.user": (
        "username",
        "first_name",
        "last_name",
        "email",
        "preferred_language",
        "date_joined",
        "last_login",
    ),
    "programme.partnership": (
        "men_organisation",
        "women_organisation",
        "is_active",
        "status",
        "proposed_by",
        "is_demo",
        "created",
    ),
    "programme.trajectory": (
        "name",
        "method",
        "partnership",
        "district",
        "starts_on",
        "ends_on",
        "languages",
        "status",
        "trainer",
        "coordinator",
        "facilitators",
        "is_demo",
        "created",
    ),
    "programme.session": (
        "trajectory",
        "number",
        "kind",
        "starts_at",
        "place",
        "interpreter_present",
        "language",
        "status",
        "men_count",
        "women_count",
        "first_time_count",
        "facilitators",
        "created",
        "updated",
    ),
    "programme.sessionreport": (
        "session",
        "author",
        "status",
        "themes",
        "statements",
        "outcomes",
        "quotes",
        "atmosphere",
        "followup_financial",
        "followup_referral",
        "safety_signal",
        "signal_action",  # what the trainer or coordinator did about the signal, and when
        "signal_referred_to",
        "signal_action_on",
        "signal_action_by",
        "reflection",
        "companion_totals",
        "submitted_at",
        "debriefed_on",
        "debrief_notes",
        "debriefed_by",
        "created",
        "updated",
    ),
    "programme.facilitatorrecruitment": (
        "organisation",
        "facilitator",
        "status",
        "recorded_on",
        "criteria_met",
        "created",
    ),
    "programme.training": ("organisation", "part", "held_on", "trainer", "attendees", "created"),
    "programme.intervision": ("organisation", "held_on", "participants", "notes", "created"),
    "companion.agreements": ("trajectory", "text", "version", "changed_by", "changed_at", "created"),
    "toolkit.meetingplan": (
        "session",
        "method",
        "meeting_number",
        "date",
        "place",
        "group",
        "blocks",
        "created_by",
        "created",
        "updated",
    ),
    "monitoring.earliercount": (
        "organisation",
        "district",
        "year",
        "quarter",
        "sessions",
        "men",
        "women",
        "imported_by",
        "imported_at",
    ),
    "monitoring.questionnaireround": ("session", "moment", "expires_at", "created_by", "created"),
    "monitoring.questionnaireresponse": ("round", "on_paper", "received_on"),
    "monitoring.questionnaireanswer": ("response", "statement", "value"),
}
AUDIT_FIELDS = ("actor", "action", "organisation", "object_type", "object_id", "detail", "created")


def _exported(obj: models.Model, actor) -> bool:
    label = obj._meta.label_lower
    if label not in EXPORT_FIELDS:
        return False
    if label == "programme.sessionreport" and obj.status == obj.Status.DRAFT:
        return actor is not None and obj.author_id == getattr(actor, "pk", None)
    return True


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
    """The organisation's data (the allow-list EXPORT_FIELDS) as one JSON-ready dict; audited."""
    objects = [obj for obj in organisation_objects(organisation) if _exported(obj, actor)]
    by_model: dict[str, list[models.Model]] = {}
    for obj in objects:
        by_model.setdefault(obj._meta.label_lower, []).append(obj)
    serialized = []
    for label, instances in by_model.items():
        serialized += json.loads(serializers.serialize("json", instances, fields=EXPORT_FIELDS[label]))
    audit_rows = list(AuditEvent.objects.filter(organisation=organisation).order_by("created"))
    counts = {label: len(instances) for label, instances in sorted(by_model.items())}
    data = {
        "organisation": organisation.slug,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "counts": counts,
        "objects": serialized,
        "audit_log": json.loads(serializers.serialize("json", audit_rows, fields=AUDIT_FIELDS)),
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
