"""The methods library in Debian's Chromium: follow a method's steps, filter statements with htmx,
switch to Arabic (right to left), download flip-over sheets, and axe + 360 px on every page."""

import re
import subprocess
import unicodedata

import pytest
from django.contrib.contenttypes.models import ContentType
from playwright.sync_api import Page, expect

from samensterk.toolkit.models import Method, Statement, Theme, Translation, WorkForm
from tests.browser.helpers import assert_accessible, assert_fits_width
from tests.toolkit.helpers import url

pytestmark = pytest.mark.browser


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


def test_open_a_method_and_follow_its_steps_to_the_last(live_server, page: Page, toolkit_content):
    method = Method.objects.get(slug="huiskamergesprekken")
    steps = list(method.steps.order_by("order"))
    page.goto(live_server.url + url("index"))
    page.locator(f'a[href="{url("method", method.slug)}"]').first.click()
    expect(page.locator("h1")).to_contain_text(method.name)
    expect(page.locator(".step-path > li")).to_have_count(len(steps))

    page.locator(".step-path a.step-link").first.click()
    visited = [page.locator("h1").inner_text()]
    while page.locator('a[rel="next"]').count():
        page.locator('a[rel="next"]').click()
        visited.append(page.locator("h1").inner_text())
    assert [v.strip() for v in visited] == [s.title for s in steps]
    expect(page).to_have_url(re.compile(re.escape(url("step", method.slug, steps[-1].slug)) + "$"))
    expect(page.locator('a[rel="prev"]')).to_have_count(1)
    # issue 24: the step leads to the meeting plans instead of printing a plan of its own
    expect(page.locator(f'a[href="{url("meetings", method.slug)}"].button')).to_be_visible()


def test_filter_statements_by_theme_with_htmx(live_server, page: Page, toolkit_content):
    theme = Theme.objects.get(slug="geld")
    expected = theme.statements.count()
    assert 0 < expected < Statement.objects.count()
    page.goto(live_server.url + url("statements"))
    expect(page.locator(".toolkit-statements > li")).to_have_count(Statement.objects.count())
    page.evaluate("window.__sameDocument = true")  # survives an htmx swap, not a page load

    page.select_option("#id_theme", "geld")
    expect(page.locator(".toolkit-statements > li")).to_have_count(expected)
    expect(page).to_have_url(re.compile(r"[?&]theme=geld"))
    expect(page.locator("#statement-count")).to_contain_text(str(expected))
    assert page.evaluate("window.__sameDocument") is True
    for statement in theme.statements.all():
        expect(page.locator("#statement-results")).to_contain_text(statement.text)


def test_switch_to_arabic_gives_a_right_to_left_page(live_server, page: Page, toolkit_content):
    page.goto(live_server.url + url("index"))
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    page.locator('.lang-switch a[hreflang="ar"]').click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page).to_have_url(re.compile(re.escape(url("index", lang="ar")) + "$"))
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).textAlign") in ("start", "right")


def test_download_the_flipover_pdf_in_arabic_with_dutch(live_server, page: Page, toolkit_content, tmp_path):
    theme = Theme.objects.get(slug="geld")
    statements = list(theme.statements.order_by("order", "slug"))
    Translation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Statement),
        object_id=statements[0].pk,
        language="ar",
        defaults={"fields": {"text": "المال يجلب السعادة للجميع"}, "reviewed": False},
    )
    page.goto(live_server.url + url("statements", query="theme=geld"))
    page.select_option("#flipover-lang", "ar")
    page.check("#flipover-dutch")
    with page.expect_download() as info:
        page.locator(".flipover-form button[type=submit]").click()
    download = info.value
    assert download.suggested_filename == "statements-geld-ar.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    pdfinfo = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+(\d+)$", pdfinfo, re.M).group(1) == str(len(statements))
    assert "841.89 x 595.276" in pdfinfo  # A4 landscape
    first = _plain(
        subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for word in "المال يجلب السعادة للجميع".split():
        assert word in first
    assert _plain(statements[0].text) in first


def _public_pages():
    def method():
        return Method.objects.get(slug="huiskamergesprekken")

    return {
        "home": lambda lang: url("index", lang=lang).replace("toolkit/", ""),
        "index": lambda lang: url("index", lang=lang),
        "method": lambda lang: url("method", method().slug, lang=lang),
        "step": lambda lang: url("step", method().slug, method().steps.order_by("order")[2].slug, lang=lang),
        "workforms": lambda lang: url("workforms", lang=lang),
        "workform": lambda lang: url(
            "workform", WorkForm.objects.filter(questions__isnull=False).first().slug, lang=lang
        ),
        "statements": lambda lang: url("statements", lang=lang),
        "statements-filtered": lambda lang: url("statements", lang=lang, query="theme=geld&q=geld"),
        "statements-bad-filter": lambda lang: url("statements", lang=lang, query="theme=nope&q=typed"),
        "checklist": lambda lang: url("checklist", lang=lang),
        "meetings": lambda lang: url("meetings", "dialoogsessies-mannen-en-vrouwen", lang=lang),
        "meeting": lambda lang: url("meeting", "huiskamergesprekken", 4, lang=lang),
        "meeting-plan": lambda lang: url("meeting_plan", "workshopreeks-gelijke-kansen", 1, lang=lang),
        "difficult": lambda lang: url("difficult", "dialoogsessies-mannen", lang=lang),
        "contacts": lambda lang: url("contacts", lang=lang),
        "statements-method-3": lambda lang: url(
            "statements", lang=lang, query="method=dialoogsessies-mannen"
        ),
        "recommendations": lambda lang: url("recommendations", lang=lang),
        "insights": lambda lang: url("insights", lang=lang),
    }


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("name", list(_public_pages()))
def test_every_page_is_accessible_and_fits_a_phone(live_server, page: Page, toolkit_content, name, lang):
    path = _public_pages()[name](lang)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    response = page.goto(live_server.url + path)
    assert response.status == (400 if name == "statements-bad-filter" else 200)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    assert_accessible(page, f"toolkit-{name}-{lang}")
    assert_fits_width(page)
    # no script or style blocked by the Content-Security-Policy, no script errors (a 400 page logs its status)
    assert [e for e in errors if "400" not in e] == []
