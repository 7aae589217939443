"""The one way to write the audit log. Every service function that changes state calls this."""

from __future__ import annotations

from typing import Any

from django.db import models

from .models import AuditEvent


def audit_record(
    *, actor, action: str, obj: models.Model | None = None, detail: dict[str, Any] | None = None
):
    """Append an audit row. ``actor`` may be None for system actions (management commands)."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail or {},
    )
