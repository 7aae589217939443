"""A Decimal recomputation of the monthly loonheffing (Rekenvoorschriften loonadministratie,
as summarised in reference nl-tax-work §8) agrees with the vectorised float engine to the cent."""

import random
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import numpy as np
import pytest

from samensterk.income.formulas.loonheffing import loonheffing_maand
from samensterk.income.parameters_loader import all_parameters, load


def D(x):
    return Decimal(str(x))


def decimal_loonheffing(year, wage):
    """Written from the rules, independently of the engine's code: lower table row, x12, tax per
    bracket rounded down, AHK and AK (products to 5 decimals) rounded up, capped at the tax."""
    p = load(year)
    step = D(p.loonheffing.tabelstap_maand)
    annual = (D(wage) / step).to_integral_value(ROUND_FLOOR) * step * 12
    box1 = p.inkomstenbelasting.tarief_box1
    tax = Decimal(0)
    bounds = [D(t) for t in box1.thresholds] + [None]
    for k, rate in enumerate(box1.rates):
        lo, hi = bounds[k], bounds[k + 1]
        part = max(Decimal(0), (annual if hi is None else min(annual, hi)) - lo)
        tax += (D(rate) * part).to_integral_value(ROUND_FLOOR)
    a = p.algemene_heffingskorting
    ahk = D(a.maximum) - D(a.afbouwpercentage) * max(Decimal(0), annual - D(a.afbouwpunt))
    ahk = min(max(ahk, Decimal(0)), D(a.maximum)).to_integral_value(ROUND_CEILING)
    ak_scale = p.arbeidskorting.schijven
    k = max(i for i, t in enumerate(ak_scale.thresholds) if D(t) <= annual)
    product = (D(ak_scale.rates[k]) * (annual - D(ak_scale.thresholds[k]))).quantize(
        Decimal("0.00001"), ROUND_HALF_UP
    )
    ak = D(ak_scale.amounts[k]) + product
    if ak_scale.rates[k] > 0 and k + 1 < len(ak_scale.amounts):
        ak = min(ak, D(ak_scale.amounts[k + 1]))
    ak = max(ak, Decimal(0)).to_integral_value(ROUND_CEILING)
    ahk = min(ahk, tax)
    ak = min(ak, tax - ahk)
    return ((tax - ahk - ak) / 12).quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.mark.parametrize("year", [2025, 2026])
def test_float_engine_agrees_with_decimal_to_the_cent(year):
    rng = random.Random(year)
    wages = [round(rng.uniform(0, 12000), 2) for _ in range(3000)] + [999.0, 4000.5, 3240.0, 6535.5]
    engine = loonheffing_maand(load(year), np.array(wages)).met_korting
    for wage, got in zip(wages, engine, strict=True):
        assert Decimal(f"{got:.2f}") == decimal_loonheffing(year, wage), wage


def test_the_decimal_version_matches_the_published_rows_too():
    assert decimal_loonheffing(2026, 999.00) == Decimal("13.83")
    assert decimal_loonheffing(2026, 4000.50) == Decimal("820.92")
    assert "loonheffing.tabelstap_maand" in all_parameters()
