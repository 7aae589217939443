"""The awareness questionnaire: opening a round, anonymous answers by phone, paper answers, results."""

import datetime as dt

import pytest
from django.utils import timezone

from samensterk.core.models import AuditAction, AuditEvent
from samensterk.monitoring.awareness import Summary, welch_shift
from samensterk.monitoring.models import QuestionnaireAnswer, QuestionnaireResponse, QuestionnaireRound
from samensterk.toolkit.models import Statement
from tests.monitoring.helpers import login


@pytest.fixture
def statements(programme):
    made = []
    for i, text in enumerate(["Zorg voor de kinderen is ook mijn taak.", "Mijn vrouw mag werken."]):
        st = Statement.objects.create(slug=f"test-st-{i}", text=text, order=i)
        st.methods.add(programme["method"])
        made.append(st)
    return made


def _open(client, session, moment="first"):
    return client.post(f"/en/monitoring/sessions/{session.pk}/questionnaire/", {"moment": moment})


def _answer(client, round_, values):
    data = {f"s{st.pk}": str(v) for st, v in zip(round_.statements.order_by("order"), values, strict=True)}
    return client.post(f"/en/monitoring/q/{round_.token}/", data)


@pytest.mark.django_db
def test_the_facilitator_opens_a_round_with_the_methods_statements(client, programme, personas, statements):
    session = programme["sessions"][0]
    response = _open(login(client, personas["facilitator"]), session)
    assert response.status_code == 302
    round_ = QuestionnaireRound.objects.get(session=session)
    assert set(round_.statements.all()) == set(statements)
    assert round_.expires_at > timezone.now()
    page = client.get(f"/en/monitoring/sessions/{session.pk}/questionnaire/").content.decode()
    assert f"/monitoring/q/{round_.token}/" in page and 'class="qr-code"' in page
    assert AuditEvent.objects.filter(action=AuditAction.QUESTIONNAIRE_OPEN).count() == 1


@pytest.mark.django_db
def test_the_last_meeting_asks_the_statements_of_the_first(client, programme, personas, statements):
    login(client, personas["facilitator"])
    _open(client, programme["sessions"][0], "first")
    QuestionnaireRound.objects.get(moment="first").statements.remove(statements[1])
    _open(client, programme["sessions"][1], "last")
    assert list(QuestionnaireRound.objects.get(moment="last").statements.all()) == [statements[0]]


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
def test_a_method_without_statements_says_so(client, programme, personas):
    response = _open(login(client, personas["facilitator"]), programme["sessions"][0])
    assert response.status_code == 400
    assert "no statements" in response.content.decode()


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
    assert sorted(QuestionnaireAnswer.objects.values_list("value", flat=True)) == [4, 5]
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
    data = {f"s{st.pk}": "3" for st in statements}
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
        for st, v in zip(round_.statements.order_by("order"), values, strict=True):
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
    assert body.count("shift-value") == 2
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
