"""Checks every page gets in the browser: axe-core at 0 violations and no sideways scrolling at 360 px."""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
_axe = Axe()


def assert_accessible(page: Page, name: str) -> None:
    """axe-core (bundled with axe-playwright-python) finds no violations on the current page."""
    results = _axe.run(page)
    if results.violations_count:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"axe-{name}.txt").write_text(results.generate_report())
    assert results.violations_count == 0, results.generate_report()


def assert_fits_width(page: Page, width: int = 360) -> None:
    """At a phone's width the page does not scroll sideways (content reflows instead)."""
    page.set_viewport_size({"width": width, "height": 740})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"page is {overflow}px wider than a {width}px screen"
