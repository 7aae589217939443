"""Projector mode: the sentence, the chart and the hours control, large."""

import pytest

from samensterk.calculator.examples import EXAMPLES
from tests.calculator.helpers import url

pytestmark = pytest.mark.django_db


def test_projector_for_an_example(client):
    response = client.get(url("calculator:example_projector", EXAMPLES[1].slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="projector"' in html
    assert 'class="sentence"' in html and "<svg" in html and 'type="range"' in html
    assert "Five questions" not in html and "Your answers" not in html


def test_projector_for_the_posted_household_keeps_it_in_hidden_fields(client, form_data):
    response = client.post(url("calculator:projector"), form_data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="partner_amount" value="2600"' in html
    assert 'name="view" value="projector"' in html


def test_projector_rejects_get(client):
    assert client.get(url("calculator:projector")).status_code == 405


def test_projector_bad_input_is_422_with_values(client, form_data):
    form_data["rent"] = "abc"
    response = client.post(url("calculator:projector"), form_data)
    assert response.status_code == 422
    assert 'value="abc"' in response.content.decode()


def test_projector_shows_every_period_of_the_bijstand_time_line_with_equal_weight(client):
    """Issue #20: the first six months' gain was the big sentence and the later loss small type.
    Now the sentence of one period is hidden in projector mode (CSS: .sentence.in-period) and each
    period is an item of the same list, its change in the same type, on the chart a labelled curve."""
    html = client.get(url("calculator:example_projector", "bijstand-couple")).content.decode()
    assert 'class="sentence in-period"' in html
    items = html.split('<ol class="timeline-list">')[1].split("</ol>")[0]
    assert items.count("<li") == 3
    for label in ("The first six months", "After six months", "From the second year"):
        assert label in items
        assert label in html.split("<svg", 1)[1].split("</svg>")[0]  # a labelled curve each
    assert html.count('stroke-dasharray="6 3"') >= 1 and html.count('stroke-dasharray="2 3"') >= 1
