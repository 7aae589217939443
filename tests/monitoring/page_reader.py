"""A reader of one whole dashboard page who solves every figure it shows together (issue #23).

The reader reads "<5" as 0-4, "x" as 5 or more, a rounded number r as max(5, r-2)..r+2, a row that
is not there as 0, and knows which finest groups exist (which trajectory of which method and
partnership ran in which district and quarter: public knowledge). Per column of the four reach
tables every shown figure, the shared total and the "In short" text are bounds on a sum of those
groups; an integer programme (scipy's milp, HiGHS) finds the least and the most each count can be.
A count of 1-4 that comes out as a single value is revealed.

The groups are counted here from the sessions themselves, not from monitoring's summary tables,
so a summary that went wrong cannot hide a leak.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from samensterk.monitoring.queries import Quarter
from samensterk.monitoring.selectors import REACH_COLUMNS
from samensterk.monitoring.suppression import SMALL

COLUMNS = [key for key, _label in REACH_COLUMNS]
DIMENSIONS = ["district", "quarter", "method", "partnership"]


def bounds_of(shown: str) -> tuple[float, float]:
    if shown == "<5":
        return 0, SMALL - 1
    if shown == "x":
        return SMALL, math.inf
    r = int(shown)
    return max(SMALL, r - 2), r + 2


def finest_groups(scope_ids, filters) -> dict[tuple, list[int]]:
    """(district, quarter, method key, partnership key) -> exact counts of COLUMNS, from the live data."""
    from django.utils import timezone

    from samensterk.monitoring.models import EarlierCount
    from samensterk.programme.models import Session

    groups: dict[tuple, list[int]] = defaultdict(lambda: [0] * len(COLUMNS))
    sessions = Session.objects.select_related("trajectory__partnership", "trajectory__method")
    if scope_ids is not None:
        sessions = sessions.filter(
            trajectory__partnership__men_organisation_id__in=scope_ids
        ) | sessions.filter(trajectory__partnership__women_organisation_id__in=scope_ids)
    zone = timezone.get_current_timezone()
    for s in sessions:
        t = s.trajectory
        q = Quarter.of(s.starts_at.astimezone(zone).date())
        if filters.district and t.district != filters.district:
            continue
        if filters.quarter and q != filters.quarter:
            continue
        if filters.method and t.method.slug != filters.method:
            continue
        if filters.partnership and t.partnership_id != filters.partnership:
            continue
        row = groups[(t.district, str(q), str(t.method_id), str(t.partnership_id))]
        if s.status == "held":
            row[0] += 1
            row[2] += s.men_count or 0
            row[3] += s.women_count or 0
            row[4] += s.first_time_count or 0
        elif s.status == "cancelled":
            row[1] += 1
    if not (filters.method or filters.partnership):
        earlier = EarlierCount.objects.all()
        if scope_ids is not None:
            earlier = earlier.filter(organisation_id__in=scope_ids)
        for e in earlier:
            q = Quarter(e.year, e.quarter)
            if (filters.district and e.district != filters.district) or (
                filters.quarter and q != filters.quarter
            ):
                continue
            row = groups[(e.district, str(q), "before", "before")]
            row[0] += e.sessions
            row[2] += e.men
            row[3] += e.women
    return dict(groups)


def _integer_range(target: np.ndarray, rows: list[np.ndarray], lows, highs) -> tuple[int, int]:
    a = np.array(rows)
    constraint = LinearConstraint(a, np.array(lows, dtype=float), np.array(highs, dtype=float))
    n = len(target)
    found = []
    for sign in (1, -1):
        res = milp(sign * target, constraints=[constraint], integrality=np.ones(n), bounds=Bounds(0, np.inf))
        assert res.status in (0, 3), res.message  # 3: unbounded above
        found.append(math.inf if res.status == 3 else round(sign * res.fun))
    return found[0], found[1]


def reach_leaks(data, groups: dict[tuple, list[int]], summary: dict[str, str] | None = None) -> list[str]:
    """Every count of 1-4 in the four reach tables that the shown figures pin to one value."""
    keys = sorted(groups)
    leaks = []
    for c, col in enumerate(COLUMNS):
        rows, lows, highs, cells = [], [], [], []
        for d, dim in enumerate(DIMENSIONS):
            table = data.table(dim)
            ci = [k for k, _label in table.columns].index(col)
            shown_keys = {row.key for row in table.rows}
            present = {k[d] for k in keys}
            assert shown_keys == present, (dim, shown_keys, present)  # a missing row is a true 0
            for row in table.rows:
                member = np.array([1.0 if k[d] == row.key else 0.0 for k in keys])
                true = sum(groups[k][c] for k in keys if k[d] == row.key)
                shown = str(row.cells[ci])
                lo, hi = bounds_of(shown)
                rows.append(member)
                lows.append(lo)
                highs.append(hi)
                cells.append((f"{dim} {row.label} {col}", member, true))
            total = str(table.total.cells[ci])
            if summary is not None and col in summary:
                assert summary[col] == total  # "In short" says what every total row says
            lo, hi = bounds_of(total)
            rows.append(np.ones(len(keys)))
            lows.append(lo)
            highs.append(hi)
        if not keys:
            continue
        cells.append((f"total {col}", np.ones(len(keys)), sum(g[c] for g in groups.values())))
        for name, member, true in cells:
            if 0 < true < SMALL:
                lo, hi = _integer_range(member, rows, lows, highs)
                assert lo <= true <= hi, (name, lo, true, hi)  # the truth fits what is shown
                if lo == hi:
                    leaks.append(f"{name} = {true}")
    return leaks


def single_table_leaks(table, true_values: list[int], true_total: int | None) -> list[str]:
    """A table of its own (trajectories by status): its rows add up to its total."""
    if table.total is None:
        return []  # every cell stands alone: "<5" says 0-4 and nothing more
    n = len(table.rows)
    rows = [np.eye(n)[i] for i in range(n)] + [np.ones(n)]
    shown = [str(r.cells[0]) for r in table.rows] + [str(table.total.cells[0])]
    lows, highs = zip(*(bounds_of(s) for s in shown), strict=True)
    leaks = []
    for i, true in enumerate([*true_values, true_total]):
        if 0 < true < SMALL:
            target = rows[i]
            lo, hi = _integer_range(target, rows, lows, highs)
            if lo == hi:
                leaks.append(f"{table.key} row {i} = {true}")
    return leaks
