"""The rounding helpers (samensterk/income/rounding.py): half up to the cent and to the euro,
checked against Decimal, and the non-negative variants against the general ones."""

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from samensterk.income.rounding import (
    round_half_up_cent,
    round_half_up_cent_nonnegative,
    round_half_up_euro,
    round_half_up_euro_nonnegative,
)

# Amounts as the engine meets them: whole cents and tenths of cents (half-cent ties included),
# up to a million euros.
MILLS = st.integers(min_value=0, max_value=1_000_000_000)


def test_ties_go_up_and_binary_fractions_do_not_spoil_them():
    amounts = np.array([0.005, 0.015, 1.005, 2.675, 1234.565, 0.1 + 0.2, 0.0, 0.004999])
    assert round_half_up_cent(amounts).tolist() == [0.01, 0.02, 1.01, 2.68, 1234.57, 0.3, 0.0, 0.0]
    assert round_half_up_euro(np.array([0.5, 1.5, 2.4999, 1e6 + 0.5])).tolist() == [1, 2, 2, 1_000_001]


@given(st.lists(MILLS, min_size=1, max_size=20))
def test_the_nonnegative_helpers_give_the_general_helpers_cents_and_euros(mills):
    amounts = np.array(mills, dtype=float) / 1000
    cents, euros = round_half_up_cent(amounts), round_half_up_euro(amounts)
    assert round_half_up_cent_nonnegative(amounts).tobytes() == cents.tobytes()
    assert round_half_up_euro_nonnegative(amounts).tobytes() == euros.tobytes()
    for amount, mill, cent in zip(amounts, mills, cents, strict=True):
        want = (Decimal(mill) / 1000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert Decimal(str(cent)) == want, amount
