"""POST /companion/sessions/<pk>/totals/: the companion's totals land in the session's report."""

import pytest

from samensterk.companion.services import companion_totals_record
from samensterk.core.models import AuditAction, AuditEvent
from samensterk.programme.models import SessionReport
from samensterk.toolkit.models import Statement

from .helpers import post_json, totals_payload, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(programme):
    return programme["sessions"][1]  # held, no report yet


@pytest.fixture
def statements(programme):
    method = programme["method"]
    rows = [Statement.objects.create(slug=f"t{i}", text=f"Teststelling {i}", order=i) for i in range(3)]
    for row in rows:
        row.methods.add(method)
    return rows


def _audit_rows():
    return AuditEvent.objects.filter(action=AuditAction.COMPANION_TOTALS)


def test_it_stores_the_totals_in_a_draft_report(client, personas, session, statements):
    client.force_login(personas["facilitator"])
    data = totals_payload(statements=["t0", "t2", "t0"])
    response = post_json(client, url("totals", session.pk), data)
    assert response.status_code == 200
    assert response.json() == {"saved": True, "run": data["run"], "revision": 1}
    report = SessionReport.objects.get(session=session)
    assert report.status == SessionReport.Status.DRAFT
    assert report.author == personas["facilitator"]
    assert report.companion_totals == {
        "turns_men": 6,
        "turns_women": 4,
        "seconds_men": 300,
        "seconds_women": 200,
        "interruptions": 2,
        "checkin_turns": 3,
        "statements": ["t0", "t2"],
        "run": data["run"],
        "revision": 1,
        "share_women": 40,
        # each device's run kept apart, so that another device adds to the totals
        "runs": {
            data["run"]: {
                "turns_men": 6,
                "turns_women": 4,
                "seconds_men": 300,
                "seconds_women": 200,
                "interruptions": 2,
                "checkin_turns": 3,
                "statements": ["t0", "t2"],
                "revision": 1,
            }
        },
    }
    # "statements used" in the report is prefilled from what the companion showed
    assert sorted(report.statements.values_list("slug", flat=True)) == ["t0", "t2"]
    event = _audit_rows().get()
    assert event.actor == personas["facilitator"]
    assert event.detail == {"turns": 10, "statements": 2, "revision": 1, "runs": 1}


def test_a_retry_of_the_same_revision_changes_nothing(client, personas, session):
    client.force_login(personas["facilitator"])
    data = totals_payload(revision=3)
    assert post_json(client, url("totals", session.pk), data).json()["saved"] is True
    again = post_json(client, url("totals", session.pk), data)
    assert again.status_code == 200 and again.json()["saved"] is False
    older = post_json(client, url("totals", session.pk), {**data, "revision": 2, "turns_men": 1})
    assert older.json()["saved"] is False
    assert SessionReport.objects.get(session=session).companion_totals["turns_men"] == 6
    assert _audit_rows().count() == 1
    newer = post_json(client, url("totals", session.pk), {**data, "revision": 4, "turns_men": 7})
    assert newer.json()["saved"] is True
    assert SessionReport.objects.get(session=session).companion_totals["turns_men"] == 7


def test_a_second_device_adds_its_run_instead_of_replacing_the_totals(client, personas, session):
    # Issue #22: a tap in another browser replaced the tablet's 6/4 turns with 1/1.
    client.force_login(personas["facilitator"])
    tablet = totals_payload(revision=9)
    post_json(client, url("totals", session.pk), tablet)
    post_json(client, url("totals", session.pk), totals_payload(revision=1, turns_men=1, turns_women=1))
    totals = SessionReport.objects.get(session=session).companion_totals
    assert (totals["turns_men"], totals["turns_women"]) == (7, 5)
    assert len(totals["runs"]) == 2
    # the tablet goes on: its own run is updated, the other device's stays
    post_json(client, url("totals", session.pk), {**tablet, "revision": 10, "turns_men": 8})
    totals = SessionReport.objects.get(session=session).companion_totals
    assert (totals["turns_men"], totals["turns_women"]) == (9, 5)


def test_every_statement_shown_is_ticked_and_the_facilitators_choice_is_kept(
    client, personas, session, statements
):
    # Issue #22: of five statements shown only the first was ticked in the report.
    client.force_login(personas["facilitator"])
    run = totals_payload(statements=["t0"])
    post_json(client, url("totals", session.pk), run)
    report = SessionReport.objects.get(session=session)
    assert list(report.statements.values_list("slug", flat=True)) == ["t0"]
    report.statements.remove(statements[0])  # the facilitator unticks t0 ...
    report.statements.add(statements[1])  # ... and ticks t1 by hand
    post_json(client, url("totals", session.pk), {**run, "revision": 2, "statements": ["t0", "t2"]})
    assert sorted(report.statements.values_list("slug", flat=True)) == ["t1", "t2"]


def test_it_refuses_seats_and_initials(client, personas, session):
    client.force_login(personas["facilitator"])
    response = post_json(client, url("totals", session.pk), totals_payload(seats=["AB", "3"]))
    assert response.status_code == 400
    assert "seats" in response.json()["errors"]["__all__"]
    assert "AB" not in response.content.decode()
    assert not SessionReport.objects.filter(session=session).exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"turns_men": -1},
        {"turns_women": "4"},
        {"seconds_men": 1.5},
        {"interruptions": True},
        {"seconds_women": 10**9},
        {"statements": "s001"},
        {"statements": ["<script>"]},
        {"run": ""},
        {"revision": None},
    ],
)
def test_it_says_which_figure_is_wrong(client, personas, session, bad):
    client.force_login(personas["facilitator"])
    response = post_json(client, url("totals", session.pk), totals_payload(**bad))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == set(bad)


@pytest.mark.parametrize("body", ["not json", "[1, 2]", "", b"\xff\xfe"])
def test_a_broken_body_is_a_400_not_a_500(client, personas, session, body):
    client.force_login(personas["facilitator"])
    response = post_json(client, url("totals", session.pk), body)
    assert response.status_code == 400


def test_a_submitted_report_is_not_changed(client, personas, programme):
    client.force_login(personas["facilitator"])
    session = programme["sessions"][0]  # its report is submitted
    response = post_json(client, url("totals", session.pk), totals_payload())
    assert response.status_code == 409
    assert SessionReport.objects.get(session=session).companion_totals == {}


def test_it_rejects_the_wrong_method(client, personas, session):
    client.force_login(personas["facilitator"])
    assert client.get(url("totals", session.pk)).status_code == 405


def test_it_hides_other_orgs(client, personas, programme):
    client.force_login(personas["outsider"])
    for session in programme["sessions"]:
        assert post_json(client, url("totals", session.pk), totals_payload()).status_code == 404
    assert not _audit_rows().exists()


@pytest.mark.parametrize("persona", ["coordinator", "trainer", "staff"])
def test_only_the_sessions_facilitator_sends_totals(client, personas, session, persona):
    client.force_login(personas[persona])
    response = post_json(client, url("totals", session.pk), totals_payload())
    assert response.status_code == 403
    assert not SessionReport.objects.filter(session=session).exists()


def test_anonymous_gets_401_json(client, session):
    response = post_json(client, url("totals", session.pk), totals_payload())
    assert response.status_code == 401
    assert "detail" in response.json()


def test_it_needs_the_csrf_token(personas, session):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["facilitator"])
    assert post_json(client, url("totals", session.pk), totals_payload()).status_code == 403


def test_the_service_refuses_unknown_keys_before_touching_the_report(personas, session):
    from samensterk.companion.services import TotalsError

    with pytest.raises(TotalsError) as info:
        companion_totals_record(
            session=session, actor=personas["facilitator"], totals=totals_payload(initials=["M.K."])
        )
    assert "initials" in info.value.errors["__all__"]
    assert not SessionReport.objects.filter(session=session).exists()


def test_a_script_cannot_grow_the_report_with_endless_runs(client, personas, session):
    from samensterk.companion.services import MAX_RUNS

    client.force_login(personas["facilitator"])
    for _ in range(MAX_RUNS):
        assert post_json(client, url("totals", session.pk), totals_payload()).status_code == 200
    response = post_json(client, url("totals", session.pk), totals_payload())
    assert response.status_code == 400 and "run" in response.json()["errors"]
    assert len(SessionReport.objects.get(session=session).companion_totals["runs"]) == MAX_RUNS
