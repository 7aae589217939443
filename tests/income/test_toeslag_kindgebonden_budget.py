"""Kindgebonden budget against the Dienst Toeslagen 2026 leaflet and the rule text (both years)."""

import numpy as np
import pytest

from samensterk.income import parameters_loader
from samensterk.income.formulas import awir
from samensterk.income.formulas.kindgebonden_budget import (
    drempelinkomen,
    kindgebonden_budget,
    kindgebonden_budget_onafgerond,
)

P2025 = parameters_loader.load(2025)
P2026 = parameters_loader.load(2026)
NAN = np.nan


def kgb(p, income, partner, ages):
    return float(kindgebonden_budget(p, toetsingsinkomen=income, heeft_partner=partner, kind_leeftijd=ages))


def test_it_reproduces_the_2026_leaflet_example():
    # Dienst Toeslagen, "Berekening kindgebonden budget 2026": partners, children 4 and 8,
    # joint income €45,000 -> €4,714.72 per year, €392 per month.
    raw = kindgebonden_budget_onafgerond(
        P2026, toetsingsinkomen=45_000, heeft_partner=True, kind_leeftijd=[4, 8]
    )
    assert raw == pytest.approx(4714.72, abs=0.005)
    annual = kgb(P2026, 45_000, True, [4, 8])
    assert annual == 4715
    assert awir.maandbedrag(annual) == 392


def test_the_leaflet_example_does_not_tell_the_two_rounding_orders_apart():
    # The leaflet prints the year before Awir art. 14 lid 4 (€4,714.72) and the month (€392).
    # The law's order (whole euros first, then a twelfth rounded down) and the leaflet's apparent
    # one (a twelfth of the cents, rounded down) both give €392 here; see parameters/README.md.
    raw = float(
        kindgebonden_budget_onafgerond(
            P2026, toetsingsinkomen=45_000, heeft_partner=True, kind_leeftijd=[4, 8]
        )
    )
    assert awir.maandbedrag(round(raw, 2)) == awir.maandbedrag(kgb(P2026, 45_000, True, [4, 8])) == 392


def test_the_rounding_order_follows_the_awir_where_the_two_orders_differ():
    """Awir art. 14 lid 4 rounds the tegemoetkoming (the year) to whole euros, lid 5 tests the
    €24 on that amount, and art. 22 lid 1 pays it in 12 termijnen: the month is a twelfth of the
    rounded year, rounded down. Where the year before rounding is just under a multiple of 12
    (€4,715.60 -> €4,716 = 12 x €393) the order matters: €393, where a twelfth of the cents
    would give €392. No published example covers such an income (the check is open)."""
    income = 39_141 + (5_160 - 4_715.60) / P2026.kindgebonden_budget.afbouwpercentage
    raw = float(
        kindgebonden_budget_onafgerond(
            P2026, toetsingsinkomen=income, heeft_partner=True, kind_leeftijd=[4, 8]
        )
    )
    assert raw == pytest.approx(4715.60, abs=0.001)
    annual = kgb(P2026, income, True, [4, 8])
    assert annual == 4716
    assert awir.maandbedrag(annual) == 393
    assert awir.maandbedrag(round(raw, 2)) == 392  # the other order, for the record


@pytest.mark.parametrize(
    ("raw", "annual"), [(23.49, 0), (23.5, 24), (24.49, 24), (4715.5, 4716), (4715.49, 4715)]
)
def test_the_year_is_rounded_half_up_before_the_24_euro_test(raw, annual):
    # Awir art. 14 lid 4 ("rekenkundig afgerond op hele euro's") and lid 5 (nothing under €24).
    assert float(awir.jaarbedrag(raw, p=P2026)) == annual


@pytest.mark.parametrize(
    ("partner", "ages", "maximum"),
    [
        # Dienst Toeslagen, "Berekening kindgebonden budget 2026", table of maxima per year.
        (True, [5], 2580),
        (True, [5, 7], 5160),
        (False, [5], 5996),
        (False, [5, 7], 8576),
        (True, [5, 7, 9], 5160 + 2580),  # "each child from the third +€2,580"
        (False, [1, 2, 3, 4], 8576 + 2 * 2580),
    ],
)
def test_the_2026_maxima_match_the_leaflet(partner, ages, maximum):
    threshold = float(drempelinkomen(P2026, heeft_partner=partner))
    assert kgb(P2026, 0, partner, ages) == maximum
    assert kgb(P2026, threshold, partner, ages) == maximum  # at the threshold: still the maximum


def test_the_2026_thresholds_match_the_leaflet():
    # Leaflet: "grensinkomen zonder toeslagpartner: 29.736", "met toeslagpartner: 39.141".
    assert drempelinkomen(P2026, heeft_partner=False) == 29_736
    assert drempelinkomen(P2026, heeft_partner=True) == 39_141
    # 2025: 28,406 + €9,139.00 (Wkgb art. 2 lid 8 as consolidated on 1-1-2025) = 37,545.
    assert drempelinkomen(P2025, heeft_partner=True) == 37_545


@pytest.mark.parametrize("p", [P2025, P2026], ids=["2025", "2026"])
@pytest.mark.parametrize("partner", [False, True])
def test_one_euro_above_the_threshold_costs_the_afbouwpercentage(p, partner):
    threshold = float(drempelinkomen(p, heeft_partner=partner))
    at = kindgebonden_budget_onafgerond(
        p, toetsingsinkomen=threshold, heeft_partner=partner, kind_leeftijd=[3]
    )
    above = kindgebonden_budget_onafgerond(
        p, toetsingsinkomen=threshold + 1, heeft_partner=partner, kind_leeftijd=[3]
    )
    assert at - above == pytest.approx(p.kindgebonden_budget.afbouwpercentage)


def test_2025_amounts_from_the_law_text():
    # Wkgb art. 2 as consolidated on 1-1-2025: €2,511 per child, €703 (12-15), €936 (16-17),
    # alleenstaande-ouderkop €3,389.
    assert kgb(P2025, 0, True, [3]) == 2511
    assert kgb(P2025, 0, True, [13]) == 2511 + 703
    assert kgb(P2025, 0, True, [16]) == 2511 + 936
    assert kgb(P2025, 0, False, [3]) == 2511 + 3389


@pytest.mark.parametrize(("age", "supplement"), [(11, 0), (12, 724), (15, 724), (16, 964), (17, 964)])
def test_the_age_supplements_2026(age, supplement):
    assert kgb(P2026, 0, True, [age]) == 2580 + supplement


def test_no_children_no_budget():
    assert kgb(P2026, 0, False, [NAN, NAN]) == 0
    assert kgb(P2026, 0, False, [18]) == 0  # 18: no kinderbijslag, so no budget
    assert kgb(P2026, 0, False, []) == 0


def test_the_reduction_applies_to_the_alleenstaande_ouderkop_too():
    # Wkgb art. 2 lid 7: for a parent without partner the sum of lid 2, 4, 5 and 6 is reduced.
    p = P2026.kindgebonden_budget
    income = 60_000
    expected = 2580 + 3416 - p.afbouwpercentage * (income - 29_736)
    assert kindgebonden_budget_onafgerond(
        P2026, toetsingsinkomen=income, heeft_partner=False, kind_leeftijd=[4]
    ) == pytest.approx(expected)


def test_three_children_with_supplements_phase_out_to_zero():
    ages = [4, 13, 16]
    maximum = 3 * 2580 + 724 + 964
    threshold = 39_141
    zero_at = threshold + maximum / P2026.kindgebonden_budget.afbouwpercentage
    assert kgb(P2026, 0, True, ages) == maximum
    assert kgb(P2026, zero_at + 1, True, ages) == 0
    assert kgb(P2026, zero_at - 1000, True, ages) > 24


def test_it_broadcasts_households_hours_and_children():
    ages = np.array([[[4, 8, NAN]], [[NAN, NAN, NAN]], [[1, 13, 17]]])  # (3, 1, 3)
    partner = np.array([[True], [False], [False]])
    income = np.array([[30_000.0], [10_000.0], [20_000.0]]) + np.arange(0, 40_000, 10_000)[None, :]
    out = kindgebonden_budget(P2026, toetsingsinkomen=income, heeft_partner=partner, kind_leeftijd=ages)
    assert out.shape == (3, 4)
    for i in range(3):
        for j in range(4):
            assert out[i, j] == kgb(P2026, income[i, j], partner[i, 0], ages[i, 0])
