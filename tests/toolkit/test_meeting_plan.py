"""The plan builder: check the times (nothing stored), print plan + flip-over sheets (nothing stored)."""

import pytest

from samensterk.toolkit.models import MeetingPlan
from tests.toolkit.helpers import pdf_page_size, pdf_pages, pdf_text, url

pytestmark = pytest.mark.django_db

M3 = "dialoogsessies-mannen"


def plan_data(blocks=(("Check-in", 15), ("Stellingen", 60)), **extra):
    data = {"block-TOTAL_FORMS": str(len(blocks) + 1), "block-INITIAL_FORMS": "0", "sheets": "on"}
    for i, (title, minutes) in enumerate([*blocks, ("", "")]):
        data[f"block-{i}-title"] = title
        data[f"block-{i}-minutes"] = minutes
    return {**data, **extra}


def test_the_builder_starts_from_the_apps_suggestion(client, toolkit_content):
    page = client.get(url("meeting_plan", M3, 3)).content.decode()
    assert 'name="block-TOTAL_FORMS" value="9"' in page  # six suggested blocks, three empty rows
    assert 'value="statements"' in page  # the hidden kind keeps the materials with the block
    assert 'id="st-s012"' in page and "provenance-app" in page
    assert "Log in to keep a plan" in page or "Log in" in page


def test_check_the_times_keeps_what_was_typed(client, toolkit_content):
    response = client.post(
        url("meeting_plan", M3, 3), plan_data(start="19:00", group="Noord", statements=["s001"])
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "19:15–20:15" in page and 'value="Noord"' in page
    assert 'id="st-s001" checked' in page
    assert not MeetingPlan.objects.exists()


def test_bad_input_is_400_with_the_message_and_the_input_kept(client, toolkit_content):
    data = plan_data(blocks=(("Check-in", 15), ("Stellingen", "")), place="Buurthuis", statements=["nope"])
    response = client.post(url("meeting_plan_pdf", M3, 3), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="Buurthuis"' in page
    assert "minutes" in page.lower() or "minuten" in page.lower()
    assert "nope" in page  # "There is no statement “nope”"


def test_a_plan_needs_a_block(client, toolkit_content):
    assert client.post(url("meeting_plan_pdf", M3, 3), plan_data(blocks=())).status_code == 400


def test_a_broken_formset_is_400_not_500(client, toolkit_content):
    assert client.post(url("meeting_plan_pdf", M3, 3), {"block-TOTAL_FORMS": "x"}).status_code == 400
    assert client.post(url("meeting_plan", M3, 3), {}).status_code == 400


def test_print_plan_and_sheets_in_one_pdf(client, toolkit_content, tmp_path):
    data = plan_data(
        blocks=(("Check-in met de bal", 15), ("Huis van vroeger", 60)),
        statements=["s001", "s012"],
        questions=[],
        date="2026-12-01",
        start="19:00",
        place="Buurthuis",
    )
    response = client.post(url("meeting_plan_pdf", M3, 3), data)
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="dialoogsessies-mannen-bijeenkomst-3-nl.pdf"'
    )
    content = response.content
    pages = pdf_pages(content, tmp_path)
    plan = pdf_text(content, tmp_path, page=1)
    assert "19:00–19:15" in plan and "19:15–20:15" in plan and "Buurthuis" in plan
    assert "Toegevoegd door deze app" in plan or "Added by this app" in plan
    whole = " ".join(pdf_text(content, tmp_path).split())
    assert "Methodiek 1, Uitgelicht" in whole  # each statement names the toolkit section
    sheet = " ".join(pdf_text(content, tmp_path, page=pages - 1).split())
    assert "Een vrouw die betaald werk doet is gelukkiger." in sheet
    assert "stoere man" in pdf_text(content, tmp_path, page=pages)
    assert pdf_page_size(content, tmp_path) == (595.276, 841.89)
    assert not MeetingPlan.objects.exists()


def test_without_sheets_only_the_plan(client, toolkit_content, tmp_path):
    data = plan_data(statements=["s001", "s012"])
    with_sheets = pdf_pages(client.post(url("meeting_plan_pdf", M3, 3), data).content, tmp_path)
    del data["sheets"]
    content = client.post(url("meeting_plan_pdf", M3, 3), data).content
    assert "stoere man" in pdf_text(content, tmp_path)  # listed in the plan
    assert pdf_pages(content, tmp_path) == with_sheets - 2


def test_print_is_post_only(client, toolkit_content):
    assert client.get(url("meeting_plan_pdf", M3, 3)).status_code == 405
    assert client.put(url("meeting_plan", M3, 3)).status_code == 405


def test_unknown_meeting_is_404(client, toolkit_content):
    assert client.post(url("meeting_plan_pdf", M3, 8), plan_data()).status_code == 404
