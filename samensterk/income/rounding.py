"""Rounding helpers, named after where the law rounds.

The engine computes in float64. Where a statute or the payroll rules round, we round explicitly
here, with a tiny epsilon against binary representation error (e.g. 0.1 + 0.2), so results agree
to the cent with a Decimal recomputation and with published tables.
"""

from __future__ import annotations

import numpy as np

# Amounts are at most a few million euros; 1e-9 euro is far below a cent and far above the
# float64 representation error at that magnitude (~1e-10).
_EPS = 1e-9


def round_down_euro(x):
    """Whole euros, rounded down (Awir: monthly toeslag amounts; payroll bracket amounts)."""
    return np.floor(np.asarray(x, dtype=float) + _EPS)


def round_up_euro(x):
    """Whole euros, rounded up."""
    return np.ceil(np.asarray(x, dtype=float) - _EPS)


def round_half_up_euro(x):
    """Whole euros, half up (commercial rounding, e.g. Awir annual toeslag amount)."""
    x = np.asarray(x, dtype=float)
    return np.sign(x) * np.floor(np.abs(x) + 0.5 + _EPS)


def round_half_up_cent(x):
    """Cents, half up."""
    x = np.asarray(x, dtype=float)
    return np.sign(x) * np.floor(np.abs(x) * 100 + 0.5 + _EPS * 100) / 100


def round_half_up_euro_nonnegative(x):
    """round_half_up_euro of an amount that is never negative (a toeslag after its floor of 0):
    the same euros, without the sign handling (three numpy calls fewer; the engine rounds a few
    dozen arrays per household, and for one household the calls are what costs time)."""
    return np.floor(np.asarray(x, dtype=float) + 0.5 + _EPS)


def round_half_up_cent_nonnegative(x):
    """round_half_up_cent of an amount that is never negative (a wage, a pension contribution,
    the holiday allowance): the same cents, without the sign handling (see above)."""
    return np.floor(np.asarray(x, dtype=float) * 100 + 0.5 + _EPS * 100) / 100


def round_up_cent(x):
    """Cents, rounded up."""
    return np.ceil(np.asarray(x, dtype=float) * 100 - _EPS * 100) / 100


def floor_to_step(x, step: float):
    """The lower row of a table with fixed steps (witte maandtabel: €4.50 steps)."""
    x = np.asarray(x, dtype=float)
    return np.floor(x / step + _EPS) * step
