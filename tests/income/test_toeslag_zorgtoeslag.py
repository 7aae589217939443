"""Zorgtoeslag and the Awir rounding, against the official tables and the rule text."""

import numpy as np
import pytest

from samensterk.income import parameters_loader
from samensterk.income.formulas import awir
from samensterk.income.formulas.zorgtoeslag import normpremie, zorgtoeslag, zorgtoeslag_onafgerond

P2025 = parameters_loader.load(2025)
P2026 = parameters_loader.load(2026)

# Belastingdienst table "zorgtoeslag per maand 2026, zonder toeslagpartner"
# (public-examples.md, "Zorgtoeslag 2026, without toeslagpartner"): income exactly X -> €/month.
TABLE_2026_SINGLE = [
    (29_500, 129), (30_000, 126), (30_500, 120), (31_000, 114), (31_500, 109), (32_000, 103),
    (32_500, 97), (33_000, 91), (33_500, 86), (34_000, 80), (34_500, 74), (35_000, 69),
    (35_500, 63), (36_000, 57), (36_500, 51), (37_000, 46), (37_500, 40), (38_000, 34),
    (38_500, 28), (39_000, 23), (39_500, 17), (40_000, 11), (40_500, 6),
]  # fmt: skip


@pytest.mark.parametrize(("income", "per_month"), TABLE_2026_SINGLE)
def test_it_reproduces_the_2026_single_table(income, per_month):
    annual = zorgtoeslag(P2026, toetsingsinkomen=np.array([[income]]), heeft_partner=np.array([[False]]))
    assert awir.maandbedrag(annual)[0, 0] == per_month


def test_it_reproduces_the_2026_leaflet_example():
    # Dienst Toeslagen, "Berekening zorgtoeslag 2026": single, €19,000 -> normpremie €568.55,
    # €1,550.45 per year before rounding, €129 per month.
    assert normpremie(P2026, toetsingsinkomen=19_000, heeft_partner=False) == pytest.approx(568.55, abs=0.005)
    raw = zorgtoeslag_onafgerond(P2026, toetsingsinkomen=19_000, heeft_partner=False)
    assert raw == pytest.approx(1550.45, abs=0.005)
    annual = zorgtoeslag(P2026, toetsingsinkomen=19_000, heeft_partner=False)
    assert annual == 1550
    assert awir.maandbedrag(annual) == 129


def test_the_2026_maxima_match_the_leaflet():
    # Dienst leaflet 2026: maximum €1,550 (single) and €2,963 (with toeslagpartner) per year.
    assert zorgtoeslag(P2026, toetsingsinkomen=0, heeft_partner=False) == 1550
    assert zorgtoeslag(P2026, toetsingsinkomen=0, heeft_partner=True) == 2963
    # Below the drempelinkomen the income does not matter.
    assert zorgtoeslag(P2026, toetsingsinkomen=P2026.zorgtoeslag.drempelinkomen, heeft_partner=True) == 2963


def test_the_2025_maxima_match_the_table_and_leaflet():
    # 2025 leaflet example 1: €1,573.42 per year, €131 per month; BD table 2025 partner: €250/month.
    single = zorgtoeslag_onafgerond(P2025, toetsingsinkomen=20_000, heeft_partner=False)
    assert single == pytest.approx(1573.42, abs=0.005)
    assert awir.maandbedrag(zorgtoeslag(P2025, toetsingsinkomen=20_000, heeft_partner=False)) == 131
    assert awir.maandbedrag(zorgtoeslag(P2025, toetsingsinkomen=28_000, heeft_partner=True)) == 250


# belastingdienst.nl "maximaal inkomen voor zorgtoeslag": at the ceiling there is still zorgtoeslag,
# one euro above there is none. The code has no ceiling: it follows from the formula and Awir art. 14.
CEILINGS = [(P2025, False, 39_719), (P2025, True, 50_206), (P2026, False, 40_857), (P2026, True, 51_142)]


@pytest.mark.parametrize(("p", "partner", "ceiling"), CEILINGS)
def test_the_published_income_ceiling_follows_from_the_rule(p, partner, ceiling):
    at = zorgtoeslag(p, toetsingsinkomen=ceiling, heeft_partner=partner)
    above = zorgtoeslag(p, toetsingsinkomen=ceiling + 1, heeft_partner=partner)
    assert at == p.awir.minimum_jaarbedrag  # €24: the last amount still paid
    assert above == 0


def test_a_couple_counts_the_standaardpremie_twice_and_uses_its_own_percentage():
    p = P2026.zorgtoeslag
    income = 45_000
    expected = (
        2 * p.standaardpremie
        - p.normpercentage_drempelinkomen_met_partner * p.drempelinkomen
        - p.normpercentage_boven_drempelinkomen * (income - p.drempelinkomen)
    )
    raw = zorgtoeslag_onafgerond(P2026, toetsingsinkomen=income, heeft_partner=True)
    assert raw == pytest.approx(expected)
    assert zorgtoeslag(P2026, toetsingsinkomen=income, heeft_partner=True) == round(expected)


def test_one_euro_of_income_above_the_drempel_costs_the_percentage():
    p = P2026.zorgtoeslag
    at = zorgtoeslag_onafgerond(P2026, toetsingsinkomen=p.drempelinkomen, heeft_partner=False)
    above = zorgtoeslag_onafgerond(P2026, toetsingsinkomen=p.drempelinkomen + 1, heeft_partner=False)
    below = zorgtoeslag_onafgerond(P2026, toetsingsinkomen=p.drempelinkomen - 1, heeft_partner=False)
    assert at - above == pytest.approx(p.normpercentage_boven_drempelinkomen)
    assert below == at


def test_it_broadcasts_households_by_hours():
    income = np.array([[20_000.0], [35_000.0]]) + np.arange(0, 20_000, 5_000)[None, :]
    partner = np.array([[False], [True]])
    out = zorgtoeslag(P2026, toetsingsinkomen=income, heeft_partner=partner)
    assert out.shape == (2, 4)
    one_by_one = [
        [
            float(zorgtoeslag(P2026, toetsingsinkomen=income[i, j], heeft_partner=partner[i, 0]))
            for j in range(4)
        ]
        for i in range(2)
    ]
    np.testing.assert_array_equal(out, one_by_one)


class TestAwir:
    """Algemene wet inkomensafhankelijke regelingen, art. 14 lid 4 and 5; monthly rounded down."""

    def test_the_annual_amount_is_rounded_to_whole_euros_half_up(self):
        np.testing.assert_array_equal(awir.jaarbedrag([1549.49, 1549.5, 1550.45]), [1549, 1550, 1550])

    def test_below_24_euro_a_year_nothing_is_paid(self):
        # Tested on the rounded amount (art. 14 lid 4 before lid 5): this is what makes the
        # published zorgtoeslag ceilings come out (see test_the_published_income_ceiling...).
        np.testing.assert_array_equal(awir.jaarbedrag([23.49, 23.0, 0.0, -100.0]), [0, 0, 0, 0])
        np.testing.assert_array_equal(awir.jaarbedrag([23.5, 23.99, 24.0, 24.4]), [24, 24, 24, 24])
        # Awir art. 14 lid 5: "niet toegekend indien deze minder dan € 24 zou bedragen"; "deze" is
        # the tegemoetkoming as rounded by lid 4. If the minimum were tested before rounding, the
        # zorgtoeslag at the published ceilings (about €23.5 unrounded) would be 0, contradicting
        # belastingdienst.nl; so €23.99 is paid as €24.

    def test_the_minimum_is_read_from_the_parameters(self):
        assert awir.minimum_jaarbedrag(P2026) == 24
        assert awir.minimum_jaarbedrag() == 24

    def test_the_monthly_amount_is_rounded_down(self):
        np.testing.assert_array_equal(awir.maandbedrag([1550, 1559, 24, 23]), [129, 129, 2, 1])
