"""My work: next sessions, reports to write, reports to discuss, safety signals."""

import pytest

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
