"""Kinderopvangtoeslag against the Dienst Toeslagen 2026 leaflet and the rule text."""

import numpy as np
import pytest

from samensterk.income import parameters_loader
from samensterk.income.formulas import awir
from samensterk.income.formulas.kinderopvangtoeslag import (
    BUITENSCHOOLSE_OPVANG,
    DAGOPVANG,
    GASTOUDEROPVANG,
    GEEN,
    kinderopvang_kosten,
    kinderopvangtoeslag,
    kinderopvangtoeslag_per_maand,
    percentage,
)

P2025 = parameters_loader.load(2025)
P2026 = parameters_loader.load(2026)
NAN = np.nan


def kot(p, income, ages, soort, uren, prijs, recht=True):
    return kinderopvangtoeslag(
        p,
        toetsingsinkomen=income,
        kind_leeftijd=np.asarray(ages, dtype=float),
        opvang_soort=np.asarray(soort),
        opvang_uren_maand=np.asarray(uren, dtype=float),
        opvang_uurprijs=np.asarray(prijs, dtype=float),
        recht=recht,
    )


def per_maand(p, income, ages, soort, uren, prijs, recht=True):
    return float(
        kinderopvangtoeslag_per_maand(
            p,
            toetsingsinkomen=income,
            kind_leeftijd=np.asarray(ages, dtype=float),
            opvang_soort=np.asarray(soort),
            opvang_uren_maand=np.asarray(uren, dtype=float),
            opvang_uurprijs=np.asarray(prijs, dtype=float),
            recht=recht,
        )
    )


def test_it_reproduces_the_2026_leaflet_example():
    # Dienst Toeslagen, "Berekening kinderopvangtoeslag 2026": both parents work, one child in
    # dagopvang, €10.50 an hour, 122 hours a month, joint income €60,000 -> 93.9%, €1,202 a month.
    assert percentage(P2026, naam="percentage_eerste_kind", toetsingsinkomen=60_000) == pytest.approx(0.939)
    annual = kot(P2026, 60_000, [2], [DAGOPVANG], [122], [10.50])
    assert awir.maandbedrag(annual) == 1202
    assert annual == 12 * 1202


@pytest.mark.parametrize(
    ("income", "first", "next_"),
    [
        # Rijksoverheid / Dienst Toeslagen table 2026: bands are inclusive, "from" is the first euro.
        (0, 0.96, 0.96),
        (56_412, 0.96, 0.96),
        (56_413, 0.955, 0.956),
        (59_957, 0.948, 0.956),
        (59_958, 0.939, 0.956),
        (138_421, 0.504, 0.854),
        (169_547, 0.365, 0.814),
        (235_697, 0.365, 0.691),
        (235_698, 0.365, 0.682),
        (1_000_000, 0.365, 0.682),
    ],
)
def test_the_2026_table_at_band_boundaries(income, first, next_):
    assert percentage(P2026, naam="percentage_eerste_kind", toetsingsinkomen=income) == pytest.approx(first)
    assert percentage(P2026, naam="percentage_volgend_kind", toetsingsinkomen=income) == pytest.approx(next_)


def test_the_hours_are_capped_at_230_a_month():
    capped = per_maand(P2026, 30_000, [2], [DAGOPVANG], [230], [10.0])
    assert per_maand(P2026, 30_000, [2], [DAGOPVANG], [300], [10.0]) == pytest.approx(capped)
    assert capped == pytest.approx(230 * 10.0 * 0.96)


@pytest.mark.parametrize(
    ("soort", "maximum"), [(DAGOPVANG, 11.23), (BUITENSCHOOLSE_OPVANG, 9.98), (GASTOUDEROPVANG, 8.49)]
)
def test_the_price_is_capped_at_the_maximum_uurprijs_of_the_type(soort, maximum):
    # Bedragen kinderopvangtoeslag 2026: dagopvang €11.23, bso €9.98, gastouderopvang €8.49.
    assert per_maand(P2026, 30_000, [5], [soort], [100], [15.0]) == pytest.approx(100 * maximum * 0.96)
    assert per_maand(P2026, 30_000, [5], [soort], [100], [maximum - 1]) == pytest.approx(
        100 * (maximum - 1) * 0.96
    )


def test_no_toeslag_without_recht_or_without_care():
    assert kot(P2026, 30_000, [2], [DAGOPVANG], [100], [10.0], recht=False) == 0
    assert kot(P2026, 30_000, [2], [GEEN], [100], [10.0]) == 0
    assert kot(P2026, 30_000, [NAN], [DAGOPVANG], [100], [10.0]) == 0


def test_the_first_child_is_the_one_with_the_most_hours():
    # Income €100,000 in 2026: first child 72.1%, next 90.5%.
    income = 100_000
    out = per_maand(P2026, income, [2, 7], [DAGOPVANG, BUITENSCHOOLSE_OPVANG], [50, 100], [10.0, 9.0])
    assert out == pytest.approx(100 * 9.0 * 0.721 + 50 * 10.0 * 0.905)


def test_on_equal_hours_the_first_child_is_the_one_with_the_highest_costs():
    income = 100_000
    out = per_maand(P2026, income, [7, 2], [BUITENSCHOOLSE_OPVANG, DAGOPVANG], [80, 80], [9.0, 10.0])
    assert out == pytest.approx(80 * 10.0 * 0.721 + 80 * 9.0 * 0.905)


def test_three_children_one_first_two_next():
    income = 100_000
    out = per_maand(
        P2026, income, [1, 3, 6], [DAGOPVANG, DAGOPVANG, BUITENSCHOOLSE_OPVANG], [100] * 3, [9.0] * 3
    )
    assert out == pytest.approx(900 * 0.721 + 2 * 900 * 0.905)


def test_2025_lowest_bands_and_the_missing_rest():
    # 2025 (secondary source): up to €47,403 96%; €47,404-49,108: 95.3% / 95.6%.
    assert percentage(P2025, naam="percentage_eerste_kind", toetsingsinkomen=47_404) == pytest.approx(0.953)
    assert percentage(P2025, naam="percentage_volgend_kind", toetsingsinkomen=47_404) == pytest.approx(0.956)
    # 2025 dagopvang maximum €10.71: a price of €11 counts as €10.71.
    assert awir.maandbedrag(kot(P2025, 40_000, [2], [DAGOPVANG], [100], [11.0])) == int(100 * 10.71 * 0.96)
    # Above € 50,811 the 2025 percentages are unpublished (NaN; percentage_gepubliceerd, which only
    # this test called, was removed as dead code in issue #19).
    assert not np.isnan(percentage(P2025, naam="percentage_eerste_kind", toetsingsinkomen=50_811))
    assert np.isnan(percentage(P2025, naam="percentage_eerste_kind", toetsingsinkomen=50_812))
    with pytest.raises(parameters_loader.MissingParameter):
        kot(P2025, 60_000, [2], [DAGOPVANG], [100], [10.0])
    # Without recht the unpublished percentage is not needed.
    assert kot(P2025, 60_000, [2], [DAGOPVANG], [100], [10.0], recht=False) == 0


def test_it_broadcasts_households_hours_and_children():
    ages = np.array([[[2, 7]], [[4, NAN]]])
    soort = np.array([[[DAGOPVANG, BUITENSCHOOLSE_OPVANG]], [[DAGOPVANG, GEEN]]])
    uren = np.array([[[100.0, 60.0]], [[150.0, 0.0]]])
    prijs = np.array([[[10.0, 9.0]], [[12.0, 0.0]]])
    income = np.array([[50_000.0], [80_000.0]]) + np.arange(0, 60_000, 20_000)[None, :]
    recht = np.array([[False, True, True], [True, True, True]])
    out = kinderopvangtoeslag(
        P2026,
        toetsingsinkomen=income,
        kind_leeftijd=ages,
        opvang_soort=soort,
        opvang_uren_maand=uren,
        opvang_uurprijs=prijs,
        recht=recht,
    )
    assert out.shape == (2, 3)
    for i in range(2):
        for j in range(3):
            one = kot(P2026, income[i, j], ages[i, 0], soort[i, 0], uren[i, 0], prijs[i, 0], recht[i, j])
            assert out[i, j] == one


def test_the_cost_is_all_hours_at_the_full_price():
    kosten = kinderopvang_kosten(
        P2026, opvang_uren_maand=np.array([[[300.0, 50.0]]]), opvang_uurprijs=np.array([[[15.0, 9.0]]])
    )
    assert kosten.shape == (1, 1)
    assert kosten[0, 0] == pytest.approx(12 * (300 * 15.0 + 50 * 9.0))
