"""Reads for the monitoring pages: the dashboard's suppressed tables and the awareness results.

Every number that leaves this module for a page or an export has gone through suppression.py.
Unsuppressed values stay inside the functions that build the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samensterk.access import DashboardScope
from samensterk.programme.models import District, FacilitatorRecruitment, Partnership, Training, Trajectory
from samensterk.toolkit.models import Method, Theme
from samensterk.toolkit.selectors import localize

from . import queries
from .awareness import AwarenessGroup, awareness_groups
from .queries import Filters, Quarter, quarter_range
from .suppression import Cell, small, suppress_column, suppress_page

REACH_COLUMNS = [
    ("held", _("Sessions held")),
    ("cancelled", _("Sessions cancelled")),
    ("men", _("Men")),
    ("women", _("Women")),
    ("first_time", _("First time")),
]
BEFORE_THE_APP = _("Before the app (imported)")
# Said on the page, in the CSV and XLSX and in the PDF (suppression.py rounds every shown count).
ROUNDING_NOTE = _(
    "Numbers are rounded to multiples of 5; fewer than 5 shows as <5. Each total is rounded from its "
    "exact figure, so the rounded rows need not add up to the rounded total."
)


@dataclass
class Row:
    label: str
    cells: list[Cell]
    key: str = ""


@dataclass
class Table:
    """One table on the dashboard, in the export and in the PDF: already suppressed."""

    key: str
    caption: str
    row_header: str
    columns: list[tuple[str, str]]
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None

    def column(self, key: str) -> list[tuple[str, Cell]]:
        i = [k for k, _label in self.columns].index(key)
        return [(row.label, row.cells[i]) for row in self.rows]


@dataclass
class Dashboard:
    filters: Filters
    quarters: list[Quarter]
    reach: list[Table]
    trajectories: Table
    pool: Table
    themes: Table
    signals: Table
    # The filters as a reader names them (district, method and partnership names, never a slug
    # or an id): for the About sheet of the XLSX and the PDF.
    filter_names: dict[str, str] = field(default_factory=dict)
    # The awareness shift per method, district and quarter (awareness.awareness_groups): only
    # where the first and the last meeting each have at least 5 answers.
    awareness: list[AwarenessGroup] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [*self.reach, self.trajectories, self.pool, self.themes, self.signals]

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def _suppressed_table(key, caption, row_header, columns, labelled_rows, *, with_total=True) -> Table:
    """``labelled_rows``: [(key, label, {column: value})]. Suppresses each column with its total."""
    table = Table(key=key, caption=str(caption), row_header=str(row_header), columns=columns)
    per_column = []
    totals = []
    for col, _label in columns:
        values = [values.get(col) or 0 for _k, _l, values in labelled_rows]
        if with_total:
            cells, total = suppress_column(values)
        else:
            cells, total = [small(v) for v in values], None
        per_column.append(cells)
        totals.append(total)
    for i, (row_key, label, _values) in enumerate(labelled_rows):
        table.rows.append(Row(label=str(label), key=str(row_key), cells=[cells[i] for cells in per_column]))
    if with_total:
        table.total = Row(label=str(_("Total")), key="total", cells=totals)
    return table


def available_quarters(scope: DashboardScope) -> list[Quarter]:
    """Every quarter from the first to the last session or imported count in scope."""
    first, last = queries.session_summary().in_scope(scope.organisation_ids).quarter_span()
    found = [first, last] if first and last else []
    span = (
        queries.earlier_counts()
        .in_scope(scope.organisation_ids)
        .order_by()
        .aggregate(first=Min("year"), last=Max("year"))
    )
    if span["first"]:
        found += [Quarter(span["first"], 1), Quarter(span["last"], 4)]
    if not found:
        return [Quarter.of(timezone.localdate())]
    return quarter_range(min(found), max(found))


def filter_choices(scope: DashboardScope, language: str | None = None) -> dict:
    """Methods and partnerships for the filter form (two queries and a translation lookup)."""
    partnerships = Partnership.objects.select_related("men_organisation", "women_organisation")
    if scope.organisation_ids is not None:
        partnerships = partnerships.filter(
            Q(men_organisation_id__in=scope.organisation_ids)
            | Q(women_organisation_id__in=scope.organisation_ids)
        )
    return {
        "methods": localize(Method.objects.all(), language),
        "partnerships": list(partnerships),
    }


def dashboard(
    scope: DashboardScope, filters: Filters, *, quarters: list[Quarter], choices: dict
) -> Dashboard:
    """Every table of the dashboard for ``scope`` and ``filters``, suppressed. Seven queries, and two
    more for the theme rows and their translations when a report ticked a theme."""
    ids = scope.organisation_ids
    if filters.quarter:
        quarters = [filters.quarter]
    rows = queries.session_summary().in_scope(ids).matching(filters).reach_rows()
    earlier = queries.earlier_counts().in_scope(ids).matching(filters).reach_rows()

    # The finest groups: one per (district, method, partnership, quarter) from the sessions, and
    # one per imported row. Every reach table adds these up along one dimension. About 10,000 of
    # them for 100,000 sessions: kept as arrays (a Python loop over them took 0.3 s).
    cols = [col for col, _label in REACH_COLUMNS]
    fine_keys: dict[str, list] = {"district": [], "quarter": [], "method": [], "partnership": []}
    fine_values: list = []
    for district, method, partnership, year, quarter, *counts in rows:
        fine_keys["district"].append(district)
        fine_keys["quarter"].append(f"{year}-Q{quarter}")  # str(Quarter(year, quarter))
        fine_keys["method"].append(method)
        fine_keys["partnership"].append(partnership)
        fine_values.append(counts)
    for row in earlier:
        fine_keys["district"].append(row["district"])
        fine_keys["quarter"].append(str(Quarter(row["year"], row["quarter"])))
        fine_keys["method"].append("before")
        fine_keys["partnership"].append("before")
        fine_values.append([row["held"] or 0, 0, row["men"] or 0, row["women"] or 0, 0, 0, 0, 0, 0])
    width = len(cols) + len(queries.SIGNAL_SUMS)
    values = np.array(fine_values, dtype=np.int64).reshape(-1, width)
    signals = dict(
        zip(queries.SIGNAL_SUMS, (int(v) for v in values[: len(rows), len(cols) :].sum(axis=0)), strict=True)
    )

    methods = {m.pk: m.name for m in choices["methods"]}
    partnerships = {p.pk: str(p) for p in choices["partnerships"]}
    districts = dict(District.choices)
    dims = [
        ("district", _("Reach per district"), _("District"), list(districts), lambda k: districts.get(k, k)),
        (
            "quarter",
            _("Reach per quarter"),
            _("Quarter"),
            [str(q) for q in quarters],
            lambda k: k or str(_("Other")),
        ),
        (
            "method",
            _("Reach per method"),
            _("Method"),
            [*methods, "before"],
            lambda k: BEFORE_THE_APP if k == "before" else methods.get(k, k),
        ),
        (
            "partnership",
            _("Reach per partnership"),
            _("Partnership"),
            [*partnerships, "before"],
            lambda k: BEFORE_THE_APP if k == "before" else partnerships.get(k, k),
        ),
    ]
    dim_keys = {}
    codes = {}  # per dimension: the row of each finest group in that dimension's table
    for dim, _caption, _header, order, _label_of in dims:
        present = set(fine_keys[dim])
        dim_keys[dim] = [k for k in order if k in present] + sorted(
            (k for k in present if k not in order), key=str
        )
        index = {k: i for i, k in enumerate(dim_keys[dim])}
        codes[dim] = np.fromiter((index[k] for k in fine_keys[dim]), dtype=np.intp, count=len(values))
    # Per column, the four tables are suppressed together (suppression.suppress_page): each
    # cell is its sum and the finest groups (indexes into ``values``) with something in it.
    suppressed = {}
    for c, col in enumerate(cols):
        column, tables = values[:, c], []
        nonzero = np.flatnonzero(column)
        for dim, *_rest in dims:
            n_keys, dim_codes = len(dim_keys[dim]), codes[dim]
            sums = np.bincount(dim_codes, weights=column, minlength=n_keys)
            in_order = nonzero[np.argsort(dim_codes[nonzero], kind="stable")]
            # No rows at all (nothing counted yet): np.split would still return one empty piece.
            per_cell = (
                np.split(in_order, np.cumsum(np.bincount(dim_codes[nonzero], minlength=n_keys))[:-1])
                if n_keys
                else []
            )
            tables.append([(int(v), frozenset(m.tolist())) for v, m in zip(sums, per_cell, strict=True)])
        suppressed[col] = suppress_page(tables, column.tolist())
    reach = []
    for d, (dim, caption, header, _order, label_of) in enumerate(dims):
        table = Table(key=dim, caption=str(caption), row_header=str(header), columns=REACH_COLUMNS)
        for r, key in enumerate(dim_keys[dim]):
            cells = [suppressed[col][d][0][r] for col, _label in REACH_COLUMNS]
            table.rows.append(Row(label=str(label_of(key)), key=str(key), cells=cells))
        table.total = Row(
            label=str(_("Total")), key="total", cells=[suppressed[col][d][1] for col, _label in REACH_COLUMNS]
        )
        reach.append(table)

    by_status = queries.trajectories().in_scope(ids).matching(filters).by_status()
    trajectories_table = _suppressed_table(
        "trajectories",
        _("Trajectories and their progress"),
        _("Status"),
        [("n", _("Trajectories"))],
        [(s, label, {"n": by_status.get(s, 0)}) for s, label in Trajectory.Status.choices],
    )

    pool_orgs = {} if ids is None else {"organisation_id__in": ids}
    recruited = FacilitatorRecruitment.objects.filter(
        status=FacilitatorRecruitment.Status.RECRUITED, **pool_orgs
    ).count()
    # Trained: attended both half-days of a training of the organisation.
    trained = (
        Training.objects.filter(**pool_orgs, attendees__isnull=False)
        .values("attendees")
        .annotate(parts=Count("part", distinct=True))
        .filter(parts__gte=2)
        .count()
    )
    active = queries.facilitator_summary().in_scope(ids).matching(filters).active()
    pool = _suppressed_table(
        "pool",
        _("Facilitator pool"),
        _("Facilitators"),
        [("n", _("Number"))],
        [
            ("recruited", _("Recruited"), {"n": recruited}),
            ("trained", _("Trained (both half-days)"), {"n": trained}),
            ("active", _("Active (facilitated a session held)"), {"n": active}),
        ],
        with_total=False,  # the three overlap: a total would be meaningless
    )

    theme_counts = dict(queries.theme_summary().in_scope(ids).matching(filters).theme_counts())
    themes = localize(Theme.objects.filter(pk__in=theme_counts), None) if theme_counts else []
    themes_table = _suppressed_table(
        "themes",
        _("Themes raised"),
        _("Theme"),
        [("n", _("Reports that name it"))],
        sorted(
            ((t.pk, t.name, {"n": theme_counts[t.pk]}) for t in themes),
            key=lambda r: (-r[2]["n"], str(r[1])),
        ),
        with_total=False,  # a report names several themes: no meaningful total
    )
    signals_table = _suppressed_table(
        "signals",
        _("Follow-up and safety signals"),
        _("Reports"),
        [("n", _("Number of reports"))],
        [
            ("reports", _("Reports submitted"), {"n": signals["reports"]}),
            ("financial", _("Follow-up: financial information"), {"n": signals["financial"]}),
            ("referral", _("Follow-up: referral to help"), {"n": signals["referral"]}),
            ("safety", _("Safety signals"), {"n": signals["safety"]}),
        ],
        with_total=False,  # one report can carry several: no total
    )
    filter_names = {
        "district": str(districts.get(filters.district, filters.district)) if filters.district else "",
        "quarter": str(filters.quarter) if filters.quarter else "",
        "method": next((str(m.name) for m in choices["methods"] if m.slug == filters.method), filters.method),
        "partnership": str(partnerships.get(filters.partnership, "")) if filters.partnership else "",
    }
    awareness = awareness_groups(ids, filters, methods=methods, districts=districts)
    return Dashboard(
        awareness=awareness,
        filter_names=filter_names,
        filters=filters,
        quarters=quarters,
        reach=reach,
        trajectories=trajectories_table,
        pool=pool,
        themes=themes_table,
        signals=signals_table,
    )
