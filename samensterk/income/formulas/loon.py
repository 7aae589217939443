"""Gross wage from work: hourly wage, hours per week, the statutory minimum wage and the
minimum holiday allowance (vakantiebijslag)."""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np

from samensterk.income.parameters_loader import value_at

# A year has 52 weeks; the monthly wage of a weekly contract is 52/12 weeks of pay. This is the
# calendar, not a legal figure (the reference computes a year as hourly x hours x 52).
WEKEN_PER_JAAR = 52
MAANDEN_PER_JAAR = 12


def minimumuurloon(p):
    """Wettelijk minimumuurloon 21+ on the instant of ``p`` (Wet minimumloon en
    minimumvakantiebijslag, art. 8 and 14; since 2024 an hourly amount)."""
    return p.wml.minimumuurloon


@functools.cache  # per year: the parameter files do not change while running
def minimumuurloon_jaargemiddelde(year: int) -> float:
    """The statutory minimum hourly wage averaged over the year: it is indexed on 1 January and
    1 July (Wet minimumloon en minimumvakantiebijslag, art. 14), so each applies half a year."""
    jan = value_at("wml.minimumuurloon", dt.date(year, 1, 1))
    jul = value_at("wml.minimumuurloon", dt.date(year, 7, 1))
    return (jan + jul) / 2


def brutoloon_maand(uurloon, uren_per_week):
    """Gross monthly wage of a contract of ``uren_per_week`` hours at ``uurloon`` euros per hour
    (Wet minimumloon, art. 8: the wage is per hour worked; a month is 52/12 weeks)."""
    return np.asarray(uurloon, float) * np.asarray(uren_per_week, float) * WEKEN_PER_JAAR / MAANDEN_PER_JAAR


def vakantiebijslag(p, jaarloon):
    """Minimumvakantiebijslag: 8% of the year's wage, paid once a year, usually in May
    (Wet minimumloon en minimumvakantiebijslag, art. 15 and 16)."""
    return p.wml.vakantiebijslag_percentage * np.asarray(jaarloon, float)
