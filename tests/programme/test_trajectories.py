"""The trajectory list, creation and editing."""

import pytest

from samensterk.core.models import AuditEvent
from samensterk.programme.models import Trajectory

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def _form(programme, personas, **overrides):
    data = {
        "name": "Test Zuid najaar",
        "method": programme["method"].pk,
        "partnership": programme["partnership"].pk,
        "district": "zuid",
        "starts_on": "2026-09-01",
        "ends_on": "2026-12-01",
        "languages": ["nl", "tr"],
        "status": "planned",
        "trainer": personas["trainer"].pk,
        "coordinator": personas["coordinator"].pk,
        "facilitators": [personas["facilitator"].pk],
    }
    data.update(overrides)
    return data


class TestList:
    def test_it_lists_own_trajectories(self, client, personas, programme):
        html = as_(client, personas, "facilitator").get(url("trajectories")).content.decode()
        assert "Test Noord voorjaar" in html
        assert "2 of 3 meetings held" in html

    def test_it_hides_other_orgs(self, client, personas, programme):
        html = as_(client, personas, "facilitator").get(url("trajectories")).content.decode()
        assert "Test Andere trajectory" not in html

    def test_staff_see_all(self, client, personas, programme):
        html = as_(client, personas, "staff").get(url("trajectories")).content.decode()
        assert "Test Noord voorjaar" in html and "Test Andere trajectory" in html

    def test_a_funder_gets_404(self, client, personas, programme):
        assert as_(client, personas, "funder").get(url("trajectories")).status_code == 404

    def test_it_rejects_post(self, client, personas, programme):
        assert as_(client, personas, "staff").post(url("trajectories")).status_code == 405


class TestCreate:
    def test_a_coordinator_starts_a_trajectory(self, client, personas, programme):
        response = as_(client, personas, "coordinator").post(
            url("trajectory_create"), _form(programme, personas)
        )
        assert response.status_code == 302
        trajectory = Trajectory.objects.get(name="Test Zuid najaar")
        assert trajectory.languages == ["nl", "tr"]
        assert list(trajectory.facilitators.all()) == [personas["facilitator"]]
        assert AuditEvent.objects.filter(action="trajectory.create", object_id=str(trajectory.pk)).exists()

    def test_bad_input_gets_messages_and_keeps_what_was_typed(self, client, personas, programme):
        response = as_(client, personas, "coordinator").post(
            url("trajectory_create"),
            _form(programme, personas, ends_on="2026-01-01", trainer=personas["outsider"].pk),
        )
        assert response.status_code == 422
        html = response.content.decode()
        assert "The last meeting cannot be before the first." in html
        assert 'value="Test Zuid najaar"' in html
        assert not Trajectory.objects.filter(name="Test Zuid najaar").exists()

    def test_a_facilitator_may_not_create(self, client, personas, programme):
        client = as_(client, personas, "facilitator")
        assert client.get(url("trajectory_create")).status_code == 404
        assert client.post(url("trajectory_create"), _form(programme, personas)).status_code == 404

    def test_it_hides_other_orgs(self, client, personas, programme):
        # The outsider manages a partnership of their own, but not this one.
        response = as_(client, personas, "outsider").post(
            url("trajectory_create"), _form(programme, personas)
        )
        assert response.status_code == 422
        assert not Trajectory.objects.filter(name="Test Zuid najaar").exists()

    def test_a_funder_gets_404(self, client, personas, programme):
        assert as_(client, personas, "funder").get(url("trajectory_create")).status_code == 404


class TestDetail:
    def test_the_team_sees_sessions_and_report_status(self, client, personas, programme):
        html = (
            as_(client, personas, "facilitator")
            .get(url("trajectory", programme["trajectory"].pk))
            .content.decode()
        )
        assert "Meeting 3" in html
        assert "Submitted" in html
        assert url("report", programme["sessions"][1].pk) in html  # write the missing report

    def test_only_trainer_and_coordinator_see_the_signal(self, client, personas, programme):
        pk = programme["trajectory"].pk
        for who, sees in [("trainer", True), ("coordinator", True), ("facilitator", False), ("staff", False)]:
            html = as_(client, personas, who).get(url("trajectory", pk)).content.decode()
            assert ('class="signal-label"' in html) is sees, who

    def test_staff_see_the_status_but_no_link_to_report_text(self, client, personas, programme):
        html = (
            as_(client, personas, "staff").get(url("trajectory", programme["trajectory"].pk)).content.decode()
        )
        assert "Submitted" in html
        assert url("report", programme["sessions"][0].pk) not in html

    def test_it_hides_other_orgs(self, client, personas, programme):
        for who in ("outsider", "funder"):
            assert (
                as_(client, personas, who).get(url("trajectory", programme["trajectory"].pk)).status_code
                == 404
            )
        assert client.get(url("trajectory", 999999)).status_code == 404

    def test_it_rejects_post(self, client, personas, programme):
        response = as_(client, personas, "trainer").post(url("trajectory", programme["trajectory"].pk))
        assert response.status_code == 405


class TestEdit:
    def test_the_trainer_edits_and_it_is_audited(self, client, personas, programme):
        pk = programme["trajectory"].pk
        response = as_(client, personas, "trainer").post(
            url("trajectory_edit", pk),
            _form(programme, personas, name="Test Noord renamed", status="completed"),
        )
        assert response.status_code == 302
        trajectory = Trajectory.objects.get(pk=pk)
        assert (trajectory.name, trajectory.status) == ("Test Noord renamed", "completed")
        event = AuditEvent.objects.get(action="trajectory.update", object_id=str(pk))
        assert "name" in event.detail["fields"]

    def test_a_facilitator_may_not_edit(self, client, personas, programme):
        pk = programme["trajectory"].pk
        client = as_(client, personas, "facilitator")
        assert client.get(url("trajectory_edit", pk)).status_code == 404
        assert client.post(url("trajectory_edit", pk), _form(programme, personas)).status_code == 404
        assert Trajectory.objects.get(pk=pk).name == "Test Noord voorjaar"

    def test_it_hides_other_orgs(self, client, personas, programme):
        pk = programme["trajectory"].pk
        assert as_(client, personas, "outsider").get(url("trajectory_edit", pk)).status_code == 404


class TestLinksToTheOtherParts:
    def test_the_facilitator_opens_companion_and_questionnaire_from_the_trajectory(
        self, client, personas, programme
    ):
        html = (
            as_(client, personas, "facilitator")
            .get(url("trajectory", programme["trajectory"].pk))
            .content.decode()
        )
        planned, held = programme["sessions"][2], programme["sessions"][0]
        assert f'href="/en/companion/sessions/{planned.pk}/"' in html
        assert f'href="/en/companion/sessions/{held.pk}/"' not in html  # a held meeting is over
        assert f'href="/en/monitoring/sessions/{held.pk}/questionnaire/"' in html
        assert f'href="/en/monitoring/trajectories/{programme["trajectory"].pk}/awareness/"' in html

    def test_the_menu_offers_monitoring_to_coordinators_not_to_facilitators(
        self, client, personas, programme
    ):
        html = as_(client, personas, "coordinator").get(url("home")).content.decode()
        assert 'href="/en/monitoring/"' in html
        html = as_(client, personas, "facilitator").get(url("home")).content.decode()
        assert 'href="/en/monitoring/"' not in html


def test_a_planned_meeting_links_to_its_plan_and_a_kept_plan_is_named(client, personas, programme):
    from samensterk.toolkit.models import Meeting, MeetingPlan

    planned = programme["sessions"][2]
    Meeting.objects.create(method=programme["method"], number=3, slug="test-m3", title="Derde")
    client = as_(client, personas, "facilitator")
    html = client.get(url("trajectory", programme["trajectory"].pk)).content.decode()
    assert f"/en/toolkit/methods/test-methode/meetings/3/plan/?session={planned.pk}" in html
    assert "Plan this meeting" in html
    MeetingPlan.objects.create(session=planned, method=programme["method"], meeting_number=3)
    html = client.get(url("trajectory", programme["trajectory"].pk)).content.decode()
    assert "Open the kept plan" in html
