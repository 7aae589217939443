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
