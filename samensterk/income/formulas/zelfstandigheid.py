"""Financial and economic independence of one person (CBS / OCW Emancipatiemonitor).

CBS: "financieel onafhankelijk" = own net income from work and own business >= 100% of the net
statutory minimum wage; "economisch zelfstandig" = >= 70% of it (about the net bijstand of a
single person). Measured on the yearly average: the year's net income from work / 12.

CBS publishes its euro thresholds about ten months after the year and has not published them
for 2025 and 2026 (``zelfstandigheid.cbs_grens_*`` are marked missing). As the reference
suggests, we use the Participatiewet gehuwdennorm incl. vakantietoeslag (100% of the net
minimum wage) averaged over the year as the net minimum wage. That proxy is our choice, and the
explanation says so.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np

from samensterk.income.parameters_loader import value_at


@functools.cache  # per year: the parameter files do not change while running
def netto_minimumloon_maand(year: int) -> float:
    """Net statutory minimum wage per month, yearly average (proxy: Participatiewet art. 21
    gehuwdennorm incl. vakantietoeslag, which is 100% of the net minimum wage; the norm is
    indexed on 1 January and 1 July, each applying half a year)."""
    name = "zelfstandigheid.netto_minimumloon_maand"
    return (value_at(name, dt.date(year, 1, 1)) + value_at(name, dt.date(year, 7, 1))) / 2


def financieel_onafhankelijk(p, netto_arbeidsinkomen_maand, netto_minimumloon):
    """Financieel onafhankelijk (CBS begrip): own net income from work per month, yearly average,
    at least 100% of the net statutory minimum wage."""
    return (
        np.asarray(netto_arbeidsinkomen_maand, float)
        >= p.zelfstandigheid.financieel_fractie * netto_minimumloon
    )


def economisch_zelfstandig(p, netto_arbeidsinkomen_maand, netto_minimumloon):
    """Economisch zelfstandig (CBS begrip): own net income from work per month, yearly average,
    at least 70% of the net statutory minimum wage."""
    return (
        np.asarray(netto_arbeidsinkomen_maand, float)
        >= p.zelfstandigheid.economisch_fractie * netto_minimumloon
    )
