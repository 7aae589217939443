"""The vectorised float engine agrees with an independent Decimal recomputation, to the cent."""

import random
from decimal import Decimal

import numpy as np
import pytest

from samensterk.income import parameters_loader
from samensterk.income.formulas import awir
from samensterk.income.formulas.kindgebonden_budget import kindgebonden_budget, kindgebonden_budget_onafgerond
from samensterk.income.formulas.zorgtoeslag import zorgtoeslag, zorgtoeslag_onafgerond

try:  # tests/income as a package or as a plain directory on sys.path
    from . import decimal_toeslagen as dec
except ImportError:
    import decimal_toeslagen as dec

N = 400


def sample(seed):
    rng = random.Random(seed)
    households = []
    for _ in range(N):
        cents = rng.randint(0, 90_000_00)
        # Also hit whole euros and the thresholds exactly.
        if rng.random() < 0.2:
            cents = rng.choice([28_406, 29_736, 37_545, 39_141, 39_719, 40_857, 50_206, 51_142]) * 100
            cents += rng.choice([-100, 0, 100])
        ages = [rng.randint(0, 19) for _ in range(rng.randint(0, 4))]
        households.append((Decimal(cents) / 100, rng.random() < 0.5, ages))
    return households


@pytest.mark.parametrize("year", [2025, 2026])
def test_zorgtoeslag_agrees_with_decimal(year):
    p = parameters_loader.load(year)
    households = sample(seed=year)
    income = np.array([[float(y)] for y, _, _ in households])
    partner = np.array([[s] for _, s, _ in households])
    raw = zorgtoeslag_onafgerond(p, toetsingsinkomen=income, heeft_partner=partner)
    annual = zorgtoeslag(p, toetsingsinkomen=income, heeft_partner=partner)
    for i, (y, s, _) in enumerate(households):
        d_raw, d_annual = dec.zorgtoeslag(y, s, year)
        assert abs(Decimal(repr(float(raw[i, 0]))) - d_raw) < Decimal("0.005"), (y, s)
        assert annual[i, 0] == d_annual, (y, s)
        assert awir.maandbedrag(annual[i, 0]) == dec.awir_maandbedrag(d_annual)


@pytest.mark.parametrize("year", [2025, 2026])
def test_kindgebonden_budget_agrees_with_decimal(year):
    p = parameters_loader.load(year)
    households = sample(seed=100 + year)
    k = max(len(a) for _, _, a in households)
    ages = np.full((N, 1, k), np.nan)
    for i, (_, _, a) in enumerate(households):
        ages[i, 0, : len(a)] = a
    income = np.array([[float(y)] for y, _, _ in households])
    partner = np.array([[s] for _, s, _ in households])
    raw = kindgebonden_budget_onafgerond(
        p, toetsingsinkomen=income, heeft_partner=partner, kind_leeftijd=ages
    )
    annual = kindgebonden_budget(p, toetsingsinkomen=income, heeft_partner=partner, kind_leeftijd=ages)
    for i, (y, s, a) in enumerate(households):
        d_raw, d_annual = dec.kindgebonden_budget(y, s, a, year)
        assert abs(Decimal(repr(float(raw[i, 0]))) - d_raw) < Decimal("0.005"), (y, s, a)
        assert Decimal(repr(float(annual[i, 0]))) == d_annual, (y, s, a)  # to the cent
        assert awir.maandbedrag(annual[i, 0]) == dec.awir_maandbedrag(d_annual)


def test_the_decimal_version_reproduces_the_official_examples():
    # Guards the reference itself: leaflet zorgtoeslag 2026 and KGB 2026 examples.
    raw, annual = dec.zorgtoeslag(Decimal(19_000), False, 2026)
    assert (raw.quantize(Decimal("0.01")), annual) == (Decimal("1550.45"), Decimal(1550))
    for income, partner, ages, year, month in (
        (45_000, True, [4, 8], "4714.72", 392),
        (45_000, True, [13, 16], "6402.72", 533),
        (30_000, False, [8], "5975.94", 497),  # second-hand, see test_toeslag_kindgebonden_budget
    ):
        raw, annual = dec.kindgebonden_budget(Decimal(income), partner, ages, 2026)
        assert raw.quantize(Decimal("0.01")) == annual == Decimal(year)
        assert dec.awir_maandbedrag(annual) == month
