"""A Decimal recomputation of zorgtoeslag and kindgebonden budget, written from the rule text.

Independent of the float engine: it reads the YAML parameter files itself (as Decimal, from the
text) and applies the statutory formulas step by step, with the Awir rounding in Decimal.
Used by test_toeslag_decimal.py to check the vectorised float code to the cent.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

import yaml

PARAMETERS = Path(__file__).resolve().parents[2] / "samensterk" / "income" / "parameters"
EURO = Decimal("1")


@lru_cache
def _file(relative: str) -> dict:
    return yaml.safe_load((PARAMETERS / relative).read_text(encoding="utf-8"))


def parameter(name: str, year: int) -> Decimal:
    """The value of ``folder.file`` in force on 1 January of ``year``, as an exact Decimal."""
    values = _file("/".join(name.split(".")) + ".yaml")["values"]
    start = max(k for k in values if dt.date.fromisoformat(str(k)) <= dt.date(year, 1, 1))
    item = values[start]
    value = item["value"] if isinstance(item, dict) else item
    return Decimal(str(value))


def leeftijdsverhoging(age: int, year: int) -> Decimal:
    """Wkgb art. 2 lid 4 and 5, read from the bracket file: the amount of the bracket ``age`` is in."""
    data = _file("kindgebonden_budget/leeftijdsverhoging.yaml")
    amount = Decimal(0)
    for bracket in data["brackets"]:
        threshold = _at(bracket["threshold"]["values"], year)
        if age >= threshold:
            amount = _at(bracket["amount"]["values"], year)
    return amount


def _at(values: dict, year: int) -> Decimal:
    start = max(k for k in values if dt.date.fromisoformat(str(k)) <= dt.date(year, 1, 1))
    return Decimal(str(values[start]["value"]))


def awir_jaarbedrag(amount: Decimal, year: int) -> Decimal:
    """Awir art. 14 lid 4 (rekenkundig afronden op hele euro's) and lid 5 (niets onder €24)."""
    rounded = max(amount, Decimal(0)).quantize(EURO, rounding=ROUND_HALF_UP)
    return Decimal(0) if rounded < parameter("awir.minimum_jaarbedrag", year) else rounded


def awir_maandbedrag(annual: Decimal) -> Decimal:
    """Annual amount / 12, rounded down to whole euros (Dienst Toeslagen practice)."""
    return (annual / 12).quantize(EURO, rounding=ROUND_FLOOR)


def zorgtoeslag(income: Decimal, partner: bool, year: int) -> tuple[Decimal, Decimal]:
    """Wet op de zorgtoeslag art. 2: (standaardpremie x insured) - normpremie. Returns (raw, annual)."""
    drempel = parameter("zorgtoeslag.drempelinkomen", year)
    if partner:
        pct_drempel = parameter("zorgtoeslag.normpercentage_drempelinkomen_met_partner", year)
    else:
        pct_drempel = parameter("zorgtoeslag.normpercentage_drempelinkomen_zonder_partner", year)
    pct_boven = parameter("zorgtoeslag.normpercentage_boven_drempelinkomen", year)
    normpremie = pct_drempel * drempel
    if income > drempel:
        normpremie += pct_boven * (income - drempel)
    premies = parameter("zorgtoeslag.standaardpremie", year) * (2 if partner else 1)
    raw = premies - normpremie
    return raw, awir_jaarbedrag(raw, year)


def kindgebonden_budget(
    income: Decimal, partner: bool, ages: list[int], year: int
) -> tuple[Decimal, Decimal]:
    """Wet op het kindgebonden budget art. 2: maximum minus the afbouw. Returns (raw, annual)."""
    grens = parameter("kindgebonden_budget.leeftijdsgrens_kind", year)
    children = [a for a in ages if 0 <= a < grens]
    if not children:
        return Decimal(0), Decimal(0)
    maximum = parameter("kindgebonden_budget.bedrag_eerste_kind", year)
    maximum += (len(children) - 1) * parameter("kindgebonden_budget.bedrag_volgend_kind", year)
    maximum += sum((leeftijdsverhoging(a, year) for a in children), Decimal(0))
    drempel = parameter("kindgebonden_budget.drempelinkomen", year)
    if partner:
        drempel += parameter("kindgebonden_budget.verhoging_drempelinkomen_partner", year)
    else:
        maximum += parameter("kindgebonden_budget.alleenstaande_ouderkop", year)
    afbouw = parameter("kindgebonden_budget.afbouwpercentage", year) * max(income - drempel, Decimal(0))
    raw = max(maximum - afbouw, Decimal(0))
    # Paid as the Dienst Toeslagen leaflet shows: the year in cents (the month a twelfth of it,
    # rounded down), nothing when the year in whole euros is under the Awir minimum.
    annual = raw.quantize(Decimal("0.01"), ROUND_HALF_UP) if awir_jaarbedrag(raw, year) > 0 else Decimal(0)
    return raw, annual
