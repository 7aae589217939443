"""The trainer records the debrief of a submitted report."""

import pytest

from samensterk.core.models import AuditEvent

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def test_the_trainer_marks_the_report_discussed(client, personas, programme):
    report = programme["report"]
    response = as_(client, personas, "trainer").post(
        url("report_debrief", report.session_id), {"discussed_on": "2026-11-20", "notes": "Goed gesprek."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "discussed" and str(report.debriefed_on) == "2026-11-20"
    assert report.debriefed_by == personas["trainer"]
    assert AuditEvent.objects.filter(action="report.debrief", object_id=str(report.pk)).exists()


def test_a_bad_date_gets_a_message(client, personas, programme):
    report = programme["report"]
    response = as_(client, personas, "trainer").post(
        url("report_debrief", report.session_id), {"discussed_on": "gisteren", "notes": "Kept note"}
    )
    assert response.status_code == 422
    assert "Kept note" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "submitted"


def test_only_the_trainer_debriefs(client, personas, programme):
    report = programme["report"]
    for who in ("facilitator", "coordinator", "staff", "outsider", "funder"):
        client.force_login(personas[who])
        response = client.post(url("report_debrief", report.session_id), {"discussed_on": "2026-11-20"})
        assert response.status_code == 404, who
    report.refresh_from_db()
    assert report.status == "submitted"


def test_it_rejects_get(client, personas, programme):
    assert (
        as_(client, personas, "trainer")
        .get(url("report_debrief", programme["report"].session_id))
        .status_code
        == 405
    )
