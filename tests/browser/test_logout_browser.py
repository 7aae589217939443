"""Log out on every page (issue #21): every page a logged-in person sees has, in its site header,
the POST form `form[data-logout]` with a "Log out" button; pressing it ends the session. A short
list of representative pages per persona, in English and Arabic, at a phone's width."""

import pytest
from playwright.sync_api import Page, expect

from .helpers import assert_accessible, assert_fits_width, login

pytestmark = pytest.mark.browser

LOGOUT = "header.site-header form[data-logout][method=post]"


def _pages(programme) -> dict[str, list[str]]:
    trajectory = programme["trajectory"]
    written, to_write = programme["sessions"][0], programme["sessions"][1]
    common = ["/", "/toolkit/", "/calculator/", "/programme/"]
    return {
        "facilitator": [
            *common,
            f"/programme/trajectories/{trajectory.pk}/",
            f"/programme/sessions/{to_write.pk}/report/",
            f"/companion/sessions/{to_write.pk}/",
        ],
        "trainer": [*common, "/programme/to-discuss/", f"/programme/sessions/{written.pk}/report/"],
        "coordinator": [*common, "/monitoring/", "/programme/organisations/", "/programme/partnerships/"],
        "staff": [*common, "/programme/audit/", "/programme/trajectories/", "/no-such-page/"],
    }


def _has_logout(page: Page, prefix: str) -> None:
    form = page.locator(LOGOUT)
    expect(form).to_have_count(1)
    expect(form).to_have_attribute("action", f"{prefix}/logout/")
    expect(form.locator("button[type=submit]")).to_be_visible()


@pytest.mark.parametrize("who", ["facilitator", "trainer", "coordinator", "staff"])
def test_every_page_of_a_logged_in_person_has_the_log_out_button(live_server, page: Page, programme, who):
    login(page, live_server.url, who)
    for path in _pages(programme)[who]:
        page.goto(f"{live_server.url}/en{path}")
        _has_logout(page, "/en")
        expect(page.locator(LOGOUT).locator("button")).to_have_text("Log out")


def test_in_arabic_at_a_phones_width_it_is_there_and_accessible(live_server, page: Page, programme):
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, live_server.url, "facilitator", prefix="/ar")
    page.goto(f"{live_server.url}/ar/programme/")
    _has_logout(page, "/ar")
    expect(page.locator(LOGOUT).locator("button")).to_have_text("تسجيل الخروج")
    assert_accessible(page, "logout-header-ar")
    assert_fits_width(page)


def test_pressing_it_logs_out(live_server, page: Page, programme):
    login(page, live_server.url, "facilitator")
    page.goto(f"{live_server.url}/en/programme/")
    page.locator(LOGOUT).locator("button").click()
    page.wait_for_load_state()
    expect(page.locator(LOGOUT)).to_have_count(0)
    page.goto(f"{live_server.url}/en/programme/")
    expect(page.locator("#id_username")).to_be_visible()  # sent to log in again
    assert_accessible(page, "logged-out-login")


def test_nobody_logged_out_sees_it(live_server, page: Page, programme):
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(LOGOUT)).to_have_count(0)
