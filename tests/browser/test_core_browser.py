"""The shared layout in the browser: login and error pages pass axe-core, reflow at 360 px, and
Arabic is laid out right to left."""

import pytest
from playwright.sync_api import Page, expect

from .helpers import assert_accessible, assert_fits_width

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_login_page(live_server, page: Page, prefix):
    page.goto(f"{live_server.url}{prefix}/login/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, f"login{prefix.replace('/', '-')}")
    assert_fits_width(page)


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_not_found_page(live_server, page: Page, prefix):
    response = page.goto(f"{live_server.url}{prefix}/no-such-page/")
    assert response.status == 404
    assert_accessible(page, f"404{prefix.replace('/', '-')}")


def test_skip_link_moves_focus_to_the_content(live_server, page: Page):
    page.goto(f"{live_server.url}/en/login/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    skip.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_a_wrong_password_keeps_the_username(live_server, page: Page, personas):
    page.goto(f"{live_server.url}/en/login/")
    page.get_by_label("Username").fill("facilitator")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_label("Username")).to_have_value("facilitator")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, "login-error")


def test_arabic_layout_is_right_to_left(live_server, page: Page):
    page.goto(f"{live_server.url}/en/login/")
    page.get_by_role("link", name="العربيّة").click()
    page.wait_for_url("**/ar/login/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.get_attribute("html", "dir") == "rtl"
