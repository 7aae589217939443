"""The hours round trip: an htmx POST of the form gives the new sentence and comparison."""

import pytest

from tests.calculator.helpers import url

pytestmark = pytest.mark.django_db
URL = url("calculator:hours")
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_it_gives_the_sentence_for_new_hours(client, form_data):
    form_data["hours"] = "24"
    response = client.post(URL, form_data, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "If she works 24 hours a week" in html
    assert 'id="comparison-table" hx-swap-oob="true"' in html
    assert "<svg" not in html  # the chart is drawn once per submission; the marker moves client-side


def test_zero_hours(client, form_data):
    form_data["hours"] = "0"
    response = client.post(URL, form_data, **HTMX)
    assert "if she does not work" in response.content.decode()


def test_without_htmx_it_returns_the_whole_page(client, form_data):
    response = client.post(URL, form_data)
    assert response.status_code == 200
    assert "<html" in response.content.decode()


def test_it_rejects_the_wrong_method(client):
    assert client.get(URL).status_code == 405


def test_bad_hours_are_a_422_with_the_message(client, form_data):
    form_data["hours"] = "99"
    response = client.post(URL, form_data, **HTMX)
    assert response.status_code == 422
    assert "Hours of paid work per week: " in response.content.decode()


def test_it_writes_nothing(client, form_data, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.post(URL, form_data, **HTMX).status_code == 200
