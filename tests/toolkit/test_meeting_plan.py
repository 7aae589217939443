"""The plan builder: check the times (nothing stored), print plan + flip-over sheets (nothing stored)."""

import re

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
    # the work form of each block is a visible choice, set to what the suggestion uses
    assert '<option value="stellingen-en-bal" selected>' in page
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


M2 = "workshopreeks-gelijke-kansen"
M4 = "dialoogsessies-mannen-en-vrouwen"


def test_clearing_a_title_drops_the_block_whatever_its_minutes(client, toolkit_content):
    data = plan_data(blocks=(("Check-in", 15), ("", 40), ("Afsluiting", 10)))
    response = client.post(url("meeting_plan", M3, 3), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Geef dit onderdeel een titel" not in page
    assert "0:15–0:25" in page  # the closing follows the check-in: the 40 minutes went with the title


def test_a_block_moves_up_and_down_and_keeps_what_was_typed(client, toolkit_content):
    data = plan_data(blocks=(("Check-in", 15), ("Stellingen", 60), ("Afsluiting", 10)), place="Buurthuis")
    data["block-1-workform"] = "stellingen-en-bal"
    page = client.post(url("meeting_plan", M3, 3), {**data, "move": "up-1"}).content.decode()
    assert page.index('value="Stellingen"') < page.index('value="Check-in"')
    assert 'id="id_block-0-workform"' in page and 'value="Buurthuis"' in page
    assert "0:00–1:00" in page  # the timed programme follows the new order
    page = client.post(url("meeting_plan", M3, 3), {**data, "move": "down-1"}).content.decode()
    assert page.index('value="Afsluiting"') < page.index('value="Stellingen"')
    # a move that goes nowhere, or is nonsense, changes nothing and is no error
    for move in ("up-0", "down-9", "sideways-1", "up-x"):
        response = client.post(url("meeting_plan", M3, 3), {**data, "move": move})
        assert response.status_code == 200
        page = response.content.decode()
        assert page.index('value="Check-in"') < page.index('value="Stellingen"')


def _titles(page: str) -> list[str]:
    """The block titles of the plan form, in order ("" for an empty row)."""
    rows = re.findall(r'<input type="text" name="block-(\d+)-title"([^>]*)>', page)
    return [re.search(r'value="([^"]*)"', attrs).group(1) if "value=" in attrs else "" for _n, attrs in rows]


def test_the_empty_rows_come_before_the_closing_round(client, toolkit_content):
    titles = _titles(client.get(url("meeting_plan", M2, 3)).content.decode())
    assert titles[3:6] == ["", "", ""]
    assert titles[6].startswith("Afsluitende ronde")
    # method 1's closing session ends with its meal: new blocks go before it
    titles = _titles(client.get(url("meeting_plan", "huiskamergesprekken", 4)).content.decode())
    assert titles[-4:-1] == ["", "", ""] and titles[-1] == "Samen eten"


def test_the_length_is_checked_against_the_toolkit(client, toolkit_content, tmp_path):
    data = plan_data(blocks=(("Aankomst", 15), ("Informatie", 80), ("Subgroepen", 40), ("Afsluiting", 15)))
    response = client.post(url("meeting_plan", M2, 3), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="plan-warning"' in page and "150 minuten" in page and "120 minuten" in page
    assert "30 minuten meer" in page
    text = " ".join(pdf_text(client.post(url("meeting_plan_pdf", M2, 3), data).content, tmp_path).split())
    assert "Langer dan een bijeenkomst in de toolkit" in text and "30 minuten meer" in text
    fits = plan_data(blocks=(("Aankomst", 15), ("Informatie", 90), ("Afsluiting", 15)))
    assert 'class="plan-warning"' not in client.post(url("meeting_plan", M2, 3), fits).content.decode()
    # method 3 gives no length: the page says so instead of warning
    page = client.post(url("meeting_plan", M3, 3), data).content.decode()
    assert 'class="plan-warning"' not in page and "De toolkit noemt geen duur" in page


def test_every_suggested_block_can_be_filled_with_its_content(client, toolkit_content):
    from samensterk.toolkit.models import Question

    page = client.get(url("meeting_plan", M4, 5)).content.decode()
    reverse_roles = Question.objects.get(workform__slug="rollen-omdraaien")
    assert f'id="q-{reverse_roles.pk}"' in page and "Wat als de rollen omgedraaid zijn?" in page
    # the toolkit's "eigen normen en waarden" questions are offered in every plan
    for question in Question.objects.filter(workform__slug="eigen-normen-en-waarden"):
        assert f'id="q-{question.pk}"' in client.get(url("meeting_plan", M2, 1)).content.decode()


def test_the_materials_follow_the_chosen_work_form(client, toolkit_content, tmp_path):
    data = plan_data(blocks=(("Iets eigens", 30),), sheets="")
    data["block-0-workform"] = "kaartspel-op-een-lijn"
    text = " ".join(pdf_text(client.post(url("meeting_plan_pdf", M3, 3), data).content, tmp_path).split())
    assert "Werkvorm: Kaartspel" in text
    data["block-0-workform"] = "nope"
    assert client.post(url("meeting_plan_pdf", M3, 3), data).status_code == 400


def test_a_session_fills_in_its_date_time_and_place(client, programme, personas, toolkit_content):
    from django.utils import timezone

    from samensterk.toolkit.models import Method

    programme["trajectory"].method = Method.objects.get(slug=M3)
    programme["trajectory"].save()
    session = programme["sessions"][2]
    client.force_login(personas["facilitator"])
    page = client.get(url("meeting_plan", M3, 3, query=f"session={session.pk}")).content.decode()
    local = timezone.localtime(session.starts_at)
    assert f'value="{local:%Y-%m-%d}"' in page and f'value="{local:%H:%M}"' in page
    assert 'value="Buurthuis"' in page  # the session's kind of place, in the page's language


@pytest.mark.parametrize(
    ("lang", "name"),
    [("en", "The house of then, the house of now"), ("ar", "بيت الأمس، بيت اليوم"), ("tr", "Dünün evi")],
)
def test_the_house_of_then_is_named_in_the_page_language(client, toolkit_content, lang, name):
    page = client.get(url("meeting_plan", M3, 2, lang=lang)).content.decode()
    assert name in page  # the block label and the questions' work form
    assert "(Huis van vroeger, Huis van nu)" not in page
    assert "Huis van vroeger, Huis van nu</span>" not in page
