"""The submitted report as PDF: for its readers only, without the safety signal, audited."""

import subprocess

import pytest

from samensterk.core.models import AuditEvent

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def test_the_coordinator_downloads_it_and_the_export_is_logged(client, personas, programme, tmp_path):
    report = programme["report"]
    response = as_(client, personas, "coordinator").get(url("report_pdf", report.session_id))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Testuitkomst" in text
    assert "safety signal" not in text.lower()
    event = AuditEvent.objects.get(action="export", object_id=str(report.pk))
    assert event.actor == personas["coordinator"] and event.detail == {"format": "pdf"}


def test_a_draft_has_no_pdf(client, personas, programme):
    from samensterk.programme.models import SessionReport

    session = programme["sessions"][1]
    SessionReport.objects.create(session=session, author=personas["facilitator"])
    assert as_(client, personas, "facilitator").get(url("report_pdf", session.pk)).status_code == 404


def test_it_hides_other_orgs(client, personas, programme):
    for who in ("staff", "outsider", "funder"):
        client.force_login(personas[who])
        assert client.get(url("report_pdf", programme["report"].session_id)).status_code == 404, who
    assert not AuditEvent.objects.filter(action="export").exists()


def test_it_rejects_post(client, personas, programme):
    assert (
        as_(client, personas, "trainer").post(url("report_pdf", programme["report"].session_id)).status_code
        == 405
    )
