"""Partnerships: listed for the two organisations' people, created by staff and coordinators."""

import pytest

from samensterk.accounts.models import Organisation
from samensterk.core.models import AuditEvent
from samensterk.programme.models import Partnership

from .helpers import as_, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def third_men(db):
    return Organisation.objects.create(name="Test Derde Mannen", slug="test-third-men", kind="men")


def test_staff_create_a_partnership_and_it_is_audited(client, personas, programme, third_men):
    response = as_(client, personas, "staff").post(
        url("partnerships"),
        {"men_organisation": third_men.pk, "women_organisation": personas["orgs"]["women"].pk},
    )
    assert response.status_code == 302
    partnership = Partnership.objects.get(men_organisation=third_men)
    assert AuditEvent.objects.filter(action="partnership.create", object_id=str(partnership.pk)).exists()


def test_a_coordinator_creates_one_with_their_own_organisation_only(client, personas, programme, third_men):
    client = as_(client, personas, "coordinator")
    response = client.post(
        url("partnerships"),
        {"men_organisation": third_men.pk, "women_organisation": personas["orgs"]["other"].pk},
    )
    assert response.status_code == 422
    assert "must be your own" in response.content.decode()
    assert not Partnership.objects.filter(men_organisation=third_men).exists()
    response = client.post(
        url("partnerships"),
        {"men_organisation": third_men.pk, "women_organisation": personas["orgs"]["women"].pk},
    )
    assert response.status_code == 302


def test_a_duplicate_gets_a_clear_message_and_keeps_the_choice(client, personas, programme):
    response = as_(client, personas, "staff").post(
        url("partnerships"),
        {"men_organisation": personas["orgs"]["men"].pk, "women_organisation": personas["orgs"]["women"].pk},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "already work together" in html
    assert f'value="{personas["orgs"]["men"].pk}" selected' in html


def test_a_facilitator_reads_but_may_not_create(client, personas, programme, third_men):
    client = as_(client, personas, "facilitator")
    html = client.get(url("partnerships")).content.decode()
    assert "Test Mannenorganisatie" in html
    assert "<form" not in html.split('id="main"')[1]
    response = client.post(
        url("partnerships"),
        {"men_organisation": third_men.pk, "women_organisation": personas["orgs"]["women"].pk},
    )
    assert response.status_code == 404


def test_it_hides_other_orgs(client, personas, programme):
    html = as_(client, personas, "outsider").get(url("partnerships")).content.decode()
    # Organisation names are a public directory (the form offers them as partners); which of
    # them work together is not.
    table = html.split("<table>")[1].split("</table>")[0]
    assert "Test Mannenorganisatie" not in table
    assert "Test Andere Mannen" in table


def test_a_funder_gets_404(client, personas, programme):
    assert as_(client, personas, "funder").get(url("partnerships")).status_code == 404


def test_it_rejects_put(client, personas, programme):
    assert as_(client, personas, "staff").put(url("partnerships")).status_code == 405


# --- issue #21: a partnership needs both organisations ---------------------------------------


def test_a_coordinators_partnership_is_a_proposal_until_the_other_side_accepts(
    client, personas, programme, third_men
):
    from samensterk.accounts.models import Membership, User

    response = as_(client, personas, "coordinator").post(
        url("partnerships"),
        {"men_organisation": third_men.pk, "women_organisation": personas["orgs"]["women"].pk},
    )
    assert response.status_code == 302
    partnership = Partnership.objects.get(men_organisation=third_men)
    assert partnership.status == "proposed" and partnership.proposed_by == personas["orgs"]["women"]
    assert AuditEvent.objects.filter(action="partnership.propose", object_id=str(partnership.pk)).exists()
    # Nothing can be started in it yet: it is not among the partnerships of the trajectory form.
    html = client.get(url("trajectory_create")).content.decode()
    choices = html.split('name="partnership"')[1].split("</select>")[0]
    assert "Test Derde Mannen" not in choices and "Test Mannenorganisatie" in choices
    # The proposer cannot accept their own proposal.
    assert client.post(url("partnership_accept", partnership.pk)).status_code == 404
    # A coordinator of the other organisation sees the button and accepts.
    other_coordinator = User.objects.create_user(
        username="third-coordinator", password="a-long-test-password"
    )
    Membership.objects.create(user=other_coordinator, organisation=third_men, role="coordinator")
    client.force_login(other_coordinator)
    html = client.get(url("partnerships")).content.decode()
    assert url("partnership_accept", partnership.pk) in html
    assert client.post(url("partnership_accept", partnership.pk)).status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == "accepted"
    assert AuditEvent.objects.filter(action="partnership.accept", actor=other_coordinator).exists()


@pytest.mark.parametrize("who", ["facilitator", "trainer", "outsider", "staff", "funder"])
def test_nobody_else_accepts_a_proposal(client, personas, programme, third_men, who):
    partnership = Partnership.objects.create(
        men_organisation=third_men,
        women_organisation=personas["orgs"]["women"],
        status="proposed",
        proposed_by=personas["orgs"]["women"],
    )
    assert as_(client, personas, who).post(url("partnership_accept", partnership.pk)).status_code == 404
    partnership.refresh_from_db()
    assert partnership.status == "proposed"
