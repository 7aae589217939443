"""The bijstand answer has a time line: the first six months (25% kept), after that (12.5% for a
single parent with a child under 12), and later; the disregards are the default from 27."""

import pytest
from django.utils import translation

from samensterk.calculator import results
from samensterk.calculator.forms import CalculatorForm

from .helpers import url

pytestmark = pytest.mark.django_db


def live(**answers):
    data = {"children": "2, 5", "rent": "750", "hours": "16", **answers}
    form = CalculatorForm(data)
    assert form.is_valid(), form.errors
    with translation.override("en"):
        calc = results.run(form.to_household(), form.cleaned_data.get("period"))
        return results.live(calc, 16, 0), calc


def test_a_single_mother_sees_four_periods_and_the_first_by_default():
    out, calc = live(partner="none")
    assert [p["key"] for p in out["timeline"]] == ["first", "after", "second_third", "later"]
    assert out["timeline"][0]["shown"]
    assert "first six months" in out["period_sentence"]
    # The main figures are those of the first period: her disregard is on.
    assert calc.res.households[0].bijstand_vrijlating
    nets = [float(calc.res.components["net_household"][row, 16]) for _, row in calc.periods]
    assert nets[0] > nets[1] > nets[3] and nets[2] > nets[3]  # 25% kept, then 12.5%, then nothing
    assert float(calc.res.components["net_household"][0, 16]) == pytest.approx(nets[0])


def test_the_period_can_be_chosen():
    out, calc = live(partner="none", period="later")
    assert not calc.res.households[0].bijstand_vrijlating
    assert not calc.res.households[0].bijstand_vrijlating_alleenstaande_ouder
    assert [p["shown"] for p in out["timeline"]] == [False, False, False, True]


def test_a_couple_has_no_single_parent_disregard():
    out, _ = live(partner="bijstand")
    assert [p["key"] for p in out["timeline"]] == ["first", "after", "later"]
    assert out["timeline"][1]["note"] == "Her earnings count in full against the bijstand."
    assert out["timeline"][2]["label"] == "From the second year"


@pytest.mark.parametrize("partner", ["none", "bijstand"])
def test_the_first_two_periods_are_the_halves_of_one_real_year(partner):
    """Months 1-6 (25%) and 7-12 share the year's toeslagen and assessment, computed on the year's
    real sum of bijstand; the later period is a whole year without disregard."""
    out, calc = live(partner=partner)
    rows = dict(calc.periods)
    c, ctx = calc.res.components, calc.res.context
    first, after, later = rows["first"], rows["after"], rows["later"]
    for key in ("toetsingsinkomen", "bijstand_gross_year"):
        assert ctx[key][first, 16] == ctx[key][after, 16]
        assert ctx[key][first, 16] != ctx[key][later, 16]
    assert c["assessment"][first, 16] == c["assessment"][after, 16]
    year = c["net_household_year"][first, 16]
    assert year == pytest.approx(6 * (c["net_household"][first, 16] + c["net_household"][after, 16]))
    # The main figures are those of months 1-6 of that year.
    assert c["net_household"][0, 16] == c["net_household"][first, 16]
    assert "in this period" in out["sentence"]
    assert "months 7 to 12 of that first year" in out["period_year_note"]


def test_the_page_says_how_the_periods_are_computed(client):
    html = client.post(
        url("calculator:index"), {"partner": "none", "children": "2, 5", "rent": "750"}
    ).content.decode()
    assert "a year as it really runs" in html


@pytest.mark.parametrize(
    "answers", [{"partner": "none", "her_27": "no"}, {"partner": "works", "partner_amount": "2600"}]
)
def test_no_time_line_under_27_or_off_bijstand(answers):
    out, calc = live(**answers)
    assert out["timeline"] == [] and calc.periods == ()
    assert not calc.res.households[0].bijstand_vrijlating


def test_the_page_says_the_municipality_decides(client):
    html = client.post(
        url("calculator:index"), {"partner": "none", "children": "2, 5", "rent": "750"}
    ).content.decode()
    assert "The municipality decides whether these earnings disregards apply" in html
    assert 'class="shown" aria-current="true"' in html


def test_the_hours_view_keeps_the_time_line(client):
    data = {"partner": "none", "children": "2, 5", "rent": "750", "hours": "8"}
    html = client.post(url("calculator:hours"), data, HTTP_HX_REQUEST="true").content.decode()
    assert "With 8 hours of work a week, compared with not working" in html


def test_a_single_mother_also_sees_her_second_and_third_year():
    """The 12.5% disregard runs from month 7 to month 36: months 7-12 share the first year's
    toeslagen and tax with months 1-6; the 2nd and 3rd year have it all year, a period of its own."""
    out, calc = live(partner="none", childcare="no")
    row = dict(calc.periods)["second_third"]
    steady = calc.res.households[row]
    assert steady.bijstand_vrijlating_alleenstaande_ouder and steady.bijstand_months == 12
    second = next(p for p in out["timeline"] if p["key"] == "second_third")
    assert second["change"] == results._signed_money(float(calc.res.components["change_vs_0"][row, 16]))
    couple, calc = live(partner="bijstand")
    assert all(p["key"] != "second_third" for p in couple["timeline"])


def test_later_names_the_right_year_for_a_couple_and_a_single_mother():
    """Without the single parent's 12.5% disregard, nothing is kept from her second year on; with
    it, from the fourth: the sentence names the period the figures describe."""
    couple, _ = live(partner="bijstand", period="later")
    assert "from her second year of work on" in couple["period_sentence"]
    single, _ = live(partner="none", period="later")
    assert "after three years of her work" in single["period_sentence"]


def test_the_chart_and_its_table_show_every_period(client):
    html = client.post(
        url("calculator:index"), {"partner": "none", "children": "2, 5", "rent": "750"}
    ).content.decode()
    svg = html.split('<svg id="chart"', 1)[1].split("</svg>")[0]
    assert "Net household income per month (The first six months)" in svg
    for label in ("After six months", "The second and third year", "After three years"):
        assert label in svg
    table = html.split('<table class="curve-table">', 1)[1].split("</table>")[0]
    assert table.count('<th scope="col" class="num">') == 4
    assert "The second and third year: Net per month" in table


@pytest.mark.parametrize("period", ["first", "after", "later"])
def test_the_year_and_the_month_agree_or_the_page_says_which_months_the_year_adds_up(period):
    out, calc = live(partner="bijstand", period=period)
    c = calc.res.components
    month, year = float(c["net_household"][0, 16]), float(c["net_household_year"][0, 16])
    if period == "later":
        assert year == pytest.approx(12 * month)
        assert out["total_sentence"] == ""
    else:  # her first year: six months of each of the first two periods
        rows = dict(calc.periods)
        six_and_six = 6 * (c["net_household"][rows["first"], 16] + c["net_household"][rows["after"], 16])
        assert year == pytest.approx(six_and_six)
        assert "six months of the first period and six months of the second" in out["total_sentence"]
        assert results.format_money(year) in out["total_sentence"]
