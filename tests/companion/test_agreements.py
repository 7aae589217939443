"""GET/POST /companion/sessions/<pk>/agreements/: the group's dialogue agreements, written and amended."""

import pytest

from samensterk.companion.models import Agreements
from samensterk.core.models import AuditAction, AuditEvent

from .helpers import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(programme):
    return programme["sessions"][0]


def test_the_first_meeting_writes_them(client, personas, programme, session):
    client.force_login(personas["facilitator"])
    assert client.get(url("agreements", session.pk)).status_code == 200
    response = client.post(
        url("agreements", session.pk), {"text": "We luisteren.\nWe laten elkaar uitpraten."}
    )
    assert response.status_code == 302
    assert response["Location"] == url("control", session.pk)
    agreements = Agreements.objects.get(trajectory=programme["trajectory"])
    assert agreements.lines == ["We luisteren.", "We laten elkaar uitpraten."]
    assert agreements.version == 1 and agreements.changed_by == personas["facilitator"]
    event = AuditEvent.objects.get(action=AuditAction.AGREEMENTS_SAVE)
    assert event.detail == {"version": 1, "lines": 2}
    assert event.organisation == personas["orgs"]["men"]


def test_a_later_meeting_amends_them_and_shows_who_changed_them(client, personas, programme):
    agreements = Agreements.objects.create(
        trajectory=programme["trajectory"], text="We luisteren.", changed_by=personas["facilitator"]
    )
    client.force_login(personas["trainer"])
    later = programme["sessions"][2]
    page = client.get(url("agreements", later.pk)).content.decode()
    assert "We luisteren." in page and 'value="1"' in page
    client.post(url("agreements", later.pk), {"text": "We luisteren.\nTelefoons uit.", "version": "1"})
    agreements.refresh_from_db()
    assert agreements.version == 2
    assert agreements.changed_by == personas["trainer"]
    page = client.get(url("agreements", later.pk)).content.decode()
    assert "trainer" in page  # last changed by


def test_a_second_editor_does_not_overwrite_silently(client, personas, programme, session):
    Agreements.objects.create(trajectory=programme["trajectory"], text="Versie een.", version=2)
    client.force_login(personas["facilitator"])
    response = client.post(url("agreements", session.pk), {"text": "Mijn versie.", "version": "1"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Mijn versie." in html  # what was typed is kept
    assert "Versie een." in html  # and the current text is shown
    assert 'name="version" value="2"' in html  # saving again replaces it knowingly
    assert Agreements.objects.get().text == "Versie een."
    again = client.post(url("agreements", session.pk), {"text": "Mijn versie.", "version": "2"})
    assert again.status_code == 302
    assert Agreements.objects.get().text == "Mijn versie."


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_bad_input_gets_a_message_and_keeps_the_text(client, personas, session, text):
    client.force_login(personas["facilitator"])
    response = client.post(url("agreements", session.pk), {"text": text})
    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()
    if text.strip():
        assert text in response.content.decode()
    assert not Agreements.objects.exists()


def test_it_rejects_the_wrong_method(client, personas, session):
    client.force_login(personas["facilitator"])
    assert client.put(url("agreements", session.pk)).status_code == 405


def test_it_hides_other_orgs(client, personas, programme):
    client.force_login(personas["outsider"])
    for session in programme["sessions"]:
        assert client.get(url("agreements", session.pk)).status_code == 404
        assert client.post(url("agreements", session.pk), {"text": "Overgenomen."}).status_code == 404
    assert not Agreements.objects.exists()


def test_a_reader_who_does_not_run_sessions_is_refused(client, personas, session):
    from samensterk.accounts.models import Membership, User

    reader = User.objects.create_user(username="reader", password="x-long-pass")
    Membership.objects.create(user=reader, organisation=personas["orgs"]["women"], role="facilitator")
    client.force_login(reader)
    assert client.post(url("agreements", session.pk), {"text": "Mag niet."}).status_code == 403
    assert not Agreements.objects.exists()
