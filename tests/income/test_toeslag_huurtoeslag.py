"""Huurtoeslag: the 2026 Dienst Toeslagen example, and the 2025 and 2026 methods from the rule text."""

import numpy as np
import pytest

from samensterk.income import parameters_loader
from samensterk.income.formulas import awir
from samensterk.income.formulas.huurtoeslag import (
    berekeningsmethode,
    huishoudgrootte,
    huurtoeslag,
    huurtoeslag_per_maand_2025,
    huurtoeslag_per_maand_2026,
    inkomenscorrectie_2026,
    normhuur_2025,
    rekenhuur_2026,
)

P2025 = parameters_loader.load(2025)
P2026 = parameters_loader.load(2026)
NAN = np.nan


def per_maand(p, income, partner, ages, rent, owner=False):
    annual = huurtoeslag(
        p,
        toetsingsinkomen=income,
        heeft_partner=partner,
        kind_leeftijd=ages,
        kale_huur_maand=rent,
        eigen_woning=owner,
    )
    return float(awir.maandbedrag(annual))


def test_it_reproduces_the_2026_leaflet_example():
    # Dienst Toeslagen, "Berekening huurtoeslag 2026": partners with one child (3 persons), kale
    # huur €1,200, joint income €34,000 -> rent used €932.93, income correction €45.83, €492/month.
    assert rekenhuur_2026(P2026, kale_huur_maand=1200) == pytest.approx(932.93)
    assert inkomenscorrectie_2026(P2026, toetsingsinkomen=34_000, huishouden=3) == pytest.approx(
        45.83, abs=0.005
    )
    assert per_maand(P2026, 34_000, True, [6], 1200) == 492


def test_the_method_is_dated():
    assert berekeningsmethode(P2025) is huurtoeslag_per_maand_2025
    assert berekeningsmethode(P2026) is huurtoeslag_per_maand_2026
    with pytest.raises(parameters_loader.MissingParameter):
        berekeningsmethode(parameters_loader.load(2024))


def test_household_size_from_partner_and_children():
    assert huishoudgrootte(heeft_partner=False, kind_leeftijd=[NAN, NAN]) == 1
    assert huishoudgrootte(heeft_partner=True, kind_leeftijd=[3, NAN]) == 3
    assert huishoudgrootte(heeft_partner=False, kind_leeftijd=[3, 5, 9]) == 4


class Test2026:
    def test_single_person_below_the_ijkpunt(self):
        # 100% from basishuur €202.52 to kkg €498.20, 65% from there to the rent.
        expected = (498.20 - 202.52) + 0.65 * (700 - 498.20)
        assert per_maand(P2026, 20_000, False, [], 700) == int(expected)

    def test_the_rent_above_the_rekengrens_does_not_count(self):
        assert per_maand(P2026, 20_000, False, [], 2_000) == per_maand(P2026, 20_000, False, [], 932.93)
        assert per_maand(P2026, 20_000, False, [], 932.93) > per_maand(P2026, 20_000, False, [], 900)

    @pytest.mark.parametrize(
        ("partner", "ages", "ijkpunt", "pct"), [(False, [], 23_425, 0.27), (True, [4], 31_500, 0.22)]
    )
    def test_income_correction_starts_at_the_ijkpunt(self, partner, ages, ijkpunt, pct):
        size = huishoudgrootte(heeft_partner=partner, kind_leeftijd=ages)
        assert inkomenscorrectie_2026(P2026, toetsingsinkomen=ijkpunt, huishouden=size) == 0
        one_more = inkomenscorrectie_2026(P2026, toetsingsinkomen=ijkpunt + 1, huishouden=size)
        assert one_more == pytest.approx(pct / 12)

    def test_two_persons_use_the_low_aftoppingsgrens_three_the_high_one(self):
        rent = 900
        two = (498.20 - 200.71) + 0.65 * (713.02 - 498.20) + 0.40 * (rent - 713.02)
        three = (498.20 - 200.71) + 0.65 * (764.14 - 498.20) + 0.40 * (rent - 764.14)
        assert per_maand(P2026, 30_000, True, [], rent) == int(two)
        assert per_maand(P2026, 30_000, False, [7], rent) == int(two)  # single parent: also 2 persons
        assert per_maand(P2026, 30_000, True, [7], rent) == int(three)

    def test_it_phases_out_to_zero(self):
        assert per_maand(P2026, 200_000, True, [4, 6, 8], 900) == 0

    def test_no_huurtoeslag_for_an_owner(self):
        assert per_maand(P2026, 20_000, False, [], 700, owner=True) == 0


class Test2025:
    def test_the_normhuur_meets_the_statutory_ijkpunten(self):
        # Wht art. 18: normhuur at the referentie-inkomensijkpunt €483.78 minus €2.27 / €4.54.
        at_reference = normhuur_2025(
            P2025, toetsingsinkomen=np.array([32_625, 42_475]), huishouden=np.array([1, 2])
        )
        np.testing.assert_allclose(at_reference, [481.51, 479.24], atol=0.005)
        # Art. 17: at the minimum-inkomensijkpunt the formula meets the minimum normhuur (€236.19 / €234.38).
        just_above = normhuur_2025(
            P2025, toetsingsinkomen=np.array([22_701, 30_451]), huishouden=np.array([1, 2])
        )
        np.testing.assert_allclose(just_above, [236.19, 234.38], atol=0.05)

    @pytest.mark.parametrize(("income", "expected"), [(22_000, 498), (45_000, 11), (46_500, 0)])
    def test_it_reproduces_the_secondary_2025_table(self, income, expected):
        # Metro, "Zoveel huurtoeslag ontvang je in 2025 per inkomen" (secondary; single, kale huur €900).
        assert per_maand(P2025, income, False, [], 900) == expected

    def test_above_the_maximale_huurgrens_there_is_none(self):
        # Wht art. 13 (2025): no huurtoeslag above €900.07.
        assert per_maand(P2025, 22_000, False, [], 900.07) > 0
        assert per_maand(P2025, 22_000, False, [], 900.08) == 0

    def test_households_of_two_or_more_get_40_percent_above_the_aftoppingsgrens(self):
        # Since 2025 also for 2+ person households below AOW age (RO news 17-12-2024).
        low = per_maand(P2025, 25_000, True, [], 700)
        high = per_maand(P2025, 25_000, True, [], 800)
        assert high - low == pytest.approx(0.40 * 100, abs=1)


def test_it_broadcasts_households_by_hours():
    income = np.array([[15_000.0], [30_000.0]]) + np.arange(0, 30_000, 10_000)[None, :]
    partner = np.array([[False], [True]])
    ages = np.array([[[NAN, NAN]], [[3, 8]]])
    rent = np.array([[750.0], [1_000.0]])
    owner = np.array([[False], [False]])
    for p in (P2025, P2026):
        out = huurtoeslag(
            p,
            toetsingsinkomen=income,
            heeft_partner=partner,
            kind_leeftijd=ages,
            kale_huur_maand=rent,
            eigen_woning=owner,
        )
        assert out.shape == (2, 3)
        for i in range(2):
            for j in range(3):
                one = huurtoeslag(
                    p,
                    toetsingsinkomen=income[i, j],
                    heeft_partner=partner[i, 0],
                    kind_leeftijd=ages[i, 0],
                    kale_huur_maand=rent[i, 0],
                    eigen_woning=owner[i, 0],
                )
                assert out[i, j] == one
