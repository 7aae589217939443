"""The report after a session: written by its facilitator, submitted once, read by the team
(each read audited), never by staff, funders or outsiders."""

import uuid

import pytest

from samensterk.core.models import AuditEvent
from samensterk.programme.models import Session, SessionReport
from samensterk.toolkit.models import Theme

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "submission_key": str(uuid.uuid4()),
        "men_count": "7",
        "women_count": "2",
        "first_time_count": "3",
        "outcomes": "Test: de groep sprak over wie voor de kinderen zorgt.",
        "quotes": "",
        "atmosphere": "4",
        "safety_signal": "no",
        "reflection": "",
    }
    data.update(overrides)
    return data


class TestWrite:
    def test_the_form_reminds_no_names_next_to_every_free_text_field(self, client, personas, programme):
        html = (
            as_(client, personas, "facilitator")
            .get(url("report", programme["sessions"][1].pk))
            .content.decode()
        )
        assert html.count("No names, addresses or phone numbers of participants.") == 3
        assert 'name="submission_key"' in html
        assert "Veilig Thuis" in html  # the referral path is on the page, shown when "yes" is chosen

    def test_the_form_is_short_on_a_phone_and_the_scale_says_what_its_ends_mean(
        self, client, personas, programme
    ):
        rare = Theme.objects.create(slug="test-a-rare", name="Zelden", order=1)
        often = Theme.objects.create(slug="test-z-often", name="Vaak", order=2)
        programme["report"].themes.add(often)  # ticked before in this trajectory
        html = (
            as_(client, personas, "facilitator")
            .get(url("report", programme["sessions"][1].pk))
            .content.decode()
        )
        assert html.count('<details class="report-choices">') == 2  # themes and statements fold away
        assert html.index("Vaak") < html.index("Zelden")  # the most used first
        assert rare.name in html
        assert "1: not safe or open" in html and "5: very safe and open" in html

    def test_submitting_records_the_report_and_the_attendance(self, client, personas, programme):
        session = programme["sessions"][1]
        theme = Theme.objects.create(slug="test-geld", name="Geld")
        response = as_(client, personas, "facilitator").post(
            url("report", session.pk), _form(themes=[theme.pk], followup_financial="on")
        )
        assert response.status_code == 302
        report = SessionReport.objects.get(session=session)
        assert report.status == "submitted" and report.author == personas["facilitator"]
        assert list(report.themes.all()) == [theme] and report.followup_financial
        session.refresh_from_db()
        assert (session.men_count, session.women_count, session.first_time_count, session.status) == (
            7,
            2,
            3,
            Session.Status.HELD,
        )
        assert AuditEvent.objects.filter(action="report.submit", object_id=str(report.pk)).count() == 1

    def test_submitting_twice_with_the_same_key_makes_one_report(self, client, personas, programme):
        session = programme["sessions"][1]
        client = as_(client, personas, "facilitator")
        data = _form()
        first = client.post(url("report", session.pk), data)
        second = client.post(url("report", session.pk), data, HTTP_ACCEPT="application/json")
        assert first.status_code == 302 and second.status_code == 200
        assert second.json()["created"] is False
        assert SessionReport.objects.filter(session=session).count() == 1
        assert AuditEvent.objects.filter(action="report.submit").count() == 1

    def test_a_late_submit_with_another_key_changes_nothing(self, client, personas, programme):
        report = programme["report"]
        response = as_(client, personas, "facilitator").post(
            url("report", report.session_id), _form(outcomes="Overwritten")
        )
        assert response.status_code == 302
        report.refresh_from_db()
        assert report.outcomes.startswith("Testuitkomst")

    def test_another_reports_key_is_a_clear_409_and_nothing_is_dropped(self, client, personas, programme):
        # Issue #21: the key was looked up across all reports, so a key of another session answered
        # "already submitted" and the offline queue dropped this report without a word.
        other = programme["report"]
        other.submission_key = uuid.uuid4()
        other.save(update_fields=["submission_key"])
        session = programme["sessions"][1]
        client = as_(client, personas, "facilitator")
        data = _form(submission_key=str(other.submission_key), outcomes="Mijn eigen verslag.")
        queued = client.post(url("report", session.pk), data, HTTP_ACCEPT="application/json")
        assert queued.status_code == 409
        assert "belongs to another report" in queued.json()["detail"]
        page = client.post(url("report", session.pk), data)
        assert page.status_code == 409
        html = page.content.decode()
        assert "belongs to another report" in html and "Mijn eigen verslag." in html
        assert str(other.submission_key) not in html  # a fresh key for the next try
        assert not SessionReport.objects.filter(session=session, status="submitted").exists()

    def test_a_key_of_the_same_session_by_another_author_is_refused(self, client, personas, programme):
        from samensterk.accounts.models import Membership, User

        second = User.objects.create_user(username="second-facilitator", password="a-long-test-password")
        Membership.objects.create(user=second, organisation=personas["orgs"]["men"], role="facilitator")
        session = programme["sessions"][1]
        session.facilitators.add(second)
        data = _form()
        as_(client, personas, "facilitator").post(url("report", session.pk), data)
        client.force_login(second)
        response = client.post(url("report", session.pk), data, HTTP_ACCEPT="application/json")
        assert response.status_code == 409

    def test_a_safety_signal_is_logged_for_trainer_and_coordinator(self, client, personas, programme):
        session = programme["sessions"][1]
        as_(client, personas, "facilitator").post(url("report", session.pk), _form(safety_signal="yes"))
        report = SessionReport.objects.get(session=session)
        assert report.safety_signal is True
        assert AuditEvent.objects.filter(action="report.safety_signal", object_id=str(report.pk)).exists()
        html = as_(client, personas, "coordinator").get(url("home")).content.decode()
        assert url("report", session.pk) in html

    def test_bad_input_gets_a_message_and_keeps_what_was_typed(self, client, personas, programme):
        session = programme["sessions"][1]
        response = as_(client, personas, "facilitator").post(
            url("report", session.pk), _form(first_time_count="40", atmosphere="9", men_count="-1")
        )
        assert response.status_code == 422
        html = response.content.decode()
        assert "What you typed has been kept." in html
        assert "Test: de groep sprak over wie voor de kinderen zorgt." in html
        assert not SessionReport.objects.filter(session=session).exists()

    def test_a_missing_key_is_a_clear_422_not_a_500(self, client, personas, programme):
        data = _form()
        del data["submission_key"]
        response = as_(client, personas, "facilitator").post(url("report", programme["sessions"][1].pk), data)
        assert response.status_code == 422

    def test_who_may_not_write_gets_404(self, client, personas, programme):
        session = programme["sessions"][1]
        for who in ("trainer", "coordinator", "staff", "outsider", "funder"):
            client.force_login(personas[who])
            assert client.post(url("report", session.pk), _form()).status_code == 404, who
        assert not SessionReport.objects.filter(session=session).exists()


class TestRead:
    def test_the_coordinator_reads_and_the_read_is_audited(self, client, personas, programme):
        report = programme["report"]
        html = as_(client, personas, "coordinator").get(url("report", report.session_id)).content.decode()
        assert "Testuitkomst" in html
        assert "The facilitator noticed a safety signal" in html
        event = AuditEvent.objects.get(action="report.read", object_id=str(report.pk))
        assert event.actor == personas["coordinator"]
        assert event.organisation == personas["orgs"]["men"]
        assert "Testuitkomst" not in str(event.detail)

    def test_the_facilitator_reads_without_the_signal_box(self, client, personas, programme):
        html = (
            as_(client, personas, "facilitator")
            .get(url("report", programme["report"].session_id))
            .content.decode()
        )
        assert "Testuitkomst" in html
        assert "The facilitator noticed a safety signal" not in html
        assert "What to do as trainer or coordinator" not in html
        # ... but sees where the signal went, by role, and that nothing is recorded yet
        assert "Your safety signal went to the trainer and the coordinator of this trajectory." in html
        assert "No action has been recorded yet." in html

    def test_the_authors_own_report_may_be_kept_offline_a_readers_copy_not(self, client, personas, programme):
        session_pk = programme["report"].session_id
        assert as_(client, personas, "facilitator").get(url("report", session_pk))["X-Offline-Page"] == "1"
        assert "X-Offline-Page" not in as_(client, personas, "coordinator").get(url("report", session_pk))

    def test_staff_funders_and_outsiders_get_404(self, client, personas, programme):
        report = programme["report"]
        for who in ("staff", "funder", "outsider"):
            client.force_login(personas[who])
            assert client.get(url("report", report.session_id)).status_code == 404, who
        assert not AuditEvent.objects.filter(action="report.read").exists()

    def test_a_draft_stays_with_its_author(self, client, personas, programme):
        session = programme["sessions"][1]
        SessionReport.objects.create(session=session, author=personas["facilitator"], outcomes="Half")
        assert as_(client, personas, "coordinator").get(url("report", session.pk)).status_code == 404
        html = as_(client, personas, "facilitator").get(url("report", session.pk)).content.decode()
        assert "Half</textarea>" in html

    def test_it_is_never_cached(self, client, personas, programme):
        response = as_(client, personas, "trainer").get(url("report", programme["report"].session_id))
        assert response["Cache-Control"] == "no-store"

    def test_it_rejects_put(self, client, personas, programme):
        response = as_(client, personas, "facilitator").put(url("report", programme["report"].session_id))
        assert response.status_code == 405


def test_the_companion_totals_are_shown_prefilled(client, personas, programme):
    from samensterk.programme.models import SessionReport

    session = programme["sessions"][1]
    SessionReport.objects.create(
        session=session,
        author=personas["facilitator"],
        companion_totals={
            "turns_men": 7,
            "turns_women": 3,
            "seconds_men": 420,
            "seconds_women": 180,
            "interruptions": 2,
            "checkin_turns": 9,
            "share_women": 30,
        },
    )
    html = as_(client, personas, "facilitator").get(url("report", session.pk)).content.decode()
    assert "From the session companion" in html
    assert "<dd>7</dd>" in html and "<dd>30%</dd>" in html and "<dd>9</dd>" in html
    # speaking time in minutes (420 s, 180 s), not in seconds
    assert "Speaking time of men (minutes)</dt><dd>7</dd>" in html
    assert "Speaking time of women (minutes)</dt><dd>3</dd>" in html
