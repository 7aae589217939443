"""One registry of the components of a result: each declared once, with its label, its sign in
the household's net income, its legal source and the parameters behind it.

``simulate`` sums the net household income from it, ``explain`` takes labels, sources and
parameters from it, and the page, the chart legend, the PDF and the CLI read the same labels (via
the explanation lines) and groups. Labels and titles with English words are source strings for
translation (marked with ``gettext_noop``); the callers translate them.
"""

from __future__ import annotations

from dataclasses import dataclass


def gettext_noop(s):
    """Mark a string for translation without translating it (makemessages looks for this name)."""
    return s


LAW = "https://wetten.overheid.nl/"
LOONHEFFING = ("Wet op de loonbelasting 1964, art. 20a-22; witte maandtabel", LAW + "BWBR0002471")
PAYROLL = ("loonheffing.", "inkomstenbelasting.", "algemene_heffingskorting.", "arbeidskorting.")


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    sign: int  # +1 adds to the net household income, -1 is paid out of it, 0 is not summed
    source: tuple[str, str]  # (title, href)
    parameters: tuple[str, ...] = ()  # parameter name prefixes behind it
    toeslag: bool = False  # a toeslag on the joint toetsingsinkomen (Awir)


REGISTRY = (
    Component("her_net", gettext_noop("Her net wage"), +1, LOONHEFFING, ("wml.", *PAYROLL)),
    Component("partner_net", gettext_noop("Partner's net wage"), +1, LOONHEFFING, PAYROLL),
    Component("holiday_allowance_month", gettext_noop("Holiday allowance (paid in May)"), +1,
              ("Wet minimumloon en minimumvakantiebijslag, art. 15", LAW + "BWBR0002638"), ("wml.vakantiebijslag",)),
    Component("assessment", gettext_noop("Annual tax assessment"), +1,
              ("Wet inkomstenbelasting 2001, art. 2.10, 8.10, 8.11, 8.14a", LAW + "BWBR0011353"),
              ("inkomstenbelasting.", "algemene_heffingskorting.", "arbeidskorting.", "iack.")),
    Component("zorgtoeslag", gettext_noop("Zorgtoeslag"), +1, ("Wet op de zorgtoeslag, art. 2", LAW + "BWBR0018451"),
              ("zorgtoeslag.", "awir."), toeslag=True),
    Component("huurtoeslag", gettext_noop("Huurtoeslag"), +1, ("Wet op de huurtoeslag", LAW + "BWBR0008659"),
              ("huurtoeslag.", "awir."), toeslag=True),
    Component("kindgebonden_budget", gettext_noop("Kindgebonden budget"), +1,
              ("Wet op het kindgebonden budget, art. 2", LAW + "BWBR0022751"), ("kindgebonden_budget.", "awir."),
              toeslag=True),
    Component("kinderopvangtoeslag", gettext_noop("Kinderopvangtoeslag"), +1,
              ("Wet kinderopvang, art. 1.7; Besluit kinderopvangtoeslag", LAW + "BWBR0017017"),
              ("kinderopvangtoeslag.", "awir."), toeslag=True),
    Component("kinderbijslag", gettext_noop("Kinderbijslag"), +1,
              ("Algemene Kinderbijslagwet, art. 12", LAW + "BWBR0002368"), ("kinderbijslag.",)),
    Component("bijstand", gettext_noop("Bijstand"), +1,
              (gettext_noop("Participatiewet, art. 21 and 31"), LAW + "BWBR0015703"), ("bijstand.",)),
    Component("childcare_cost", gettext_noop("Childcare cost"), -1,
              (gettext_noop("Wet kinderopvang (the price you pay the provider)"), LAW + "BWBR0017017")),
    Component("net_household", gettext_noop("Net household income"), 0, (gettext_noop("Sum of the lines above"), "")),
    Component("independence", gettext_noop("Her own income"), 0,
              ("CBS, Financieel onafhankelijk / Economisch zelfstandig",
               "https://www.cbs.nl/nl-nl/onze-diensten/methoden/begrippen/financieel-onafhankelijk"),
              ("zelfstandigheid.",)),
)  # fmt: skip
BY_KEY = {c.key: c for c in REGISTRY}
INCOME = tuple(c.key for c in REGISTRY if c.sign > 0)  # summed into the net household income
COSTS = tuple(c.key for c in REGISTRY if c.sign < 0)  # paid out of it
TOESLAGEN = tuple(c.key for c in REGISTRY if c.toeslag)
