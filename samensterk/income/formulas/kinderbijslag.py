"""Kinderbijslag (Algemene Kinderbijslagwet, AKW): a fixed amount per child per quarter.

Not income-dependent. The amount is indexed on 1 January and 1 July, so a year has two sets of
amounts. Children are ages on the last axis (shape (n, 1, K)); NaN means "no child".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import numpy as np

from samensterk.income import parameters_loader


def kinderbijslag_per_kwartaal(p, *, kind_leeftijd):
    """Per child, the amount for the quarter starting at ``p.instant``, by age on its first day.

    Algemene Kinderbijslagwet, art. 12 lid 3 (under 6 / 6-11 / 12-17) and art. 7 (under 18).
    A NaN age (no child) gives 0.
    """
    leeftijd = np.asarray(kind_leeftijd, dtype=float)
    bekend = leeftijd >= 0  # False for NaN (no child)
    bedrag = p.kinderbijslag.bedrag_per_kwartaal.lookup(np.where(bekend, leeftijd, 0.0))
    return np.where(bekend, bedrag, 0.0)


def kinderbijslag(p, *, kind_leeftijd):
    """Annual kinderbijslag of the household: the four quarters of the year of ``p.instant``.

    Algemene Kinderbijslagwet, art. 12 (per child per kalenderkwartaal, amount by age on the
    first day of the quarter) and art. 13 lid 4 (indexation on 1 January and 1 July).
    The input has whole-year ages only, so each child is taken to have the same age in all four
    quarters (a birthday during the year is not modelled). Returns the sum over the children
    (the last axis); raises MissingParameter if a quarter's amount is not yet published.
    """
    # kinderbijslag_per_kwartaal per quarter, with the ages prepared once and the children who
    # are not there (NaN) set to 0 once, after the sum: the same amounts.
    leeftijd = np.asarray(kind_leeftijd, dtype=float)
    bekend = leeftijd >= 0  # False for NaN (no child)
    leeftijd = np.where(bekend, leeftijd, 0.0)
    jaartabel = _jaartabel(p.instant.year, tuple(p.kinderbijslag.kwartalen))
    if jaartabel is not None:  # one lookup in the year's table: the same sum per age band
        totaal = jaartabel.lookup(leeftijd)
    else:
        totaal = 0.0
        for kwartaal in _kwartalen(p.instant.year, tuple(p.kinderbijslag.kwartalen)):
            totaal = totaal + kwartaal.lookup(leeftijd)
    return np.where(bekend, totaal, 0.0).sum(axis=-1)


def _kwartalen(jaar, maanden):
    """The amount scale of each quarter (raises MissingParameter for an unpublished quarter)."""
    return [
        parameters_loader.load(dt.date(jaar, int(maand), 1)).kinderbijslag.bedrag_per_kwartaal
        for maand in maanden
    ]


@functools.cache  # per year: the parameter files do not change while running
def _jaartabel(jaar, maanden):
    """The year's scale: the quarters' age bands with, per band, the four quarters' amounts added
    in quarter order (0 + Q1 + Q2 + Q3 + Q4, as the loop adds them), when the quarters share
    their age bands; None otherwise. A MissingParameter is raised, not kept: the next call tries
    again."""
    schalen = _kwartalen(jaar, maanden)
    eerste = schalen[0]
    if any(not np.array_equal(s.thresholds, eerste.thresholds) or s.rates is not None for s in schalen):
        return None
    totaal = 0.0
    for s in schalen:
        totaal = totaal + s.amounts
    return dataclasses.replace(eerste, name=f"kinderbijslag {jaar}", amounts=totaal, references=())
