"""Monitoring in Debian's Chromium: the dashboard filtered by district and quarter with "<5" cells,
the XLSX and PDF downloads checked inside, and the awareness questionnaire answered by anonymous
phones (separate browser contexts) at the first and last meeting; axe + 360 px + Arabic on every page."""

import io
import re
import subprocess

import pytest
from django.conf import settings
from django.test import Client
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from samensterk.core.demo import demo_load
from samensterk.monitoring.models import QuestionnaireRound
from samensterk.toolkit.models import Statement
from tests.browser.helpers import assert_accessible, assert_fits_width
from tests.monitoring.fixtures import crafted  # noqa: F401 - fixture
from tests.monitoring.helpers import login

pytestmark = pytest.mark.browser


def _sign_in(page: Page, live_server, user) -> None:
    """The browser gets the session of a logged-in test client (past the second login step)."""
    client = login(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def _check_page(page: Page, name: str) -> None:
    assert_accessible(page, name)
    assert_fits_width(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


@pytest.fixture
def demo_world(crafted, personas):  # noqa: F811 - the imported fixture
    demo_load()  # the demo organisations and people next to the crafted sessions
    return crafted


def test_dashboard_filters_shows_small_cells_and_exports(
    live_server, page: Page, demo_world, personas, tmp_path
):
    _sign_in(page, live_server, personas["staff"])
    page.goto(f"{live_server.url}/en/monitoring/")
    expect(page.locator("h1")).to_contain_text("Monitoring")
    expect(page.locator("#table-district")).to_contain_text("Noord")
    expect(page.locator("#chart-district")).to_be_visible()
    expect(page.locator("#rounding-note")).to_contain_text("rounded to multiples of 5")  # issue #11
    _check_page(page, "monitoring-dashboard")

    page.select_option("#id_district", "noord")
    page.select_option("#id_quarter", "2026-Q1")
    page.get_by_role("button", name="Show figures").click()
    expect(page).to_have_url(re.compile(r"district=noord.*quarter=2026-Q1"))
    district = page.locator("#table-district")
    expect(district.locator("tbody tr")).to_have_count(1)
    # Noord in 2026-Q1: 2 sessions held (small), 15 men, 3 women (small)
    row = district.locator("tbody tr").first
    expect(row.locator("td").nth(0)).to_have_text("<5")
    expect(row.locator("td").nth(2)).to_have_text("15")
    expect(row.locator("td").nth(3)).to_have_text("<5")
    expect(page.locator("#table-quarter tbody tr")).to_have_count(1)
    expect(page.locator("#table-quarter")).to_contain_text("2026-Q1")
    _check_page(page, "monitoring-dashboard-filtered")

    with page.expect_download() as info:
        page.locator("#export-xlsx").click()
    xlsx = tmp_path / "figures.xlsx"
    info.value.save_as(xlsx)
    wb = load_workbook(io.BytesIO(xlsx.read_bytes()))
    rows = {r[0]: r[1:] for r in wb["district"].iter_rows(min_row=3, values_only=True)}
    assert rows["Noord"][:4] == ("<5", "<5", 15, "<5")
    assert any("noord" in str(c) for r in wb.worksheets[0].iter_rows(values_only=True) for c in r)

    with page.expect_download() as info:
        page.locator("#export-pdf").click()
    pdf = tmp_path / "report.pdf"
    info.value.save_as(pdf)
    text = _pdf_text(pdf)
    assert "Reach per district" in text and "Noord" in text and "<5" in text
    assert "Testuitkomst" not in text  # never report text

    page.goto(f"{live_server.url}/ar/monitoring/?district=noord&quarter=2026-Q1")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#rounding-note")).to_contain_text("مضاعفات العدد 5")
    _check_page(page, "monitoring-dashboard-ar")


def _phone_answers(browser: Browser, link: str, values: list[int]) -> None:
    """One anonymous phone: a fresh browser context with no cookies and no login."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        phone = context.new_page()
        phone.goto(link)
        for i, fieldset in enumerate(phone.locator("fieldset.answer-statement").all()):
            fieldset.locator(f'input[value="{values[i % len(values)]}"]').check()
        phone.get_by_role("button", name="Send my answers").click()
        expect(phone.locator("#answer-done")).to_be_visible()
    finally:
        context.close()


def _open_round(page: Page, live_server, session, moment: str) -> str:
    page.goto(f"{live_server.url}/en/monitoring/sessions/{session.pk}/questionnaire/")
    page.locator(f"#moment-{moment}").check()
    page.get_by_role("button", name="Open the questionnaire").click()
    round_ = QuestionnaireRound.objects.get(session=session, moment=moment)
    link = page.locator(f'a.short-link[href$="/monitoring/q/{round_.token}/"]')
    expect(link).to_be_visible()
    expect(page.locator(f"#round-{round_.pk} ~ .qr svg")).to_be_visible()
    return link.get_attribute("href").replace("/monitoring/", "/en/monitoring/", 1)


def test_questionnaire_by_anonymous_phones_shows_the_shift_from_five_answers(
    live_server, page: Page, browser: Browser, demo_world, personas, programme
):
    for i, text in enumerate(
        ["Zorgen voor de kinderen is ook mijn taak.", "Het is goed als mijn vrouw werkt."]
    ):
        Statement.objects.create(slug=f"test-bw-{i}", text=text, order=i).methods.add(programme["method"])
    first_session, last_session = programme["sessions"][0], programme["sessions"][1]
    _sign_in(page, live_server, personas["facilitator"])

    link = _open_round(page, live_server, first_session, "first")
    _check_page(page, "monitoring-questionnaire-open")
    for values in ([2], [2], [1], [3], [2], [2]):
        _phone_answers(browser, link, values)

    # the phone page itself, in Dutch and in Arabic
    phone = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    phone.goto(link.replace("/en/", "/ar/", 1))
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(phone, "monitoring-answer-ar")
    assert_fits_width(phone)
    phone.context.close()

    # the facilitator's paper form (looked at only: the answers below are the phones')
    first_round = QuestionnaireRound.objects.get(session=first_session, moment="first")
    page.goto(f"{live_server.url}/ar/monitoring/rounds/{first_round.pk}/paper/")
    expect(page.locator("fieldset.answer-statement")).to_have_count(2)
    _check_page(page, "monitoring-paper-ar")

    link = _open_round(page, live_server, last_session, "last")
    for values in ([4], [5], [4], [4]):
        _phone_answers(browser, link, values)

    results = f"{live_server.url}/en/monitoring/trajectories/{programme['trajectory'].pk}/awareness/"
    page.goto(results)
    expect(page.locator("#awareness-table")).to_contain_text("fewer than 5 answers")
    expect(page.locator(".shift-value")).to_have_count(0)
    _check_page(page, "monitoring-awareness-4")

    for values in ([4], [5]):
        _phone_answers(browser, link, values)
    page.goto(results)
    expect(page.locator(".shift-value")).to_have_count(2)
    # first: 2,2,1,3,2,2 -> 2.0; last: 4,5,4,4,4,5 -> 4.3
    expect(page.locator(".shift-value").first).to_have_text("+2.3")
    _check_page(page, "monitoring-awareness-6")
    page.goto(results.replace("/en/", "/ar/", 1))
    _check_page(page, "monitoring-awareness-ar")


def test_import_page_is_accessible(live_server, page: Page, personas, tmp_path):
    _sign_in(page, live_server, personas["staff"])
    bad = tmp_path / "counts.csv"
    bad.write_text("organisation,district,quarter,sessions,men,women\ntest-women,Atlantis,2024-Q3,6,25,4\n")
    for lang in ("en", "ar"):
        page.goto(f"{live_server.url}/{lang}/monitoring/import/")
        page.set_input_files("#id_file", str(bad))
        page.locator("form.card button[type=submit]").click()
        expect(page.locator("#import-errors")).to_contain_text("Atlantis")
        _check_page(page, f"monitoring-import-{lang}")
