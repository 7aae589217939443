"""The calculator page takes every component's row from the registry (income/components.py):
a component added to a copy of the registry shows on the page, with its label, its sentence and
its source, with no change to the page's code or templates."""

import numpy as np
import pytest

from samensterk.calculator import results
from samensterk.income import timeline
from tests.income.extra_component import install

from .helpers import url


@pytest.fixture
def extra_component(monkeypatch):
    """A test bonus of 25 a month, in the registry and the engine the page uses."""
    # The page simulates through income.timeline (the bijstand periods) since issue #20.
    install(monkeypatch, lambda hours: np.full(hours.shape, 25.0), engine_users=[results, timeline])


def test_a_new_component_shows_on_the_page(client, form_data, extra_component):
    response = client.post(url("calculator:index"), form_data)
    assert response.status_code == 200
    rows = response.context["result"]["rows"]
    assert [r["component"] for r in rows][-2:] == ["test_bonus", "net_household"]
    page = response.content.decode()
    assert "Test bonus" in page and "A test bonus of € 25 a month." in page.replace("\xa0", " ")
    assert "https://example.org/test-law" in page


def test_without_it_the_page_has_no_such_row(client, form_data):
    response = client.post(url("calculator:index"), form_data)
    assert "test_bonus" not in [r["component"] for r in response.context["result"]["rows"]]
