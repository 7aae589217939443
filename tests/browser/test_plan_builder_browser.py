"""The "done when" of issue 24: from the home page a facilitator reaches the plan for method 2
meeting 3 and builds it. She moves a
block with the keyboard, drops one by clearing its title, adds one (it lands before the closing
round), sees the warning at 150 minutes against the toolkit's two hours, and prints the plan; then
she builds method 4 meeting 5 with the roles-reversed question, which is in its PDF."""

import subprocess

import pytest
from playwright.sync_api import Page, expect

from samensterk.toolkit.models import Question
from tests.browser.helpers import assert_accessible, assert_fits_width
from tests.toolkit.helpers import url

pytestmark = pytest.mark.browser

M2 = "workshopreeks-gelijke-kansen"
M4 = "dialoogsessies-mannen-en-vrouwen"


def _download_text(page: Page, tmp_path) -> str:
    with page.expect_download() as info:
        page.locator("#print-plan").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_build_move_drop_warn_and_print(live_server, page: Page, toolkit_content, tmp_path):
    # one way from the home page: "I facilitate a session tomorrow", then the method and the meeting
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Ik leid morgen een bijeenkomst").click()
    expect(page.locator("h1")).to_have_text("Een bijeenkomst voorbereiden")
    assert_accessible(page, "prepare")
    page.locator(f'a[href="{url("meeting_plan", M2, 3)}"]').click()
    # the suggestion: arrival, information, subgroups, three empty rows, then the closing round
    expect(page.locator("#id_block-6-title")).to_have_value("Afsluitende ronde: wat neem je mee naar huis?")
    expect(page.locator("#id_block-3-title")).to_have_value("")
    arrival = page.locator("#id_block-0-title").input_value()
    information = page.locator("#id_block-1-title").input_value()

    # move the information block down with the keyboard: the form comes back in the new order
    page.get_by_role("button", name="Onderdeel 2 omlaag").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_block-2-title")).to_have_value(information)
    expect(page.locator("#id_block-1-workform")).to_have_value("subgroepen")
    # Enter in a field checks the times; it moves nothing
    page.fill("#id_place", "Buurthuis De Kraal")
    page.press("#id_place", "Enter")
    expect(page.locator(".plan-blocks tbody tr")).to_have_count(4)
    expect(page.locator("#id_block-0-title")).to_have_value(arrival)
    expect(page.locator("#id_block-2-title")).to_have_value(information)
    expect(page.locator("#id_place")).to_have_value("Buurthuis De Kraal")

    # drop the arrival by clearing its title (its minutes stay), add a block in the empty row
    page.fill("#id_block-0-title", "")
    page.fill("#id_block-3-title", "Pauze met thee")
    page.fill("#id_block-3-minutes", "45")
    page.locator("#check-times").click()
    rows = page.locator(".plan-blocks tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.nth(1)).to_contain_text(information)
    expect(rows.nth(2)).to_contain_text("Pauze met thee")
    expect(rows.nth(3)).to_contain_text("Afsluitende ronde")
    warning = page.locator(".plan-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("150 minuten")
    expect(warning).to_contain_text("120 minuten")
    assert_accessible(page, "plan-builder-m2-3")
    assert_fits_width(page)

    text = _download_text(page, tmp_path)
    assert "Pauze met thee" in text and "Langer dan een bijeenkomst in de toolkit" in text
    assert "30 minuten meer" in text

    # method 4 meeting 5: its suggested "what if the roles were reversed?" can be printed
    question = Question.objects.get(workform__slug="rollen-omdraaien")
    page.goto(live_server.url + url("meeting_plan", M4, 5))
    page.check(f"#q-{question.pk}")
    text = _download_text(page, tmp_path)
    assert "Wat als de rollen omgedraaid zijn?" in text
