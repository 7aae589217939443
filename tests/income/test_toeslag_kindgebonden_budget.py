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


# Dienst Toeslagen, "Berekening kindgebonden budget 2026" (tg0811z61fd), its worked examples:
# (partner, ages, joint income) -> (year, month). The first is quoted in
# ../shared/reference/public-examples.md; the other two are known second-hand, from a
# transcription of the leaflet's "Rekenvoorbeelden" in the public repository
# oli4vos/projectwebsite (src/lib/financial-constants/allowance-calculation-rules-2026.ts at
# d4a816648c5a, officialTestVectors); the PDF itself could not be read here.
LEAFLET_EXAMPLES = [
    (True, [4, 8], 45_000, 4714.72, 392),
    (True, [13, 16], 45_000, 6402.72, 533),
    (False, [8], 30_000, 5975.94, 497),
]


@pytest.mark.parametrize(("partner", "ages", "income", "year", "month"), LEAFLET_EXAMPLES)
def test_it_reproduces_the_2026_leaflet_examples(partner, ages, income, year, month):
    raw = kindgebonden_budget_onafgerond(
        P2026, toetsingsinkomen=income, heeft_partner=partner, kind_leeftijd=ages
    )
    assert raw == pytest.approx(year, abs=0.005)
    annual = kgb(P2026, income, partner, ages)
    assert annual == year
    assert awir.maandbedrag(annual) == month


def test_the_month_is_a_twelfth_of_the_cents_where_whole_euros_first_would_pay_one_more():
    """The single-parent example is where the order matters: €5,975.94 / 12 = €497.99, paid as
    €497, where rounding the year to whole euros first (Awir art. 14 lid 4, €5,976) would give
    €498. The same at an income constructed for partners: €4,715.60 a year pays €392, not €393."""
    raw = float(
        kindgebonden_budget_onafgerond(P2026, toetsingsinkomen=30_000, heeft_partner=False, kind_leeftijd=[8])
    )
    assert float(awir.jaarbedrag(raw, p=P2026)) / 12 == 498  # the other order, for the record
    assert awir.maandbedrag(kgb(P2026, 30_000, False, [8])) == 497

    income = 39_141 + (5_160 - 4_715.60) / P2026.kindgebonden_budget.afbouwpercentage
    raw = float(
        kindgebonden_budget_onafgerond(
            P2026, toetsingsinkomen=income, heeft_partner=True, kind_leeftijd=[4, 8]
        )
    )
    assert raw == pytest.approx(4715.60, abs=0.001)
    assert kgb(P2026, income, True, [4, 8]) == 4715.60
    assert awir.maandbedrag(kgb(P2026, income, True, [4, 8])) == 392


def test_nothing_is_paid_when_the_year_in_whole_euros_is_under_24():
    # Awir art. 14 lid 5 on the rounded year: €23.49 gives nothing, €23.50 (rounded to €24) is paid.
    maximum = 5_160
    for left, paid in ((23.49, 0.0), (23.5, 23.5)):
        income = 39_141 + (maximum - left) / P2026.kindgebonden_budget.afbouwpercentage
        assert kgb(P2026, income, True, [4, 8]) == pytest.approx(paid, abs=1e-6)


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
