"""Who cares, who earns: two splits of paid work side by side (household net, each one's
financial independence, hours of childcare needed)."""

import pytest
from django.utils import translation

from samensterk.calculator import results
from samensterk.calculator.forms import CalculatorForm

from .helpers import url

pytestmark = pytest.mark.django_db
LOW_WAGE = {"partner": "works", "partner_amount": "2700", "children": "2, 6, 11", "rent": "850",
            "her_wage": "15", "hours": "16"}  # fmt: skip


def arrangements(**answers):
    form = CalculatorForm({**LOW_WAGE, **answers})
    assert form.is_valid(), form.errors
    with translation.override("en"):
        calc = results.run(form.to_household())
        return results.arrangements(calc, form.cleaned_data["partner_hours"], form.share_pairs()), calc


def test_the_default_splits_are_he_40_she_0_against_he_32_she_24():
    (a, b), calc = arrangements()
    assert (a["his"], a["hers"], b["his"], b["hers"]) == (40, 0, 32, 24)
    # He keeps the same hourly wage: at 40 hours his gross is the monthly wage given.
    assert float(calc.c["partner_gross"][0]) == pytest.approx(2700)
    assert a["care_low"] == a["care_high"] == 0 and a["childcare_cost"] == "€\u00a00"
    assert (b["care_low"], b["care_high"]) == (16, 24)
    assert a["his_independent"] and not a["her_independent"]
    assert b["net_value"] > a["net_value"]


def test_she_becomes_independent_when_the_work_is_shared_equally():
    (a, b), _ = arrangements(share_a_his="40", share_a_her="0", share_b_his="36", share_b_her="36")
    assert b["her_independent"] and b["his_independent"]
    assert b["care_low"] == 32


def test_his_hourly_wage_follows_his_hours_now():
    (a, _), _ = arrangements(partner_hours="36", share_a_his="36", share_a_her="0")
    assert a["his_own"] == arrangements(share_a_his="40", share_a_her="0")[0][0]["his_own"]


def test_the_page_shows_the_side_by_side_only_when_he_earns_a_wage(client):
    html = client.post(url("calculator:index"), LOW_WAGE).content.decode()
    assert 'id="sharing"' in html and "He 32 h, she 24 h" in html
    html = client.post(url("calculator:index"), {**LOW_WAGE, "partner": "bijstand"}).content.decode()
    assert 'id="sharing"' not in html


def test_bad_split_hours_are_refused_with_a_message(client):
    response = client.post(url("calculator:index"), {**LOW_WAGE, "share_b_her": "99"})
    assert response.status_code == 422
    assert 'value="99"' in response.content.decode()


def money(text: str) -> float:
    return float(text.replace("€", "").replace("\u00a0", "").replace(",", "").replace("−", "-"))


def test_childcare_is_shown_as_cost_toeslag_and_net_cost():
    (_, b), _ = arrangements()
    cost, toeslag, net = (money(b[k]) for k in ("childcare_cost", "childcare_toeslag", "childcare_net"))
    assert cost > 1000 and toeslag > 1000  # three children in care at 16 of her 24 hours
    assert net == pytest.approx(cost - toeslag, abs=1)  # rounded euros
    assert net < cost / 5  # the toeslag pays most of it: the cost alone overstated sharing's price


def test_no_backwards_range_when_he_works_more_than_a_daytime_week():
    (a, _), _ = arrangements(share_a_his="60", share_a_her="0")
    assert (a["care_low"], a["care_high"]) == (0, 0)
    assert results.care_overlap(60, 0) == (0, 0)
    assert results.care_overlap(50, 10) == (10, 10)  # never more than the fewer of the two
    assert results.care_overlap(32, 24) == (16, 24)


def test_the_page_shows_the_three_childcare_lines_and_no_backwards_range(client):
    html = client.post(url("calculator:index"), {**LOW_WAGE, "share_a_his": "60"}).content.decode()
    sharing = html[html.index('id="sharing"') :]
    assert "He 60 h, she 0 h" in sharing
    assert "Kinderopvangtoeslag" in sharing
    assert "Childcare: what you pay yourself (cost minus toeslag)" in sharing
    assert "20–0" not in sharing
    # The rule in one plain sentence.
    assert "We count childcare only for the hours both parents work at the same time" in sharing


def test_dutch_says_financieel_zelfstandig_throughout(client):
    html = client.post(url("calculator:index", lang="nl"), LOW_WAGE).content.decode()
    assert "financieel zelfstandig" in html
    assert "onafhankelijk" not in html


def test_arabic_side_by_side(client):
    html = client.post(url("calculator:index", lang="ar"), LOW_WAGE).content.decode()
    with translation.override("ar"):
        net_line = translation.gettext("Childcare: what you pay yourself (cost minus toeslag)")
        rule = translation.gettext(
            "We count childcare only for the hours both parents work at the same time when they split "
            "their days as well as they can, and his hourly wage stays the same."
        )
    assert "ما تدفعونه" in net_line  # a string that exists only in Arabic
    assert net_line in html and rule in html
