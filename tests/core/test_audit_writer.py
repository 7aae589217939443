"""The one writer of the audit log: fixed actions, an organisation, no free text in the detail."""

import pytest
from django.utils import translation

from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_it_records_the_action_the_object_and_its_organisation(personas, programme):
    report = programme["report"]
    event = audit_record(
        actor=personas["coordinator"],
        action=AuditAction.REPORT_READ,
        obj=report,
        organisation=personas["orgs"]["men"],
    )
    event.refresh_from_db()
    assert (event.action, event.object_type, event.object_id) == (
        "report.read",
        "programme.sessionreport",
        str(report.pk),
    )
    assert event.organisation == personas["orgs"]["men"]
    with translation.override("en"):
        assert event.action_label == "report text read"
    with translation.override("nl"):
        assert event.action_label == "verslagtekst gelezen"


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError):
        audit_record(actor=None, action="report.whatever")
    assert not AuditEvent.objects.exists()


def test_free_text_in_the_detail_is_refused():
    with pytest.raises(ValueError, match="free text"):
        audit_record(actor=None, action=AuditAction.EXPORT, detail={"note": "x" * 65})
    assert not AuditEvent.objects.exists()


def test_anonymous_actors_are_stored_as_none():
    from django.contrib.auth.models import AnonymousUser

    event = audit_record(actor=AnonymousUser(), action=AuditAction.BACKUP)
    assert event.actor is None
