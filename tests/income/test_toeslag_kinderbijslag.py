"""Kinderbijslag per quarter by age band (Algemene Kinderbijslagwet, art. 12 lid 3)."""

import datetime as dt

import numpy as np
import pytest

from samensterk.income import parameters_loader
from samensterk.income.formulas.kinderbijslag import kinderbijslag, kinderbijslag_per_kwartaal

NAN = np.nan


def quarter(year, month, age):
    p = parameters_loader.load(dt.date(year, month, 1))
    return float(kinderbijslag_per_kwartaal(p, kind_leeftijd=age))


@pytest.mark.parametrize(
    ("year", "month", "amounts"),
    [
        # AKW art. 12 lid 3 as consolidated on each date (nl-gaps-2025-2026.md §3).
        (2025, 1, (286.45, 347.83, 409.21)),
        (2025, 7, (291.49, 353.95, 416.41)),
        (2026, 1, (295.07, 358.30, 421.53)),
        (2026, 7, (298.40, 362.35, 426.29)),
    ],
)
def test_the_quarter_amount_follows_the_age_band(year, month, amounts):
    young, middle, old = amounts
    assert [quarter(year, month, a) for a in (0, 5)] == [young, young]
    assert [quarter(year, month, a) for a in (6, 11)] == [middle, middle]
    assert [quarter(year, month, a) for a in (12, 17)] == [old, old]
    assert quarter(year, month, 18) == 0


def test_the_year_adds_two_quarters_before_and_two_after_the_july_indexation():
    p = parameters_loader.load(2026)
    assert kinderbijslag(p, kind_leeftijd=[4]) == pytest.approx(2 * 295.07 + 2 * 298.40)
    p = parameters_loader.load(2025)
    assert kinderbijslag(p, kind_leeftijd=[13]) == pytest.approx(2 * 409.21 + 2 * 416.41)


def test_children_add_up_and_nan_is_no_child():
    p = parameters_loader.load(2026)
    one = float(kinderbijslag(p, kind_leeftijd=[4]))
    assert kinderbijslag(p, kind_leeftijd=[NAN, NAN]) == 0
    assert kinderbijslag(p, kind_leeftijd=[]) == 0
    three = float(kinderbijslag(p, kind_leeftijd=[4, 8, 13]))
    assert three == pytest.approx(
        one + float(kinderbijslag(p, kind_leeftijd=[8])) + float(kinderbijslag(p, kind_leeftijd=[13]))
    )


def test_it_is_household_level_for_child_arrays():
    p = parameters_loader.load(2026)
    ages = np.array([[[4, 8, NAN]], [[NAN, NAN, NAN]]])
    out = kinderbijslag(p, kind_leeftijd=ages)
    assert out.shape == (2, 1)
    assert out[1, 0] == 0
    assert out[0, 0] == pytest.approx(float(kinderbijslag(p, kind_leeftijd=[4, 8])))


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("by_quarter", [False, True])
def test_the_year_is_the_sum_of_its_four_quarters_for_every_age(year, by_quarter, monkeypatch):
    # kinderbijslag looks the ages up once in a year table (the quarters' amounts added per age
    # band); by_quarter forces its other path, a lookup per quarter, used when the quarters' age
    # bands differ. Both must equal the four quarters of kinderbijslag_per_kwartaal, to the bit.
    from samensterk.income.formulas import kinderbijslag as module

    if by_quarter:
        monkeypatch.setattr(module, "_jaartabel", lambda jaar, maanden: None)
    ages = np.array([[[0, 3, 5, 6, 11, 12, 15, 17, 18, 25, NAN]]], dtype=float)
    want = np.zeros(ages.shape)
    for month in (1, 4, 7, 10):
        p_quarter = parameters_loader.load(dt.date(year, month, 1))
        want = want + kinderbijslag_per_kwartaal(p_quarter, kind_leeftijd=ages)
    got = kinderbijslag(parameters_loader.load(year), kind_leeftijd=ages)
    assert got.tobytes() == want.sum(axis=-1).tobytes()
    assert got[0, 0] > 0
