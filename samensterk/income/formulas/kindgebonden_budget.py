"""Kindgebonden budget (Wet op het kindgebonden budget, Wkgb).

A maximum per household (an amount per child, age supplements, and the alleenstaande-ouderkop
for a parent without partner), reduced by a percentage of the income above a threshold.

Children are given as ages on the last axis (shape (n, 1, K)); NaN means "no child".
"""

from __future__ import annotations

import numpy as np

from samensterk.income.formulas import awir
from samensterk.income.rounding import round_half_up_cent_nonnegative


def kind_telt(p, *, kind_leeftijd):
    """Which children give right to the budget: those for whom kinderbijslag is received.

    Wet op het kindgebonden budget, art. 2 lid 1; Algemene Kinderbijslagwet, art. 7 (under 18).
    Kinderbijslag is assumed to be received for every child under 18 living at home.
    """
    leeftijd = np.asarray(kind_leeftijd, dtype=float)
    # A comparison with NaN is False without a warning, so no np.errstate is needed.
    return ~np.isnan(leeftijd) & (leeftijd >= 0) & (leeftijd < p.kindgebonden_budget.leeftijdsgrens_kind)


def _bedrag_kinderen(p, aantal):
    """The amount for the first child plus the amount for each further child (art. 2 lid 2)."""
    kgb = p.kindgebonden_budget
    return np.where(aantal > 0, kgb.bedrag_eerste_kind + (aantal - 1) * kgb.bedrag_volgend_kind, 0.0)


def _leeftijdsverhogingen(p, leeftijd, telt):
    """The age supplements: one amount per child aged 12-15, a higher one per child aged 16-17
    (art. 2 lid 4 and 5)."""
    verhoging = p.kindgebonden_budget.leeftijdsverhoging.lookup(np.where(telt, leeftijd, 0.0))
    return np.where(telt, verhoging, 0.0).sum(axis=-1)


def _alleenstaande_ouderkop(p, heeft_partner, aantal):
    """The verhoging for a parent without a partner who has a child that counts (art. 2 lid 6)."""
    zonder_partner = ~np.asarray(heeft_partner, dtype=bool)
    return np.where(zonder_partner & (aantal > 0), p.kindgebonden_budget.alleenstaande_ouderkop, 0.0)


def maximaal_kindgebonden_budget(p, *, heeft_partner, kind_leeftijd):
    """The budget before the income reduction: the sum of art. 2 lid 2, 4, 5 and 6.

    Wet op het kindgebonden budget, art. 2.
    """
    # The children that count are worked out once for the three parts (the same figures are read
    # in the same order as when each part is computed on its own).
    leeftijd = np.asarray(kind_leeftijd, dtype=float)
    telt = kind_telt(p, kind_leeftijd=leeftijd)
    aantal = telt.sum(axis=-1).astype(float)
    return (
        _bedrag_kinderen(p, aantal)
        + _leeftijdsverhogingen(p, leeftijd, telt)
        + _alleenstaande_ouderkop(p, heeft_partner, aantal)
    )


def drempelinkomen(p, *, heeft_partner):
    """The income above which the budget is reduced; raised by a fixed amount with a partner.

    Wet op het kindgebonden budget, art. 1 (drempelinkomen) and art. 2 lid 8 (verhoogd drempelinkomen).
    """
    kgb = p.kindgebonden_budget
    return kgb.drempelinkomen + np.where(
        np.asarray(heeft_partner, dtype=bool), kgb.verhoging_drempelinkomen_partner, 0.0
    )


def vermindering(p, *, toetsingsinkomen, heeft_partner):
    """The income reduction: the afbouwpercentage of the toetsingsinkomen above the drempelinkomen.

    Wet op het kindgebonden budget, art. 2 lid 7 (without partner: it reduces the whole sum,
    including the alleenstaande-ouderkop) and lid 8 (with partner, on the joint income).
    """
    boven = np.asarray(toetsingsinkomen, dtype=float) - drempelinkomen(p, heeft_partner=heeft_partner)
    return p.kindgebonden_budget.afbouwpercentage * np.maximum(boven, 0.0)


def kindgebonden_budget_onafgerond(p, *, toetsingsinkomen, heeft_partner, kind_leeftijd):
    """The annual budget before the Awir rounding (Wet op het kindgebonden budget, art. 2)."""
    maximum = maximaal_kindgebonden_budget(p, heeft_partner=heeft_partner, kind_leeftijd=kind_leeftijd)
    verminderd = maximum - vermindering(p, toetsingsinkomen=toetsingsinkomen, heeft_partner=heeft_partner)
    return np.maximum(verminderd, 0.0)


def kindgebonden_budget(p, *, toetsingsinkomen, heeft_partner, kind_leeftijd):
    """Annual kindgebonden budget as the Dienst Toeslagen pays it (Wet op het kindgebonden
    budget, art. 2; Awir art. 14 lid 5 and art. 22): the year in cents, and nothing when the year
    rounded to whole euros is under €24. ``awir.maandbedrag`` of it is the monthly payment.

    Rounding order: the Dienst Toeslagen leaflet "Berekening kindgebonden budget 2026" prints
    the year in cents (€4,714.72 in its first example) and the month as a twelfth of that rounded
    down; its single-parent example (one child of 8, income €30,000: €5,975.94 a year, €497 a
    month) is where this differs from rounding the year to whole euros first (€5,976 / 12 = €498).
    That example is known second-hand (see income/parameters/README.md). The €24 limit is tested
    on whole euros, as the published zorgtoeslag ceilings show (awir.jaarbedrag).

    The vermogenstoets (art. 1 lid 4) is not modelled: assets are not an input.
    """
    onafgerond = kindgebonden_budget_onafgerond(
        p, toetsingsinkomen=toetsingsinkomen, heeft_partner=heeft_partner, kind_leeftijd=kind_leeftijd
    )
    return np.where(awir.jaarbedrag(onafgerond, p=p) > 0, round_half_up_cent_nonnegative(onafgerond), 0.0)
