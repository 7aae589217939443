"""Checks every page gets in the browser: axe-core at 0 violations and no sideways scrolling at 360 px."""

from __future__ import annotations

import os
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# An axe report is written only when a page fails; one folder per pytest-xdist worker.
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / os.environ.get("PYTEST_XDIST_WORKER", "main")
_axe = Axe()


def assert_accessible(page: Page, name: str) -> None:
    """axe-core (bundled with axe-playwright-python) finds no violations on the current page."""
    results = _axe.run(page)
    if results.violations_count:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"axe-{name}.txt").write_text(results.generate_report())
    assert results.violations_count == 0, results.generate_report()


def assert_fits_width(page: Page, width: int = 360) -> None:
    """At a phone's width the page does not scroll sideways (content reflows instead)."""
    page.set_viewport_size({"width": width, "height": 740})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"page is {overflow}px wider than a {width}px screen"


def login(
    page: Page,
    live_server_url: str,
    username: str,
    password: str = "a-long-test-password",  # noqa: S107 - the personas' test password
    prefix: str = "/en",
):
    """Log in through the real forms, second step included.

    Coordinators and staff get the second step after the password: on the set-up page the key is
    read off the page (as a person scans the QR code); on the code page the code comes from the
    user's device. Outside tests marked `second_factor` the step is skipped (tests/conftest.py)
    and this is just the password form.
    """
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto(f"{live_server_url}{prefix}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    if "/account/two-factor/setup/" in page.url:
        import base64

        key = base64.b32decode(page.locator("code.secret-key").inner_text().replace(" ", ""))
        code = totp(key, step=30, t0=0, digits=6)
    elif "/account/two-factor/" in page.url:
        from tests.auth import current_code

        code = int(current_code(TOTPDevice.objects.get(user__username=username, confirmed=True)))
    else:
        return
    page.locator("#id_token").fill(f"{code:06d}")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/account/two-factor/" not in url)
