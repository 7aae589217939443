"""CSV, XLSX and PDF of the suppressed aggregates: same numbers as the page, audited, never report text."""

import csv
import io
import subprocess

import pytest
from openpyxl import load_workbook

from samensterk.core.models import AuditAction, AuditEvent
from tests.monitoring.helpers import login

Q = {"quarter": "2026-Q1"}


@pytest.mark.django_db
def test_csv_holds_the_suppressed_figures_and_is_audited(client, crafted, personas):
    response = login(client, personas["staff"]).get("/en/monitoring/export.csv", Q)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # The value column holds numbers only; the marker has a column of its own (issue #23).
    cells = {(r[0], r[2], r[3]): (r[4], r[5]) for r in rows if len(r) == 7}
    assert cells[("Reach per district", "Men", "Oost")] == ("", "<5")
    assert cells[("Reach per district", "Men", "Noord")] == ("", "x")
    assert cells[("Reach per district", "Men", "Total")] == ("", "x")  # every cell hidden: the total too
    assert cells[("Reach per quarter", "Men", "2026-Q1")] == ("20", "")  # 19, rounded to 5s
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == personas["staff"] and event.detail["kind"] == "csv"
    assert event.detail["quarter"] == "2026-Q1"


@pytest.mark.django_db
def test_xlsx_has_a_sheet_per_table_with_the_same_cells(client, crafted, personas):
    response = login(client, personas["funder"]).get("/en/monitoring/export.xlsx", Q)
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["Reach per district"]  # sheets are named by their caption, in the reader's language
    values = {row[0]: row for row in ws.iter_rows(min_row=3, values_only=True)}
    header = next(ws.iter_rows(min_row=2, max_row=2, values_only=True))
    men, hidden = header.index("Men"), header.index("Men: hidden")
    assert (values["Oost"][men], values["Oost"][hidden]) == (None, "<5")
    assert (values["Noord"][men], values["Noord"][hidden]) == (None, "x")
    assert (values["Total"][men], values["Total"][hidden]) == (None, "x")  # every cell hidden: the total too
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, detail__kind="xlsx").count() == 1


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


@pytest.mark.django_db
def test_pdf_has_the_figures_a_text_per_section_and_no_report_text(client, crafted, personas, tmp_path):
    response = login(client, personas["funder"]).get("/en/monitoring/report.pdf", Q)
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert "Reach per district" in text and "Themes, follow-up and signals" in text
    assert "<5" in text and "men and" in text
    assert "Testuitkomst" not in text and "Testcitaat" not in text


@pytest.mark.django_db
def test_pdf_in_dutch_speaks_dutch(client, crafted, personas, tmp_path):
    response = login(client, personas["funder"]).get("/monitoring/report.pdf", Q)
    text = pdf_text(response.content, tmp_path)
    assert "Bereik per stadsdeel" in text and "Reach per district" not in text
    assert "bijeenkomsten gehouden" in text


@pytest.mark.django_db
def test_the_dashboard_in_arabic_is_translated(client, crafted, personas):
    body = login(client, personas["staff"]).get("/ar/monitoring/").content.decode()
    assert "الوصول حسب المنطقة" in body


@pytest.mark.django_db
def test_pdf_is_audited_and_starts_as_a_pdf(client, crafted, personas):
    response = login(client, personas["funder"]).get("/en/monitoring/report.pdf", Q)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, detail__kind="pdf").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["export.csv", "export.xlsx", "report.pdf"])
def test_exports_are_hidden_from_facilitators_and_anonymous(client, crafted, personas, path):
    assert client.get(f"/en/monitoring/{path}").status_code == 404
    assert login(client, personas["facilitator"]).get(f"/en/monitoring/{path}").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["export.csv", "export.xlsx", "report.pdf"])
def test_exports_reject_post(client, crafted, personas, path):
    assert login(client, personas["staff"]).post(f"/en/monitoring/{path}").status_code == 405


@pytest.mark.django_db
def test_a_coordinators_export_holds_only_their_organisation(client, crafted, personas):
    response = login(client, personas["coordinator"]).get("/en/monitoring/export.csv")
    text = response.content.decode()
    assert "Noord" in text and "Oost" not in text
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.organisation == personas["orgs"]["women"]


@pytest.mark.django_db
def test_a_bad_filter_exports_nothing(client, crafted, personas):
    response = login(client, personas["staff"]).get("/en/monitoring/export.csv", {"quarter": "nonsense"})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.django_db
def test_the_csv_opens_in_excel_with_a_byte_order_mark_and_a_dutch_variant(client, crafted, personas):
    as_staff = login(client, personas["staff"])
    plain = as_staff.get("/en/monitoring/export.csv", Q).content
    dutch = as_staff.get("/monitoring/export-excel-nl.csv", Q)
    assert plain.startswith("\ufeff".encode()) and dutch.content.startswith("\ufeff".encode())
    assert 'excel-nl.csv"' in dutch["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(dutch.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Tabel", "Soort rij", "Cijfer", "Rij", "Waarde", "Verborgen", "Kwartaal begint op"]
    q1 = next(r for r in rows if r[0] == "Bereik per kwartaal" and r[3] == "2026-Q1")
    assert q1[6] == "2026-01-01"  # an ISO date: Excel reads it as a date
    assert any(
        r[:4] == ["Bereik per kwartaal", "Kwartaal", "Mannen", "2026-Q1"] and r[4] == "20" for r in rows
    )


@pytest.mark.django_db
def test_a_numeric_column_of_the_xlsx_sums_in_a_spreadsheet(client, crafted, personas):
    response = login(client, personas["staff"]).get("/en/monitoring/export.xlsx")
    ws = load_workbook(io.BytesIO(response.content))["Reach per quarter"]
    header = [c.value for c in ws[2]]
    men = header.index("Men") + 1
    column = [ws.cell(row=r, column=men).value for r in range(3, ws.max_row + 1)]
    assert all(v is None or isinstance(v, int) for v in column)  # numbers only, no "<5" text
    rows = [v for v in column[:-1] if v is not None]
    # What =SUM() over the rows gives: 20 (19 men in 2026-Q1) + 15 (16 this quarter). The total
    # row is empty: the page hides that total everywhere, as the district table's men are all hidden.
    assert sum(rows) == 35 and column[-1] is None
    starts = header.index("Quarter starts on") + 1
    assert ws.cell(row=3, column=starts).is_date  # a quarter Excel can sort and filter by date


@pytest.mark.django_db
def test_the_arabic_workbook_runs_right_to_left_with_arabic_sheet_names(client, crafted, personas):
    response = login(client, personas["staff"]).get("/ar/monitoring/export.xlsx")
    wb = load_workbook(io.BytesIO(response.content))
    assert "الوصول حسب المنطقة" in wb.sheetnames and "district" not in wb.sheetnames
    assert all(ws.sheet_view.rightToLeft for ws in wb.worksheets)


@pytest.mark.django_db
def test_the_about_sheet_names_the_filters_without_slug_or_id(client, crafted, personas, programme):
    partnership = programme["partnership"]
    params = {"district": "noord", "method": programme["method"].slug, "partnership": partnership.pk}
    response = login(client, personas["staff"]).get("/en/monitoring/export.xlsx", params)
    about = {
        row[0]: row[1]
        for row in load_workbook(io.BytesIO(response.content))["About"].iter_rows(values_only=True)
    }
    assert about["District"] == "Noord"
    assert about["Method"] == "Testmethode"
    assert about["Partnership"] == str(partnership) and str(partnership.pk) != about["Partnership"]


@pytest.mark.django_db
def test_names_that_start_like_a_formula_are_written_as_text(client, crafted, personas, programme):
    """Issue #21: an organisation, theme or method named "=..." must not run in Excel."""
    from samensterk.monitoring.summary import summary_rebuild
    from samensterk.programme.models import SessionReport
    from samensterk.toolkit.models import Theme

    org = personas["orgs"]["men"]
    org.name = '=HYPERLINK("http://evil.example","x")'
    org.save(update_fields=["name"])
    method = programme["method"]
    method.name = "+SUM(1,2)"
    method.save(update_fields=["name"])
    theme = Theme.objects.create(slug="formula", name="@cmd|' /C calc'!A0")
    report = SessionReport.objects.get(pk=programme["report"].pk)
    report.themes.add(theme)
    summary_rebuild()
    as_staff = login(client, personas["staff"])
    text = as_staff.get("/en/monitoring/export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    labels = {r[3] for r in rows if len(r) == 7}
    assert "'+SUM(1,2)" in labels and "'@cmd|' /C calc'!A0" in labels
    assert any(label.startswith("'=HYPERLINK") for label in labels)
    assert not any(label.startswith(("=", "+", "@", "-")) for r in rows for label in r)
    wb = load_workbook(io.BytesIO(as_staff.get("/en/monitoring/export.xlsx").content))
    cells = [c for ws in wb.worksheets for line in ws.iter_rows() for c in line if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith(("=", "+", "@"))]
    assert {c.value for c in risky} >= {"+SUM(1,2)", "@cmd|' /C calc'!A0"}
    assert any(c.value.startswith("=HYPERLINK") for c in risky)
    assert all(c.data_type == "s" for c in risky)  # string cells, never formulas
