"""The "done when" of issue 9: a facilitator prepares meeting 3 of method 3 (Dialoogsessies met
mannen), in Dutch and in Arabic. She opens the meeting, sees what comes from the toolkit and what
this app adds, builds a plan of four timed blocks with three statements, checks the times, and
prints the plan with its flip-over sheets in one PDF, whose text is checked with pdftotext."""

import re
import subprocess
import unicodedata

import pytest
from django.utils.translation import gettext, override
from playwright.sync_api import Page, expect

from samensterk.toolkit import selectors
from samensterk.toolkit.models import Statement
from tests.browser.helpers import assert_accessible, assert_fits_width
from tests.toolkit.helpers import url

pytestmark = pytest.mark.browser

METHOD = "dialoogsessies-mannen"
BLOCKS = [
    ("Check-in met de bal", "15"),
    ("Afspraken herhalen", "5"),
    ("Stellingen", "60"),
    ("Afsluiting", "10"),
]
CHOSEN = ["s001", "s008", "s012"]


def _plain(text: str) -> str:
    """Text as pdftotext and the page compare: no format marks, no Arabic vowel signs (pdftotext
    may move a vowel sign away from its letter)."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Mn")).split())


def _pdftext(path, first=None, last=None) -> str:
    args = ["pdftotext"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return _plain(subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_prepare_meeting_3_of_method_3_and_print_it(live_server, page: Page, toolkit_content, lang, tmp_path):
    with override(lang):
        from_toolkit, by_app = gettext("Summarised from the toolkit"), gettext("Added by this app")

    # The meeting: what the toolkit says (silent for this meeting, so it says so), and the app's own
    page.goto(live_server.url + url("meeting", METHOD, 3, lang=lang))
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    expect(page.locator(".provenance-toolkit").first).to_contain_text(from_toolkit)
    expect(page.locator(".provenance-app").first).to_contain_text(by_app)
    expect(page.locator(".silent")).to_have_count(1)
    expect(page.locator(f'a[href="{url("difficult", METHOD, lang=lang)}"]').first).to_be_visible()
    assert_accessible(page, f"meeting-3-{lang}")
    assert_fits_width(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Build the plan: four blocks (the suggestion has six: two are cleared), three statements
    page.locator(f'a[href="{url("meeting_plan", METHOD, 3, lang=lang)}"]').first.click()
    rows = page.locator(".block-row")
    assert rows.count() >= 6
    for i, (title, minutes) in enumerate(BLOCKS):
        page.fill(f"#id_block-{i}-title", title)
        page.fill(f"#id_block-{i}-minutes", minutes)
    for i in range(len(BLOCKS), rows.count()):
        page.fill(f"#id_block-{i}-title", "")
        page.fill(f"#id_block-{i}-minutes", "")
    for slug in CHOSEN:
        page.check(f"#st-{slug}")
    page.fill("#id_date", "2026-12-01")
    page.fill("#id_start", "19:00")
    page.fill("#id_place", "Buurthuis De Kraal")
    page.fill("#id_group", "Noord dinsdagavond")
    page.locator("#check-times").click()  # "check the times": the same form back, timed
    table = page.locator(".plan-blocks")
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(table.locator("tbody tr").nth(3)).to_contain_text("20:20–20:30")
    expect(page.locator("#id_group")).to_have_value("Noord dinsdagavond")  # what she typed is kept
    for slug in CHOSEN:
        expect(page.locator(f"#st-{slug}")).to_be_checked()
    expect(page.locator(".provenance-app").first).to_contain_text(by_app)
    assert_accessible(page, f"meeting-3-plan-{lang}")
    assert_fits_width(page)

    # Print plan and flip-over sheets in one go
    with page.expect_download() as info:
        page.locator("#print-plan").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert info.value.suggested_filename == f"{METHOD}-bijeenkomst-3-{lang}.pdf"

    pdfinfo = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "20", str(path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)", pdfinfo, re.M)
    landscape = [s for s in sizes if s.startswith("841.89")]
    assert len(landscape) == 3  # one flip-over sheet per chosen statement
    assert sizes[0] == "595.276 x 841.89"  # the plan itself on A4 portrait
    plan_pages = len(sizes) - len(landscape)
    plan_text = _pdftext(path, 1, plan_pages)
    for title, _minutes in BLOCKS:
        assert title in plan_text
    for span in ("19:00–19:15", "19:15–19:20", "19:20–20:20", "20:20–20:30"):
        assert span in plan_text
    assert "Buurthuis De Kraal" in plan_text and "Noord dinsdagavond" in plan_text
    assert _plain(by_app) in plan_text and _plain(from_toolkit) in plan_text
    # the referral path is on every plan (pdftotext may give an Arabic line's number run reversed)
    assert re.search(r"0800-2000|2000-0800", plan_text)
    statements = selectors.localize(Statement.objects.filter(slug__in=CHOSEN).order_by("order"), lang)
    for number, st in enumerate(statements, start=plan_pages + 1):
        sheet = _pdftext(path, number)
        for word in _plain(st.text).split():
            assert word in sheet.replace(" ", ""), (word, sheet)
        assert _plain(st.text).split()[0] in plan_text
