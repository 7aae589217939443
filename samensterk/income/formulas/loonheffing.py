"""Monthly loonheffing by the payroll rules that reproduce the Belastingdienst "witte
maandtabel" (Rekenvoorschriften voor de geautomatiseerde loonadministratie):

1. the table wage falls on the lower row of a table with fixed steps (EUR 4.50 a month);
2. the row is annualised (x 12);
3. box-1 tax is computed per bracket, each bracket rounded down to whole euros;
4. the algemene heffingskorting and the arbeidskorting (products to 5 decimals) are each
   rounded up to whole euros, and together never exceed the tax (arbeidskorting reduced first);
5. the annual amounts / 12 are rounded to cents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from samensterk.income.formulas import inkomstenbelasting as ib
from samensterk.income.rounding import floor_to_step, round_down_euro, round_half_up_cent, round_up_euro

# Rekenvoorschriften: each arbeidskorting product is rounded to 5 decimals before adding.
AK_DECIMALEN = 5


@dataclass
class Loonheffing:
    """Monthly payroll result for a table wage (all euros per month, cents)."""

    zonder_korting: np.ndarray  # loonheffing without loonheffingskorting
    algemene_heffingskorting: np.ndarray  # applied part of the AHK
    arbeidskorting: np.ndarray  # applied part of the AK ("verrekende arbeidskorting")
    met_korting: np.ndarray  # what is withheld with loonheffingskorting


def tabelloon_jaar(p, tabelloon_maand):
    """The annual wage of the table row: the monthly wage on the lower row of the witte
    maandtabel, times 12 (Rekenvoorschriften loonadministratie, tijdvak maand)."""
    rij = floor_to_step(np.maximum(np.asarray(tabelloon_maand, float), 0.0), p.loonheffing.tabelstap_maand)
    return rij * p.loonheffing.maanden_per_jaar


def belasting_per_schijf(p, jaarloon):
    """Box-1 tax on an annual payroll wage, each bracket rounded down to whole euros
    (Wet LB 1964, art. 20a with Wet IB 2001, art. 2.10; Rekenvoorschriften)."""
    scale = p.inkomstenbelasting.tarief_box1
    x = np.asarray(jaarloon, float)
    total = np.zeros(x.shape)  # np.zeros_like's Python wrapper costs more than the call
    # A loop over the brackets, not the brackets on an extra axis: that saves a few numpy calls
    # for one household but made a batch's payroll several times slower (measured).
    for lower, width, rate in zip(scale.thresholds, scale.widths, scale.rates, strict=True):
        # The part inside the bracket: min(max(., 0), width), np.clip without its wrapper.
        total = total + round_down_euro(rate * np.minimum(np.maximum(x - lower, 0.0), width))
    return total


def loonheffingskorting_jaar(p, jaarloon, belasting, *, met_arbeidskorting=True):
    """Loonheffingskorting (Wet LB 1964, art. 22): the AHK and AK, each rounded up to whole
    euros, together at most the tax; the arbeidskorting is the part reduced first."""
    ahk = np.minimum(round_up_euro(ib.algemene_heffingskorting(p, jaarloon)), belasting)
    ak = round_up_euro(ib.arbeidskorting(p, jaarloon, decimals=AK_DECIMALEN)) if met_arbeidskorting else 0.0
    ak = np.minimum(ak, belasting - ahk)
    return ahk, ak


def _jaarheffing(p, jaarloon, loonheffingskorting):
    """The annual payroll tax on an annual table wage: (tax, applied AHK, applied AK, tax after
    them); without loonheffingskorting both credits are zero."""
    belasting = belasting_per_schijf(p, jaarloon)
    if loonheffingskorting:
        ahk, ak = loonheffingskorting_jaar(p, jaarloon, belasting)
    else:
        ahk = ak = np.zeros_like(belasting)
    return belasting, ahk, ak, belasting - ahk - ak


def _maand(p, belasting, ahk, ak, heffing):
    """The monthly amounts of an annual payroll computation, rounded to cents."""
    maand = p.loonheffing.maanden_per_jaar
    # The four amounts (of one shape) stacked and rounded in one call: the same cents. Stacked
    # by assignment into one array: np.stack's Python-level checks cost more than the copies.
    alle = np.empty((4,) + np.shape(heffing))
    alle[0], alle[1], alle[2], alle[3] = belasting, ahk, ak, heffing
    zonder_korting, algemene_heffingskorting, arbeidskorting, met_korting = round_half_up_cent(alle / maand)
    return Loonheffing(zonder_korting, algemene_heffingskorting, arbeidskorting, met_korting)


def _bijzonder(p, basis, heffing_basis, bijzondere_beloning, loonheffingskorting):
    """The extra annual tax of a once-a-year payment on top of the annual table wage ``basis``."""
    totaal = basis + np.asarray(bijzondere_beloning, float)
    heffing_totaal = _jaarheffing(p, totaal, loonheffingskorting)[3]
    return round_half_up_cent(np.maximum(heffing_totaal - heffing_basis, 0.0))


def loonheffing_maand(p, tabelloon_maand, *, loonheffingskorting=True):
    """Monthly loonheffing for a table wage per the witte maandtabel (Wet LB 1964, art. 20a-22;
    Rekenvoorschriften voor de geautomatiseerde loonadministratie)."""
    jaar = tabelloon_jaar(p, tabelloon_maand)
    return _maand(p, *_jaarheffing(p, jaar, loonheffingskorting))


def loonheffing_bijzondere_beloning(p, tabelloon_maand, bijzondere_beloning, *, loonheffingskorting=True):
    """Loonheffing on a once-a-year payment (the holiday allowance in May): the extra annual
    payroll tax it causes on top of the annualised table wage. The Belastingdienst's "tabel
    bijzondere beloningen" percentages are derived this way; we compute the difference directly
    rather than the rounded percentage (Wet LB 1964, art. 26; Rekenvoorschriften)."""
    basis = tabelloon_jaar(p, tabelloon_maand)
    heffing_basis = _jaarheffing(p, basis, loonheffingskorting)[3]
    return _bijzonder(p, basis, heffing_basis, bijzondere_beloning, loonheffingskorting)


def loonheffing_maand_en_bijzondere_beloning(p, tabelloon_maand, bijzondere_beloning):
    """Both :func:`loonheffing_maand` and :func:`loonheffing_bijzondere_beloning` of one table
    wage, the annual tax on the table wage worked out once: the payroll of one earner needs both
    (Wet LB 1964, art. 20a-22 and 26). Returns the month (with its ``zonder_korting`` part), the
    tax on the payment with loonheffingskorting and the tax on it without: an employer who does
    not apply the korting (another payer does) withholds the latter."""
    basis = tabelloon_jaar(p, tabelloon_maand)
    totaal = basis + np.asarray(bijzondere_beloning, float)
    # The annual wage without and with the payment, stacked on a new first axis: the payroll
    # rules work element by element, so one call gives both (for one household the number of
    # numpy calls, not their arithmetic, is what costs time).
    beide = np.empty((2,) + totaal.shape)  # totaal has the broadcast shape of the two
    beide[0], beide[1] = basis, totaal
    belasting, ahk, ak, heffing = _jaarheffing(p, beide, True)
    maand = _maand(p, belasting[0], ahk[0], ak[0], heffing[0])
    met = np.maximum(heffing[1] - heffing[0], 0.0)  # as _bijzonder
    zonder = np.maximum(belasting[1] - belasting[0], 0.0)
    return maand, round_half_up_cent(met), round_half_up_cent(zonder)


def nettoloon_maand(p, brutoloon_maand, *, pensioen_percentage=0.0):
    """Net monthly wage: gross minus the employee pension contribution (which lowers the table
    wage, Wet LB 1964 art. 11 lid 1 sub c) minus the loonheffing with loonheffingskorting."""
    bruto = round_half_up_cent(brutoloon_maand)
    pensioen = round_half_up_cent(bruto * np.asarray(pensioen_percentage, float) / 100)
    return bruto - pensioen - loonheffing_maand(p, bruto - pensioen).met_korting


def brutoloon_bij_nettoloon(p, nettoloon, *, pensioen_percentage=0.0, iteraties=40):
    """A gross monthly wage whose net wage is ``nettoloon`` (to the cent where one exists): the
    inverse of :func:`nettoloon_maand` by vectorised bisection on "net >= target". The net wage
    rises with the gross wage overall but dips by a few cents where a new table row starts, so
    several gross wages can give the same net; bisection returns one of them. Used when the
    caller knows the partner's net wage only (Wet LB 1964, art. 20a-22)."""
    doel = np.asarray(nettoloon, float)
    laag = np.zeros_like(doel)
    hoog = np.maximum(doel * 3.0, 1.0) + 1000.0
    for _ in range(iteraties):
        midden = (laag + hoog) / 2
        genoeg = nettoloon_maand(p, midden, pensioen_percentage=pensioen_percentage) >= doel
        hoog = np.where(genoeg, midden, hoog)
        laag = np.where(genoeg, laag, midden)
    return round_half_up_cent(hoog)
