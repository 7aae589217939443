"""The calculator page takes every component's row from the registry (income/components.py):
a component added to a copy of the registry shows on the page, with its label, its sentence and
its source, with no change to the page's code or templates."""

import numpy as np
import pytest

from samensterk.calculator import results
from samensterk.income import components as registry
from samensterk.income.components import Component, Said
from samensterk.income.simulate import simulate

from .helpers import url


@pytest.fixture
def extra_component(monkeypatch):
    bonus = Component(
        "test_bonus",
        "Test bonus",
        +1,
        ("Test law, art. 1", "https://example.org/test-law"),
        says="A test bonus of {amount} a month.",
        facts=lambda f: Said({"amount": f("test_bonus")}),
    )
    copy = registry.REGISTRY[:-2] + (bonus,) + registry.REGISTRY[-2:]
    monkeypatch.setattr(registry, "REGISTRY", copy)
    monkeypatch.setattr(registry, "BY_KEY", {c.key: c for c in copy})

    def simulate_with_bonus(households, hours=range(0, 41)):
        res = simulate(households, hours=hours)
        res.components["test_bonus"] = np.full(res.components["net_household"].shape, 25.0)
        res.components["net_household"] = res.components["net_household"] + 25.0
        return res

    monkeypatch.setattr(results, "simulate", simulate_with_bonus)


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
