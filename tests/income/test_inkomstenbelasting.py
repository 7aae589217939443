"""Derived cases from the published rules (reference nl-tax-work §1-§4), 2025 and 2026: exactly at
each threshold and one euro above."""

import numpy as np
import pytest

from samensterk.income.formulas import inkomstenbelasting as ib
from samensterk.income.formulas.loonheffing import belasting_per_schijf, loonheffing_maand
from samensterk.income.parameters_loader import load

P = {2025: load(2025), 2026: load(2026)}

# Box 1 (reference §1): first bracket up to and including the threshold.
BOX1 = {2025: (38441, 0.3582, 0.3748, 76817, 0.495), 2026: (38883, 0.3575, 0.3756, 78426, 0.495)}
# AHK (reference §2): maximum, full up to and including, phase-out percentage.
AHK = {2025: (3068, 28406, 0.06337), 2026: (3115, 29736, 0.06398)}
# Arbeidskorting (reference §3): (income, credit) at the knikpunten, and where it reaches zero.
AK = {
    2025: [(12169, 980), (26288, 5220), (43071, 5599)],
    2026: [(11965, 996), (25845, 5300), (45592, 5685)],
}
AK_ZERO = {2025: 129078, 2026: 132920}
# IACK (reference §4): threshold, max, max reached at.
IACK = {2025: (6145, 2986, 32223), 2026: (6239, 3032, 32720)}


@pytest.mark.parametrize("year", [2025, 2026])
def test_box1_brackets_at_and_above_the_thresholds(year):
    t1, r1, r2, t2, r3 = BOX1[year]
    tax = lambda x: float(ib.box1_belasting(P[year], np.array([x]))[0])  # noqa: E731
    assert tax(t1) == pytest.approx(t1 * r1)
    assert tax(t1 + 1) - tax(t1) == pytest.approx(r2)
    assert tax(t2 + 1) - tax(t2) == pytest.approx(r3)


@pytest.mark.parametrize("year", [2025, 2026])
def test_ahk_is_full_up_to_the_afbouwpunt_and_falls_above(year):
    maximum, punt, pct = AHK[year]
    ahk = ib.algemene_heffingskorting(P[year], np.array([0, punt, punt + 1, 200000]))
    assert ahk[0] == ahk[1] == maximum
    assert ahk[2] == pytest.approx(maximum - pct)
    assert ahk[3] == 0


@pytest.mark.parametrize("year", [2025, 2026])
def test_arbeidskorting_at_the_knikpunten_and_one_euro_above(year):
    for income, credit in AK[year]:
        got = ib.arbeidskorting(P[year], np.array([income, income + 1]))
        assert got[0] == pytest.approx(credit, abs=0.05)
        assert got[1] != got[0]
    zero = AK_ZERO[year]
    got = ib.arbeidskorting(P[year], np.array([zero - 2, zero, zero + 1]))
    assert got[0] > 0 and got[1] == pytest.approx(0, abs=1.0) and got[2] == 0


@pytest.mark.parametrize("year", [2025, 2026])
def test_iack_threshold_and_maximum(year):
    drempel, maximum, at = IACK[year]
    got = ib.iack(P[year], np.array([drempel, drempel + 1, at, at + 1000]))
    assert got[0] == 0 and got[1] == pytest.approx(0.1145)
    assert got[2] == pytest.approx(maximum, abs=1.0) and got[3] == maximum  # "max reached at" is rounded


def test_iack_goes_to_the_lower_earner_or_single_parent_with_a_child_under_12():
    p = P[2026]
    right = ib.iack_recht(
        p,
        eigen_arbeidsinkomen=np.array([10000, 40000, 10000, 10000]),
        partner_arbeidsinkomen=np.array([30000, 30000, 0, 30000]),
        heeft_partner=np.array([True, True, False, True]),
        jongste_kind_leeftijd=np.array([4, 4, 11, 12]),
    )
    assert right.tolist() == [True, False, True, False]


@pytest.mark.parametrize("year", [2025, 2026])
def test_payroll_tax_rounds_each_bracket_down(year):
    t1 = BOX1[year][0]
    got = belasting_per_schijf(P[year], np.array([t1 + 1000.0]))[0]
    assert got == np.floor(t1 * BOX1[year][1]) + np.floor(1000 * BOX1[year][2])


@pytest.mark.parametrize("year", [2025, 2026])
def test_credits_never_exceed_the_tax(year):
    wages = np.arange(0, 2000, 4.5)
    r = loonheffing_maand(P[year], wages)
    assert np.all(r.met_korting >= 0)
    low = r.zonder_korting < (AHK[year][0] / 12)
    assert np.all(r.met_korting[low] == 0)
    assert np.all(r.arbeidskorting[low] == 0)  # the AK is reduced first


def test_a_non_earning_partner_born_before_1963_can_get_the_ahk_paid_out():
    p = P[2026]
    paid = ib.uitbetaling_algemene_heffingskorting(
        p, geboortejaar_voor_grens=np.array([True, False, True]), ahk_eigen=np.array([3115.0, 3115.0, 3115.0]),
        belasting_partner_na_korting=np.array([5000.0, 5000.0, 1000.0]),
    )  # fmt: skip
    assert paid.tolist() == [3115.0, 0.0, 1000.0]


def test_gross_up_of_a_net_benefit_round_trips():
    p = P[2026]
    net = np.array([0.0, 10000.0, 16818.0, 24025.56])
    gross = ib.bruto_uitkering_jaar(p, net)
    back = gross - ib.verschuldigde_belasting(
        ib.box1_belasting(p, gross), ib.algemene_heffingskorting(p, gross)
    )
    assert np.allclose(back, net, atol=0.01)
    assert np.all(gross >= net)
