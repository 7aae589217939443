"""Running a trajectory in Debian's Chromium (issue #7's "done when"): staff create a partnership and
a trajectory; the facilitator writes the report on a phone, loses the connection half-way,
reloads, finishes and submits twice; exactly one report exists; the trainer marks it discussed;
an outsider gets 404 on every URL of the trajectory; the funder sees none of it; the audit log
shows who read the report. Every page passes axe-core and fits 360 px, in Dutch and Arabic."""

import datetime as dt
import re

import pytest
from django.urls import reverse as _reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, expect

from samensterk.accounts.models import Membership, Organisation, User
from samensterk.core.models import AuditEvent
from samensterk.programme.models import Session, SessionReport, Trajectory
from samensterk.toolkit.models import Method

from .helpers import assert_accessible, assert_fits_width

pytestmark = pytest.mark.browser


def reverse(name: str, args=()) -> str:
    """English URLs, whatever language an earlier test left active in this thread."""
    with translation.override("en"):
        return _reverse(name, args=args)


PASSWORD = "a-long-test-password"
PHONE = {"width": 360, "height": 740}


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/en/login/")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_be_visible()


def _check(page: Page, name: str) -> None:
    assert_accessible(page, name)
    page.set_viewport_size({"width": 360, "height": 740})
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > 361)"
        ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 8)"
    )
    assert not wide, (name, wide)
    assert_fits_width(page)


@pytest.fixture
def world(personas, toolkit_content):
    """A second men's organisation that has no partnership yet, with its own facilitator."""
    men = Organisation.objects.create(name="Test Nieuwe Mannen", slug="test-new-men", kind="men")
    volunteer = User.objects.create_user(username="volunteer", password=PASSWORD)
    Membership.objects.create(user=volunteer, organisation=men, role=Membership.Role.FACILITATOR)
    trainer = User.objects.create_user(username="newtrainer", password=PASSWORD)
    Membership.objects.create(user=trainer, organisation=men, role=Membership.Role.TRAINER)
    return {**personas, "men": men, "volunteer": volunteer, "trainer": trainer}


@pytest.mark.pg_smoke  # the one browser journey the PostgreSQL pass runs (scripts/test.sh)
def test_run_a_trajectory_from_partnership_to_debrief(live_server, browser: Browser, world):
    base = live_server.url

    # 1. Alliance staff create the partnership and the trajectory, and plan today's meeting.
    staff = browser.new_page()
    _login(staff, base, "staff")
    staff.goto(f"{base}/en/programme/partnerships/")
    staff.get_by_label("Men's organisation", exact=True).select_option(label="Test Nieuwe Mannen")
    staff.get_by_label("Women's organisation", exact=True).select_option(label="Test Vrouwenorganisatie")
    staff.get_by_role("button", name="Create the partnership").click()
    expect(staff.get_by_role("status")).to_contain_text("The partnership has been created.")
    _check(staff, "programme-partnerships")

    staff.goto(f"{base}/en/programme/trajectories/new/")
    staff.get_by_label("Name", exact=True).fill("Test Oost winter")
    staff.get_by_label("Method", exact=True).select_option(
        str(Method.objects.get(slug="dialoogsessies-mannen").pk)
    )
    staff.get_by_label("Partnership", exact=True).select_option(
        label="Test Nieuwe Mannen + Test Vrouwenorganisatie"
    )
    staff.get_by_label("District", exact=True).select_option("oost")
    staff.get_by_label("First meeting", exact=True).fill("2026-11-01")
    staff.get_by_label("Arabic", exact=True).check()
    staff.get_by_label("Trainer", exact=True).select_option(label="newtrainer")
    staff.get_by_label("Coordinator", exact=True).select_option(label="coordinator")
    staff.get_by_label("volunteer", exact=True).check()
    _check(staff, "programme-trajectory-form")
    staff.get_by_role("button", name="Save").click()
    expect(staff.locator("h1")).to_have_text("Test Oost winter")
    trajectory = Trajectory.objects.get(name="Test Oost winter")

    staff.get_by_role("link", name="Plan a meeting").click()
    started = timezone.localtime() - dt.timedelta(hours=3)
    staff.get_by_label("Date and time", exact=True).fill(started.strftime("%Y-%m-%dT%H:%M"))
    staff.get_by_label("Kind of place", exact=True).select_option("living_room")
    staff.get_by_role("button", name="Save").click()
    expect(staff.get_by_role("status")).to_contain_text("The meeting has been planned.")
    _check(staff, "programme-trajectory")
    session = Session.objects.get(trajectory=trajectory, number=1)
    assert list(session.facilitators.all()) == [world["volunteer"]]

    # 2. The facilitator, on a phone, finds the meeting under "reports to write".
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    _login(phone, base, "volunteer")
    expect(phone.locator("h1")).to_have_text("My work")
    _check(phone, "programme-home-phone")
    phone.get_by_role("link", name="Write the report").click()
    expect(phone.locator("h1")).to_have_text("Report of meeting 1")
    _check(phone, "programme-report-form")
    phone.get_by_label("Men present", exact=True).fill("8")
    phone.get_by_label("Women present", exact=True).fill("0")
    phone.get_by_label("Of whom here for the first time", exact=True).fill("8")
    phone.get_by_label("Main outcomes", exact=True).fill("Test: de mannen spraken over wie kookt.")
    expect(phone.locator("#draft-status")).to_have_text("Saved.")
    assert SessionReport.objects.get(session=session).outcomes == "Test: de mannen spraken over wie kookt."

    # 3. The connection drops half-way: what is typed stays on the phone.
    context.set_offline(True)
    phone.get_by_label("Your reflection", exact=True).fill("Test: de bal hielp, offline getypt.")
    phone.locator('input[name="atmosphere"][value="3"]').check()
    expect(phone.locator("#draft-status")).to_contain_text("Saved on this device")
    context.set_offline(False)
    phone.reload()
    expect(phone.locator("#draft-status")).to_have_text(
        "What you typed earlier on this device has been restored."
    )
    expect(phone.get_by_label("Your reflection", exact=True)).to_have_value(
        "Test: de bal hielp, offline getypt."
    )
    expect(phone.get_by_label("Main outcomes", exact=True)).to_have_value(
        "Test: de mannen spraken over wie kookt."
    )
    expect(phone.locator('input[name="atmosphere"][value="3"]')).to_be_checked()

    # 4. Finish and submit, then the same submission a second time (a retry of the same form).
    phone.locator('input[name="safety_signal"][value="yes"]').check()  # the referral path appears at once
    expect(phone.locator("#referral-path")).to_be_visible()
    expect(phone.locator("#referral-path")).to_contain_text("0800-2000")
    form_data = phone.evaluate(
        "Object.fromEntries([...new FormData(document.getElementById('report-form'))]"
        ".filter(([k]) => !['themes','statements'].includes(k)))"
    )
    phone.get_by_role("button", name="Submit the report").click()
    expect(phone.get_by_role("status").first).to_contain_text("Your report has been submitted.")
    _check(phone, "programme-report-submitted")
    again = phone.request.post(
        f"{base}{reverse('programme:report', args=[session.pk])}",
        form=form_data,
        headers={"Accept": "application/json", "X-CSRFToken": form_data["csrfmiddlewaretoken"]},
    )
    assert again.ok and again.json()["created"] is False
    assert SessionReport.objects.filter(session=session).count() == 1
    report = SessionReport.objects.get(session=session)
    assert report.status == "submitted" and report.safety_signal and report.atmosphere == 3
    assert report.reflection == "Test: de bal hielp, offline getypt."
    assert AuditEvent.objects.filter(action="report.submit", object_id=str(report.pk)).count() == 1
    # the draft's key is per user (log-out clears exactly this user's drafts)
    assert (
        phone.evaluate(f"localStorage.getItem('samensterk.{world['volunteer'].pk}.report.{session.pk}')")
        is None
    )

    # 5. The trainer sees the signal, reads the report and records the debrief.
    trainer = browser.new_page()
    _login(trainer, base, "newtrainer")
    expect(trainer.locator("#signals-heading")).to_be_visible()
    trainer.goto(f"{base}/en/programme/to-discuss/")
    _check(trainer, "programme-to-discuss")
    trainer.get_by_role("link", name="Read and discuss").click()
    expect(trainer.locator(".report-text").first).to_contain_text("wie kookt")
    expect(trainer.locator("#signal-heading")).to_be_visible()
    _check(trainer, "programme-report-read")
    trainer.get_by_label("Short notes", exact=True).fill("Besproken; doorverwezen volgens de route.")
    trainer.get_by_role("button", name="Mark as discussed").click()
    expect(trainer.locator("#report-status")).to_have_text("Discussed")
    report.refresh_from_db()
    assert report.status == "discussed" and report.debriefed_by == world["trainer"]

    # 6. An outsider gets 404 on every URL of the trajectory; the funder sees none of it.
    urls = [
        reverse("programme:trajectory", args=[trajectory.pk]),
        reverse("programme:trajectory_edit", args=[trajectory.pk]),
        reverse("programme:session_create", args=[trajectory.pk]),
        reverse("programme:session_edit", args=[session.pk]),
        reverse("programme:report", args=[session.pk]),
    ]
    for username in ("outsider", "funder"):
        other = browser.new_page()
        _login(other, base, username)
        for url in urls:
            assert other.goto(base + url).status == 404, (username, url)
            expect(other.locator("body")).not_to_contain_text("Test Oost winter")
        other.close()

    # 7. The audit log shows who read the report.
    staff.goto(f"{base}/en/programme/audit/?action=report.read")
    expect(staff.locator("tbody")).to_contain_text("newtrainer")
    expect(staff.locator("tbody")).to_contain_text("report text read")
    _check(staff, "programme-audit-log")
    context.close()


def test_a_report_submitted_offline_is_sent_once_when_back_online(live_server, browser: Browser, programme):
    session = programme["sessions"][1]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    _login(page, live_server.url, "facilitator")
    # A literal URL: reverse() would follow whatever language an earlier test left active.
    page.goto(f"{live_server.url}/en/programme/sessions/{session.pk}/report/")
    page.get_by_label("Men present", exact=True).fill("6")
    page.get_by_label("Main outcomes", exact=True).fill("Test: offline ingediend.")
    context.set_offline(True)
    page.get_by_role("button", name="Submit the report").click()
    # the answer is next to the button, where the thumb is
    expect(page.locator("#submit-status")).to_contain_text("You are offline")
    assert not SessionReport.objects.filter(session=session, status="submitted").exists()
    context.set_offline(False)
    expect(page).to_have_url(re.compile(rf"/programme/sessions/{session.pk}/report/$"))
    expect(page.locator("#report-status")).to_have_text("Submitted")
    assert SessionReport.objects.filter(session=session).count() == 1
    assert SessionReport.objects.get(session=session).outcomes == "Test: offline ingediend."
    context.close()


@pytest.mark.parametrize("who", ["facilitator", "trainer", "coordinator", "staff"])
def test_programme_pages_in_arabic_are_right_to_left_and_accessible(live_server, page: Page, programme, who):
    _login(page, live_server.url, who)
    trajectory = programme["trajectory"]
    pages = ["/ar/programme/", f"/ar/programme/trajectories/{trajectory.pk}/", "/ar/programme/trajectories/"]
    if who == "facilitator":
        pages.append(f"/ar/programme/sessions/{programme['sessions'][1].pk}/report/")
    if who in ("trainer", "coordinator"):
        pages.append(f"/ar/programme/sessions/{programme['sessions'][0].pk}/report/")
    if who in ("coordinator", "staff"):
        pages += [
            "/ar/programme/trajectories/new/",
            f"/ar/programme/trajectories/{trajectory.pk}/sessions/new/",
        ]
    if who == "staff":
        pages += [
            "/ar/programme/audit/",
            "/ar/programme/partnerships/",
            "/ar/programme/organisations/test-men/pool/",
            "/ar/programme/organisations/",
            "/ar/programme/organisations/test-men/data/",
        ]
    if who == "coordinator":
        pages.append("/ar/programme/organisations/test-women/data/")
    if who == "trainer":
        pages.append("/ar/programme/organisations/test-men/pool/")
    for path in pages:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        _check(page, f"programme-ar-{who}-{path.strip('/').replace('/', '-')}")


def _tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} is not reachable with Tab")


def test_the_report_works_with_the_keyboard_only(live_server, page: Page, programme):
    session = programme["sessions"][1]
    _login(page, live_server.url, "facilitator")
    page.goto(f"{live_server.url}/en/programme/sessions/{session.pk}/report/")
    _tab_to(page, "id_men_count")
    page.keyboard.type("6")
    _tab_to(page, "id_outcomes")
    page.keyboard.type("Test: met het toetsenbord.")
    _tab_to(page, "id_safety_signal_0")
    expect(page.locator("#id_safety_signal_0")).to_be_focused()
    _tab_to(page, "report-submit")
    page.keyboard.press("Enter")
    expect(page.locator("#report-status")).to_have_text("Submitted")
    report = SessionReport.objects.get(session=session)
    assert report.outcomes == "Test: met het toetsenbord." and report.session.men_count == 6


def test_an_organisation_gets_its_data_and_has_it_erased(live_server, browser: Browser, programme):
    """AVG: the coordinator downloads the organisation's data; staff delete it on a phone, after a
    mistyped confirmation that deletes nothing and keeps what was typed."""
    base = live_server.url
    coordinator = browser.new_page()
    _login(coordinator, base, "coordinator")
    coordinator.get_by_role("link", name="Organisations' data").click()
    coordinator.get_by_role("link", name="Test Vrouwenorganisatie").click()
    with coordinator.expect_download() as download:
        coordinator.get_by_role("button", name="Download all data").click()
    assert download.value.suggested_filename.startswith("test-women-")
    exported = download.value.path().read_text(encoding="utf-8")
    assert '"organisation": "test-women"' in exported and "Testuitkomst" in exported
    _check(coordinator, "organisation-data-coordinator")

    staff = browser.new_page(viewport=PHONE)
    _login(staff, base, "staff")
    staff.goto(f"{base}/en/programme/organisations/")
    staff.get_by_role("link", name="Test Mannenorganisatie").click()
    expect(staff.get_by_role("button", name="Download all data")).to_have_count(0)
    field = staff.get_by_label("Type the short name test-men to confirm")
    field.fill("test-mne")
    staff.get_by_role("button", name="Delete all data of this organisation").click()
    expect(
        staff.get_by_text("This is not the organisation's short name. Nothing was deleted.")
    ).to_be_visible()
    expect(field).to_have_value("test-mne")
    assert Organisation.objects.filter(slug="test-men").exists()
    _check(staff, "organisation-data-staff-error")
    field.fill("test-men")
    staff.get_by_role("button", name="Delete all data of this organisation").click()
    expect(staff.get_by_role("status")).to_contain_text("All data of Test Mannenorganisatie has been deleted")
    assert not Organisation.objects.filter(slug="test-men").exists()
    assert AuditEvent.objects.get(action="organisation.delete").actor.username == "staff"
    assert AuditEvent.objects.get(action="organisation.export").actor.username == "coordinator"
