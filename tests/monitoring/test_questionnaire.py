"""The awareness questionnaire: opening a round, anonymous answers by phone, paper answers, results."""

import datetime as dt

import pytest
from django.utils import timezone

from samensterk.core.models import AuditAction, AuditEvent
from samensterk.monitoring.awareness import Summary, welch_shift
from samensterk.monitoring.models import QuestionnaireAnswer, QuestionnaireResponse, QuestionnaireRound
from samensterk.toolkit.models import MeetingPlan, Statement
from tests.clock import earlier_today
from tests.monitoring.helpers import login


@pytest.fixture
def statements(programme):
    """Two statements planned for the first two meetings, which are held today (phones answer
    until the end of the meeting's day)."""
    made = []
    for i, text in enumerate(["Zorg voor de kinderen is ook mijn taak.", "Mijn vrouw mag werken."]):
        st = Statement.objects.create(slug=f"test-st-{i}", text=text, order=i)
        st.methods.add(programme["method"])
        made.append(st)
    for n, session in enumerate(programme["sessions"][:2]):
        session.starts_at = earlier_today(60 - n)
        session.save(update_fields=["starts_at"])
        plan = MeetingPlan.objects.create(session=session, method=programme["method"], meeting_number=n + 1)
        plan.statements.add(*made)
    return made


def _open(client, session, moment="first"):
    return client.post(f"/en/monitoring/sessions/{session.pk}/questionnaire/", {"moment": moment})


def _values(round_, values):
    """``values`` for the first statements of the round (the meeting's), 3 for the rest (the app's own)."""
    asked = list(round_.statements.order_by("order", "slug"))
    return list(zip(asked, [*values, *[3] * (len(asked) - len(values))], strict=True))


def _answer(client, round_, values):
    data = {f"s{st.pk}": str(v) for st, v in _values(round_, values)}
    return client.post(f"/en/monitoring/q/{round_.token}/", data)


@pytest.mark.django_db
def test_the_facilitator_opens_a_round_with_the_meetings_statements_and_the_apps_own(
    client, programme, personas, statements
):
    session = programme["sessions"][0]
    response = _open(login(client, personas["facilitator"]), session)
    assert response.status_code == 302
    round_ = QuestionnaireRound.objects.get(session=session)
    asked = list(round_.statements.order_by("order", "slug"))
    assert asked[:2] == statements  # the meeting's first
    own = asked[2:]
    assert [s.slug for s in own] == sorted(s.slug for s in own) or own  # the fixed set after them
    assert len(own) == 6 and all(
        s.slug.startswith("app-bewustzijn-") and s.app_fields == ["text"] for s in own
    )
    assert round_.expires_at > timezone.now()
    page = client.get(f"/en/monitoring/sessions/{session.pk}/questionnaire/").content.decode()
    assert f"/monitoring/q/{round_.token}/" in page and 'class="qr-code"' in page
    assert AuditEvent.objects.filter(action=AuditAction.QUESTIONNAIRE_OPEN).count() == 1


@pytest.mark.django_db
def test_the_last_meeting_asks_the_statements_of_the_first(client, programme, personas, statements):
    login(client, personas["facilitator"])
    _open(client, programme["sessions"][0], "first")
    first = QuestionnaireRound.objects.get(moment="first")
    first.statements.remove(statements[1])
    _open(client, programme["sessions"][1], "last")
    last = QuestionnaireRound.objects.get(moment="last")
    assert set(last.statements.all()) == set(first.statements.all())
    assert statements[1] not in last.statements.all()


@pytest.mark.django_db
def test_it_hides_the_session_from_outsiders_and_the_funder(client, programme, personas, statements):
    session = programme["sessions"][0]
    for who in ["outsider", "funder"]:
        assert _open(login(client, personas[who]), session).status_code == 404, who
    assert not QuestionnaireRound.objects.exists()


@pytest.mark.django_db
def test_a_bad_moment_is_a_400_with_a_message(client, programme, personas, statements):
    response = _open(login(client, personas["facilitator"]), programme["sessions"][0], "middle")
    assert response.status_code == 400
    assert "Choose the first or the last meeting." in response.content.decode()


@pytest.mark.django_db
def test_a_trajectory_whose_method_has_no_statements_still_gets_a_questionnaire(client, programme, personas):
    """Issue #23: it answered 400 "no statements" for dialogue sessions with men; the app's own set
    is asked for every trajectory, in the phone's language."""
    session = programme["sessions"][0]
    session.starts_at = timezone.now()
    session.save(update_fields=["starts_at"])
    response = _open(login(client, personas["facilitator"]), session)
    assert response.status_code == 302
    round_ = QuestionnaireRound.objects.get()
    assert round_.statements.count() == 6
    client.logout()
    arabic = client.get(f"/ar/monitoring/q/{round_.token}/").content.decode()
    assert "من المهم أن يكون للمرأة دخل خاص بها." in arabic
    turkish = client.get(f"/tr/monitoring/q/{round_.token}/").content.decode()
    assert "Bir kadının kendi geliri olması önemlidir." in turkish


@pytest.mark.django_db
def test_a_phone_answers_without_login_and_leaves_no_identity(client, programme, personas, statements):
    _open(login(client, personas["facilitator"]), programme["sessions"][0])
    client.logout()
    round_ = QuestionnaireRound.objects.get()
    assert client.get(f"/en/monitoring/q/{round_.token}/").status_code == 200
    response = _answer(client, round_, [4, 5])
    assert response.status_code == 200 and "Your answers have been received" in response.content.decode()
    response_row = QuestionnaireResponse.objects.get()
    assert {f.name for f in QuestionnaireResponse._meta.concrete_fields} == {
        "id",
        "round",
        "on_paper",
        "received_on",
    }
    assert sorted(QuestionnaireAnswer.objects.values_list("value", flat=True)) == [3] * 6 + [4, 5]
    assert not response_row.on_paper
    # the same phone again: thanked, not counted twice
    assert "already sent" in _answer(client, round_, [1, 1]).content.decode()
    assert QuestionnaireResponse.objects.count() == 1


@pytest.mark.django_db
def test_a_missing_answer_is_a_400_that_keeps_the_others(client, programme, personas, statements):
    _open(login(client, personas["facilitator"]), programme["sessions"][0])
    round_ = QuestionnaireRound.objects.get()
    first = round_.statements.order_by("order").first()
    response = client.post(f"/en/monitoring/q/{round_.token}/", {f"s{first.pk}": "2"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose an answer for every statement." in body
    assert f'value="2" id="s{first.pk}-2" checked' in body
    assert not QuestionnaireResponse.objects.exists()


@pytest.mark.django_db
def test_an_expired_link_is_410_and_an_unknown_one_404(client, programme, personas, statements):
    _open(login(client, personas["facilitator"]), programme["sessions"][0])
    round_ = QuestionnaireRound.objects.get()
    QuestionnaireRound.objects.filter(pk=round_.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert client.get(f"/en/monitoring/q/{round_.token}/").status_code == 410
    assert _answer(client, round_, [3, 3]).status_code == 410
    assert client.get("/en/monitoring/q/not-a-token/").status_code == 404


@pytest.mark.django_db
def test_answers_are_rate_limited(client, programme, personas, statements):
    _open(login(client, personas["facilitator"]), programme["sessions"][0])
    round_ = QuestionnaireRound.objects.get()
    codes = [client.post(f"/en/monitoring/q/{round_.token}/", {}).status_code for _ in range(61)]
    assert codes[0] == 400 and codes[-1] == 429


@pytest.mark.django_db
def test_paper_answers_are_entered_by_the_facilitator_and_audited(client, programme, personas, statements):
    login(client, personas["facilitator"])
    _open(client, programme["sessions"][0])
    round_ = QuestionnaireRound.objects.get()
    data = {f"s{st.pk}": "3" for st in round_.statements.all()}
    response = client.post(f"/en/monitoring/rounds/{round_.pk}/paper/", data)
    assert response.status_code == 302
    assert QuestionnaireResponse.objects.get().on_paper
    assert AuditEvent.objects.filter(action=AuditAction.QUESTIONNAIRE_PAPER).count() == 1
    assert (
        login(client, personas["outsider"])
        .post(f"/en/monitoring/rounds/{round_.pk}/paper/", data)
        .status_code
        == 404
    )


def _fill(round_, values_per_person):
    for values in values_per_person:
        response = QuestionnaireResponse.objects.create(round=round_)
        for st, v in _values(round_, values):
            QuestionnaireAnswer.objects.create(response=response, statement=st, value=v)


@pytest.mark.django_db
def test_results_show_the_shift_only_from_five_answers_at_both_meetings(
    client, programme, personas, statements
):
    login(client, personas["facilitator"])
    _open(client, programme["sessions"][0], "first")
    _open(client, programme["sessions"][1], "last")
    first, last = (
        QuestionnaireRound.objects.get(moment="first"),
        QuestionnaireRound.objects.get(moment="last"),
    )
    _fill(first, [[2, 2], [2, 3], [1, 2], [3, 2], [2, 2]])
    _fill(last, [[4, 4], [4, 3], [5, 4], [4, 4]])
    url = f"/en/monitoring/trajectories/{programme['trajectory'].pk}/awareness/"
    body = client.get(url).content.decode()
    assert "shift-value" not in body and "fewer than 5 answers" in body
    _fill(last, [[3, 4]])
    body = login(client, personas["coordinator"]).get(url).content.decode()
    assert body.count("shift-value") == 2 + 6  # the meeting's two and the app's own six
    assert "+2.0" in body  # statement 1: 2.0 -> 4.0


@pytest.mark.django_db
def test_results_are_hidden_from_outsiders(client, programme, personas):
    url = f"/en/monitoring/trajectories/{programme['trajectory'].pk}/awareness/"
    assert login(client, personas["outsider"]).get(url).status_code == 404
    assert client.post(url).status_code == 405


def test_welch_interval_matches_a_hand_computation():
    # first: mean 2, var 0.5, n 5; last: mean 4, var 0.5, n 5 -> se = sqrt(0.2), df = 8, t = 2.306
    shift = welch_shift(Summary(5, 2.0, 0.5), Summary(5, 4.0, 0.5))
    assert shift.value == pytest.approx(2.0)
    assert shift.low == pytest.approx(2.0 - 2.306 * 0.2**0.5, abs=1e-3)
    assert shift.high == pytest.approx(2.0 + 2.306 * 0.2**0.5, abs=1e-3)
    assert welch_shift(Summary(4, 2.0, 0.5), Summary(5, 4.0, 0.5)) is None


@pytest.mark.django_db
def test_twenty_phones_on_one_wifi_are_accepted_and_sixty_answers_are_not(
    client, programme, personas, statements
):
    """Issue #21: one address (the venue's wifi), a fresh cookie for every answer."""
    from django.test import Client

    _open(login(client, personas["facilitator"]), programme["sessions"][0])
    round_ = QuestionnaireRound.objects.get()
    codes = [_answer(Client(REMOTE_ADDR="192.0.2.7"), round_, [4, 4]).status_code for _ in range(20)]
    assert codes == [200] * 20
    codes += [_answer(Client(REMOTE_ADDR="192.0.2.7"), round_, [4, 4]).status_code for _ in range(40)]
    assert codes.count(200) < 60 and codes[-1] == 429
    assert QuestionnaireResponse.objects.count() == codes.count(200) <= 30
    # A phone on another network is still refused: the round has as many answers as its group can give.
    other = _answer(Client(REMOTE_ADDR="198.51.100.9"), round_, [4, 4])
    assert other.status_code == 429 and "as many answers as the group" in other.content.decode()


@pytest.mark.django_db
def test_the_short_link_expires_after_the_meetings_day(client, programme, personas, statements):
    session = programme["sessions"][0]
    _open(login(client, personas["facilitator"]), session)
    round_ = QuestionnaireRound.objects.get()
    local_start = timezone.localtime(session.starts_at)
    assert timezone.localtime(round_.expires_at).date() == local_start.date() + dt.timedelta(days=1)
    assert timezone.localtime(round_.expires_at).time() == dt.time(0, 0)
    # A meeting of last week: the link is expired from the start; paper answers can still be typed.
    old = programme["sessions"][2]
    old.starts_at = timezone.now() - dt.timedelta(days=7)
    old.save(update_fields=["starts_at"])
    _open(client, old, "last")
    last = QuestionnaireRound.objects.get(moment="last")
    assert client.get(f"/en/monitoring/q/{last.token}/").status_code == 410
    assert (
        "Enter paper answers"
        in client.get(f"/en/monitoring/sessions/{old.pk}/questionnaire/").content.decode()
    )


@pytest.mark.django_db
def test_staff_void_a_flooded_round_audited_and_it_counts_no_more(client, programme, personas, statements):
    login(client, personas["facilitator"])
    _open(client, programme["sessions"][0], "first")
    _open(client, programme["sessions"][1], "last")
    first, last = (
        QuestionnaireRound.objects.get(moment="first"),
        QuestionnaireRound.objects.get(moment="last"),
    )
    _fill(first, [[2, 2]] * 5)
    _fill(last, [[5, 5]] * 5)
    url = f"/en/monitoring/trajectories/{programme['trajectory'].pk}/awareness/"
    void = f"/en/monitoring/rounds/{last.pk}/void/"
    assert client.post(void, {"confirm": "void"}).status_code == 404  # a facilitator may not
    staff = login(client, personas["staff"])
    assert "shift-value" in staff.get(url).content.decode()
    assert staff.post(void, {}).status_code == 400  # not confirmed
    assert staff.post(void, {"confirm": "void"}).status_code == 302
    body = staff.get(url).content.decode()
    assert "shift-value" not in body and "were voided" in body
    event = AuditEvent.objects.get(action=AuditAction.QUESTIONNAIRE_VOID)
    assert event.actor == personas["staff"] and event.detail["responses"] == 5
    client.logout()
    assert client.get(f"/en/monitoring/q/{last.token}/").status_code == 410


def test_a_questionnaire_opens_for_every_demo_trajectory(client, db):
    """Issue #23's done-when: whatever the method, each demo trajectory's facilitator opens a round,
    and it asks at least the app's own six awareness statements."""
    from samensterk.portal.demo import demo_load
    from samensterk.programme.models import Trajectory

    demo_load()
    trajectories = list(Trajectory.objects.filter(is_demo=True).select_related("method"))
    assert len({t.method_id for t in trajectories}) >= 2  # more than one method is covered
    for trajectory in trajectories:
        session = trajectory.sessions.order_by("starts_at").first()
        facilitator = trajectory.facilitators.first()
        client.force_login(facilitator)
        response = client.post(f"/en/monitoring/sessions/{session.pk}/questionnaire/", {"moment": "first"})
        assert response.status_code == 302, (trajectory.name, response.status_code)
        round_ = QuestionnaireRound.objects.get(session=session, moment="first")
        assert round_.statements.filter(slug__startswith="app-bewustzijn-").count() == 6, trajectory.name
