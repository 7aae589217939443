"""Issue #11: comparing two filter settings must not reveal a small count. Every shown count is
rounded to a multiple of 5 (suppression.py), on the page, in the charts and in CSV, XLSX and PDF.

The crafted data reproduce the reported leak: Noord has 31 men overall and 28 in 2026-Q1, so the
other quarter holds 3. Unrounded, the page showed 31 and 28.
"""

import csv
import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from samensterk.access import DashboardScope
from samensterk.monitoring import selectors
from samensterk.monitoring.queries import Filters, Quarter
from tests.monitoring.fixtures import make_sessions
from tests.monitoring.helpers import login
from tests.monitoring.test_exports import pdf_text

URL = "/en/monitoring/"
Q1 = {"quarter": "2026-Q1"}
NOTE = "Numbers are rounded to multiples of 5; fewer than 5 shows as <5."


def _at(month, day):
    return timezone.make_aware(dt.datetime(2026, month, day, 19, 0))


@pytest.fixture
def noord_31(personas):
    """Noord: men 10 + 9 + 9 = 28 in 2026-Q1 and 3 in 2026-Q2 (31 in all). Oost: 20 and 20."""
    from samensterk.programme.models import Partnership, Trajectory
    from samensterk.toolkit.models import Method

    method = Method.objects.create(slug="test-afronding", name="Testafronding", composition="men")
    partnership = Partnership.objects.create(
        men_organisation=personas["orgs"]["men"], women_organisation=personas["orgs"]["women"]
    )
    made = {}
    for district in ("noord", "oost"):
        made[district] = Trajectory.objects.create(
            name=f"Test {district}",
            method=method,
            partnership=partnership,
            district=district,
            starts_on=dt.date(2026, 1, 1),
            status=Trajectory.Status.RUNNING,
        )
    make_sessions(
        made["noord"],
        [
            (_at(1, 10), "held", 10, 6, 2),
            (_at(2, 10), "held", 9, 6, 2),
            (_at(3, 10), "held", 9, 6, 2),
            (_at(4, 10), "held", 3, 2, 1),
        ],
    )
    make_sessions(made["oost"], [(_at(1, 12), "held", 20, 10, 5), (_at(4, 12), "held", 20, 10, 5)])
    return made


def _board(**filters):
    scope = DashboardScope(organisation_ids=None)
    quarters = selectors.available_quarters(scope)
    choices = selectors.filter_choices(scope)
    return selectors.dashboard(scope, Filters(**filters), quarters=quarters, choices=choices)


def _men(table, label):
    i = [k for k, _l in table.columns].index("men")
    row = table.total if label == "Total" else next(r for r in table.rows if r.label == label)
    return row.cells[i]


@pytest.mark.django_db
def test_neither_view_nor_their_difference_reveals_the_three(noord_31):
    everything = _board().table("district")
    q1 = _board(quarter=Quarter.parse("2026-Q1")).table("district")
    q2 = _board(quarter=Quarter.parse("2026-Q2")).table("district")
    assert (str(_men(everything, "Noord")), str(_men(q1, "Noord"))) == ("30", "30")  # 31 and 28
    assert _men(everything, "Noord").value - _men(q1, "Noord").value == 0  # not 3
    assert str(_men(q2, "Noord")) == "<5"
    # Totals are rounded from their exact values (71 and 48), not summed from rounded rows.
    assert (str(_men(everything, "Total")), str(_men(q1, "Total"))) == ("70", "50")
    assert (str(_men(everything, "Oost")), str(_men(q1, "Oost"))) == ("40", "20")
    # Every number shown in any table of any of the three views is a multiple of 5.
    for board in (
        _board(),
        _board(quarter=Quarter.parse("2026-Q1")),
        _board(quarter=Quarter.parse("2026-Q2")),
    ):
        for table in board.tables:
            for row in [*table.rows, *([table.total] if table.total else [])]:
                assert all(c.value is None or c.value % 5 == 0 for c in row.cells), (table.key, row.label)


def _noord_men_on_the_page(body):
    row = re.search(
        r'<table class="figures" id="table-district">.*?<th scope="row">Noord</th>(.*?)</tr>', body, re.S
    )
    return [re.sub(r"<[^>]+>", "", td).strip() for td in re.findall(r"<td[^>]*>.*?</td>", row.group(1))][2]


@pytest.mark.django_db
def test_the_page_shows_rounded_counts_and_says_so(client, noord_31, personas):
    client = login(client, personas["staff"])
    everything = client.get(URL).content.decode()
    q1 = client.get(URL, Q1).content.decode()
    assert _noord_men_on_the_page(everything) == _noord_men_on_the_page(q1) == "30"
    assert NOTE.replace("<", "&lt;") in everything
    assert "need not add up to the rounded total" in everything
    # The chart of the district table labels its bars with the same rounded figures.
    chart = client.get("/en/monitoring/charts/district.svg").content.decode()
    assert chart.count('id="chart-district"') == 1
    labels = re.findall(r">\s*(\d+)\s*<", chart)
    assert "30" in labels and "31" not in labels and "28" not in labels


@pytest.mark.django_db
def test_the_csv_and_xlsx_are_rounded_and_say_so(client, noord_31, personas):
    client = login(client, personas["funder"])
    for params in ({}, Q1):
        text = client.get("/en/monitoring/export.csv", params).content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        cells = {(r[0], r[2], r[3]): r[4] or r[5] for r in rows if len(r) == 7}  # number, else marker
        assert cells[("Reach per district", "Men", "Noord")] == "30"
        district = [v for (t, _f, _r), v in cells.items() if t == "Reach per district"]
        assert "31" not in district and "28" not in district
        assert any(NOTE in r[0] for r in rows if len(r) == 1)

    wb = load_workbook(io.BytesIO(client.get("/en/monitoring/export.xlsx").content))
    sheet = wb["Reach per district"]
    header = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    men = header.index("Men")
    rows = {r[0]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["Noord"][men] == 30 and rows["Total"][men] == 70  # 31 and 71
    assert any(NOTE in str(c) for r in wb["About"].iter_rows(values_only=True) for c in r)


@pytest.mark.django_db
def test_the_pdf_is_rounded_and_says_so(client, noord_31, personas, tmp_path):
    client = login(client, personas["funder"])
    text = pdf_text(client.get("/en/monitoring/report.pdf").content, tmp_path)
    assert NOTE in text
    district = re.search(r"Reach per district.*?Noord ((?:\S+ ){5}).*?Total ((?:\S+ ){5})", text)
    noord, total = district.group(1).split(), district.group(2).split()
    assert (noord[2], total[2]) == ("30", "70")  # men: 31 and 71
