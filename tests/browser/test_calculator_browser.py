"""The calculator in Chromium: five questions, the hours control, comparison, Arabic, handout, axe."""

import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import assert_accessible, assert_fits_width

pytestmark = pytest.mark.browser


def answer_five_questions(page: Page, base: str, lang: str = "/en"):
    page.goto(f"{base}{lang}/calculator/")
    page.locator("#id_partner_0").check()  # works
    page.locator("#id_partner_amount").fill("2600")
    page.locator("#id_children").fill("4, 8")
    page.locator("#id_rent").fill("900")
    page.locator("#id_her_wage_unknown").check()
    page.locator("#id_childcare_0").check()  # yes
    page.locator("button.primary").click()
    page.wait_for_load_state()


def test_five_questions_then_move_the_hours(live_server, page: Page):
    answer_five_questions(page, live_server.url)
    sentence = page.locator("#sentence")
    expect(sentence).to_contain_text("If she works 16 hours a week, your household has")
    page.evaluate("window.__noReload = true")
    marker = page.locator("#chart .hours-marker")
    before = marker.get_attribute("transform")

    slider = page.locator("#id_hours")
    slider.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    expect(sentence).to_contain_text("If she works 20 hours a week")
    assert marker.get_attribute("transform") != before

    page.get_by_role("button", name="One hour less").click()
    expect(sentence).to_contain_text("If she works 19 hours a week")
    page.get_by_role("button", name="One hour more").click()
    page.get_by_role("button", name="One hour more").click()
    expect(sentence).to_contain_text("If she works 21 hours a week")
    expect(page.locator("#hours-output")).to_have_text("21")
    assert page.evaluate("window.__noReload") is True  # the page was not reloaded

    page.get_by_text("Compare two numbers of hours, line by line").click()
    table = page.locator("#comparison-table table")
    expect(table).to_be_visible()
    expect(table).to_contain_text("21 h")
    expect(table).to_contain_text("Zorgtoeslag")


def test_arabic_right_to_left_and_the_handout(live_server, page: Page, artifacts_dir):
    answer_five_questions(page, live_server.url)
    # The result's own language buttons post the answers again: nothing to retype.
    page.locator(".result-languages button[lang='ar']").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.locator("#id_partner_amount")).to_have_value("2600")
    expect(page.locator("#sentence")).to_be_visible()
    # The header's language switch is a plain link (GET): it opens the empty questions.
    page.locator(".lang-switch a[hreflang='ar']").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    answer_five_questions(page, live_server.url, "/ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.locator("#sentence")).to_be_visible()
    with page.expect_download() as info:
        page.locator("button[formaction$='handout.pdf']").click()
    path = artifacts_dir / "calculator-handout-ar.pdf"
    info.value.save_as(path)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout.split()
    )
    assert "16" in text and "Zorgtoeslag" in text
    assert "She works 16 hours a week at" in text or "16" in text


def test_handout_text_in_english(live_server, page: Page, artifacts_dir):
    answer_five_questions(page, live_server.url)
    with page.expect_download() as info:
        page.locator("button[formaction$='handout.pdf']").click()
    path = artifacts_dir / "calculator-handout-en.pdf"
    info.value.save_as(path)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout.split()
    )
    assert "If she works 16 hours a week, your household has" in text
    assert "She works 16 hours a week at" in text


@pytest.mark.parametrize("lang", ["", "/ar"])  # Dutch at "/", Arabic at "/ar/"
def test_accessible_and_fits_a_phone(live_server, page: Page, lang):
    page.goto(f"{live_server.url}{lang}/calculator/")
    assert_accessible(page, f"calculator-form{lang.replace('/', '-')}")
    answer_five_questions(page, live_server.url, lang)
    page.locator("details.comparison summary").click()
    assert_accessible(page, f"calculator-result{lang.replace('/', '-')}")
    assert_fits_width(page, 360)


def test_bad_input_keeps_the_values(live_server, page: Page):
    page.goto(f"{live_server.url}/en/calculator/")
    page.locator("#id_children").fill("4, acht")
    page.locator("button.primary").click()
    expect(page.locator("#id_children-error")).to_contain_text("is not an age")
    expect(page.locator("#id_children")).to_have_value("4, acht")
    assert_accessible(page, "calculator-errors")


def test_projector_mode(live_server, page: Page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/en/calculator/")
    page.locator("a[href$='/example/low-wage-three-children/projector/']").click()
    page.wait_for_load_state()
    expect(page.locator("body.projector")).to_be_visible()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("#sentence")).to_contain_text("16 hours")
    page.locator("#id_hours").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#sentence")).to_contain_text("17 hours")
    assert_accessible(page, "calculator-projector")
    page.goto(f"{live_server.url}/ar/calculator/example/single-mother/projector/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert_accessible(page, "calculator-projector-ar")


def test_keyboard_only(live_server, page: Page):
    """Tab to the submit button, Enter; Tab to the slider, arrow keys; all without a mouse."""
    page.goto(f"{live_server.url}/en/calculator/")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.primary')"):
            break
    else:
        pytest.fail("the submit button cannot be reached with Tab")
    with page.expect_navigation():  # a result page can take seconds on a busy machine
        page.keyboard.press("Enter")
    expect(page.locator("#sentence")).to_contain_text("16 hours")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_hours":
            break
    else:
        pytest.fail("the hours slider cannot be reached with Tab")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#sentence")).to_contain_text("15 hours")
    page.keyboard.press("Shift+Tab")  # the "one hour less" button
    page.keyboard.press("Enter")
    expect(page.locator("#sentence")).to_contain_text("14 hours")


def test_a_changed_answer_marks_the_chart_stale(live_server, page: Page):
    answer_five_questions(page, live_server.url)
    expect(page.locator("#stale-note")).to_be_hidden()
    page.locator("#id_rent").fill("950")
    expect(page.locator("#stale-note")).to_be_visible()


def open_every_section(page: Page):
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.mark.parametrize("lang", ["", "/ar"])
def test_a_bijstand_couple_on_a_phone_with_the_defaults(live_server, page: Page, lang):
    """The defaults left as they are: no childcare charge with the partner at home, the combined
    tax (a payback next spring), the six-month time line; every section open is accessible."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{lang}/calculator/")
    page.locator("#id_partner_2").check()  # bijstand
    page.locator("#id_children").fill("3, 7")
    page.locator("#id_rent").fill("680")
    page.locator("button.primary").click()
    page.wait_for_load_state()
    # Months 1-6 and 7-12 of her first year (computed as one year), then from the second year.
    expect(page.locator(".timeline-list li")).to_have_count(3)
    expect(page.locator(".timeline-list li.shown")).to_have_count(1)
    expect(page.locator(".period-year-note")).to_be_visible()
    expect(page.locator("#no-kot-note")).to_have_count(0)
    open_every_section(page)
    assert_accessible(page, f"calculator-bijstand-couple{lang.replace('/', '-')}")
    assert_fits_width(page, 360)


def test_the_figures_table_scrolls_with_the_keyboard(live_server, page: Page):
    page.goto(f"{live_server.url}/en/calculator/example/single-mother/")
    for region in page.locator(".table-scroll").all():
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("role") == "region"
    open_every_section(page)
    assert_accessible(page, "calculator-all-sections-open")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_projector_mode_fits_one_screen(live_server, page: Page, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{live_server.url}/en/calculator/example/single-mother/projector/")
    box = page.locator(".chart-box svg").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= size[1], box
    slider = page.locator("#id_hours").bounding_box()
    assert slider["y"] + slider["height"] <= size[1]


def test_the_header_language_switch_keeps_the_answers(live_server, page: Page):
    page.goto(f"{live_server.url}/en/calculator/example/single-mother/")
    page.goto(f"{live_server.url}/en/calculator/")
    page.locator("#id_partner_3").check()  # a single mother
    page.locator("#id_children").fill("1, 5")
    page.locator("#id_rent").fill("720")
    page.locator("button.primary").click()
    page.wait_for_load_state()
    page.locator(".lang-switch a[hreflang='ar']").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "ar"
    expect(page.locator("#sentence")).to_be_visible()
    expect(page.locator("#id_children")).to_have_value("1, 5")


@pytest.mark.parametrize("lang", ["", "/ar"])
def test_who_cares_who_earns_on_a_phone(live_server, page: Page, lang):
    """A couple with one low wage and three children: the side-by-side of two splits of the work,
    changed and compared again, accessible with every section open and within 360 px."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{lang}/calculator/example/low-wage-three-children/")
    expect(page.locator("#sharing table")).to_be_visible()
    page.locator("#id_share_b_his").fill("36")
    page.locator("#id_share_b_her").fill("36")
    with page.expect_navigation():
        page.locator("#sharing button[type=submit]").click()
    expect(page.locator("#sharing thead")).to_contain_text("36")
    open_every_section(page)
    assert_accessible(page, f"calculator-sharing{lang.replace('/', '-')}")
    assert_fits_width(page, 360)


FOUR_HOUSEHOLDS = {
    # The four households, answered with every default left as it is.
    "bijstand-couple-two": {"partner": 2, "children": "3, 7", "rent": "680"},
    "bijstand-couple-three": {"partner": 2, "children": "2, 6, 11", "rent": "850"},
    "single-mother-two-young": {"partner": 3, "children": "1, 3", "rent": "720"},
    "low-wage-three": {"partner": 0, "amount": "2700", "children": "2, 6, 11", "rent": "850"},
}


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("name", list(FOUR_HOUSEHOLDS))
def test_the_four_households_read_right_on_a_phone(live_server, page: Page, name, lang):
    """Each reads right with the defaults: childcare is charged only when nobody is at home while she
    works, bijstand households see the time line with the first six months shown and the one
    annual assessment line, and the page is accessible at 360 px in Dutch and Arabic."""
    from django.utils import translation

    answers = FOUR_HOUSEHOLDS[name]
    page.set_viewport_size({"width": 360, "height": 740})
    prefix = "" if lang == "nl" else f"/{lang}"
    page.goto(f"{live_server.url}{prefix}/calculator/")
    page.locator(f"#id_partner_{answers['partner']}").check()
    if "amount" in answers:
        page.locator("#id_partner_amount").fill(answers["amount"])
    page.locator("#id_children").fill(answers["children"])
    page.locator("#id_rent").fill(answers["rent"])
    page.locator("button.primary").click()
    expect(page.locator("#sentence")).to_be_visible()
    with translation.override(lang):
        childcare = translation.gettext("Childcare cost")
        assessment = translation.gettext("Annual tax assessment")
    # The table sits in a closed <details>: rows are found by their text, not their (hidden) role.
    rows = page.locator(".comparison-table tbody.line th")
    childcare_row = rows.filter(has_text=re.compile(rf"^\s*{re.escape(childcare)}\s*$"))
    expect(page.locator("#no-kot-note")).to_have_count(0)
    if name.startswith("bijstand-couple"):
        # Her partner is at home while she works: no paid childcare.
        expect(childcare_row).to_have_count(0)
    else:
        # Nobody is at home while she works (a single mother, or both work): childcare is paid,
        # with kinderopvangtoeslag (no warning that none is paid).
        expect(childcare_row).to_have_count(1)
    if name != "low-wage-three":
        # A single mother with a young child has the second and third year (12.5%) as a period too.
        periods = 4 if name.startswith("single-mother") else 3
        expect(page.locator(".timeline-list li")).to_have_count(periods)
        expect(page.locator(".timeline-list li.shown")).to_have_count(1)
        expect(page.locator(".timeline-list li").first).to_have_class(re.compile(r"\bshown\b"))
        expect(rows.filter(has_text=re.compile(rf"^\s*{re.escape(assessment)}\s*$"))).to_have_count(1)
    else:
        expect(page.locator(".timeline-list")).to_have_count(0)
    open_every_section(page)
    assert_accessible(page, f"calculator-four-{name}-{lang}")
    assert_fits_width(page, 360)


@pytest.mark.parametrize("lang", ["", "/ar"])
def test_the_bijstand_couple_reads_its_time_line_on_a_phone(live_server, page: Page, lang):
    """Issue #20: the couple on bijstand (children 3 and 7, rent 750), defaults at 16 hours: three
    periods, none more than € 30 a month below not working, the chart labels each, nothing too wide."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{lang}/calculator/")
    page.locator("#id_partner_2").check()  # bijstand
    page.locator("#id_children").fill("3, 7")
    page.locator("#id_rent").fill("750")
    page.locator("button.primary").click()
    items = page.locator(".timeline-list li")
    expect(items).to_have_count(3)
    for k in range(3):
        amount = items.nth(k).locator(".num").inner_text()
        digits = re.sub(r"[^\d]", "", amount)
        assert "−" not in amount or int(digits or 0) <= 30, amount
    expect(page.locator("#chart-compact, #chart").first).to_be_attached()
    assert_fits_width(page)
    assert_accessible(page, f"calculator-bijstand-couple-timeline{lang.replace('/', '-')}")
