"""Worked examples: fictional households a facilitator opens with one click."""

import pytest

from samensterk.calculator.examples import BY_SLUG, EXAMPLES
from tests.calculator.helpers import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", [e.slug for e in EXAMPLES])
def test_every_example_opens_with_its_result(client, slug):
    response = client.get(url("calculator:example", slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "(fictional)" in html
    assert 'class="sentence' in html  # "sentence in-period" on bijstand


def test_the_examples_are_varied():
    partners = {e.data["partner"] for e in EXAMPLES}
    assert {"bijstand", "works", "none"} <= partners


def test_an_unknown_example_is_404(client):
    assert client.get(url("calculator:example", "nobody")).status_code == 404


def test_it_rejects_the_wrong_method(client):
    assert client.post(url("calculator:example", EXAMPLES[0].slug)).status_code == 405


def test_an_example_can_be_shown_in_another_language_by_post(client):
    html = client.get(url("calculator:example", EXAMPLES[0].slug)).content.decode()
    assert 'formaction="/ar/calculator/#result"' in html
    data = EXAMPLES[0].form_data()
    response = client.post("/ar/calculator/", data)
    assert response.status_code == 200 and 'dir="rtl"' in response.content.decode()


def test_the_chart_marks_where_the_bijstand_takes_back_her_wage(client):
    """Issue #20: in her first six months she keeps 25% of her earnings, so the mark does not say
    the bijstand takes back all she earns; in the period without a disregard it does."""
    html = client.get(url("calculator:example", "bijstand-couple")).content.decode()
    assert "Bijstand takes back her extra earnings, except the part she keeps" in html
    assert "Bijstand takes back what she earns" not in html
    data = {**BY_SLUG["bijstand-couple"].form_data(), "period": "later"}
    later = client.post(url("calculator:index"), data).content.decode()
    assert "Bijstand takes back what she earns" in later
