"""Keeping a plan for a session: facilitators of the session and managers of the trajectory may;
readers are refused; outsiders get 404; every save writes an audit row."""

import pytest

from samensterk.core.models import AuditAction, AuditEvent
from samensterk.toolkit import selectors
from samensterk.toolkit.models import Meeting, MeetingPlan, Method
from tests.toolkit.helpers import url
from tests.toolkit.test_meeting_plan import plan_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def m3_programme(programme, toolkit_content):
    """The programme fixture's trajectory runs method 3 (it was made with a test method)."""
    method = Method.objects.get(slug="dialoogsessies-mannen")
    programme["trajectory"].method = method
    programme["trajectory"].save()
    return {**programme, "m3": method}


def keep(client, session, **extra):
    return client.post(
        url("meeting_plan_keep", "dialoogsessies-mannen", 3),
        plan_data(session=session.pk, statements=["s001", "s008", "s012"], **extra),
    )


def test_the_facilitator_keeps_a_plan_and_the_companion_gets_its_statements(client, m3_programme, personas):
    session = m3_programme["sessions"][2]
    client.force_login(personas["facilitator"])
    response = keep(client, session, group="Noord")
    assert response.status_code == 302
    assert response["Location"].endswith(f"?session={session.pk}")
    plan = MeetingPlan.objects.get(session=session)
    assert (plan.meeting_number, plan.group, len(plan.blocks)) == (3, "Noord", 2)
    assert [s.slug for s in selectors.statements_for_session(session)] == ["s001", "s008", "s012"]
    event = AuditEvent.objects.get(action=AuditAction.MEETING_PLAN_SAVE)
    assert event.actor == personas["facilitator"] and event.detail["statements"] == 3
    # it opens again from the session, as kept
    page = client.get(
        url("meeting_plan", "dialoogsessies-mannen", 3, query=f"session={session.pk}")
    ).content.decode()
    assert 'value="Noord"' in page and 'id="st-s008" checked' in page
    # keeping again replaces the plan
    keep(client, session, group="Noord 2")
    assert MeetingPlan.objects.get(session=session).group == "Noord 2"


def test_the_trainer_may_keep_a_plan(client, m3_programme, personas):
    client.force_login(personas["trainer"])
    assert keep(client, m3_programme["sessions"][1]).status_code == 302


def test_a_reader_who_neither_manages_nor_facilitates_is_refused(client, m3_programme, personas):
    # another facilitator of the men's organisation reads the trajectory, but does not run this session
    from samensterk.accounts.models import Membership, User

    reader = User.objects.create_user(username="reader", password="a-long-test-password")
    Membership.objects.create(
        user=reader, organisation=personas["orgs"]["men"], role=Membership.Role.FACILITATOR
    )
    client.force_login(reader)
    assert keep(client, m3_programme["sessions"][2]).status_code == 403
    assert not MeetingPlan.objects.exists()


def test_an_outsider_and_a_funder_get_404(client, m3_programme, personas):
    for who in ("outsider", "funder"):
        client.force_login(personas[who])
        assert keep(client, m3_programme["sessions"][2]).status_code == 404
        assert (
            client.get(
                url(
                    "meeting_plan",
                    "dialoogsessies-mannen",
                    3,
                    query=f"session={m3_programme['sessions'][2].pk}",
                )
            ).status_code
            == 404
        )
    assert not MeetingPlan.objects.exists()


def test_anonymous_is_sent_to_log_in(client, m3_programme):
    response = keep(client, m3_programme["sessions"][2])
    assert response.status_code == 302 and "login" in response["Location"]
    assert "meetings/3/plan/" in response["Location"]
    assert not MeetingPlan.objects.exists()


def test_a_session_of_another_method_is_refused_with_a_message(client, m3_programme, personas):
    client.force_login(personas["facilitator"])
    response = client.post(
        url("meeting_plan_keep", "huiskamergesprekken", 3), plan_data(session=m3_programme["sessions"][2].pk)
    )
    assert response.status_code == 400
    assert not MeetingPlan.objects.exists()


def test_no_session_chosen_is_400(client, m3_programme, personas):
    client.force_login(personas["facilitator"])
    response = client.post(url("meeting_plan_keep", "dialoogsessies-mannen", 3), plan_data(place="Buurthuis"))
    assert response.status_code == 400 and 'value="Buurthuis"' in response.content.decode()


def test_keep_is_post_only(client, m3_programme, personas):
    client.force_login(personas["facilitator"])
    assert client.get(url("meeting_plan_keep", "dialoogsessies-mannen", 3)).status_code == 405


def test_logged_in_the_builder_offers_the_users_sessions_of_this_method(client, m3_programme, personas):
    client.force_login(personas["facilitator"])
    page = client.get(url("meeting_plan", "dialoogsessies-mannen", 3)).content.decode()
    for session in m3_programme["sessions"]:
        assert f'<option value="{session.pk}"' in page
    assert f'<option value="{m3_programme["other_session"].pk}"' not in page
    assert Meeting.objects.filter(method=m3_programme["m3"]).count() == 6
