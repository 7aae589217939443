"""The second login step in the browser: set up with the key on the page, then a code at each login."""

import pytest
from playwright.sync_api import Page, expect

from .helpers import assert_accessible, assert_fits_width, login

pytestmark = [pytest.mark.browser, pytest.mark.second_factor]


@pytest.mark.parametrize("prefix", ["/en", "/ar"])
def test_a_coordinator_sets_up_the_second_step(live_server, page: Page, personas, prefix):
    page.goto(f"{live_server.url}{prefix}/login/")
    page.locator("#id_username").fill("coordinator")
    page.locator("#id_password").fill("a-long-test-password")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/account/two-factor/setup/**")
    expect(page.locator("figure.qr-code svg")).to_be_visible()
    expect(page.locator("code.secret-key")).to_be_visible()
    assert_accessible(page, f"two-factor-setup{prefix.replace('/', '-')}")
    assert_fits_width(page)
    # A wrong code: a message, the page stays.
    page.locator("#id_token").fill("abc")
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, f"two-factor-setup-error{prefix.replace('/', '-')}")


def test_login_helper_completes_both_steps_and_the_admin_opens(live_server, page: Page, personas):
    user = personas["staff"]
    user.is_staff = True
    user.is_superuser = True
    user.save()
    login(page, live_server.url, "staff")  # set-up on first login
    page.goto(f"{live_server.url}/admin/")
    expect(page.locator("#site-name")).to_be_visible()
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/")
    expect(page.locator("#id_username")).to_be_visible()
    login(page, live_server.url, "staff")  # now the code page
    page.goto(f"{live_server.url}/admin/")
    expect(page.locator("#site-name")).to_be_visible()


@pytest.mark.parametrize("prefix", ["/en", "/ar"])
def test_the_code_page(live_server, page: Page, personas, prefix):
    from tests.auth import totp_device

    totp_device(personas["coordinator"])
    page.goto(f"{live_server.url}{prefix}/login/")
    page.locator("#id_username").fill("coordinator")
    page.locator("#id_password").fill("a-long-test-password")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/account/two-factor/?next=*")
    expect(page.locator("#id_token")).to_be_focused()
    assert_accessible(page, f"two-factor-verify{prefix.replace('/', '-')}")
    assert_fits_width(page)
