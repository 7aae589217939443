"""The awareness shift for funders on the dashboard and in the PDF (issue #23): by method, district
and quarter, only where the first and the last meeting each have at least 5 answers."""

import datetime as dt

import pytest
from django.utils import timezone

from samensterk.monitoring.awareness import newcombe
from samensterk.monitoring.models import QuestionnaireAnswer, QuestionnaireResponse, QuestionnaireRound
from samensterk.monitoring.own_statements import own_statements
from tests.monitoring.helpers import login


def test_newcombes_interval_matches_the_published_example():
    # Newcombe (1998), Statistics in Medicine 17:873, table II example (h): 56/70 against 48/80.
    shift = newcombe(48, 80, 56, 70)
    assert shift.value == pytest.approx(0.2)
    assert (round(shift.low, 4), round(shift.high, 4)) == (0.0524, 0.3339)


def _round(session, moment, statements, agreeing: list[bool]):
    round_ = QuestionnaireRound.objects.create(
        session=session, moment=moment, expires_at=timezone.now() + dt.timedelta(hours=1)
    )
    round_.statements.set(statements)
    for agrees in agreeing:
        response = QuestionnaireResponse.objects.create(round=round_)
        QuestionnaireAnswer.objects.bulk_create(
            QuestionnaireAnswer(response=response, statement=st, value=5 if agrees else 2)
            for st in statements
        )
    return round_


@pytest.fixture
def rounds(programme):
    statements = own_statements()[:2]
    sessions = programme["sessions"]
    first = _round(sessions[0], "first", statements, [False] * 5 + [True])  # 1 in 6 agree
    last = _round(sessions[1], "last", statements, [True] * 5 + [False])  # 5 in 6 agree
    return {"first": first, "last": last, "statements": statements}


@pytest.mark.django_db
def test_the_funder_reads_the_shift_in_a_plain_sentence(client, programme, personas, rounds):
    body = login(client, personas["funder"]).get("/en/monitoring/").content.decode()
    assert "Awareness: before and after the series" in body
    # 1/6 -> 5/6: 0.67, "7 in 10 more"; Testmethode works with men only
    assert body.count('class="awareness-shift"') == 2
    assert "After the series, 7 in 10 more men agreed that “It is good for our whole family" in body
    assert "Uncertainty (95%): from +1 to +9 in 10" in body
    assert "Testmethode · Noord · " in body
    assert "paid work”." in body and "paid work.”" not in body  # one full stop, after the quote


@pytest.mark.django_db
def test_a_meeting_with_four_answers_shows_no_shift(client, programme, personas, rounds):
    QuestionnaireResponse.objects.filter(round=rounds["last"]).first().delete()
    QuestionnaireResponse.objects.filter(round=rounds["last"]).first().delete()  # 4 left
    body = login(client, personas["funder"]).get("/en/monitoring/").content.decode()
    assert 'class="awareness-shift"' not in body and 'id="awareness-none"' in body


@pytest.mark.django_db
def test_a_voided_round_and_another_organisations_coordinator_see_no_shift(
    client, programme, personas, rounds
):
    assert (
        'class="awareness-shift"'
        not in login(client, personas["outsider"]).get("/en/monitoring/").content.decode()
    )
    QuestionnaireRound.objects.filter(pk=rounds["last"].pk).update(voided_at=timezone.now())
    assert (
        'class="awareness-shift"'
        not in login(client, personas["funder"]).get("/en/monitoring/").content.decode()
    )


@pytest.mark.django_db
def test_the_shift_is_in_the_funder_pdf_in_dutch(client, programme, personas, rounds, tmp_path):
    from tests.monitoring.test_exports import pdf_text

    text = pdf_text(login(client, personas["funder"]).get("/monitoring/report.pdf").content, tmp_path)
    assert "Na de reeks waren 7 op de 10 meer mannen het eens met" in text
