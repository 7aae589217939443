"""No count of 1-4 can be worked out from one whole dashboard page or its exports (issue #23).

The reader (tests/monitoring/page_reader.py) solves every figure of a page together, over the demo
data plus crafted small cells, for every filter setting the page offers and for both scopes
(everything, and one coordinator's organisations). The CSV and XLSX hold exactly the page's
figures, so what holds for the page holds for them; the PDF is read for the reported case.
"""

import csv
import datetime as dt
import io
import itertools

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from samensterk.access import DashboardScope
from samensterk.monitoring import exports, queries, selectors
from samensterk.monitoring.queries import Filters, Quarter
from tests.monitoring import page_reader
from tests.monitoring.fixtures import make_sessions
from tests.monitoring.helpers import login

ALL = DashboardScope(organisation_ids=None)


def _small_partnership(name: str):
    from samensterk.accounts.models import Organisation
    from samensterk.programme.models import Partnership

    men = Organisation.objects.create(name=f"{name} M", slug=f"{name}-m", kind="men", is_demo=True)
    women = Organisation.objects.create(name=f"{name} V", slug=f"{name}-v", kind="women", is_demo=True)
    return Partnership.objects.create(men_organisation=men, women_organisation=women)


@pytest.fixture
def page_data(toolkit_content, db):
    """The demo data, and the issue's case: one quarter (2026-Q4) in which two methods ran in one
    district with 4 sessions each (methods "<5", "<5"; the district 8, shown as 10), plus an
    imported row of 2 sessions in West and a partnership with a single small session there."""
    from samensterk.monitoring.models import EarlierCount
    from samensterk.monitoring.summary import summary_rebuild
    from samensterk.portal.demo import demo_load
    from samensterk.programme.models import Trajectory
    from samensterk.toolkit.models import Method

    demo_load()
    methods = list(Method.objects.order_by("order", "slug"))
    partnership = _small_partnership("klein-oost")
    start = timezone.make_aware(dt.datetime(2026, 10, 6, 19, 0))
    for n, method in enumerate(methods[:2]):
        trajectory = Trajectory.objects.create(
            name=f"Klein Oost {n}",
            method=method,
            partnership=partnership,
            district="oost",
            starts_on=start.date(),
            status=Trajectory.Status.RUNNING,
        )
        make_sessions(
            trajectory,
            [(start + dt.timedelta(days=7 * i + n), "held", 3, 1, 1) for i in range(4)],
        )
    lone = Trajectory.objects.create(
        name="Klein West",
        method=methods[2],
        partnership=_small_partnership("klein-west"),
        district="west",
        starts_on=start.date(),
    )
    make_sessions(
        lone, [(start + dt.timedelta(days=30), "held", 2, 0, 2), (start, "cancelled", None, None, None)]
    )
    EarlierCount.objects.create(
        organisation=partnership.men_organisation,
        district="west",
        year=2026,
        quarter=3,
        sessions=2,
        men=3,
        women=0,
    )
    summary_rebuild()
    return {"partnership": partnership}


def _settings(scope):
    """The filter settings the page's form offers: no filter; each district, method and partnership
    on its own; each quarter alone and with every district and method, and every partnership and
    district (all four filters at once, or three of them)."""
    from samensterk.programme.models import Trajectory

    quarters = selectors.available_quarters(scope)
    choices = selectors.filter_choices(scope)
    # Districts without any data give an empty page; one of them stands for all.
    districts = sorted({*Trajectory.objects.values_list("district", flat=True), "centrum"})
    methods = [m.slug for m in choices["methods"]]
    partnerships = [p.pk for p in choices["partnerships"]]
    yield Filters()
    for d in districts:
        yield Filters(district=d)
    for m in methods:
        yield Filters(method=m)
    for p in partnerships:
        yield Filters(partnership=p)
    for q in [None, *quarters]:
        if q is not None:
            yield Filters(quarter=q)
        for d, m in itertools.product(districts, methods):
            yield Filters(quarter=q, district=d, method=m)
        for p in partnerships:
            if q is not None:
                yield Filters(quarter=q, partnership=p)
            for d in districts:
                yield Filters(quarter=q, district=d, partnership=p)


def _page(scope, filters):
    quarters = selectors.available_quarters(scope)
    choices = selectors.filter_choices(scope)
    return selectors.dashboard(scope, filters, quarters=quarters, choices=choices)


def _shown(value, marker) -> str:
    """What a reader of a file sees: the marker where a figure is hidden, else the number."""
    return marker or str(value)


def _summary(data):
    total = data.table("district").total
    return {col: str(total.cells[i]) for i, col in enumerate(page_reader.COLUMNS)}


@pytest.mark.django_db
def test_the_reported_page_no_longer_gives_two_small_methods_away(page_data):
    data = _page(ALL, Filters(quarter=Quarter(2026, 4), district="oost"))
    held = [str(c) for _label, c in data.table("method").column("held")]
    assert "<5" in held
    totals = {str(data.table(dim).total.cells[0]) for dim in page_reader.DIMENSIONS}
    assert len(totals) == 1  # one total, shown (or hidden) alike in every table
    groups = page_reader.finest_groups(None, data.filters)
    assert not page_reader.reach_leaks(data, groups, _summary(data))


@pytest.mark.django_db
def test_without_the_page_wide_check_the_reader_would_find_the_issues_leak(page_data, monkeypatch):
    """The reader is strong enough to fail: each table suppressed on its own leaks, as reported."""
    from samensterk.monitoring import suppression

    data = _page(ALL, Filters(quarter=Quarter(2026, 4), district="oost"))
    groups = page_reader.finest_groups(None, data.filters)
    monkeypatch.setattr(
        selectors,
        "suppress_page",
        lambda tables, _values=None: [suppression.suppress_column([v for v, _m in t]) for t in tables],
    )
    weak = _page(ALL, Filters(quarter=Quarter(2026, 4), district="oost"))
    assert "held" in " ".join(page_reader.reach_leaks(weak, groups))
    assert not page_reader.reach_leaks(data, groups)


@pytest.mark.django_db
def test_no_page_and_no_filter_setting_gives_a_small_count_away(page_data, personas):
    from samensterk.accounts.models import Membership

    coordinator = personas["coordinator"]
    Membership.objects.create(
        user=coordinator, organisation=page_data["partnership"].women_organisation, role="coordinator"
    )
    coordinator_scope = DashboardScope(
        organisation_ids=tuple(sorted(coordinator.memberships.values_list("organisation_id", flat=True)))
    )
    checked, found = 0, []
    for scope in (ALL, coordinator_scope):
        for filters in _settings(scope):
            data = _page(scope, filters)
            groups = page_reader.finest_groups(scope.organisation_ids, filters)
            found += [(filters, leak) for leak in page_reader.reach_leaks(data, groups, _summary(data))]
            true = queries.trajectories().in_scope(scope.organisation_ids).matching(filters).by_status()
            values = [true.get(row.key, 0) for row in data.trajectories.rows]
            found += [
                (filters, leak)
                for leak in page_reader.single_table_leaks(data.trajectories, values, sum(values))
            ]
            checked += 1
    assert checked > 100
    assert not found, found[:5]


@pytest.mark.django_db
def test_the_csv_and_xlsx_hold_exactly_the_pages_figures(page_data, client, personas):
    filters = Filters(quarter=Quarter(2026, 4), district="oost")
    data = _page(ALL, filters)
    page = {
        (table.caption, str(label), row.label): str(cell)
        for table in data.tables
        for row in [*table.rows, *([table.total] if table.total else [])]
        for (_k, label), cell in zip(table.columns, row.cells, strict=True)
    }
    rows = list(csv.reader(io.StringIO(exports.dashboard_csv(data).lstrip("\ufeff"))))
    from_csv = {(r[0], r[2], r[3]): _shown(r[4], r[5]) for r in rows[1:] if len(r) == 7}
    assert from_csv == page
    wb = load_workbook(io.BytesIO(exports.dashboard_xlsx(data)))
    from_xlsx = {}
    for table in data.tables:
        ws = wb[exports.sheet_title(table)]
        header = [c.value for c in ws[2]]
        for line in ws.iter_rows(min_row=3, values_only=True):
            for (_k, label), i in zip(table.columns, range(len(table.columns)), strict=True):
                value, marker = line[1 + 2 * i], line[2 + 2 * i]
                from_xlsx[(table.caption, str(label), line[0])] = _shown(value, marker)
        assert header[1] == str(table.columns[0][1])
    assert from_xlsx == page


@pytest.mark.django_db
def test_the_pdf_of_the_reported_page_shows_no_small_total(page_data, client, personas, tmp_path):
    from tests.monitoring.test_exports import pdf_text

    data = _page(ALL, Filters(quarter=Quarter(2026, 4), district="oost"))
    held_total = str(data.table("district").total.cells[0])
    response = login(client, personas["funder"]).get(
        "/en/monitoring/report.pdf", {"quarter": "2026-Q4", "district": "oost"}
    )
    text = pdf_text(response.content, tmp_path)
    assert f"{held_total} sessions were held" in text
    assert not page_reader.reach_leaks(data, page_reader.finest_groups(None, data.filters))
