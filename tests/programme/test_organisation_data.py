"""An organisation's data as a whole (AVG): its coordinator downloads the export (it holds report
text); alliance staff see the counts and delete it after typing its short name; both are audited;
everybody else gets 404."""

import json

import pytest

from samensterk.accounts.models import Organisation
from samensterk.core.models import AuditAction, AuditEvent
from samensterk.programme.models import Session, SessionReport, Trajectory

from .helpers import PERSONAS, as_, url

pytestmark = pytest.mark.django_db


def test_staff_see_every_organisation(client, personas, programme):
    html = as_(client, personas, "staff").get(url("organisations")).content.decode()
    for slug in ("test-men", "test-women", "test-other", "test-alliance-office"):
        assert f'href="{url("organisation_data", slug)}"' in html


def test_staff_see_what_the_organisation_holds(client, personas, programme):
    response = as_(client, personas, "staff").get(url("organisation_data", "test-men"))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]
    html = response.content.decode()
    # The fixture's partnership has one trajectory with three sessions.
    assert '<td>Sessions</td><td class="num">3</td>' in html
    assert "Delete all data of this organisation" in html


def test_the_coordinator_downloads_the_export_and_it_is_audited(client, personas, programme):
    coordinator = as_(client, personas, "coordinator")
    html = coordinator.get(url("organisation_data", "test-women")).content.decode()
    assert "Download all data" in html
    assert "Delete all data of this organisation" not in html
    response = coordinator.post(url("organisation_data", "test-women"), {"action": "export"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="test-women-')
    data = json.loads(response.content)
    assert data["organisation"] == "test-women"
    assert data["counts"]["programme.session"] == 3
    assert "Testuitkomst" in response.content.decode()  # the reports are the organisation's data too
    assert "password" not in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.ORGANISATION_EXPORT)
    assert event.actor == personas["coordinator"]


def test_the_coordinator_cannot_delete(client, personas, programme):
    response = as_(client, personas, "coordinator").post(
        url("organisation_data", "test-women"), {"action": "delete", "confirm": "test-women"}
    )
    assert response.status_code == 404
    assert Organisation.objects.filter(slug="test-women").exists()


def test_staff_get_no_export_they_do_not_read_report_text(client, personas, programme):
    staff = as_(client, personas, "staff")
    assert "Download all data" not in staff.get(url("organisation_data", "test-men")).content.decode()
    assert staff.post(url("organisation_data", "test-men"), {"action": "export"}).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.ORGANISATION_EXPORT).exists()


def test_a_coordinator_reaches_only_their_own_organisation(client, personas, programme):
    coordinator = as_(client, personas, "coordinator")
    html = coordinator.get(url("organisations")).content.decode()
    assert url("organisation_data", "test-women") in html
    assert url("organisation_data", "test-men") not in html
    for slug in ("test-men", "test-other", "test-alliance-office"):
        assert coordinator.get(url("organisation_data", slug)).status_code == 404
        assert coordinator.post(url("organisation_data", slug), {"action": "export"}).status_code == 404


def test_a_wrong_confirmation_deletes_nothing_and_keeps_what_was_typed(client, personas, programme):
    response = as_(client, personas, "staff").post(
        url("organisation_data", "test-men"), {"action": "delete", "confirm": "test-mne"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "This is not the organisation&#x27;s short name. Nothing was deleted." in html
    assert 'value="test-mne"' in html
    assert Organisation.objects.filter(slug="test-men").exists()
    assert Session.objects.filter(trajectory=programme["trajectory"]).count() == 3
    assert not AuditEvent.objects.filter(action=AuditAction.ORGANISATION_DELETE).exists()


def test_the_right_confirmation_deletes_everything_and_is_audited(client, personas, programme):
    response = as_(client, personas, "staff").post(
        url("organisation_data", "test-men"), {"action": "delete", "confirm": "test-men"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("organisations")
    assert "All data of Test Mannenorganisatie has been deleted" in response.content.decode()
    assert not Organisation.objects.filter(slug="test-men").exists()
    assert not Trajectory.objects.filter(pk=programme["trajectory"].pk).exists()
    assert not SessionReport.objects.filter(pk=programme["report"].pk).exists()
    # The other organisations' data stays.
    assert Trajectory.objects.filter(pk=programme["other_trajectory"].pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.ORGANISATION_DELETE)
    assert event.actor == personas["staff"] and event.detail["counts"]["programme.session"] == 3


def test_the_alliance_itself_cannot_be_deleted(client, personas, programme):
    staff = as_(client, personas, "staff")
    html = staff.get(url("organisation_data", "test-alliance-office")).content.decode()
    assert "Delete all data of this organisation" not in html
    response = staff.post(
        url("organisation_data", "test-alliance-office"),
        {"action": "delete", "confirm": "test-alliance-office"},
    )
    assert response.status_code == 404
    assert Organisation.objects.filter(slug="test-alliance-office").exists()


@pytest.mark.parametrize("who", [p for p in PERSONAS if p not in ("staff", "coordinator")])
def test_nobody_else_reaches_it(client, personas, programme, who):
    as_(client, personas, who)
    if who != "outsider":  # the outsider coordinates test-other: their own page is theirs
        assert client.get(url("organisations")).status_code == 404
    for slug in ("test-men", "test-women"):
        assert client.get(url("organisation_data", slug)).status_code == 404
        for action in ("export", "delete"):
            response = client.post(url("organisation_data", slug), {"action": action, "confirm": slug})
            assert response.status_code == 404
        assert Organisation.objects.filter(slug=slug).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.ORGANISATION_EXPORT).exists()


def test_anonymous_is_sent_to_login(client, programme):
    response = client.get(url("organisation_data", "test-men"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_unknown_organisation_is_404(client, personas, programme):
    assert as_(client, personas, "staff").get(url("organisation_data", "no-such-org")).status_code == 404
