"""Childcare follows the answers (no paid care with a partner at home) and her hours."""

import pytest

from samensterk.calculator import forms as calc_forms
from samensterk.calculator import results
from samensterk.calculator.forms import CalculatorForm

from .helpers import url


def household(**answers):
    data = {"children": "2, 5", "rent": "750", "hours": "16", **answers}
    form = CalculatorForm(data)
    assert form.is_valid(), form.errors
    return form.to_household()


@pytest.mark.parametrize("partner", ["bijstand", "no_income"])
def test_no_childcare_charge_by_default_when_the_partner_is_at_home(partner):
    hh = household(partner=partner)
    assert hh["childcare"] == []
    c = results.run(hh).c
    assert float(c["childcare_cost"][16]) == 0


@pytest.mark.parametrize("partner", ["none", "works"])
def test_childcare_by_default_when_nobody_else_is_at_home(partner):
    hh = household(partner=partner, partner_amount="2600")
    assert [c["type"] for c in hh["childcare"]] == ["dagopvang", "bso"]


def test_the_user_can_still_say_yes_and_then_sees_why_there_is_no_toeslag(client):
    data = {"partner": "bijstand", "children": "2, 5", "rent": "750", "hours": "16", "childcare": "yes"}
    html = client.post(url("calculator:index"), data).content.decode()
    assert 'id="no-kot-note"' in html
    assert "answer “No” to the childcare question" in html


def test_care_hours_follow_her_working_hours():
    c = results.run(household(partner="none")).c
    cost8, cost16, cost32 = (float(c["childcare_cost"][h]) for h in (8, 16, 32))
    assert cost8 > 0
    assert cost16 == pytest.approx(2 * cost8, rel=1e-9)
    assert cost32 == pytest.approx(4 * cost8, rel=1e-9)


def test_given_care_hours_stay_fixed():
    c = results.run(household(partner="none", care_hours_0="80", care_hours_1="40")).c
    assert float(c["childcare_cost"][8]) == pytest.approx(float(c["childcare_cost"][32]))


def test_an_unpublished_maximum_price_is_said_to_be_missing_not_invented(monkeypatch):
    monkeypatch.setattr(calc_forms, "max_care_price", lambda year, kind: None)
    form = CalculatorForm({"partner": "none", "children": "2", "rent": "750", "hours": "16"})
    assert not form.is_valid()
    assert "not published for this year" in str(form.errors["care_price_0"])
    # A price typed by the user is used.
    form = CalculatorForm(
        {"partner": "none", "children": "2", "rent": "750", "hours": "16", "care_price_0": "10"}
    )
    assert form.is_valid(), form.errors
