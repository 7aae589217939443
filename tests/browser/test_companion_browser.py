"""The session companion in Debian's Chromium: a whole meeting on one tablet with a projector window,
the network switched off half-way and a reload, and the totals arriving in the report; axe-core,
360 px, a 10-inch tablet, 1920x1080 and Arabic on every companion page."""

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from samensterk.companion.models import Agreements
from samensterk.programme.models import SessionReport
from samensterk.toolkit.models import Method
from tests.browser.helpers import assert_accessible, assert_fits_width
from tests.companion.helpers import url

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


def _login(page: Page, base: str, username: str = "facilitator", lang: str = "en") -> None:
    prefix = "" if lang == "nl" else f"/{lang}"
    page.goto(f"{base}{prefix}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.fixture
def meeting(programme, toolkit_content):
    """The trajectory runs the living-room method (it has statements); its session 2 is tonight."""
    trajectory = programme["trajectory"]
    trajectory.method = Method.objects.get(slug="huiskamergesprekken")
    trajectory.save(update_fields=["method"])
    return programme["sessions"][1]


def _deck_slugs(page: Page) -> list[str]:
    return page.locator('.companion-panel [data-deck="statements"] [data-card]').evaluate_all(
        "els => els.map(e => e.dataset.card)"
    )


def _visible_card(page: Page, deck: str = "statements"):
    return page.locator(f'[data-deck="{deck}"] [data-card]:visible')


def test_a_whole_session_offline_half_way_ends_with_the_totals_in_the_report(
    live_server, context: BrowserContext, page: Page, personas, programme, meeting
):
    base = live_server.url
    errors = []
    page.on(
        "console", lambda msg: errors.append(f"{msg.text} {msg.location}") if msg.type == "error" else None
    )
    _login(page, base)

    # First meeting: the group writes its agreements.
    first = programme["sessions"][0]
    page.goto(base + url("agreements", first.pk, lang="en"))
    page.get_by_label("The group's dialogue agreements").fill(
        "We let each other finish.\nWhat is said here stays here.\nPhones on silent."
    )
    page.get_by_role("button", name="Save the agreements").click()
    expect(page).to_have_url(base + url("control", first.pk, lang="en"))
    assert Agreements.objects.get(trajectory=programme["trajectory"]).lines[0] == "We let each other finish."

    # Tonight's meeting: the agreements open it, on the tablet and on the projector.
    control_url = base + url("control", meeting.pk, lang="en")
    page.goto(control_url)
    expect(page.locator("#agreements .agreements-list li")).to_have_count(3)
    expect(page.locator("html")).to_have_attribute("data-offline-ready", "true", timeout=15000)
    projector = context.new_page()
    projector.goto(base + url("projector", meeting.pk, lang="en"))
    # the meeting opens with the agreements on the wall
    expect(projector.locator('[data-view="agreements"]')).to_be_visible()
    expect(page.get_by_role("button", name="Show the agreements on the projector")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(projector.locator('[data-view="agreements"] li').first).to_have_text("We let each other finish.")
    expect(projector.locator('[data-view="deck"]')).to_be_hidden()

    # Check-in with the ball: four seats typed on the tablet, three turns.
    for seat in ["1", "2", "AB", "K"]:
        page.get_by_label("Seat number or initials").fill(seat)
        page.get_by_role("button", name="Add seat").click()
    seats = page.locator("[data-seats] button")
    expect(seats).to_have_count(4)
    for label in ["AB", "1", "K"]:
        page.locator("[data-seats] button", has_text=label).click()
    expect(page.locator("[data-ball]")).to_have_text("K")
    expect(page.locator('#checkin [data-out="checkin_turns"]')).to_have_text("3")
    expect(page.locator("[data-waiting]")).to_have_text("2")

    # Five statements back and forth: buttons on the tablet, the clicker on the projector window.
    slugs = _deck_slugs(page)
    assert len(slugs) >= 5
    page.get_by_role("button", name="Show this card on the projector").click()
    expect(projector.locator('[data-view="deck"]')).to_be_visible()
    expect(projector.locator('[data-view="agreements"]')).to_be_hidden()
    for i in range(1, 5):
        page.get_by_role("button", name="Next").click()
        expect(_visible_card(projector)).to_have_attribute("data-card", slugs[i])
    projector.bring_to_front()
    projector.keyboard.press("PageUp")
    projector.keyboard.press("ArrowLeft")
    expect(_visible_card(page)).to_have_attribute("data-card", slugs[2])
    expect(page.locator("[data-position]")).to_have_text("3")
    projector.keyboard.press("PageDown")
    expect(_visible_card(page)).to_have_attribute("data-card", slugs[3])
    page.bring_to_front()
    page.get_by_role("button", name="Previous").click()
    expect(_visible_card(projector)).to_have_attribute("data-card", slugs[2])
    expect(page.locator('[data-out="statements_used"]')).to_have_text("5")

    # Speaker balance: ten turns (six men, four women) and one wrong tap undone; offline half-way.
    man = page.get_by_role("button", name="Man speaks", exact=True)
    woman = page.get_by_role("button", name="Woman speaks")
    for button in [man, woman, man, man, woman]:
        button.click()
        page.wait_for_timeout(150)
    expect(page.locator('[data-send="sent"]')).to_be_visible(timeout=15000)
    half_way = SessionReport.objects.get(session=meeting).companion_totals
    assert (half_way["turns_men"], half_way["turns_women"]) == (3, 2)
    context.set_offline(True)
    expect(page.locator('[data-net="offline"]')).to_be_visible()
    for button in [man, woman, man, woman, man]:
        button.click()
        page.wait_for_timeout(150)
    woman.click()  # wrong tap: a man was still speaking
    expect(page.locator('[data-out="turns_women"]')).to_have_text("5")
    page.get_by_role("button", name="Undo the last tap").click()
    expect(page.locator('[data-out="turns_women"]')).to_have_text("4")
    expect(page.locator("[data-now=man]")).to_be_visible()
    page.get_by_role("button", name="Interruption +1").click()

    # A reload without network: the service worker serves the page, the browser keeps the state.
    page.reload()
    expect(page.locator("h1")).to_contain_text("Session companion")
    expect(page.locator('[data-net="offline"]')).to_be_visible()
    expect(page.locator('[data-out="turns_men"]')).to_have_text("6")
    expect(page.locator('[data-out="turns_women"]')).to_have_text("4")
    expect(page.locator('[data-out="interruptions"]')).to_have_text("1")
    expect(page.locator('#checkin [data-out="checkin_turns"]')).to_have_text("3")
    expect(page.locator("[data-seats] button")).to_have_count(4)
    expect(_visible_card(page)).to_have_attribute("data-card", slugs[2])
    expect(page.locator('[data-send="pending"]')).to_be_visible()
    page.get_by_role("button", name="Stop").click()
    expect(page.locator("[data-now=none]")).to_be_visible()
    assert SessionReport.objects.get(session=meeting).companion_totals == half_way  # nothing got through

    # Network back on: the totals go to the report by themselves.
    context.set_offline(False)
    expect(page.locator('[data-send="sent"]')).to_be_visible(timeout=15000)
    shown = {
        name: page.locator(f'[data-out="{name}"]').first.inner_text()
        for name in ["turns_men", "turns_women", "time_men", "time_women", "interruptions"]
    }

    # The end: seats and initials leave the device, after the facilitator confirms.
    page.get_by_role("button", name="End the session").click()
    expect(page.locator("[data-ended]")).to_be_hidden()
    page.get_by_role("button", name="Yes, end the session").click()
    expect(page.locator("[data-ended]")).to_be_visible()
    expect(page.locator("[data-seats] button")).to_have_count(0)
    expect(page.locator('[data-send="sent"]')).to_be_visible(timeout=15000)
    stored = json.loads(
        page.evaluate(
            f"localStorage.getItem('samensterk.{personas['facilitator'].pk}.companion.{meeting.pk}')"
        )
    )
    assert stored["seats"] == []
    assert "AB" not in json.dumps(stored)

    totals = SessionReport.objects.get(session=meeting).companion_totals
    assert totals["turns_men"] == 6 and totals["turns_women"] == 4
    assert totals["checkin_turns"] == 3 and totals["interruptions"] == 1
    assert totals["statements"] == slugs[:5]
    assert f"{totals['seconds_men'] // 60}:{totals['seconds_men'] % 60:02d}" == shown["time_men"]
    assert f"{totals['seconds_women'] // 60}:{totals['seconds_women'] % 60:02d}" == shown["time_women"]
    assert not {"seats", "initials", "passes"} & set(totals)

    # The facilitator finds the tapped totals prefilled in the session's report.
    page.goto(base + f"/en/programme/sessions/{meeting.pk}/report/")
    figures = page.locator(".companion-totals dd")
    expect(figures).to_have_text(
        [
            "6",
            "4",
            str(round(totals["seconds_men"] / 60)),  # minutes, not seconds
            str(round(totals["seconds_women"] / 60)),
            "1",
            f"{totals['share_women']}%",
            "3",  # check-in turns
        ]
    )
    # no script or style blocked by the Content-Security-Policy, no script errors (the site has no
    # favicon; Chromium asks for one)
    assert [e for e in errors if "favicon.ico" not in e] == []


def _seed_agreements(programme, personas):
    Agreements.objects.create(
        trajectory=programme["trajectory"],
        text="We laten elkaar uitpraten.\nWat hier gezegd wordt, blijft hier.",
        changed_by=personas["facilitator"],
    )


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_every_companion_page_is_accessible_and_fits_phone_tablet_and_projector(
    live_server, context: BrowserContext, page: Page, personas, programme, meeting, lang
):
    _seed_agreements(programme, personas)
    base = live_server.url
    errors = []
    page.on(
        "console", lambda msg: errors.append(f"{msg.text} {msg.location}") if msg.type == "error" else None
    )
    _login(page, base, lang=lang)
    dir_ = "rtl" if lang == "ar" else "ltr"

    page.goto(base + url("agreements", meeting.pk, lang=lang))
    expect(page.locator("html")).to_have_attribute("dir", dir_)
    assert_accessible(page, f"companion-agreements-{lang}")
    assert_fits_width(page)

    page.goto(base + url("control", meeting.pk, lang=lang))
    expect(page.locator("html")).to_have_attribute("dir", dir_)
    # some state to show: seats, a speaker, the turn list open
    page.locator("#seat-count").fill("6")
    page.locator("[data-seat-count-form] button").click()
    page.locator("[data-seats] button").nth(1).click()
    page.locator('[data-speak="woman"]').click()
    page.locator('[data-speak="man"]').click()
    page.locator(".turn-corrections summary").click()
    expect(page.locator("[data-turns] li")).to_have_count(1)
    assert_accessible(page, f"companion-control-{lang}")
    for width, height in [(360, 740), (800, 1280), (1280, 800), (1920, 1080)]:
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"control view is {overflow}px too wide at {width}x{height}"
    # the speaker buttons are large touch targets everywhere
    for speak in ["man", "woman", "stop"]:
        box = page.locator(f'[data-speak="{speak}"]').bounding_box()
        assert box["height"] >= 60 and box["width"] >= 120
    assert_fits_width(page)

    projector = context.new_page()
    projector.goto(base + url("projector", meeting.pk, lang=lang))
    expect(projector.locator("html")).to_have_attribute("dir", dir_)
    for show, view in [("agreements", "agreements"), ("deck", "deck"), ("blank", "blank")]:
        page.locator(f'[data-show="{show}"]').click()
        expect(projector.locator(f'[data-view="{view}"]')).to_be_visible()
        projector.set_viewport_size({"width": 1920, "height": 1080})
        assert_accessible(projector, f"companion-projector-{view}-{lang}")
        assert projector.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        assert_fits_width(projector)
    # the statement on the projector is very large type
    page.locator('[data-show="deck"]').click()
    projector.set_viewport_size({"width": 1920, "height": 1080})
    size = projector.locator('[data-view="deck"] [data-card]:visible .deck-card-text').first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert size >= 60
    assert [e for e in errors if "favicon.ico" not in e] == []


def test_the_timer_counts_down_and_gives_a_gentle_signal(
    live_server, page: Page, personas, programme, meeting
):
    _login(page, live_server.url)
    page.goto(live_server.url + url("control", meeting.pk, lang="en"))
    page.get_by_label("Minutes").select_option("1")
    expect(page.locator("[data-timer-display]")).to_have_text("1:00")
    page.locator('[data-action="timer-toggle"]').click()
    expect(page.locator('[data-timer-label="pause"]')).to_be_visible()
    expect(page.locator("[data-timer-display]")).not_to_have_text("1:00", timeout=3000)
    # jump to the end without waiting a minute: the end time is in the stored state
    page.evaluate(
        f"""() => {{
        const key = 'samensterk.{personas["facilitator"].pk}.companion.{meeting.pk}';
        const s = JSON.parse(localStorage.getItem(key));
        s.timer.endsAt = Date.now() + 1200;
        localStorage.setItem(key, JSON.stringify(s));
    }}"""
    )
    page.reload()
    expect(page.locator("[data-timer-done]")).to_be_visible(timeout=5000)
    expect(page.locator("#timer")).to_have_class(re.compile(r"\btimer-ended\b"))
    expect(page.locator("[data-timer-display]")).to_have_text("0:00")
    page.get_by_role("button", name="Reset").click()
    expect(page.locator("[data-timer-display]")).to_have_text("1:00")
    expect(page.locator("[data-timer-done]")).to_be_hidden()

    # per speaker: every new speaker gets the full time again
    page.get_by_label("Start again for every speaker").check()
    page.locator('[data-speak="man"]').click()
    expect(page.locator('[data-timer-label="pause"]')).to_be_visible()
    expect(page.locator("[data-timer-display]")).not_to_have_text("1:00", timeout=3000)
    page.locator('[data-speak="woman"]').click()
    expect(page.locator("[data-timer-display]")).to_have_text(re.compile(r"^(1:00|0:59)$"))


def test_a_wrong_turn_is_corrected_afterwards_and_a_swipe_turns_the_card(
    live_server, page: Page, personas, programme, meeting
):
    _login(page, live_server.url)
    page.goto(live_server.url + url("control", meeting.pk, lang="en"))
    slugs = _deck_slugs(page)
    for who in ["man", "man", "woman"]:
        page.locator(f'[data-speak="{who}"]').click()
    page.get_by_role("button", name="Stop").click()
    page.locator(".turn-corrections summary").click()
    rows = page.locator("[data-turns] li")
    expect(rows).to_have_count(3)
    rows.nth(1).get_by_role("button", name="Change man/woman").click()
    expect(page.locator('[data-out="turns_men"]')).to_have_text("1")
    expect(page.locator('[data-out="turns_women"]')).to_have_text("2")
    rows.nth(0).get_by_role("button", name="Remove").click()
    expect(rows).to_have_count(2)
    expect(page.locator('[data-out="turns_men"]')).to_have_text("0")
    page.get_by_role("button", name="Undo the last tap").click()
    expect(page.locator('[data-out="turns_men"]')).to_have_text("1")

    card = page.locator('.companion-panel [data-deck="statements"] [data-card]:visible')
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] - 10, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 10, y, steps=5)
    page.mouse.up()
    expect(card).to_have_attribute("data-card", slugs[1])

    # The other window's state can arrive late (its messages and storage events cross this window's
    # changes): one older than what this window shows changes nothing but what a send confirmed
    # (here a made-up "report closed", which shows that the message was read).
    page.evaluate(
        """(session) => {
        const key = Object.keys(localStorage).find((k) => k.endsWith(`.companion.${session}`));
        const now = JSON.parse(localStorage.getItem(key));
        new BroadcastChannel(`samensterk-companion-${session}`).postMessage({
          ...now, clock: now.clock - 1, index: { ...now.index, statements: 0 }, turns: [],
          sent: now.revision + 1, sendStatus: "closed" });
    }""",
        meeting.pk,
    )
    expect(page.locator('[data-send="closed"]')).to_be_visible()
    expect(card).to_have_attribute("data-card", slugs[1])  # the stale state did not turn the card back
    expect(page.locator('[data-out="turns_men"]')).to_have_text("1")  # nor drop the turns

    # the second deck: the "Huis van vroeger, Huis van nu" questions, not counted as statements used
    page.locator('input[name="deck"][value="questions"]').check()
    question = page.locator('.companion-panel [data-deck="questions"] [data-card]:visible')
    expect(question).to_contain_text("Waar stond je wieg?")
    expect(page.locator("[data-count]")).to_have_text("8")
    page.get_by_role("button", name="Next").click()
    expect(question).to_contain_text("Welke taakverdeling was er in jouw huis van herkomst?")
    expect(page.locator('[data-out="statements_used"]')).to_have_text("2")


def test_in_arabic_the_left_arrow_is_next_and_forgotten_seats_go_after_twelve_hours(
    live_server, page: Page, personas, programme, meeting
):
    _login(page, live_server.url, lang="ar")
    page.goto(live_server.url + url("control", meeting.pk, lang="ar"))
    slugs = _deck_slugs(page)
    page.locator("#seat-count").fill("3")
    page.locator("[data-seat-count-form] button").click()
    page.locator("[data-seats] button").first.click()
    page.locator("h1").click()  # focus out of the seat form: the arrows are for the deck
    page.keyboard.press("ArrowLeft")
    expect(_visible_card(page)).to_have_attribute("data-card", slugs[1])
    page.keyboard.press("ArrowRight")
    expect(_visible_card(page)).to_have_attribute("data-card", slugs[0])

    # The facilitator forgot to end the session: the next evening the seats are gone, the counts stay.
    page.evaluate(
        f"""() => {{
        const key = 'samensterk.{personas["facilitator"].pk}.companion.{meeting.pk}';
        const s = JSON.parse(localStorage.getItem(key));
        s.touched = Date.now() - 13 * 60 * 60 * 1000;
        localStorage.setItem(key, JSON.stringify(s));
    }}"""
    )
    page.reload()
    expect(page.locator('#checkin [data-out="checkin_turns"]')).to_have_text("1")
    expect(page.locator("[data-seats] button")).to_have_count(0)
    stored = page.evaluate(
        f"localStorage.getItem('samensterk.{personas['facilitator'].pk}.companion.{meeting.pk}')"
    )
    assert '"label"' not in stored
