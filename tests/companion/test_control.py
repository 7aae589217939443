"""GET /companion/sessions/<pk>/ and .../projector/: the facilitator's tablet and the group's screen."""

import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType

from samensterk.companion.models import Agreements
from samensterk.toolkit.models import Question, Statement, Translation, WorkForm

from .helpers import url

pytestmark = pytest.mark.django_db

VIEWS = ["control", "projector"]


@pytest.fixture
def session(programme):
    return programme["sessions"][1]


@pytest.fixture
def deck(programme, empty_toolkit):
    """Two statements of the trajectory's method (one translated into Arabic) and the house questions."""
    method = programme["method"]
    first = Statement.objects.create(slug="t1", text="Een man hoort het geld te verdienen.", order=1)
    second = Statement.objects.create(slug="t2", text="Zorgen is ook werk.", order=2)
    Statement.objects.create(slug="t3", text="Niet van deze methode.", order=3)
    for row in (first, second):
        row.methods.add(method)
    Translation.objects.create(
        content_type=ContentType.objects.get_for_model(Statement),
        object_id=first.pk,
        language="ar",
        fields={"text": "الرجل يجب أن يكسب المال"},
        reviewed=True,
    )
    house = WorkForm.objects.create(slug="huis-van-vroeger-huis-van-nu", name="Huis van vroeger, Huis van nu")
    Question.objects.create(workform=house, slug="q1", text="Waar stond je wieg?", order=1)
    Question.objects.create(workform=house, slug="q2", text="Hoe werd er omgegaan met geld?", order=2)
    return first, second


def _config(response) -> dict:
    match = re.search(
        r'<script id="companion-config" type="application/json">(.*?)</script>', response.content.decode()
    )
    return json.loads(match.group(1))


@pytest.mark.parametrize("view", VIEWS)
def test_it_shows_the_sessions_deck_with_arabic_beside_dutch(client, personas, session, deck, view):
    client.force_login(personas["facilitator"])
    response = client.get(url(view, session.pk))
    assert response.status_code == 200
    html = response.content.decode()
    # the trajectory works in nl and ar: Arabic (right to left) beside Dutch
    assert 'lang="ar" dir="rtl">الرجل يجب أن يكسب المال' in html
    assert 'lang="nl" dir="ltr">Een man hoort het geld te verdienen.' in html
    assert "Zorgen is ook werk." in html
    assert "Niet van deze methode." not in html
    assert 'data-card="t1"' in html and 'data-card="t2"' in html
    assert "Waar stond je wieg?" in html and "Hoe werd er omgegaan met geld?" in html
    # no inline script: the only script elements in the content are JSON data (not executable):
    # the config and the pages to keep offline
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [
        '<script id="companion-config" type="application/json">',
        '<script id="offline-urls" type="application/json">',
    ]
    assert "style=" not in html


def config_urls(html: str) -> list[str]:
    return json.loads(re.search(r'<script id="offline-urls"[^>]*>(.*?)</script>', html).group(1))


def test_the_control_config_tells_the_script_where_to_send_and_what_to_cache(client, personas, session, deck):
    client.force_login(personas["facilitator"])
    response = client.get(url("control", session.pk))
    config = _config(response)
    assert config["session"] == session.pk
    assert config["user"] == personas["facilitator"].pk  # the per-user key prefix on this device
    assert config["totalsUrl"] == url("totals", session.pk)
    assert config["canSend"] is True
    # the site's one service worker keeps both views and the session's report (core/offline.py)
    html = response.content.decode()
    assert config_urls(html) == [
        url("control", session.pk),
        url("projector", session.pk),
        f"/programme/sessions/{session.pk}/report/",
    ]
    assert response["X-Offline-Page"] == "1"
    assert 'data-service-worker="/sw.js"' in html
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_agreements_of_the_trajectory_open_every_later_meeting(client, personas, programme, session):
    Agreements.objects.create(
        trajectory=programme["trajectory"],
        text="We laten elkaar uitpraten.\n- Wat hier gezegd wordt, blijft hier.",
        changed_by=personas["facilitator"],
    )
    client.force_login(personas["facilitator"])
    for later in programme["sessions"][1:]:
        for view in VIEWS:
            html = client.get(url(view, later.pk)).content.decode()
            assert '<ol class="agreements-list" dir="auto"><li>We laten elkaar uitpraten.</li>' in html
            assert "<li>Wat hier gezegd wordt, blijft hier.</li>" in html


def test_without_agreements_it_asks_to_write_them(client, personas, session):
    client.force_login(personas["facilitator"])
    html = client.get(url("control", session.pk)).content.decode()
    assert "No agreements yet" in html or "Nog geen afspraken" in html
    assert f'href="{url("agreements", session.pk)}"' in html


def test_arabic_pages_use_the_arabic_prefix_and_the_one_worker(client, personas, session, deck):
    client.force_login(personas["facilitator"])
    response = client.get(url("control", session.pk, lang="ar"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert config_urls(html)[0] == f"/ar/companion/sessions/{session.pk}/"
    # one worker for every language, at the root
    assert 'data-service-worker="/sw.js"' in html


@pytest.mark.parametrize("view", VIEWS)
def test_it_rejects_the_wrong_method(client, personas, session, view):
    client.force_login(personas["facilitator"])
    assert client.post(url(view, session.pk)).status_code == 405


@pytest.mark.parametrize("view", VIEWS)
def test_it_hides_other_orgs(client, personas, programme, view):
    client.force_login(personas["outsider"])
    for session in programme["sessions"]:
        assert client.get(url(view, session.pk)).status_code == 404
    client.force_login(personas["facilitator"])
    assert client.get(url(view, programme["other_session"].pk)).status_code == 404


@pytest.mark.parametrize("view", VIEWS)
def test_a_reader_who_does_not_run_sessions_is_refused(client, personas, session, view):
    from samensterk.accounts.models import Membership

    reader = personas["facilitator"].__class__.objects.create_user(username="reader", password="x-long-pass")
    Membership.objects.create(user=reader, organisation=personas["orgs"]["women"], role="facilitator")
    client.force_login(reader)
    assert client.get(url(view, session.pk)).status_code == 403


def test_a_manager_may_open_it_but_does_not_send_totals(client, personas, session):
    client.force_login(personas["trainer"])
    response = client.get(url("control", session.pk))
    assert response.status_code == 200
    assert _config(response)["canSend"] is False


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_is_sent_to_login(client, session, view):
    response = client.get(url(view, session.pk))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_meeting_plan_chooses_the_cards(client, personas, programme, session, deck):
    from samensterk.toolkit.models import MeetingPlan

    plan = MeetingPlan.objects.create(session=session, method=programme["method"], meeting_number=2)
    plan.statements.add(deck[1])
    plan.questions.add(Question.objects.get(slug="q2"))
    client.force_login(personas["facilitator"])
    html = client.get(url("control", session.pk)).content.decode()
    assert 'data-card="t2"' in html and 'data-card="t1"' not in html
    assert "Hoe werd er omgegaan met geld?" in html and "Waar stond je wieg?" not in html


def test_the_page_costs_the_same_queries_for_five_or_fifty_cards(client, personas, programme, session):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(personas["facilitator"])

    def queries(count: int) -> int:
        Statement.objects.filter(slug__startswith="n").delete()
        for i in range(count):
            Statement.objects.create(slug=f"n{i}", text=f"Stelling {i}", order=i).methods.add(
                programme["method"]
            )
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("control", session.pk)).status_code == 200
        return len(ctx.captured_queries)

    assert queries(5) == queries(50)


@pytest.mark.parametrize(
    "session_language,languages,expected",
    [("nl", ["nl", "ar"], "ar"), ("tr", ["nl", "ar"], "tr"), ("nl", ["nl"], "nl"), ("nl", [], "nl")],
)
def test_the_participants_language_is_the_sessions_else_the_trajectorys(
    programme, session, session_language, languages, expected
):
    from samensterk.companion.selectors import participants_language

    session.language = session_language
    session.trajectory.languages = languages
    assert participants_language(session) == expected


def test_the_group_never_sees_the_draft_badge_and_an_empty_deck_offers_preparation(
    client, personas, programme, session, deck
):
    Translation.objects.filter(object_id=deck[0].pk).update(reviewed=False)
    client.force_login(personas["facilitator"])
    assert "draft translation" in client.get(url("control", session.pk, lang="en")).content.decode()
    assert "draft translation" not in client.get(url("projector", session.pk, lang="en")).content.decode()
    # a method without any statement in the toolkit: the deck says so and links to the preparation
    Statement.objects.all().delete()
    html = client.get(url("control", session.pk, lang="en")).content.decode()
    assert "This method has no statements yet." in html
    after = html.split("This method has no statements yet.")[1]
    assert after.startswith(
        '</p><p><a href="/en/toolkit/methods/test-methode/meetings/">Prepare the meeting</a>'
    )
