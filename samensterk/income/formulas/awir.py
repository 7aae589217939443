"""Rules common to all toeslagen: the Algemene wet inkomensafhankelijke regelingen (Awir).

Every toeslag formula returns its annual amount through :func:`jaarbedrag`, so the rounding and
the €24 minimum are applied in one place; :func:`maandbedrag` gives what is paid per month.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from samensterk.income import parameters_loader
from samensterk.income.rounding import round_down_euro, round_half_up_euro_nonnegative


def minimum_jaarbedrag(p=None) -> float:
    """The €24 lower limit of Awir art. 14 lid 5, at ``p.instant`` (or the latest known value)."""
    if p is not None:
        return p.awir.minimum_jaarbedrag
    # The signature jaarbedrag(x) has no date; the limit has not changed in the years we cover,
    # so without a date we read the most recent value.
    return parameters_loader.value_at("awir.minimum_jaarbedrag", dt.date.max)


def jaarbedrag(x, *, p=None):
    """The annual toeslag: rounded to whole euros, and nothing when below €24.

    Algemene wet inkomensafhankelijke regelingen, art. 14 lid 4 (rekenkundig afronden op hele
    euro's) and lid 5 (geen aanspraak onder €24 per jaar). The minimum is tested on the rounded
    amount: only that order reproduces the Belastingdienst's published income ceilings (at the
    zorgtoeslag ceiling the unrounded amount is about €23.5 and is still paid).
    """
    rounded = round_half_up_euro_nonnegative(np.maximum(np.asarray(x, dtype=float), 0.0))
    return np.where(rounded < minimum_jaarbedrag(p), 0.0, rounded)


def maandbedrag(annual):
    """What is paid per month: the annual amount / 12, rounded down to whole euros.

    Algemene wet inkomensafhankelijke regelingen, art. 22 (voorschot in maandelijkse termijnen);
    rounding down as in the Dienst Toeslagen tables and its "Berekening ... 2026" leaflets.
    """
    return round_down_euro(np.asarray(annual, dtype=float) / 12.0)
