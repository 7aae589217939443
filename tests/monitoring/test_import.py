"""Importing earlier counts: a preview that names every bad row, and nothing stored until all is right."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from samensterk.core.models import AuditAction, AuditEvent
from samensterk.monitoring.models import EarlierCount
from tests.monitoring.helpers import login

URL = "/en/monitoring/import/"
GOOD = (
    "organisation,district,quarter,sessions,men,women\n"
    "test-women,Noord,2024-Q3,6,25,4\n"
    "test-women,zuidoost,2024-Q4,8,30,12\n"
)


def _csv(text, name="counts.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.mark.django_db
def test_a_good_file_is_previewed_then_imported_on_confirmation(client, personas):
    login(client, personas["staff"])
    response = client.post(URL, {"file": _csv(GOOD)})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="import-preview"' in body and "2024-Q4" in body
    assert not EarlierCount.objects.exists()  # the preview stores nothing
    key = response.context["confirm_key"]
    response = client.post("/en/monitoring/import/confirm/", {"key": key})
    assert response.status_code == 302
    assert EarlierCount.objects.count() == 2
    assert EarlierCount.objects.get(district="zuidoost").men == 30
    event = AuditEvent.objects.get(action=AuditAction.COUNTS_IMPORT)
    assert event.detail == {"rows": 2, "sessions": 14}
    # the same confirmation twice imports nothing more
    assert client.post("/en/monitoring/import/confirm/", {"key": key}).status_code == 400
    assert EarlierCount.objects.count() == 2


@pytest.mark.django_db
def test_every_bad_row_is_named_and_nothing_is_imported(client, personas):
    text = (
        "organisation,district,quarter,sessions,men,women\n"
        "test-women,Noord,2024-Q3,6,25,4\n"
        "nobody,Noord,2024-Q3,6,25,4\n"
        "test-women,Atlantis,2024-Q5,-1,x,4\n"
        "test-women,Noord,2024-Q3,1,2,3\n"
    )
    response = login(client, personas["staff"]).post(URL, {"file": _csv(text)})
    assert response.status_code == 400
    errors = dict(response.context["errors"])
    assert set(errors) == {3, 4, 5}
    assert "nobody" in errors[3]
    assert (
        "Atlantis" in errors[4] and "2024-Q5" in errors[4] and "sessions" in errors[4] and "men" in errors[4]
    )
    assert "line 2" in errors[5]
    assert "confirm_key" not in response.context
    assert not EarlierCount.objects.exists()


@pytest.mark.django_db
def test_an_xlsx_file_is_read_too(client, personas):
    wb = Workbook()
    ws = wb.active
    ws.append(["organisation", "district", "quarter", "sessions", "men", "women"])
    ws.append(["test-women", "Oost", "2025-Q1", 5, 20, 6])
    buf = io.BytesIO()
    wb.save(buf)
    upload = SimpleUploadedFile("counts.xlsx", buf.getvalue())
    response = login(client, personas["staff"]).post(URL, {"file": upload})
    assert response.status_code == 200
    assert response.context["parsed"].rows[0]["men"] == 20


@pytest.mark.django_db
def test_a_coordinator_imports_only_for_their_own_organisation(client, personas):
    text = "organisation,district,quarter,sessions,men,women\ntest-other,Noord,2024-Q3,6,25,4\n"
    response = login(client, personas["coordinator"]).post(URL, {"file": _csv(text)})
    assert response.status_code == 400
    assert "not yours" in dict(response.context["errors"])[2]


@pytest.mark.django_db
def test_a_wrong_file_type_or_missing_columns_is_a_clear_400(client, personas):
    login(client, personas["staff"])
    response = client.post(URL, {"file": _csv("a,b\n1,2\n", name="counts.txt")})
    assert response.status_code == 400 and "Upload a .csv or .xlsx file." in response.content.decode()
    response = client.post(URL, {"file": _csv("organisation,district\nx,y\n")})
    assert "misses the columns: quarter, sessions, men, women" in response.content.decode()
    assert client.post(URL, {}).status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["funder", "facilitator", "trainer"])
def test_it_is_hidden_from_readers_and_facilitators(client, personas, who):
    assert login(client, personas[who]).get(URL).status_code == 404


@pytest.mark.django_db
def test_it_hides_itself_from_anonymous_and_rejects_get_on_confirm(client, personas):
    assert client.get(URL).status_code == 404
    assert login(client, personas["staff"]).get("/en/monitoring/import/confirm/").status_code == 405
