"""simulate() skips a rule when no household in the call can get the component (_Rules.call).

The premise: where ``applies`` is False the rule gives 0 (no child: no kindgebonden budget or
kinderbijslag; no childcare: no toeslag and no cost; an owner or no rent: no huurtoeslag; no
claim: no bijstand). These tests run each such household alone, where the rule is skipped, and
inside a batch with households that do get the component, where the rule runs for all of them:
the amounts, the missing-figure notes and the explanation's inputs must be the same.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from samensterk.income.household import parse_household
from samensterk.income.simulate import simulate

# Households that get every component: children, childcare, rent, a bijstand claim (one of
# them in a year of two spells: six months with the 25% disregard, then the 12.5% one), in both
# years.
_EVERYTHING = {"children": [2, 9], "housing": {"rent": 850},
               "childcare": [{"child": 0, "type": "dagopvang", "hours_month": 90, "hourly_price": 10.0}]}  # fmt: skip


def _gets_everything():
    out = []
    for year in (2025, 2026):
        couple = parse_household({"year": year, **_EVERYTHING, "bijstand": {"claim": True},
                                  "partner": {"situation": "works", "gross_month": 1200}})  # fmt: skip
        single = parse_household({"year": year, **_EVERYTHING, "bijstand": {"vrijlating": True},
                                  "partner": {"situation": "none"}})  # fmt: skip
        two_spells = dataclasses.replace(
            single, bijstand_months=6, bijstand_rest_vrijlating_alleenstaande_ouder=True
        )
        out += [couple, single, two_spells]
    return out


# Each lacks what one or more rules need, so alone the rule is not called.
LACKING = {
    "no children, no rent, no claim": {"partner": {"situation": "works", "gross_month": 2500}},
    "children without childcare": {"partner": {"situation": "bijstand"}, "children": [3, 6],
                                   "housing": {"rent": 700}},
    "an owner with childcare": {"partner": {"situation": "works", "gross_month": 3000}, "children": [1],
                                "housing": {"rent": 0, "owner": True},
                                "childcare": [{"child": 0, "type": "dagopvang", "hourly_price": 9.0}]},
    "a single woman renting": {"partner": {"situation": "none"}, "housing": {"rent": 650}},
}  # fmt: skip


def _household(data, year):
    return parse_household({"year": year, **data})


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("name", sorted(LACKING))
def test_a_household_alone_equals_the_same_household_among_those_the_rules_apply_to(name, year):
    hh = _household(LACKING[name], year)
    others = _gets_everything()
    alone, inside = simulate([hh]), simulate([*others, hh])
    last = len(others)
    for key, arr in alone.components.items():
        assert np.array_equal(inside.components[key][last], arr[0]), key
    for key, arr in alone.context.items():
        assert np.array_equal(inside.context[key][last], arr[0], equal_nan=True), key
    assert inside.missing[last] == alone.missing[0]


def test_the_batch_does_run_the_rules_the_lone_households_skip():
    # Without this the test above could compare two skipped calls: the others get each component.
    res = simulate(_gets_everything(), hours=[0, 16, 32])
    for key in ("kindgebonden_budget", "kinderbijslag", "childcare_cost", "huurtoeslag", "bijstand"):
        assert (res.components[key] > 0).any(axis=1).all(), key
    assert (res.components["kinderopvangtoeslag"][:, 1:] > 0).any()
