"""My work: next sessions, reports to write, reports to discuss, safety signals."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.clock import earlier_today

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def test_the_facilitator_sees_the_next_session_and_the_report_to_write(client, personas, programme):
    html = as_(client, personas, "facilitator").get(url("home")).content.decode()
    sessions = programme["sessions"]
    # Session 2 was held without a report: one tap to start it.
    assert f'href="{url("report", sessions[1].pk)}"' in html
    # Session 1's report is submitted: nothing left to write for it.
    assert f'href="{url("report", sessions[0].pk)}"' not in html
    assert "Test Noord voorjaar" in html
    # The planned meeting opens in the session companion with one tap.
    assert f'href="/en/companion/sessions/{sessions[2].pk}/"' in html


def test_the_trainer_and_coordinator_see_the_safety_signal(client, personas, programme):
    report_url = url("report", programme["sessions"][0].pk)
    for who in ("trainer", "coordinator"):
        html = as_(client, personas, who).get(url("home")).content.decode()
        assert "signals-heading" in html, who
        assert report_url in html, who


def test_nobody_else_sees_the_safety_signal(client, personas, programme):
    for who in ("facilitator", "staff"):
        html = as_(client, personas, who).get(url("home")).content.decode()
        assert "signals-heading" not in html, who


def test_it_hides_other_orgs(client, personas, programme):
    html = as_(client, personas, "outsider").get(url("home")).content.decode()
    assert "Test Noord voorjaar" not in html
    assert "Test Andere trajectory" in html


def test_a_funder_is_sent_to_the_aggregates(client, personas, programme):
    response = as_(client, personas, "funder").get(url("home"))
    assert response.status_code == 302
    assert response["Location"] == "/en/monitoring/"


def test_anonymous_is_sent_to_login(client, programme):
    response = client.get(url("home"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_it_rejects_post(client, personas, programme):
    assert as_(client, personas, "facilitator").post(url("home")).status_code == 405


@pytest.mark.parametrize(
    ("prefix", "heading", "write"),
    [
        ("", "Mijn werk", "Verslag schrijven"),
        ("/ar", "عملي", "اكتب التقرير"),
        ("/tr", "İşlerim", "Raporu yaz"),
    ],
)
def test_it_speaks_the_facilitators_language(client, personas, programme, prefix, heading, write):
    html = as_(client, personas, "facilitator").get(prefix + "/programme/").content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert write in html


def test_a_long_backlog_shows_the_oldest_ten_and_says_how_many(client, personas, programme):
    """A facilitator with many unwritten reports gets the oldest ten and the total, not a page of all."""
    import datetime as dt

    from django.utils import timezone

    from samensterk.programme.models import Session
    from samensterk.programme.views import HOME_LIST_LENGTH

    trajectory = programme["trajectory"]
    start = timezone.now() - dt.timedelta(days=400)
    backlog = [
        Session.objects.create(
            trajectory=trajectory, number=10 + n, starts_at=start + dt.timedelta(days=n), status="held",
            place=Session.Place.LIVING_ROOM,
        )
        for n in range(HOME_LIST_LENGTH + 5)
    ]  # fmt: skip
    html = as_(client, personas, "facilitator").get(url("home")).content.decode()
    shown = [s for s in backlog if f'href="{url("report", s.pk)}"' in html]
    assert shown == backlog[:HOME_LIST_LENGTH]
    # The 15 of the backlog and session 2 of the fixture: 16 in all.
    assert f"The oldest {HOME_LIST_LENGTH} of {HOME_LIST_LENGTH + 6} are shown" in html


def test_a_session_that_names_its_facilitators_is_theirs_alone(client, personas, programme):
    """A session's own facilitators replace the trajectory's: the trajectory's facilitator does not
    get a report to write for a session that names somebody else, and a facilitator named on one
    session gets it without being on the trajectory."""
    import datetime as dt

    from django.utils import timezone

    from samensterk.accounts.models import Membership, User
    from samensterk.programme.models import Session

    trajectory = programme["trajectory"]
    # A facilitator of the same organisation, not on the trajectory. (Issue #21: a session's
    # facilitators hold the facilitator role in the partnership, so the trainer no longer stands in.)
    stand_in = User.objects.create_user(username="stand-in", password="a-long-test-password")
    Membership.objects.create(user=stand_in, organisation=personas["orgs"]["men"], role="facilitator")
    held = timezone.now() - dt.timedelta(days=3)
    named = Session.objects.create(trajectory=trajectory, number=20, starts_at=held, status="held",
                                   place=Session.Place.LIVING_ROOM)  # fmt: skip
    named.facilitators.add(stand_in)
    # Named together with the trajectory's facilitator: it appears once for each, not twice.
    both = Session.objects.create(trajectory=trajectory, number=21, starts_at=held, status="held",
                                  place=Session.Place.LIVING_ROOM)  # fmt: skip
    both.facilitators.add(stand_in, personas["facilitator"])
    assert not trajectory.facilitators.filter(pk=stand_in.pk).exists()

    own = as_(client, personas, "facilitator").get(url("home")).content.decode()
    assert f'href="{url("report", named.pk)}"' not in own
    assert own.count(f'href="{url("report", both.pk)}"') == 1
    assert f'href="{url("report", programme["sessions"][1].pk)}"' in own  # names nobody: the trajectory's

    client.force_login(stand_in)
    theirs = client.get(url("home")).content.decode()
    assert theirs.count(f'href="{url("report", named.pk)}"') == 1
    assert theirs.count(f'href="{url("report", both.pk)}"') == 1
    assert f'href="{url("report", programme["sessions"][1].pk)}"' not in theirs


def test_a_stale_assignment_lists_nothing_on_my_work(client, personas, programme):
    """Issue #21: named on the team but no longer a member of the partnership's organisations."""
    for who in ("facilitator", "trainer"):
        personas[who].memberships.all().delete()
    personas["facilitator"].memberships.create(organisation=personas["orgs"]["other"], role="facilitator")
    personas["trainer"].memberships.create(organisation=personas["orgs"]["other"], role="trainer")
    for who in ("facilitator", "trainer"):
        client.force_login(personas[who])
        html = client.get("/en/programme/").content.decode()
        assert "Test Noord voorjaar" not in html, who


def test_a_meeting_held_90_minutes_ago_is_listed_once_with_its_report_button(client, personas, programme):

    session = programme["sessions"][2]
    session.starts_at = earlier_today(90)
    session.save(update_fields=["starts_at"])
    client.force_login(personas["facilitator"])
    response = client.get(url("home"))
    html = response.content.decode()
    report = url("report", session.pk)
    with translation.override("en"):
        companion = reverse("companion:control", args=[session.pk])
    assert html.count("</strong>, meeting 3</p>") == 1  # under "Reports to write", not twice
    assert html.count(f'href="{report}"') == 1
    assert html.count(f'href="{companion}"') == 1  # the companion stays at hand tonight
    # My work and the reports to write are kept for offline use
    assert response["X-Offline-Page"] == "1"
    assert f'"{report}"' in html.split('id="offline-urls"')[1]
