"""The bijstand time line: the periods of her work that the law's earnings disregards make differ.

Participatiewet art. 31 lid 2 onder n: 25% of income from work is not counted, up to a monthly
maximum, for at most six months; onder r: after those months, a single parent with a child under
12 keeps 12.5% (up to its maximum) for at most 30 months; both only from 27 (lid 5), and the
college decides. Nothing else: there is no 25% for twelve months.

``periods(household)`` gives the households that describe each period, each as one year really
runs: her first year of work is six months with the 25% disregard and six months after it, so
the two halves share that year's toetsingsinkomen, toeslagen and tax assessment
(``Household.bijstand_months`` and the ``bijstand_rest_*`` flags). A household's own disregard
flags say whether the disregards apply to it (she is 27 or older and the gemeente grants them):
``bijstand_vrijlating`` the 25% one, ``bijstand_vrijlating_alleenstaande_ouder`` the 12.5% one
(kept only for a single parent with a child under 12). A period that starts in a later year of
her work has the children as old as they are then (``household.aged``). The page, its projector view and handout,
the JSON API and the CLI all take the periods from here, so they give the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from samensterk.income.components import gettext_noop
from samensterk.income.household import CURVE_HOURS, Household, aged
from samensterk.income.simulate import simulate

PERIOD_KEYS = ("first", "after", "second_third", "later")
FIRST_MONTHS = 6  # art. 31 lid 2 onder n: at most six months
SINGLE_PARENT_MONTHS = 30  # art. 31 lid 2 onder r: at most 30 consecutive months after those six
SINGLE_PARENT_CHILD_AGE = 12  # onder r: a child younger than 12


@dataclass(frozen=True)
class Period:
    key: str  # first | after | second_third | later
    label: str  # an English source string (gettext_noop); callers translate it
    note: str  # what she keeps in this period
    months_from: int  # the months of her work this period covers (1 = her first month)
    months_to: int | None  # None: open-ended
    household: Household


LABELS = {
    "first": gettext_noop("The first six months"),
    "after": gettext_noop("After six months"),
    "second_third": gettext_noop("The second and third year"),
    "later": gettext_noop("From the second year"),
    "later_long": gettext_noop("After three years"),
}
NOTES = {
    # xgettext:no-python-format
    "first": gettext_noop("25% of her earnings is kept, at most a fixed amount a month."),
    # xgettext:no-python-format
    "after": gettext_noop("As a single parent with a child under 12: 12.5% of her earnings is kept, "
                          "for at most 30 months."),
    "none": gettext_noop("Her earnings count in full against the bijstand."),
}  # fmt: skip


def single_parent_disregard(hh: Household) -> bool:
    """Whether the 12.5% disregard follows the first six months: asked for, a single parent, and
    a child under 12 (the ages at the start of the period: ``periods`` asks again for the second and
    third year, with the children a year older)."""
    return (
        hh.bijstand_vrijlating_alleenstaande_ouder
        and not hh.has_partner
        and any(age < SINGLE_PARENT_CHILD_AGE for age in hh.children)
    )


def has_timeline(hh: Household) -> bool:
    """A time line exists where the household claims bijstand and the 25% disregard applies."""
    return hh.bijstand_claim and hh.bijstand_vrijlating


def periods(hh: Household) -> tuple[Period, ...]:
    """The periods of her work for ``hh`` (empty without a time line), in order."""
    if not has_timeline(hh):
        return ()
    ouder = single_parent_disregard(hh)
    plain = replace(hh, bijstand_vrijlating=False, bijstand_vrijlating_alleenstaande_ouder=False,
                    bijstand_months=12, bijstand_rest_vrijlating=False,
                    bijstand_rest_vrijlating_alleenstaande_ouder=False)  # fmt: skip
    first = replace(plain, bijstand_vrijlating=True, bijstand_months=FIRST_MONTHS,
                    bijstand_rest_vrijlating_alleenstaande_ouder=ouder)  # fmt: skip
    after = replace(plain, bijstand_vrijlating_alleenstaande_ouder=ouder, bijstand_months=12 - FIRST_MONTHS,
                    bijstand_rest_vrijlating=True)  # fmt: skip

    # Every period counts the children as old as they are when it starts (household.aged): after
    # three years the toddler is at school, in after-school care.
    def period(key, label, note, start, end, household):
        return Period(key, label, note, start, end, aged(household, years_on(start)))

    out = [
        period("first", LABELS["first"], NOTES["first"], 1, FIRST_MONTHS, first),
        period("after", LABELS["after"], NOTES["after" if ouder else "none"], FIRST_MONTHS + 1, 12, after),
    ]
    if ouder:
        end = FIRST_MONTHS + SINGLE_PARENT_MONTHS
        # The 12.5% needs a child under 12 (onder r, 1°): it stops if the youngest turns 12.
        keeps = single_parent_disregard(
            aged(replace(plain, bijstand_vrijlating_alleenstaande_ouder=True), years_on(13))
        )
        whole = replace(plain, bijstand_vrijlating_alleenstaande_ouder=keeps)
        out.append(period("second_third", LABELS["second_third"], NOTES["after" if keeps else "none"], 13, end,
                          whole))  # fmt: skip
        out.append(period("later", LABELS["later_long"], NOTES["none"], end + 1, None, plain))
    else:
        out.append(period("later", LABELS["later"], NOTES["none"], 13, None, plain))
    return tuple(out)


def years_on(month: int) -> int:
    """Whole years from her first month of work to ``month`` (1 = her first month): the children's
    ages given are those of today, so a period from month 13 sees them a year older."""
    return (month - 1) // 12


@dataclass
class Run:
    """A household's curve with its time line: row 0 of ``res`` is the shown period's household
    (the household itself without a time line), ``rows`` maps each period to its row."""

    res: object
    periods: tuple[Period, ...]
    rows: dict[str, int]
    shown: str | None


def run(hh: Household, shown: str | None = "first", hours=CURVE_HOURS, extra=()) -> Run:
    """Simulate ``hh`` with its periods in one vectorised call; ``shown``: the period whose figures
    are row 0 (the first when not given or unknown). ``extra`` households follow the periods."""
    plist = periods(hh)
    keys = [p.key for p in plist]
    if plist:
        shown = shown if shown in keys else "first"
        main = plist[keys.index(shown)].household
    else:
        shown, main = None, hh
    res = simulate([main, *(p.household for p in plist), *extra], hours=hours)
    return Run(res=res, periods=plist, rows={k: i + 1 for i, k in enumerate(keys)}, shown=shown)


def summary(r: Run, hours) -> list[dict]:
    """Each period at the hours value ``hours``: its net household income per month and the change
    against not working in that period."""
    j = int(np.flatnonzero(r.res.hours == hours)[0])
    c = r.res.components
    return [
        {
            "key": p.key,
            "label": p.label,
            "note": p.note,
            "months_from": p.months_from,
            "months_to": p.months_to,
            "children": list(p.household.children),
            "net_household": float(c["net_household"][r.rows[p.key], j]),
            "change_vs_0": float(c["change_vs_0"][r.rows[p.key], j]),
            "shown": p.key == r.shown,
        }  # fmt: skip
        for p in r.periods
    ]
