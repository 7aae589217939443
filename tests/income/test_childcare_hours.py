"""Childcare without hours_month follows her working hours (per type of care)."""

import pytest

from samensterk.income.household import CARE_PER_WORK_HOUR

from .conftest import household, run

SINGLE = {"year": 2026, "partner": {"situation": "none"}, "children": [2, 6], "housing": {"rent": 750}}


def test_care_hours_are_her_hours_times_the_share_of_the_type():
    data = household(SINGLE, childcare=[{"child": 0, "type": "dagopvang", "hourly_price": 10},
                                        {"child": 1, "type": "bso", "hourly_price": 9}])  # fmt: skip
    res = run(data, hours=[0, 10, 20])
    per_month = [h * 52 / 12 for h in (0, 10, 20)]
    want = [m * (CARE_PER_WORK_HOUR["dagopvang"] * 10 + CARE_PER_WORK_HOUR["bso"] * 9) for m in per_month]
    assert res.components["childcare_cost"][0].tolist() == pytest.approx(want)
    assert res.context["care_hours_month"][0].tolist() == pytest.approx([m * 1.5 for m in per_month])


def test_fixed_hours_are_kept_and_only_used_while_she_works():
    data = household(
        SINGLE, childcare=[{"child": 0, "type": "dagopvang", "hours_month": 50, "hourly_price": 10}]
    )
    res = run(data, hours=[0, 10, 20])
    assert res.components["childcare_cost"][0].tolist() == pytest.approx([0, 500, 500])
