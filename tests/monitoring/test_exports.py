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
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    cells = {(r[0], r[2], r[3]): r[4] for r in rows if len(r) == 5}
    assert cells[("Reach per district", "Men", "Oost")] == "<5"
    assert cells[("Reach per district", "Men", "Noord")] == "x"
    assert cells[("Reach per district", "Men", "Total")] == "20"  # 19, rounded to 5s
    assert "4" not in [cells[("Reach per district", "Men", "Oost")]]
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor == personas["staff"] and event.detail["kind"] == "csv"
    assert event.detail["quarter"] == "2026-Q1"


@pytest.mark.django_db
def test_xlsx_has_a_sheet_per_table_with_the_same_cells(client, crafted, personas):
    response = login(client, personas["funder"]).get("/en/monitoring/export.xlsx", Q)
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["district"]
    values = {row[0]: row[1:] for row in ws.iter_rows(min_row=3, values_only=True)}
    header = next(ws.iter_rows(min_row=2, max_row=2, values_only=True))
    men = header.index("Men") - 1
    assert (
        values["Oost"][men] == "<5" and values["Noord"][men] == "x" and values["Total"][men] == 20
    )  # 19, rounded
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
