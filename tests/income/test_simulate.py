"""simulate(): the parts of the curve, derived from the published rules (2025 and 2026)."""

import datetime as dt

import numpy as np
import pytest

from samensterk.income.formulas import huurtoeslag as huurtoeslag_module
from samensterk.income.formulas.loonheffing import nettoloon_maand
from samensterk.income.household import parse_household
from samensterk.income.parameters_loader import MissingParameter, load, value_at
from samensterk.income.simulate import COMPONENTS, simulate

from .conftest import BIJSTAND_COUPLE, COUPLE_TWO_CHILDREN, SINGLE_MOTHER, household, run

CONTRACT = (
    "her_gross her_net partner_gross partner_net loonheffing_her loonheffing_partner algemene_heffingskorting "
    "arbeidskorting iack assessment zorgtoeslag huurtoeslag kindgebonden_budget kinderopvangtoeslag kinderbijslag "
    "bijstand childcare_cost net_household net_household_year change_vs_0 marginal_per_hour financially_independent "
    "economically_independent holiday_allowance_may"
).split()


def test_every_contract_component_is_there_with_shape_n_by_h():
    res = run(COUPLE_TWO_CHILDREN, SINGLE_MOTHER)
    assert res.hours.tolist() == list(range(41))
    for name in CONTRACT:
        assert name in COMPONENTS and res.components[name].shape == (2, 41), name
    assert res.missing == [[], []]


@pytest.mark.parametrize("year", [2025, 2026])
def test_her_gross_wage_is_the_yearly_minimum_wage_times_hours(year):
    res = run(household(COUPLE_TWO_CHILDREN, year=year))
    wml = (
        value_at("wml.minimumuurloon", dt.date(year, 1, 1))
        + value_at("wml.minimumuurloon", dt.date(year, 7, 1))
    ) / 2
    assert res.components["her_gross"][0, 36] == pytest.approx(wml * 36 * 52 / 12, abs=0.005)
    assert res.components["her_gross"][0, 0] == 0 and res.components["her_net"][0, 0] == 0


def test_her_net_wage_is_gross_minus_the_table_loonheffing():
    res = run(household(COUPLE_TWO_CHILDREN, her={"hourly_wage": 20.0}))
    gross = res.components["her_gross"][0]
    assert np.allclose(res.components["her_net"][0], nettoloon_maand(load(2026), gross))
    assert np.allclose(res.components["her_net"][0], gross - res.components["loonheffing_her"][0])


def test_net_household_is_the_sum_of_its_parts_and_the_year_is_twelve_months():
    c = run(COUPLE_TWO_CHILDREN, SINGLE_MOTHER, BIJSTAND_COUPLE).components
    parts = ("her_net", "partner_net", "holiday_allowance_month", "assessment", "zorgtoeslag", "huurtoeslag",
             "kindgebonden_budget", "kinderopvangtoeslag", "kinderbijslag", "bijstand")  # fmt: skip
    assert np.allclose(sum(c[k] for k in parts) - c["childcare_cost"], c["net_household"])
    assert np.allclose(c["net_household_year"], 12 * c["net_household"])
    assert np.allclose(c["change_vs_0"][:, 0], 0)
    assert np.allclose(np.diff(c["net_household"], axis=1), c["marginal_per_hour"][:, 1:])


def test_holiday_allowance_is_eight_percent_paid_in_may():
    res = run(household(COUPLE_TWO_CHILDREN, partner={"situation": "no_income"}, her={"hourly_wage": 15.0}))
    vt_gross = 0.08 * 12 * res.components["her_gross"][0, 20]
    assert 0 < res.components["holiday_allowance_may"][0, 20] <= vt_gross + 0.01
    assert res.components["holiday_allowance_month"][0, 20] == pytest.approx(
        res.components["holiday_allowance_may"][0, 20] / 12
    )


@pytest.mark.parametrize("year", [2025, 2026])
def test_children_0_1_3(year):
    res = run(*(household(SINGLE_MOTHER, year=year, children=kids) for kids in ([], [5], [2, 7, 13])))
    kb = res.components["kinderbijslag"][:, 0]
    assert kb[0] == 0 and 0 < kb[1] < kb[2]
    kgb = res.components["kindgebonden_budget"][:, 0]
    assert kgb[0] == 0 and 0 < kgb[1] < kgb[2]
    assert np.all(res.components["iack"][0] == 0)  # no child, no IACK


def test_single_parent_gets_the_iack_and_the_alleenstaande_ouderkop():
    single = household(SINGLE_MOTHER, bijstand={"claim": False})
    couple = household(single, partner={"situation": "no_income"})
    res = run(single, couple)
    assert res.components["iack"][0, 32] > 0  # a single parent with a child under 12
    assert np.all(res.components["iack"][1] == 0)  # she earns more than her partner (who has nothing)
    assert res.components["kindgebonden_budget"][0, 0] > res.components["kindgebonden_budget"][1, 0]


def test_iack_for_the_lower_earner_only_with_a_child_under_12():
    young = household(COUPLE_TWO_CHILDREN, partner={"situation": "works", "gross_month": 4000})
    old = household(young, children=[12, 15], childcare=[])
    c = run(young, old).components
    assert c["iack"][0, 24] > 0 and np.all(c["iack"][1] == 0)


def test_a_non_working_partner_born_after_1962_gets_no_payout():
    base = household(COUPLE_TWO_CHILDREN, partner={"situation": "no_income"}, childcare=[])
    old = household(base, partner={"situation": "no_income", "born_before_1963": True})
    c = run(base, old).components
    assert np.all(c["assessment"][0] < 1)  # nothing paid out to the young partner
    ahk_month = load(2026).algemene_heffingskorting.maximum / 12
    assert c["assessment"][1, 0] == pytest.approx(0)  # she pays no tax at 0 hours: nothing to pay out from
    assert c["assessment"][1, 40] - c["assessment"][0, 40] == pytest.approx(ahk_month, abs=0.01)


def test_pension_contribution_lowers_tax_and_toetsingsinkomen():
    res = run(household(COUPLE_TWO_CHILDREN, her={"hourly_wage": 25, "pension_percent": 0}),
              household(COUPLE_TWO_CHILDREN, her={"hourly_wage": 25, "pension_percent": 8}))  # fmt: skip
    c = res.components
    assert c["loonheffing_her"][1, 36] < c["loonheffing_her"][0, 36]
    assert c["her_net"][1, 36] < c["her_net"][0, 36]
    assert res.context["toetsingsinkomen"][1, 36] < res.context["toetsingsinkomen"][0, 36]


@pytest.mark.parametrize("net", [1200.0, 2374.25, 3100.0])
def test_partner_net_month_is_inverted_to_a_gross_wage(net):
    res = run(household(COUPLE_TWO_CHILDREN, partner={"situation": "works", "net_month": net}))
    assert res.components["partner_net"][0, 0] == pytest.approx(net, abs=0.005)
    assert res.components["partner_gross"][0, 0] > net


def test_bijstand_tops_up_and_her_earnings_count_against_it():
    res = run(BIJSTAND_COUPLE, household(BIJSTAND_COUPLE, bijstand={"vrijlating": True}))
    c = res.components
    b = c["bijstand"][0]
    # The year's average of the two half-year norms (issue #20), as the minimum wage is averaged.
    assert b[0] == pytest.approx(
        (load(2026).bijstand.norm_gehuwden + load(dt.date(2026, 7, 1)).bijstand.norm_gehuwden) / 2
    )
    assert np.all(np.diff(b) <= 0) and b[40] == 0
    on = np.flatnonzero(b > 0)[-1]  # the last hour still on bijstand
    assert c["change_vs_0"][0, on] < 0.25 * c["her_net"][0, on]  # the poverty trap
    # The disregard helps: more bijstand everywhere, and more net income while the year's tax
    # refund (which the gemeente counts against the bijstand, since issue #20) does not undo it.
    assert np.all(c["bijstand"][1] >= c["bijstand"][0] - 0.01)
    assert np.all(c["net_household"][1, :25] >= c["net_household"][0, :25] - 0.01)
    assert c["net_household"][1, 8] > c["net_household"][0, 8]
    # bijstand counts in the toetsingsinkomen (grossed up), so it is above the net bijstand
    assert res.context["toetsingsinkomen"][0, 0] > 12 * b[0]


def test_a_missing_parameter_flags_the_component_for_the_households_it_applies_to(monkeypatch):
    def unpublished(p, **kwargs):
        raise MissingParameter("huurtoeslag.test_figure", p.instant, "Not published (test).")

    monkeypatch.setattr(huurtoeslag_module, "huurtoeslag", unpublished)
    res = run(COUPLE_TWO_CHILDREN, household(COUPLE_TWO_CHILDREN, housing={"owner": True}))
    assert res.missing[0] == [
        {"component": "huurtoeslag", "parameter": "huurtoeslag.test_figure", "note": "Not published (test)."}
    ]
    assert res.missing[1] == []
    assert np.all(res.components["huurtoeslag"] == 0)
    assert np.all(np.isfinite(res.components["net_household"]))


def test_only_the_households_that_need_an_unpublished_figure_are_flagged():
    # 2025 kinderopvangtoeslag percentages above EUR 50,811 were not found (reference nl-gaps §5.2).
    rich = household(COUPLE_TWO_CHILDREN, year=2025, partner={"situation": "works", "gross_month": 5000})
    modest = household(COUPLE_TWO_CHILDREN, year=2025, partner={"situation": "works", "gross_month": 1000})
    res = run(rich, modest)
    assert [m["component"] for m in res.missing[0]] == ["kinderopvangtoeslag"]
    assert res.missing[1] == [] and res.components["kinderopvangtoeslag"][1, 8] > 0


def test_independence_needs_more_hours_for_financial_than_economic():
    c = run(SINGLE_MOTHER).components
    fin, eco = (
        np.flatnonzero(c["financially_independent"][0]),
        np.flatnonzero(c["economically_independent"][0]),
    )
    assert fin.size and eco.size and eco[0] < fin[0]
    assert not c["economically_independent"][0, 0]


def test_mixed_years_in_one_call_equal_separate_calls():
    a, b = household(SINGLE_MOTHER, year=2025), COUPLE_TWO_CHILDREN
    together = run(a, b)
    for k, data in enumerate((a, b)):
        alone = run(data)
        for name in CONTRACT:
            assert np.array_equal(together.components[name][k], alone.components[name][0]), name


def test_hours_can_be_any_list_within_0_to_80():
    res = simulate([parse_household(SINGLE_MOTHER)], hours=[0, 12, 24, 80])
    assert res.components["net_household"].shape == (1, 4)
    with pytest.raises(ValueError):
        simulate([parse_household(SINGLE_MOTHER)], hours=[0, 81])


def test_the_single_parent_disregard_raises_net_income_while_on_bijstand():
    base = household(SINGLE_MOTHER, children=[4])
    ouder = household(base, bijstand={"vrijlating_alleenstaande_ouder": True})
    c = run(base, ouder).components
    on = np.flatnonzero(c["bijstand"][0] > 0)
    assert on.size > 2
    assert c["net_household"][1, on[1]] > c["net_household"][0, on[1]]
    assert np.all(c["bijstand"][1] >= c["bijstand"][0] - 0.01)
    assert np.all(c["net_household"][1, :17] >= c["net_household"][0, :17] - 0.01)
