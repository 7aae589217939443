"""Planning and editing a meeting of a trajectory."""

import pytest

from samensterk.core.models import AuditEvent
from samensterk.programme.models import Session

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def _form(personas, **overrides):
    data = {
        "number": 4,
        "kind": "meeting",
        "starts_at": "2026-12-14T19:30",
        "place": "living_room",
        "language": "ar",
        "interpreter_present": "on",
        "status": "planned",
        "facilitators": [personas["facilitator"].pk],
    }
    data.update(overrides)
    return data


def test_the_coordinator_plans_a_meeting(client, personas, programme):
    trajectory = programme["trajectory"]
    client = as_(client, personas, "coordinator")
    html = client.get(url("session_create", trajectory.pk)).content.decode()
    assert 'value="4"' in html  # the next number is suggested
    response = client.post(url("session_create", trajectory.pk), _form(personas))
    assert response.status_code == 302
    session = Session.objects.get(trajectory=trajectory, number=4)
    assert session.language == "ar" and session.interpreter_present
    assert AuditEvent.objects.filter(action="session.create", object_id=str(session.pk)).exists()


def test_a_taken_number_gets_a_message_and_keeps_the_input(client, personas, programme):
    trajectory = programme["trajectory"]
    response = as_(client, personas, "coordinator").post(
        url("session_create", trajectory.pk), _form(personas, number=2, starts_at="not a date")
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "already has a meeting with this number" in html
    assert 'value="not a date"' in html


def test_the_trainer_cancels_a_meeting(client, personas, programme):
    session = programme["sessions"][2]
    response = as_(client, personas, "trainer").post(
        url("session_edit", session.pk), _form(personas, number=3, status="cancelled")
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == "cancelled"


def test_a_facilitator_may_not_plan_or_edit(client, personas, programme):
    client = as_(client, personas, "facilitator")
    assert client.get(url("session_create", programme["trajectory"].pk)).status_code == 404
    assert client.post(url("session_edit", programme["sessions"][2].pk), _form(personas)).status_code == 404


def test_it_hides_other_orgs(client, personas, programme):
    for who in ("outsider", "funder"):
        client = as_(client, personas, who)
        assert client.get(url("session_create", programme["trajectory"].pk)).status_code == 404
        assert client.get(url("session_edit", programme["sessions"][0].pk)).status_code == 404


def test_it_rejects_put(client, personas, programme):
    response = as_(client, personas, "coordinator").put(url("session_edit", programme["sessions"][0].pk))
    assert response.status_code == 405
