"""The one way to write the audit log. Every service function that changes state calls this, and
so does every read of report text and every export."""

from __future__ import annotations

from typing import Any

from django.db import models

from .models import AuditAction, AuditEvent

# Free text a user typed must never reach the log; detail is for counts, ids and field names.
_DETAIL_TYPES = (int, float, bool, type(None))


def _check_detail(detail: dict[str, Any]) -> None:
    for key, value in detail.items():
        if isinstance(value, str) and len(value) > 64:
            raise ValueError(f"audit detail {key!r} looks like free text; log ids and counts only")
        if isinstance(value, dict):
            _check_detail(value)


def audit_record(
    *,
    actor,
    action: AuditAction,
    obj: models.Model | None = None,
    organisation=None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an audit row. ``actor`` may be None for system actions (management commands).

    ``action`` must be an AuditAction: the log is a fixed vocabulary, not free text.
    """
    action = AuditAction(action)  # ValueError for an unknown action: a programming error
    detail = detail or {}
    _check_detail(detail)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action.value,
        organisation=organisation,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail,
    )
