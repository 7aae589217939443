"""The calculator's presentation on a phone (360 px) in Dutch and Arabic: who cares / who earns
with the childcare cost net of its toeslag and no word broken mid-word, "What you can do next",
and an hours error that links to a field on the page. axe-core finds no violations."""

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.browser.helpers import assert_accessible, assert_fits_width

pytestmark = pytest.mark.browser

# Every word of an element's text whose box spans more than one line: a word broken mid-word.
BROKEN_WORDS = """(root) => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const re = /\\S+/g;
    let m;
    while ((m = re.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def open_every_section(page: Page):
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_sharing_and_next_steps_read_right_on_a_phone(live_server, page: Page, lang):
    prefix = "" if lang == "nl" else f"/{lang}"
    with translation.override(lang):
        net_line = translation.gettext("Childcare: what you pay yourself (cost minus toeslag)")
        steps_title = translation.gettext("What you can do next")
        step = translation.gettext("Belastingdienst: applying for a toeslag")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{prefix}/calculator/example/low-wage-three-children/")
    sharing = page.locator("#sharing")
    expect(sharing.locator("table")).to_be_visible()
    expect(sharing).to_contain_text(net_line)
    expect(sharing).to_contain_text("Kinderopvangtoeslag")
    if lang == "nl":
        expect(sharing).to_contain_text("financieel zelfstandig")
        expect(sharing).not_to_contain_text("onafhankelijk")
    # He works 60 hours, she none: no childcare, and no backwards range such as "20–0".
    page.locator("#id_share_a_his").fill("60")
    page.locator("#id_share_a_her").fill("0")
    with page.expect_navigation():
        page.locator("#sharing button[type=submit]").click()
    expect(page.locator("#sharing thead")).to_contain_text("60")
    expect(page.locator("#sharing")).not_to_contain_text("20–0")
    assert page.locator("#sharing").evaluate(BROKEN_WORDS) == []
    steps = page.locator("#next-steps")
    expect(steps.get_by_role("heading", name=steps_title)).to_be_visible()
    link = steps.locator(
        'a[href="https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/toeslagen/aanvragen/"]'
    )
    expect(link).to_be_visible()
    # Its title, read without the invisible isolates that keep Arabic and Dutch words in order.
    assert link.evaluate("a => a.textContent.replace(/[\\u2066-\\u2069]/g, '')") == step
    assert page.locator("#next-steps").evaluate(BROKEN_WORDS) == []
    open_every_section(page)
    assert_accessible(page, f"calculator-presentation-{lang}")
    assert_fits_width(page, 360)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_an_hours_error_links_to_the_hours_field_on_a_phone(live_server, page: Page, lang):
    prefix = "" if lang == "nl" else f"/{lang}"
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{prefix}/calculator/")
    page.locator("#id_partner_2").check()  # a couple on bijstand
    page.locator("#id_children").fill("3, 7")
    page.locator("#id_rent").fill("-750")
    page.locator("details.more-details summary").click()
    page.locator("#id_hours").fill("99")
    page.locator("button.primary").click()
    page.wait_for_load_state()
    summary = page.locator("#errors")
    expect(summary).to_be_visible()
    with translation.override(lang):
        zero = translation.gettext("This must be 0 or more.")
    expect(page.locator("#id_rent-error")).to_have_text(zero)
    summary.locator("a[href='#id_hours']").click()
    expect(page.locator("#id_hours")).to_be_focused()
    expect(page.locator("#id_hours")).to_have_value("99")  # what was typed is kept
    expect(page.locator("#id_rent")).to_have_value("-750")
    assert_accessible(page, f"calculator-hours-error-{lang}")
    assert_fits_width(page, 360)
