"""Issue #20's bar: the three bijstand households of the issue, with the page's default answers at
16 hours, lose at most € 30 a month in no period of the time line and pay nothing back next
spring; the page, the JSON API and the CLI give the same figure for every period (within € 1),
because all three take the periods from income.timeline."""

import json

import pytest
from django.utils import translation

from samensterk.calculator import results
from samensterk.calculator.forms import CalculatorForm
from samensterk.income.cli import main

pytestmark = pytest.mark.django_db

HOURS = 16
HOUSEHOLDS = {
    "couple 3 and 7": {"partner": "bijstand", "children": "3, 7", "rent": "750"},
    "single mother, child of 2": {"partner": "none", "children": "2", "rent": "650"},
    "single mother 27+, child of 10": {"partner": "none", "children": "10", "rent": "800", "her_27": "yes"},
}
PERIODS = {
    "couple 3 and 7": ["first", "after", "later"],
    "single mother, child of 2": ["first", "after", "second_third", "later"],
    "single mother 27+, child of 10": ["first", "after", "second_third", "later"],
}


def page(answers):
    """The page's time line (what live() shows) and the household the form sends the engine."""
    form = CalculatorForm({**answers, "hours": str(HOURS)})
    assert form.is_valid(), form.errors
    household = form.to_household()
    with translation.override("en"):
        calc = results.run(household)
        return results.live(calc, HOURS, 0)["timeline"], calc, household


def api(client, household):
    body = {"household": household, "hours": HOURS}
    response = client.post("/api/calculator/simulate", body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def cli(tmp_path, capsys, household):
    path = tmp_path / "household.json"
    path.write_text(json.dumps(household))
    assert main(["calc", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", list(HOUSEHOLDS))
def test_no_period_costs_more_than_30_euros_and_nothing_is_paid_back(name):
    timeline, calc, household = page(HOUSEHOLDS[name])
    assert household["bijstand"]["loonheffingskorting"] == "gemeente"  # the default: applied once
    assert [p["key"] for p in timeline] == PERIODS[name]
    c = calc.res.components
    for key, row in calc.periods:
        assert c["change_vs_0"][row, HOURS] >= -30, (key, c["change_vs_0"][row, HOURS])
        assert c["assessment"][row, HOURS] > -0.5, (key, "a payback next spring")
    # The first six months gain: she keeps 25% of her earnings.
    assert timeline[0]["change_value"] > 100


@pytest.mark.parametrize("name", list(HOUSEHOLDS))
def test_the_page_the_api_and_the_cli_give_the_same_periods(name, client, tmp_path, capsys):
    timeline, _, household = page(HOUSEHOLDS[name])
    from_api, from_cli = api(client, household), cli(tmp_path, capsys, household)
    assert [p["key"] for p in from_api["timeline"]] == [p["key"] for p in timeline]
    assert [p["key"] for p in from_cli["timeline"]] == [p["key"] for p in timeline]
    for shown, a, c in zip(timeline, from_api["timeline"], from_cli["timeline"], strict=True):
        assert abs(a["change_vs_0"][HOURS] - shown["change_value"]) <= 1
        assert abs(a["net_household"][HOURS] - shown["net_value"]) <= 1
        assert abs(c["change_vs_0"][HOURS] - shown["change_value"]) <= 1
        assert abs(c["net_household"][HOURS] - shown["net_value"]) <= 1
    # The API's own figures are those of the first period, as the page's.
    assert from_api["period"] == "first"
    assert from_api["components"]["net_household"][HOURS] == pytest.approx(timeline[0]["net_value"], abs=0.01)


def test_the_api_never_gives_the_25_percent_for_a_whole_year(client):
    """Before issue #20 the API applied the disregard to twelve months (+€ 61.51 for the couple
    where the page said +€ 86): now its 'first' period is months 1-6 of a real year."""
    _, calc, household = page(HOUSEHOLDS["couple 3 and 7"])
    data = api(client, household)
    first = calc.res.households[dict(calc.periods)["first"]]
    assert first.bijstand_months == 6 and not first.bijstand_rest_vrijlating
    assert [p["months_from"] for p in data["timeline"]] == [1, 7, 13]
    later = api(client, household) | {}
    assert later["timeline"][-1]["months_to"] is None


def test_the_api_can_ask_for_a_period(client):
    _, _, household = page(HOUSEHOLDS["single mother, child of 2"])
    body = {"household": household, "hours": HOURS, "period": "second_third"}
    data = client.post("/api/calculator/simulate", body, content_type="application/json").json()
    second = next(p for p in data["timeline"] if p["key"] == "second_third")
    assert data["period"] == "second_third"
    assert data["components"]["net_household"][HOURS] == pytest.approx(second["net_household"][HOURS])
    bad = client.post(
        "/api/calculator/simulate", {**body, "period": "forever"}, content_type="application/json"
    )
    assert bad.status_code == 422


def test_korting_applied_twice_shows_the_payback(client):
    """'Both, by mistake': the assessment takes the double korting back next spring."""
    _, _, household = page({**HOUSEHOLDS["couple 3 and 7"], "loonheffingskorting": "both"})
    assert household["bijstand"]["loonheffingskorting"] == "both"
    data = api(client, household)
    assert data["components"]["assessment"][HOURS] < -100


def test_both_by_mistake_shows_the_payback_and_what_to_do_in_dutch_and_arabic(client):
    data = {**HOUSEHOLDS["couple 3 and 7"], "hours": "16", "loonheffingskorting": "both"}
    nl = client.post("/calculator/", data).content.decode()
    assert "De korting mag maar door één betaler worden toegepast" in nl
    assert "Volgend voorjaar betaalt u met de jaarlijkse belastingaanslag ongeveer" in nl  # the payback
    assert 'id="korting-twice-note"' in nl and "volgend voorjaar betaalt u" in nl
    ar = client.post("/ar/calculator/", data).content.decode()
    assert "لا يجوز تطبيق هذا الخصم إلا من جهة دفع واحدة" in ar


def test_the_default_explains_who_applies_the_korting_and_the_disregard_in_dutch(client):
    nl = client.post("/calculator/", {**HOUSEHOLDS["couple 3 and 7"], "hours": "16"}).content.decode()
    assert "De gemeente past haar loonheffingskorting toe op de bijstand" in nl
    assert "loonheffing in zonder loonheffingskorting (de gemeente past die toe op de bijstand)" in nl
    assert "de vrijlating van 25% in haar eerste zes maanden werk" in nl
    assert "haar heffingskortingen worden afgebouwd" not in nl
    assert 'id="korting-twice-note"' not in nl
    assert "neemt haar extra verdiensten terug, behalve het deel dat zij mag houden" in nl


def test_where_the_gemeente_pays_the_childcare_own_share_no_period_costs_her_money(client, tmp_path, capsys):
    """The answer "the gemeente pays the part the toeslag leaves" (its own policy, never assumed):
    the single mother with a child of 2 then loses nothing in any period while she still gets
    bijstand, and the page, the API and the CLI agree on it."""
    answers = {**HOUSEHOLDS["single mother, child of 2"], "childcare_own_share": "yes"}
    timeline, calc, household = page(answers)
    assert household["bijstand"]["childcare_own_share"] is True
    c = calc.res.components
    for key, row in calc.periods:
        paid = c["gemeente_childcare"][row, HOURS]
        assert paid == pytest.approx(c["childcare_cost"][row, HOURS] - c["kinderopvangtoeslag"][row, HOURS])
        assert paid > 10 and c["bijstand"][row, HOURS] > 0  # she still gets bijstand at 16 hours
        assert c["change_vs_0"][row, HOURS] >= -1, key
    # At 40 hours the bijstand has stopped, and with it the gemeente's part.
    assert c["bijstand"][0, 40] == 0 and c["gemeente_childcare"][0, 40] == 0
    from_api, from_cli = api(client, household), cli(tmp_path, capsys, household)
    for shown, a, cl in zip(timeline, from_api["timeline"], from_cli["timeline"], strict=True):
        assert abs(a["change_vs_0"][HOURS] - shown["change_value"]) <= 1
        assert abs(cl["change_vs_0"][HOURS] - shown["change_value"]) <= 1
    # The year adds up its months, the gemeente's part included.
    # The first year is months 1-6 ("first") and 7-12 ("after").
    first, after = dict(calc.periods)["first"], dict(calc.periods)["after"]
    net = c["net_household"]
    assert c["net_household_year"][first, HOURS] == pytest.approx(
        6 * net[first, HOURS] + 6 * net[after, HOURS], abs=1
    )


def test_a_later_period_sees_the_children_older_and_their_childcare_with_them(client, tmp_path, capsys):
    """After three years the child of 2 is 5: at school, in after-school care at its own price and
    hours, not in day care (which the toeslag does not pay for a school child). Her own share of
    it is what the period after the disregards costs her; page, API and CLI say the ages."""
    timeline, calc, household = page(HOUSEHOLDS["single mother, child of 2"])
    periods = {p.key: p for p in calc.period_list}
    assert [periods[k].household.children for k in PERIODS["single mother, child of 2"]] == [
        (2,),
        (2,),
        (3,),
        (5,),
    ]
    later = periods["later"].household.childcare
    assert [(c.type, c.hours_month) for c in later] == [("bso", None)]
    assert periods["second_third"].household.childcare[0].type == "dagopvang"
    c, row = calc.res.components, dict(calc.periods)["later"]
    own_share = c["childcare_cost"][row, HOURS] - c["kinderopvangtoeslag"][row, HOURS]
    assert 5 < own_share < 20 and c["change_vs_0"][row, HOURS] == pytest.approx(-own_share, abs=0.01)
    from_api, from_cli = api(client, household), cli(tmp_path, capsys, household)
    assert [p["children"] for p in from_api["timeline"]] == [[2], [2], [3], [5]]
    assert [p["children"] for p in from_cli["timeline"]] == [[2], [2], [3], [5]]
    assert main(["calc", str(tmp_path / "household.json")]) == 0
    text = capsys.readouterr().out
    assert "(children then: 3)" in text and "(children then: 5)" in text


def test_the_default_does_not_assume_the_gemeente_pays_the_own_share(client):
    _, calc, household = page(HOUSEHOLDS["single mother, child of 2"])
    assert household["bijstand"]["childcare_own_share"] is False
    assert not calc.res.components["gemeente_childcare"].any()


def test_the_page_says_how_old_the_children_are_in_a_later_period_in_dutch_and_arabic(client):
    data = {**HOUSEHOLDS["single mother, child of 2"], "hours": "16"}
    nl = client.post("/calculator/", data).content.decode()
    assert "bijstand. Het kind is dan 5.)" in nl and "Het kind is dan 3." in nl
    assert "van de dagopvang naar de buitenschoolse opvang" in nl
    ar = client.post("/ar/calculator/", data).content.decode()
    assert "عمر الطفل حينها" in ar and "الفترة في سنة لاحقة تحسب الأطفال بأعمارهم" in ar
    # Without a later year there is nothing to say: no time line, no note.
    plain = client.post(
        "/calculator/", {**data, "partner": "works", "partner_amount": "2500"}
    ).content.decode()
    assert 'id="sentence"' in plain and "Het kind is dan" not in plain and "period-ages-note" not in plain
