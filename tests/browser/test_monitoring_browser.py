"""Monitoring in Debian's Chromium: the dashboard filtered by district and quarter with "<5" cells,
the XLSX and PDF downloads checked inside, and the funder reading the awareness shift of six
anonymous phones (plain POSTs) on the dashboard and in the PDF; axe + 360 px + Arabic on every page."""

import io
import re
import subprocess

import pytest
from django.conf import settings
from django.test import Client
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from samensterk.portal.demo import demo_load
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
    rows = {r[0]: r[1:] for r in wb["Reach per district"].iter_rows(min_row=3, values_only=True)}
    # value and marker columns side by side: held, cancelled, men, women
    assert rows["Noord"][:8] == (None, "<5", None, "<5", 15, None, None, "<5")
    about = [str(c) for r in wb.worksheets[0].iter_rows(values_only=True) for c in r]
    assert "Noord" in about and "noord" not in about  # the district by name, not its slug

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


def _phone_answers(link: str, round_, value: int) -> None:
    """One anonymous phone: a fresh client (no cookie, no login) sending the form."""
    data = {f"s{st.pk}": str(value) for st in round_.statements.all()}
    response = Client().post(link, data)
    assert response.status_code == 200, response.status_code


def test_the_funder_sees_the_awareness_shift_of_six_phones_on_the_dashboard_and_in_the_pdf(
    live_server, page: Page, demo_world, personas, programme, tmp_path
):
    """Issue #23's done-when: six anonymous phones at the first and the last meeting; with four at
    the last meeting nothing is shown, with six the funder reads the shift, also in the PDF."""
    from samensterk.monitoring.services import questionnaire_open
    from tests.clock import earlier_today

    first_session, last_session = programme["sessions"][0], programme["sessions"][1]
    for n, session in enumerate((first_session, last_session)):  # both today: the links work
        session.starts_at = earlier_today(90 - n)
        session.save(update_fields=["starts_at"])
    first = questionnaire_open(session=first_session, moment="first", actor=personas["facilitator"])
    last = questionnaire_open(session=last_session, moment="last", actor=personas["facilitator"])
    for _ in range(6):
        _phone_answers(f"/en/monitoring/q/{first.token}/", first, 2)
    for _ in range(4):
        _phone_answers(f"/en/monitoring/q/{last.token}/", last, 5)

    _sign_in(page, live_server, personas["funder"])
    page.goto(f"{live_server.url}/en/monitoring/")
    expect(page.locator("#awareness-heading")).to_be_visible()
    expect(page.locator("#awareness-none")).to_be_visible()  # 4 answers at the last meeting
    expect(page.locator(".awareness-shift")).to_have_count(0)

    for _ in range(2):
        _phone_answers(f"/en/monitoring/q/{last.token}/", last, 5)
    page.reload()
    shifts = page.locator(".awareness-shift")
    expect(shifts).to_have_count(6)  # the app's own six statements
    # 0 of 6 agreed at the first meeting, 6 of 6 at the last: 10 in 10 more; the method is for men
    expect(shifts.first).to_contain_text("After the series, 10 in 10 more men agreed that")
    expect(shifts.first).to_contain_text("Uncertainty (95%)")
    _check_page(page, "monitoring-awareness-dashboard")

    with page.expect_download() as info:
        page.locator("#export-pdf").click()
    pdf = tmp_path / "report.pdf"
    info.value.save_as(pdf)
    text = _pdf_text(pdf)
    assert "Awareness: before and after the series" in text
    assert "After the series, 10 in 10 more men agreed that" in text

    page.goto(f"{live_server.url}/ar/monitoring/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#awareness-heading")).to_have_text("الوعي: قبل السلسلة وبعدها")
    _check_page(page, "monitoring-awareness-dashboard-ar")


def test_the_questionnaire_pages_are_accessible(live_server, page: Page, browser, personas, programme):
    """The facilitator's round page with its QR code, the phone's form in Arabic, the paper form,
    and the trajectory's results with the staff's void button: axe, 360 px, right to left."""
    from django.utils import timezone

    session = programme["sessions"][0]
    session.starts_at = timezone.now()
    session.save(update_fields=["starts_at"])
    _sign_in(page, live_server, personas["facilitator"])
    page.goto(f"{live_server.url}/en/monitoring/sessions/{session.pk}/questionnaire/")
    page.get_by_role("button", name="Open the questionnaire").click()
    expect(page.locator(".qr svg")).to_be_visible()
    _check_page(page, "monitoring-questionnaire-open")
    link = page.locator("a.short-link").get_attribute("href")

    phone = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    phone.goto(link.replace("/monitoring/", "/ar/monitoring/", 1))
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("fieldset.answer-statement")).to_have_count(6)  # the app's own set
    assert_accessible(phone, "monitoring-answer-ar")
    assert_fits_width(phone)
    phone.context.close()

    round_pk = page.locator("section.card").first.get_attribute("aria-labelledby").split("-")[1]
    page.goto(f"{live_server.url}/ar/monitoring/rounds/{round_pk}/paper/")
    expect(page.locator("fieldset.answer-statement")).to_have_count(6)
    _check_page(page, "monitoring-paper-ar")

    _sign_in(page, live_server, personas["staff"])
    page.goto(f"{live_server.url}/en/monitoring/trajectories/{programme['trajectory'].pk}/awareness/")
    expect(page.get_by_role("button", name="Void these answers")).to_be_visible()
    _check_page(page, "monitoring-awareness-staff")


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
