"""The meetings of a method: the series overview and one meeting, with provenance labels."""

import pytest

from samensterk.toolkit.models import Method
from tests.toolkit.helpers import url

pytestmark = pytest.mark.django_db

M3 = "dialoogsessies-mannen"


def test_every_method_has_its_series_of_meetings(toolkit_content):
    counts = {m.slug: m.meetings.count() for m in Method.objects.all()}
    assert counts == {
        "huiskamergesprekken": 4,  # training x2, a living-room conversation, the closing dialogue
        "workshopreeks-gelijke-kansen": 5,
        "dialoogsessies-mannen": 6,
        "dialoogsessies-mannen-en-vrouwen": 9,  # six dialogue meetings and three on finances
    }
    m4 = Method.objects.get(slug="dialoogsessies-mannen-en-vrouwen")
    assert list(m4.meetings.filter(extra=True).values_list("number", flat=True)) == [7, 8, 9]


def test_a_meeting_says_where_the_toolkit_is_silent(client, toolkit_content):
    page = client.get(url("meeting", M3, 3)).content.decode()
    assert "Bijeenkomst 3 van 6" in page or "Meeting 3 of 6" in page
    assert 'class="silent"' in page
    assert "provenance-toolkit" in page and "provenance-app" in page
    assert "Methodiek 3: Dialoogsessies met mannen" in page  # the section it summarises
    assert url("meeting_plan", M3, 3) in page
    assert url("difficult", M3) in page
    # the suggested programme is a timed table marked as the app's
    assert page.count('<tr><td class="plan-time"') == 6


def test_a_meeting_the_toolkit_describes_shows_its_text_as_a_list(client, toolkit_content):
    page = client.get(url("meeting", "huiskamergesprekken", 4)).content.decode()
    assert 'class="silent"' not in page
    assert "<ul><li>een inleiding door de coördinator" in page  # the three-part agenda is a list


def test_the_series_overview_lists_every_meeting(client, toolkit_content):
    page = client.get(url("meetings", "dialoogsessies-mannen-en-vrouwen")).content.decode()
    for number in range(1, 10):
        assert url("meeting", "dialoogsessies-mannen-en-vrouwen", number) in page
    assert page.count("provenance-app") == 9


def test_unknown_meeting_is_404(client, toolkit_content):
    assert client.get(url("meeting", M3, 7)).status_code == 404
    assert client.get(url("meeting", "nope", 1)).status_code == 404


def test_wrong_method_is_405(client, toolkit_content):
    assert client.post(url("meeting", M3, 3)).status_code == 405
    assert client.post(url("meetings", M3)).status_code == 405


def test_the_whole_series_prints(client, toolkit_content, tmp_path):
    from tests.toolkit.helpers import pdf_text

    page = client.get(url("meetings", M3)).content.decode()
    assert url("meetings_pdf", M3) in page
    response = client.get(url("meetings_pdf", M3))
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content, tmp_path).split())
    for number in range(1, 7):
        assert f"Bijeenkomst {number}" in text or f"Meeting {number}" in text
    assert text.count("Toegevoegd door deze app") == 6 or text.count("Added by this app") == 6
    assert client.post(url("meetings_pdf", M3)).status_code == 405
    assert client.get(url("meetings_pdf", "nope")).status_code == 404


def test_method_2_is_not_said_to_use_statements(client, toolkit_content):
    page = client.get(url("meeting", "workshopreeks-gelijke-kansen", 1, lang="en")).content.decode()
    assert "uses statements in this method" not in page
    page = client.get(url("method", "workshopreeks-gelijke-kansen", lang="en")).content.decode()
    assert "uses statements in this method" not in page
    page = client.get(url("statements", query="method=workshopreeks-gelijke-kansen")).content.decode()
    assert "borrowed-note" not in page
