"""Property tests (hypothesis) over random households.

The batch-consistency property uses a batch of 2,000 random households (not 10,000) to keep the
suite fast; the code path is the same for any batch size."""

import functools
import random

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samensterk.income.formulas.zorgtoeslag import zorgtoeslag
from samensterk.income.household import parse_household
from samensterk.income.parameters_loader import load
from samensterk.income.simulate import simulate

NON_NEGATIVE = ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "kinderopvangtoeslag", "kinderbijslag",
                "bijstand", "childcare_cost", "her_gross", "partner_gross", "loonheffing_her", "iack")  # fmt: skip


@st.composite
def households(draw):
    children = draw(st.lists(st.integers(0, 17), max_size=4))
    situation = draw(st.sampled_from(["works", "bijstand", "no_income", "none"]))
    partner = {"situation": situation}
    if situation == "works":
        kind = draw(st.sampled_from(["gross_month", "net_month", "hourly_wage"]))
        if kind == "hourly_wage":
            partner.update(hourly_wage=draw(st.floats(10, 60)), hours_week=draw(st.integers(0, 60)))
        else:
            partner[kind] = draw(st.floats(0, 9000))
    care = []
    if children and draw(st.booleans()):
        care = [{"child": draw(st.integers(0, len(children) - 1)), "type": draw(st.sampled_from(["dagopvang", "bso", "gastouder"])),
                 "hours_month": draw(st.floats(0, 230)), "hourly_price": draw(st.floats(0, 16))}]  # fmt: skip
    housing = (
        {"owner": True} if draw(st.booleans()) and draw(st.booleans()) else {"rent": draw(st.floats(0, 1600))}
    )
    return {
        "year": draw(st.sampled_from([2025, 2026])),
        "her": {
            "hourly_wage": draw(st.one_of(st.none(), st.floats(0, 60))),
            "pension_percent": draw(st.floats(0, 15)),
            "born_before_1963": draw(st.booleans()),
        },  # fmt: skip
        "partner": partner,
        "children": children,
        "housing": housing,
        "childcare": care,
        "bijstand": {"claim": draw(st.booleans()), "vrijlating": draw(st.booleans())},
    }


@settings(max_examples=60, deadline=None)
@given(st.lists(households(), min_size=1, max_size=8))
def test_no_nan_and_no_negative_toeslag(datas):
    res = simulate([parse_household(d) for d in datas])
    for name, arr in res.components.items():
        assert np.all(np.isfinite(arr.astype(float))), name
    for name in NON_NEGATIVE:
        assert np.all(res.components[name] >= 0), name


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 200_000), min_size=2, max_size=50), st.booleans(), st.sampled_from([2025, 2026]))
def test_zorgtoeslag_never_rises_with_income(incomes, partner, year):
    x = np.sort(np.array(incomes))
    zt = zorgtoeslag(load(year), toetsingsinkomen=x, heeft_partner=np.array(partner))
    assert np.all(np.diff(zt) <= 0)


def _random_batch(n, seed=7):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kids = [rng.randint(0, 17) for _ in range(rng.randint(0, 3))]
        situation = rng.choice(["works", "bijstand", "no_income", "none"])
        partner = {"situation": situation}
        if situation == "works":
            partner["gross_month" if rng.random() < 0.7 else "net_month"] = rng.uniform(800, 6000)
        care = [{"child": 0, "type": rng.choice(["dagopvang", "bso"]), "hours_month": rng.uniform(20, 160),
                 "hourly_price": rng.uniform(8, 12)}] if kids and rng.random() < 0.4 else []  # fmt: skip
        out.append(parse_household({
            "year": rng.choice([2025, 2026]), "her": {"hourly_wage": rng.choice([None, rng.uniform(12, 40)])},
            "partner": partner, "children": kids, "housing": {"rent": rng.uniform(0, 1200)}, "childcare": care,
        }))  # fmt: skip
    return out


BATCH_SIZE = 10_000


@functools.cache
def _batch():
    # Built on first use, not at import: collecting the tests stays fast.
    return _random_batch(BATCH_SIZE)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households(), st.integers(0, BATCH_SIZE - 1))
def test_a_household_gives_the_same_result_alone_and_inside_a_batch_of_10000(data, position):
    hh = parse_household(data)
    batch = _batch()[:position] + [hh] + _batch()[position:]
    inside, alone = simulate(batch), simulate([hh])
    for name, arr in alone.components.items():
        assert np.array_equal(inside.components[name][position], arr[0]), name
    assert inside.missing[position] == alone.missing[0]
