"""Autosave of the report while typing."""

import uuid

import pytest

from samensterk.programme.models import SessionReport

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def test_a_draft_is_saved_and_updated(client, personas, programme):
    session = programme["sessions"][1]
    client = as_(client, personas, "facilitator")
    data = {"submission_key": str(uuid.uuid4()), "outcomes": "Eerste zin", "men_count": "5"}
    assert client.post(url("report_draft", session.pk), data).json() == {"saved": True, "status": "draft"}
    data["outcomes"] = "Eerste zin. Tweede zin."
    client.post(url("report_draft", session.pk), data)
    report = SessionReport.objects.get(session=session)
    assert report.outcomes == "Eerste zin. Tweede zin." and report.status == "draft"
    session.refresh_from_db()
    assert session.men_count == 5


def test_a_late_autosave_does_not_reopen_a_submitted_report(client, personas, programme):
    report = programme["report"]
    response = as_(client, personas, "facilitator").post(
        url("report_draft", report.session_id), {"submission_key": str(uuid.uuid4()), "outcomes": "late"}
    )
    assert response.json() == {"saved": False, "status": "submitted"}
    report.refresh_from_db()
    assert report.outcomes.startswith("Testuitkomst")


def test_invalid_input_is_a_422_with_field_errors(client, personas, programme):
    response = as_(client, personas, "facilitator").post(
        url("report_draft", programme["sessions"][1].pk), {"submission_key": "x", "atmosphere": "9"}
    )
    assert response.status_code == 422
    assert "atmosphere" in response.json()["errors"]


def test_who_may_not_write_gets_404(client, personas, programme):
    for who in ("trainer", "coordinator", "staff", "outsider", "funder"):
        client.force_login(personas[who])
        response = client.post(url("report_draft", programme["sessions"][1].pk), {"outcomes": "x"})
        assert response.status_code == 404, who


def test_it_rejects_get(client, personas, programme):
    assert (
        as_(client, personas, "facilitator").get(url("report_draft", programme["sessions"][1].pk)).status_code
        == 405
    )
