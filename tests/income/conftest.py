"""Shared households for the income engine tests (plain pytest, no Django)."""

import copy

import pytest

from samensterk.income.household import parse_household
from samensterk.income.simulate import simulate

COUPLE_TWO_CHILDREN = {
    "year": 2026,
    "her": {"hourly_wage": None, "pension_percent": 0},
    "partner": {"situation": "works", "gross_month": 2600},
    "children": [4, 8],
    "housing": {"rent": 900},
    "childcare": [{"child": 0, "type": "dagopvang", "hours_month": 80, "hourly_price": 10.5}],
}
SINGLE_MOTHER = {"year": 2026, "partner": {"situation": "none"}, "children": [6], "housing": {"rent": 750}}
BIJSTAND_COUPLE = {
    "year": 2026,
    "partner": {"situation": "bijstand"},
    "children": [3, 9],
    "housing": {"rent": 800},
}


def household(base, **changes):
    """A copy of ``base`` with top-level keys replaced."""
    data = copy.deepcopy(base)
    data.update(changes)
    return data


def run(*datas, hours=range(0, 41)):
    return simulate([parse_household(d) for d in datas], hours=hours)


@pytest.fixture
def couple():
    return copy.deepcopy(COUPLE_TWO_CHILDREN)
