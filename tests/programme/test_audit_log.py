"""Alliance staff read the audit log; reading it is logged too."""

import pytest

from samensterk.core.models import AuditEvent

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def test_staff_see_who_read_a_report(client, personas, programme):
    as_(client, personas, "coordinator").get(url("report", programme["report"].session_id))
    html = as_(client, personas, "staff").get(url("audit_log")).content.decode()
    assert "report text read" in html
    assert "coordinator" in html
    assert AuditEvent.objects.filter(action="audit.read", actor=personas["staff"]).exists()


def test_the_filter_narrows_to_one_action(client, personas, programme):
    as_(client, personas, "coordinator").get(url("report", programme["report"].session_id))
    html = as_(client, personas, "staff").get(url("audit_log") + "?action=audit.read").content.decode()
    assert "<td>report text read</td>" not in html


def test_nobody_else_reads_it(client, personas, programme):
    for who in ("facilitator", "trainer", "coordinator", "outsider", "funder"):
        client.force_login(personas[who])
        assert client.get(url("audit_log")).status_code == 404, who


def test_it_rejects_post(client, personas, programme):
    assert as_(client, personas, "staff").post(url("audit_log")).status_code == 405
