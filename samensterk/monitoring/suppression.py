"""Small-number suppression for every aggregate shown outside its own trajectory (DESIGN.md §3).

Primary suppression: every count under ``SMALL`` (0 included) is shown as "<5".
Secondary suppression: in a column that has a total, one hidden cell could be recovered as the
total minus the visible cells, and two hidden cells can still be pinned down by the bounds
(two cells of "<5" that add up to 8 are both 4). So after the primary step we check, for every
hidden small cell, the range of values that the shown total, the visible cells and the known
bounds of the other hidden cells leave open; while any small cell is pinned to one value we hide
the smallest visible cell as well ("x": hidden so that the total reveals nothing), and when no
visible cell is left, the total. Pure Python and no Django import: tested with crafted data.

Rounding ("no total or difference reveals a suppressed cell"): every shown count is
rounded to the nearest multiple of ``ROUND_TO`` (CBS/ONS practice, "afgerond op vijftallen"), so
two filter settings no longer give a small count away as a difference (Noord 31 overall and 28 in
one quarter both show as 30; the 3 of the other quarters is nowhere to be read). A total is
rounded from its exact value, not summed from rounded cells, so rounded cells need not add up to
the rounded total. Rounding is deterministic: the same data gives the same page. Because every
shown ``Cell`` is built here, the page, the exports and the charts cannot show an unrounded count.
A rounded total can still pin its cells down (four cells shown as 10 under a total of 30 are all
8), so a column is also checked with the bounds a reader gets from the rounded figures, and a
further cell is hidden while any cell is pinned to one value.
A whole page: the four reach tables of a column share one total, hidden in all when
hidden in one, and ``suppress_page`` checks every small count against everything the page shows
together with a linear programme (tests/monitoring/page_reader.py is the matching reader, with
integer programming, run over every filter setting in tests/monitoring/test_page_disclosure.py).
A column whose cells are all hidden hides its total too: two filter settings' totals could
otherwise pin a small count (the two edge cases in tests/monitoring/test_suppression.py that a
reader of both views together once solved). Not proven for every pair of filter settings: the
tests search crafted columns and the demo data's pages, one page at a time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence, Set
from dataclasses import dataclass

SMALL = 5
SMALL_LABEL = "<5"
SECONDARY_LABEL = "x"
ROUND_TO = 5
# Part of the dashboard cache key (cache.py): a change to the rules here must not serve pages
# built under the old ones.
RULES_VERSION = "round5-v1"

_NO_LIMIT = float("inf")


@dataclass(frozen=True)
class Cell:
    """One shown number. ``value`` is the shown (rounded) count, None whenever it is hidden; the
    exact count never leaves this module."""

    value: int | None
    small: bool = False  # hidden because it is under SMALL
    secondary: bool = False  # hidden so that a total or a difference does not reveal a small cell

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        if self.small:
            return SMALL_LABEL
        if self.secondary:
            return SECONDARY_LABEL
        return str(self.value)

    @property
    def number(self) -> int | str:
        """For exports: the integer when shown, else the label."""
        return self.value if self.value is not None else str(self)


def rounded(value: int) -> int:
    """``value`` to the nearest multiple of ROUND_TO (a count of 5 to 7 shows as 5, never as 0)."""
    return (int(value) + ROUND_TO // 2) // ROUND_TO * ROUND_TO


def shown_range(value: int) -> tuple[int, int]:
    """The exact counts a reader cannot tell apart from the shown (rounded) ``value``."""
    r = rounded(value)
    return max(SMALL, r - ROUND_TO // 2), r + ROUND_TO // 2


def small(value: int) -> Cell:
    """Primary suppression and rounding, for counts that are never summed on the page."""
    value = int(value or 0)
    return Cell(None, small=True) if value < SMALL else Cell(rounded(value))


def _pinned_rounded(values: Sequence[int], small_idx: set[int], secondary_idx: set[int]) -> bool:
    """Whether the rounded figures a reader sees (cells and total) leave some cell one value only."""
    bounds = []
    for i, v in enumerate(values):
        if i in small_idx:
            bounds.append((0, SMALL - 1))
        elif i in secondary_idx:
            bounds.append((SMALL, _NO_LIMIT))
        else:
            bounds.append(shown_range(v))
    t_lo, t_hi = shown_range(sum(values))
    lo_sum = sum(lo for lo, _hi in bounds)
    hi_sum = sum(hi for _lo, hi in bounds)
    for lo, hi in bounds:
        lowest = max(lo, t_lo - (hi_sum - hi))
        highest = min(hi, t_hi - (lo_sum - lo))
        if highest <= lowest:
            return True
    return False


def _pinned(values: Sequence[int], small_idx: set[int], secondary_idx: set[int]) -> bool:
    """Whether some hidden small cell can be worked out to a single value from the total."""
    hidden = sorted(small_idx | secondary_idx)
    if not hidden:
        return False
    hidden_sum = sum(values[i] for i in hidden)  # = shown total - visible cells: known to a reader
    lo = {i: (0 if i in small_idx else SMALL) for i in hidden}
    hi = {i: (SMALL - 1 if i in small_idx else _NO_LIMIT) for i in hidden}
    for i in small_idx:
        others_hi = sum(hi[j] for j in hidden if j != i)
        others_lo = sum(lo[j] for j in hidden if j != i)
        lowest = max(lo[i], hidden_sum - others_hi)
        highest = min(hi[i], hidden_sum - others_lo)
        if highest <= lowest:
            return True
    return False


def suppress_column(values: Sequence[int], *, also_hide: Set[int] = frozenset()) -> tuple[list[Cell], Cell]:
    """The cells of one column and its total, suppressed so that together they reveal no small cell.

    ``also_hide``: cells to hide in any case (another table linked to this one needs them hidden).
    """
    values = [int(v or 0) for v in values]
    total = sum(values)
    if total < SMALL:  # every cell is small too
        return [Cell(None, small=True) for _ in values], Cell(None, small=True)
    small_idx = {i for i, v in enumerate(values) if v < SMALL}
    secondary_idx: set[int] = set(also_hide) - small_idx
    total_hidden = False
    while _pinned(values, small_idx, secondary_idx) or _pinned_rounded(values, small_idx, secondary_idx):
        visible = [i for i in range(len(values)) if i not in small_idx and i not in secondary_idx]
        if not visible:
            total_hidden = True
            break
        secondary_idx.add(min(visible, key=lambda i: (values[i], i)))
    if small_idx and len(small_idx | secondary_idx) == len(values):
        # Every cell hidden: the total would say all there is about them, and another filter
        # setting's total can then pin a small count (a quarter's "<5, x / 15" against all
        # quarters' "10, 10 / 15" leaves the 4 outside the quarter one value).
        total_hidden = True
    cells = [
        Cell(None, small=True)
        if i in small_idx
        else Cell(None, secondary=True)
        if i in secondary_idx
        else Cell(rounded(v))
        for i, v in enumerate(values)
    ]
    # The total from its exact value, rounded on its own (not the sum of the rounded cells).
    return cells, (Cell(None, secondary=True) if total_hidden else Cell(rounded(total)))


def suppress_linked(
    tables: Sequence[Sequence[tuple[int, frozenset]]],
    *,
    also_hide: Sequence[Set[int]] | None = None,
    hide_total: bool = False,
) -> list[tuple[list[Cell], Cell]]:
    """One column shown in several tables that each split the same whole a different way
    (per district, per quarter, per method...). Each cell is ``(value, members)``, ``members``
    being the finest groups it adds up (with a non-zero value).

    Each table is suppressed on its own first. Then, for every small cell of one table, if another
    table gives its exact value (the cells of the other table inside it are all shown, or the
    cells outside it and the total are), one of those is hidden too, and the tables are checked
    again until none gives a small cell away. The tables share one total: hidden in one, it is
    hidden in all (``hide_total`` hides it from the start). Bounds combined across three tables
    are checked by ``suppress_page``.
    """
    hide: list[set[int]] = [set(also_hide[t]) if also_hide else set() for t in range(len(tables))]
    while True:
        results = [
            suppress_column([v for v, _m in table], also_hide=frozenset(hide[t]))
            for t, table in enumerate(tables)
        ]
        if hide_total or any(total.secondary for _cells, total in results):
            results = [(cells, _hidden_total(total)) for cells, total in results]
        extra = _first_leak(tables, results)
        if extra is None:
            return results
        t, i = extra
        hide[t].add(i)


def _hidden_total(total: Cell) -> Cell:
    return total if total.small else Cell(None, secondary=True)


def suppress_page(
    tables: Sequence[Sequence[tuple[int, frozenset]]], group_values: Sequence[int] | None = None
) -> list[tuple[list[Cell], Cell]]:
    """``suppress_linked``, then checked as a reader of the whole page would: every shown figure of
    every table ("<5" = 0-4, "x" = 5 or more, a rounded number = itself ±2, the shared total) is a
    bound on a sum of the finest groups, and a linear programme finds the least and the most each
    small cell (1-4) can be under all of them together. While one is left a single value, the
    figure nearest to it (sharing groups with it, smallest first) is hidden as well.

    ``group_values``: the exact value of each finest group (indexed as in ``members``). With them
    most small cells are cleared without a linear programme: if one of its groups could be one
    more, or one less, with every shown figure still true, the reader cannot pin the cell.
    """
    also_hide: list[set[int]] = [set() for _ in tables]
    hide_total = False
    while True:
        results = suppress_linked(tables, also_hide=also_hide, hide_total=hide_total)
        pinned = _first_pinned(tables, results, group_values)
        if pinned is None:
            return results
        choice = _nearest_shown(tables, results, pinned)
        if choice is None:  # nothing shown is left near it: the shared total goes
            if hide_total or results[0][1].small:
                return results  # nothing left to hide (a reader cannot pin what is not shown)
            hide_total = True
        else:
            t, i = choice
            also_hide[t].add(i)


def figure_bounds(cell: Cell) -> tuple[float, float]:
    """The exact counts a reader cannot tell apart from what ``cell`` shows."""
    if cell.small:
        return 0, SMALL - 1
    if cell.secondary:
        return SMALL, _NO_LIMIT
    return shown_range(cell.value)


def _movable(t0: int, i0: int, tables, results, group_values) -> bool:
    """Whether a group of small cell (t0, i0) can be one more or one less while every shown figure
    (each table's cell holding the group, and the total) still reads the same: a second exact
    table that fits the page, with another value for the cell, so the reader cannot pin it."""
    total_lo, total_hi = figure_bounds(results[0][1])
    total = sum(v for v, _m in tables[0])
    for g in tables[t0][i0][1]:
        figures = [(total_lo, total_hi, total)]
        for t, table in enumerate(tables):
            for i, (value, members) in enumerate(table):
                if g in members:
                    figures.append((*figure_bounds(results[t][0][i]), value))
                    break
        if group_values[g] >= 1 and all(value - 1 >= lo for lo, _hi, value in figures):
            return True
        if all(value + 1 <= hi for _lo, hi, value in figures):
            return True
    return False


def _first_pinned(tables, results, group_values=None) -> tuple[int, int] | None:
    """(table, cell) of a small count (1-4) that everything shown together leaves one value only."""
    small_cells = [
        (t, i)
        for t, table in enumerate(tables)
        for i, (value, members) in enumerate(table)
        if 0 < value < SMALL and members and results[t][0][i].small
    ]
    if group_values is not None:
        small_cells = [(t, i) for t, i in small_cells if not _movable(t, i, tables, results, group_values)]
    if not small_cells:
        return None
    groups = sorted({g for table in tables for _v, members in table for g in members})
    index = {g: k for k, g in enumerate(groups)}
    rows, lows, highs = [], [], []
    everything = frozenset(groups)
    figures = [
        (members, cell)
        for t, table in enumerate(tables)
        for (_v, members), cell in zip(table, results[t][0], strict=True)
    ]
    figures.append((everything, results[0][1]))
    for members, cell in figures:
        lo, hi = figure_bounds(cell)
        rows.append([index[g] for g in members])
        lows.append(lo)
        highs.append(hi)
    for t, i in small_cells:
        lo, hi = sum_bounds([index[g] for g in tables[t][i][1]], len(groups), rows, lows, highs)
        if math.floor(hi + 1e-6) <= math.ceil(lo - 1e-6):
            return t, i
    return None


def sum_bounds(target: list[int], n: int, rows, lows, highs) -> tuple[float, float]:
    """The least and the most that the sum of variables ``target`` can be, all variables >= 0 and
    each ``rows[k]``'s sum between ``lows[k]`` and ``highs[k]`` (a linear programme, HiGHS)."""
    import numpy as np
    from scipy.optimize import linprog

    a_ub, b_ub = [], []
    for cols, lo, hi in zip(rows, lows, highs, strict=True):
        if not cols:
            continue
        row = np.zeros(n)
        row[cols] = 1
        if hi != _NO_LIMIT:
            a_ub.append(row)
            b_ub.append(hi)
        if lo > 0:
            a_ub.append(-row)
            b_ub.append(-lo)
    c = np.zeros(n)
    c[target] = 1
    a = np.array(a_ub) if a_ub else None
    b = np.array(b_ub) if b_ub else None
    low = linprog(c, A_ub=a, b_ub=b, bounds=(0, None), method="highs")
    high = linprog(-c, A_ub=a, b_ub=b, bounds=(0, None), method="highs")
    lo = low.fun if low.status == 0 else 0.0
    hi = -high.fun if high.status == 0 else _NO_LIMIT  # unbounded: no upper limit at all
    return lo, hi


def _nearest_shown(tables, results, pinned) -> tuple[int, int] | None:
    """The shown cell to hide next for the pinned small cell: one that shares finest groups with
    it in another table, or one of its own table while the total is shown; smallest first."""
    t0, i0 = pinned
    group = tables[t0][i0][1]
    total_shown = not results[0][1].hidden
    candidates = []
    for t, table in enumerate(tables):
        for i, (value, members) in enumerate(table):
            if results[t][0][i].hidden:
                continue
            if (t != t0 and not members.isdisjoint(group)) or (t == t0 and total_shown):
                candidates.append((value, t, i))
    if not candidates:
        return None
    _value, t, i = min(candidates)
    return t, i


def _first_leak(tables, results) -> tuple[int, int] | None:
    """(table, cell) to hide next, or None when no table gives a small cell of another away."""
    for a, (cells_a, _total_a) in enumerate(results):
        for i, cell in enumerate(cells_a):
            group = tables[a][i][1]
            if not cell.small or not group:
                continue  # a zero adds nothing to protect beyond its "<5"
            for b, (cells_b, total_b) in enumerate(results):
                if b == a:
                    continue
                inside, outside = [], []
                for j, (_value, members) in enumerate(tables[b]):
                    if not members:
                        continue
                    if members <= group:
                        inside.append(j)
                    elif members.isdisjoint(group):
                        outside.append(j)
                    else:
                        break  # table b does not split along this cell: no exact sum
                else:
                    shown_in = [j for j in inside if not cells_b[j].hidden]
                    shown_out = [j for j in outside if not cells_b[j].hidden]
                    if inside and len(shown_in) == len(inside):
                        return b, _smallest(tables[b], shown_in)
                    if outside and not total_b.hidden and len(shown_out) == len(outside):
                        return b, _smallest(tables[b], shown_out)
    return None


def _smallest(table, indexes: list[int]) -> int:
    return min(indexes, key=lambda j: (table[j][0], j))
