"""What a reader can work out from shown figures: brute force over every exact table that fits them.

The model (the one suppression.py defends against): a reader sees one column of counts and its
total per filter setting, each as "<5" (an exact count of 0 to 4), "x" (5 or more), or a rounded
number r (any exact count from max(5, r - 2) to r + 2), and knows that the cells add up to the
total. Two filter settings of the same table (all quarters, and one quarter) show the exact
columns ``s`` and ``a`` with ``s >= a`` row by row; ``b = s - a`` is what the other quarters hold.
A count is revealed when every exact table that fits what is shown gives it the same value.
Not modelled: a reader who re-runs the suppression algorithm on candidates to learn from *which*
cells were hidden (a known limit of deterministic secondary suppression).
"""

from __future__ import annotations

import itertools

import numpy as np

from samensterk.monitoring.suppression import SMALL, shown_range, suppress_column


def signature(cells, total) -> tuple[str, ...]:
    """Everything a reader sees of one column."""
    return (*[str(c) for c in cells], str(total))


def _total_range(total, cap: int) -> tuple[int, int]:
    if total.small:
        return 0, SMALL - 1
    if total.hidden:
        return SMALL, cap * 100
    return shown_range(total.value)


def _cell_range(cell, cap: int) -> range:
    if cell.small:
        return range(0, SMALL)
    if cell.secondary:
        return range(SMALL, max(cap, SMALL) + 1)
    lo, hi = shown_range(cell.value)
    return range(lo, hi + 1)


def consistent_columns(cells, total, cap: int = 60) -> np.ndarray:
    """Every exact column that fits the shown ``cells`` and ``total`` (an array, one row each).

    A hidden "x" is cut off at the total's upper bound, or at ``cap`` when the total is hidden:
    fewer candidates can only make a count look revealed, so a cut makes the checks stricter.
    """
    t_lo, t_hi = _total_range(total, cap)
    cap = min(cap, t_hi)
    grid = np.array(list(itertools.product(*[_cell_range(c, cap) for c in cells])), dtype=np.int64)
    sums = grid.sum(axis=1)
    return grid[(sums >= t_lo) & (sums <= t_hi)]


class TwoFilterReader:
    """A reader holding the same table under two filter settings (cached per pair of views)."""

    def __init__(self, cap: int = 40):
        self.cap = cap
        self._views: dict = {}
        self._pairs: dict = {}

    def _view(self, column: tuple[int, ...]):
        if column not in self._views:
            cells, total = suppress_column(list(column))
            self._views[column] = (signature(cells, total), cells, total)
        return self._views[column]

    def revealed(self, a: tuple[int, ...], b: tuple[int, ...]) -> list[str]:
        """The small counts (a row of ``b``, or a small cell of either view) pinned to one value."""
        s = tuple(x + y for x, y in zip(a, b, strict=True))
        sig_s, cells_s, total_s = self._view(s)
        sig_a, cells_a, total_a = self._view(a)
        key = (sig_s, sig_a)
        if key not in self._pairs:
            S = consistent_columns(cells_s, total_s, self.cap)
            A = consistent_columns(cells_a, total_a, self.cap)
            ok = (S[:, None, :] >= A[None, :, :]).all(axis=2)
            self._pairs[key] = (S, A, ok)
        S, A, ok = self._pairs[key]
        assert ok[(S == s).all(axis=1)][:, (A == a).all(axis=1)].any(), "the truth must fit what is shown"
        found = []
        for i in range(len(a)):
            if b[i] < SMALL and len(np.unique((S[:, None, i] - A[None, :, i])[ok])) < 2:
                found.append(f"row {i} outside the filter = {b[i]}")
            if a[i] < SMALL and len(np.unique(A[ok.any(axis=0), i])) < 2:
                found.append(f"row {i} in the filter = {a[i]}")
            if s[i] < SMALL and len(np.unique(S[ok.any(axis=1), i])) < 2:
                found.append(f"row {i} unfiltered = {s[i]}")
        return found
