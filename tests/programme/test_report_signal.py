"""POST /programme/sessions/<pk>/report/signal/: the trainer or coordinator records the action taken
on a safety signal; only then does the signal leave their lists (issue #22)."""

import datetime as dt

import pytest

from samensterk.core.models import AuditEvent
from samensterk.programme.models import SessionReport

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def _action(**overrides):
    data = {"action": "referred", "referred_to": "Veilig Thuis", "acted_on": "2026-12-07"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["trainer", "coordinator"])
def test_the_trainer_or_coordinator_records_the_action_and_the_signal_leaves_the_list(
    client, personas, programme, who
):
    report = programme["report"]
    client = as_(client, personas, who)
    page = client.get(url("report", report.session_id)).content.decode()
    assert "What to do as trainer or coordinator" in page
    assert "Tell your trainer and the coordinator today" not in page  # the facilitator's own steps
    assert url("report", report.session_id) in client.get(url("home")).content.decode()

    response = client.post(url("report_signal", report.session_id), _action())
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.signal_action, report.signal_referred_to) == ("referred", "Veilig Thuis")
    assert report.signal_action_on == dt.date(2026, 12, 7) and report.signal_action_by == personas[who]
    event = AuditEvent.objects.get(action="report.safety_signal_action", object_id=str(report.pk))
    assert event.actor == personas[who] and event.detail == {"action": "referred"}
    assert "Veilig" not in str(event.detail)
    for person in ("trainer", "coordinator"):
        home = as_(client, personas, person).get(url("home")).content.decode()
        assert "Safety signals to act on" not in home, person
    # the facilitator sees what was done
    page = as_(client, personas, "facilitator").get(url("report", report.session_id)).content.decode()
    assert "Action recorded on 7 December 2026: Referred to help." in page


def test_discussing_the_report_does_not_close_the_signal(client, personas, programme):
    report = programme["report"]
    client = as_(client, personas, "trainer")
    client.post(url("report_debrief", report.session_id), {"discussed_on": "2026-12-07", "notes": ""})
    report.refresh_from_db()
    assert report.status == SessionReport.Status.DISCUSSED
    assert "Safety signals to act on" in client.get(url("home")).content.decode()


def test_a_referral_says_where_to_and_bad_input_is_a_422(client, personas, programme):
    report = programme["report"]
    client = as_(client, personas, "coordinator")
    response = client.post(url("report_signal", report.session_id), _action(referred_to=""))
    assert response.status_code == 422
    assert "Say to which organisation or service." in response.content.decode()
    assert client.post(url("report_signal", report.session_id), _action(acted_on="no")).status_code == 422
    report.refresh_from_db()
    assert report.signal_action == ""


def test_it_is_recorded_once(client, personas, programme):
    report = programme["report"]
    as_(client, personas, "trainer").post(
        url("report_signal", report.session_id), _action(action="contacted")
    )
    as_(client, personas, "coordinator").post(
        url("report_signal", report.session_id), _action(action="no_action")
    )
    report.refresh_from_db()
    assert report.signal_action == "contacted"
    assert AuditEvent.objects.filter(action="report.safety_signal_action").count() == 1


@pytest.mark.parametrize("who", ["facilitator", "staff", "outsider", "funder"])
def test_nobody_else_records_it(client, personas, programme, who):
    report = programme["report"]
    assert (
        as_(client, personas, who).post(url("report_signal", report.session_id), _action()).status_code == 404
    )
    report.refresh_from_db()
    assert report.signal_action == ""


def test_it_rejects_the_wrong_method(client, personas, programme):
    assert (
        as_(client, personas, "trainer").get(url("report_signal", programme["report"].session_id)).status_code
        == 405
    )
