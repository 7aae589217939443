"""Issue #22's "done when": the evening of a session on a 10-inch tablet and a phone.

The tablet (1280x800, Dutch): the meeting of method 3 has a deck (borrowed from the toolkit's
statements for men), the companion runs five statements and ten speaker turns with the statement
controls and the speaker buttons on one screen; the network goes off; the companion and the report
reload from the device; the report is submitted offline, the page is closed; back online on "My
work" the report arrives once, with all five statements and the totals. The phone (360x800,
Arabic): the facilitator sees where the safety signal went; the trainer records the action and the
signal leaves the list. axe-core finds nothing on any page."""

import pytest
from playwright.sync_api import Browser, Page, expect

from samensterk.core.models import AuditEvent
from samensterk.programme.models import SessionReport
from samensterk.toolkit.models import Method
from tests.clock import earlier_today

from .helpers import assert_accessible, login

pytestmark = pytest.mark.browser

TABLET = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 800}


def _on_screen(page: Page, selector: str) -> None:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (selector, box, height)


def test_an_evening_on_a_tablet_and_a_phone(
    live_server, browser: Browser, personas, programme, toolkit_content
):
    base = live_server.url
    trajectory = programme["trajectory"]
    trajectory.method = Method.objects.get(slug="dialoogsessies-mannen")  # method 3: no statements of its own
    trajectory.save(update_fields=["method"])
    meeting = programme["sessions"][2]  # tonight's meeting, started 90 minutes ago
    meeting.starts_at = earlier_today(90)
    meeting.save(update_fields=["starts_at"])

    tablet_context = browser.new_context(viewport=TABLET)
    tablet = tablet_context.new_page()
    errors = []
    tablet.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(tablet, base, "facilitator", prefix="")

    # My work: tonight's meeting once, with its companion.
    tablet.goto(f"{base}/programme/")
    card = tablet.locator(".card", has_text="bijeenkomst 3")
    expect(card).to_have_count(1)
    expect(tablet.locator("html")).to_have_attribute("data-offline-ready", "true", timeout=15000)
    assert_accessible(tablet, "evening-my-work-nl")
    card.locator(f'a[href="/companion/sessions/{meeting.pk}/"]').click()

    # The companion: a deck of five or more, statement controls and speaker buttons on one screen.
    expect(tablet.locator("html")).to_have_attribute("data-offline-ready", "true", timeout=15000)
    cards = tablet.locator('.companion-panel [data-deck="statements"] [data-card]')
    assert cards.count() >= 5
    slugs = cards.evaluate_all("els => els.map(e => e.dataset.card)")[:5]
    for selector in [
        "[data-deck='statements'] [data-card]:visible",
        ".deck-next",
        ".deck-prev",
        ".speak-man",
        ".speak-woman",
        ".speak-stop",
    ]:
        _on_screen(tablet, selector)
    expect(tablet.locator("[data-share-none]")).to_be_visible()  # no "good" meter before anyone spoke
    expect(tablet.locator("[data-share-meter]")).to_be_hidden()
    # a laptop on the projector, another browser: it follows the tablet while both are online
    laptop_context = browser.new_context(viewport={"width": 1366, "height": 768})
    laptop = laptop_context.new_page()
    login(laptop, base, "facilitator", prefix="")
    laptop.goto(f"{base}/companion/sessions/{meeting.pk}/projector/")
    tablet.locator('[data-show="deck"]').click()
    for _ in range(4):
        tablet.locator(".deck-next").click()
    expect(laptop.locator('[data-view="deck"] [data-card]:visible')).to_have_attribute(
        "data-card", slugs[4], timeout=20000
    )
    laptop_context.close()
    for who in ["man", "woman"] * 5:
        tablet.locator(f".speak-{who}").click()
    tablet.locator(".speak-stop").click()
    expect(tablet.locator('[data-out="statements_used"]')).to_have_text("5")
    expect(tablet.locator('[data-send="sent"]')).to_be_visible(timeout=15000)
    assert_accessible(tablet, "evening-companion-nl")
    tablet_context.set_offline(True)

    # Offline: the companion and the report page reload from the device.
    tablet.reload()
    expect(tablet.locator('[data-out="turns_men"]')).to_have_text("5")
    expect(tablet.locator('[data-net="offline"]')).to_be_visible()
    tablet.goto(f"{base}/programme/sessions/{meeting.pk}/report/")
    expect(tablet.locator("#report-form")).to_be_visible()
    print_css = tablet.evaluate(
        "caches.match(document.querySelector('link[media=print]').href).then(r => Boolean(r))"
    )
    assert print_css  # the offline copy prints as well
    assert_accessible(tablet, "evening-report-offline-nl")
    tablet.locator("#id_men_count").fill("5")
    tablet.locator("#id_women_count").fill("0")
    tablet.locator("#id_outcomes").fill("Test: de mannen spraken over wie het geld verdient.")
    tablet.locator('input[name="safety_signal"][value="yes"]').check()
    tablet.locator("#report-submit").click()
    # the answer next to the button, not the autosave's "saved on this device"
    status = tablet.locator("#submit-status")
    expect(status).to_contain_text("offline")
    button, line = tablet.locator("#report-submit").bounding_box(), status.bounding_box()
    assert 0 <= line["y"] - button["y"] <= 150
    assert not SessionReport.objects.filter(session=meeting, status="submitted").exists()
    tablet.close()

    # Back online on "My work" (a new page): the queue is shown, then sent once, with a confirmation.
    page = tablet_context.new_page()
    page.goto(f"{base}/programme/")
    expect(page.locator("[data-queue-list] li")).to_have_count(1)
    expect(page.locator(f'[data-queued-hint="{meeting.pk}"]')).to_be_visible()
    assert_accessible(page, "evening-my-work-queue-nl")
    tablet_context.set_offline(False)
    expect(page.locator("[data-queue-sent]")).to_contain_text("bijeenkomst 3", timeout=20000)
    expect(page.locator("[data-queue-list] li")).to_have_count(0)
    report = SessionReport.objects.get(session=meeting)
    assert report.status == "submitted" and report.safety_signal
    assert AuditEvent.objects.filter(action="report.submit", object_id=str(report.pk)).count() == 1
    assert sorted(report.statements.values_list("slug", flat=True)) == sorted(slugs)  # all five shown
    assert (report.companion_totals["turns_men"], report.companion_totals["turns_women"]) == (5, 5)
    assert [e for e in errors if "favicon" not in e] == []

    # Logging out leaves nothing of this user on the tablet: drafts, companion data, kept pages.
    prefix = f"samensterk.{personas['facilitator'].pk}."
    keys = f"Object.keys(localStorage).filter(k => k.startsWith('{prefix}'))"
    assert page.evaluate(keys)  # the companion's state of tonight
    page.evaluate(
        """() => { const f = document.createElement('form'); f.method = 'post'; f.action = '/logout/';
        f.setAttribute('data-logout', ''); f.innerHTML = '<input type="hidden" name="csrfmiddlewaretoken" value="'
        + document.querySelector('#offline-queue').dataset.csrf + '"><button>x</button>';
        document.body.append(f); f.querySelector('button').click(); }"""
    )
    page.wait_for_url(lambda u: "/programme/" not in u)
    assert page.evaluate(keys) == []
    # (public static files may be cached again by the next page; pages and the queue are gone)
    kept = "caches.keys().then(ns => ns.filter(n => /^samensterk-(pages|queue)/.test(n)))"
    assert page.evaluate(kept) == []
    tablet_context.close()

    # The phone, in Arabic: My work and the companion, and the facilitator sees where the signal went ...
    phone_context = browser.new_context(viewport=PHONE)
    phone = phone_context.new_page()
    login(phone, base, "facilitator", prefix="/ar")
    phone.goto(f"{base}/ar/programme/")
    assert_accessible(phone, "evening-my-work-ar")
    other_key = f"samensterk.{personas['facilitator'].pk}.companion.{programme['sessions'][0].pk}"
    phone.evaluate(
        f"localStorage.setItem('{other_key}', JSON.stringify({{run: 'r-1234567', seats: [{{id: 'a', label: 'AB'}}], passes: ['a']}}))"
    )
    phone.goto(f"{base}/ar/companion/sessions/{meeting.pk}/")
    expect(phone.locator("[data-share-none]")).to_be_visible()
    # another meeting's initials are wiped as soon as any companion page opens
    assert "AB" not in phone.evaluate(f"localStorage.getItem('{other_key}')")
    assert_accessible(phone, "evening-companion-ar")
    phone.goto(f"{base}/ar/programme/sessions/{meeting.pk}/report/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator(".signal-sent")).to_be_visible()
    assert_accessible(phone, "evening-report-facilitator-ar")
    phone_context.close()

    # ... and the trainer records the action taken; then the signal leaves the list.
    phone_context = browser.new_context(viewport=PHONE)
    phone = phone_context.new_page()
    login(phone, base, "trainer", prefix="/ar")
    phone.goto(f"{base}/ar/programme/")
    expect(
        phone.locator(f'#signals-heading ~ ul a[href="/ar/programme/sessions/{meeting.pk}/report/"]')
    ).to_be_visible()
    assert_accessible(phone, "evening-my-work-trainer-ar")
    phone.goto(f"{base}/ar/programme/sessions/{meeting.pk}/report/")
    expect(phone.locator("#signal-steps")).to_be_visible()
    assert_accessible(phone, "evening-report-trainer-ar")
    phone.locator('input[name="action"][value="contacted"]').check()
    phone.locator('form[action$="/report/signal/"] button[type=submit]').click()
    expect(phone.locator(".signal-done")).to_be_visible()
    report.refresh_from_db()
    assert report.signal_action == "contacted" and report.signal_action_by == personas["trainer"]
    phone.goto(f"{base}/ar/programme/")
    expect(
        phone.locator(f'#signals-heading ~ ul a[href="/ar/programme/sessions/{meeting.pk}/report/"]')
    ).to_have_count(0)
    phone_context.close()
