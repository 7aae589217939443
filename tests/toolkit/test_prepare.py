"""One way from the home page to a printed plan: the prepare page, its links, My work's links."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from samensterk.toolkit.models import Meeting, Method
from tests.toolkit.helpers import url

pytestmark = pytest.mark.django_db


def test_the_home_card_leads_to_choosing_a_method_and_meeting(client, toolkit_content):
    home = client.get("/").content.decode()
    assert f'<a href="{url("prepare")}">Ik leid morgen een bijeenkomst</a>' in home
    page = client.get(url("prepare")).content.decode()
    for meeting in Meeting.objects.select_related("method"):
        assert url("meeting_plan", meeting.method.slug, meeting.number) in page
    assert "Mijn volgende bijeenkomsten" not in page  # not logged in: no sessions


def test_logged_in_the_next_sessions_come_first_with_their_plan(client, programme, personas, toolkit_content):
    programme["trajectory"].method = Method.objects.get(slug="dialoogsessies-mannen")
    programme["trajectory"].save()
    session = programme["sessions"][2]
    client.force_login(personas["facilitator"])
    target = url("meeting_plan", "dialoogsessies-mannen", 3, query=f"session={session.pk}")
    page = client.get(url("prepare")).content.decode()
    assert page.index(target) < page.index('id="by-method"')
    with override("nl"):
        my_work = client.get(reverse("programme:home")).content.decode()
    assert target in my_work  # "prepare" from My next sessions


def test_method_1_sessions_are_prepared_as_a_living_room_conversation(programme, toolkit_content):
    from samensterk.toolkit.templatetags.toolkit_plan import prepare_url

    programme["trajectory"].method = Method.objects.get(slug="huiskamergesprekken")
    programme["trajectory"].save()
    session = programme["sessions"][2]
    assert prepare_url(session) == url(
        "meeting_plan", "huiskamergesprekken", 3, query=f"session={session.pk}"
    )
    session.kind = "closing"
    assert prepare_url(session).startswith(url("meeting_plan", "huiskamergesprekken", 4))


def test_a_session_without_a_meeting_of_its_number_leads_to_the_meetings(programme, toolkit_content):
    from samensterk.toolkit.templatetags.toolkit_plan import prepare_url

    programme["trajectory"].method = Method.objects.get(slug="workshopreeks-gelijke-kansen")
    session = programme["sessions"][2]
    session.number = 9
    assert prepare_url(session) == url("meetings", "workshopreeks-gelijke-kansen")
