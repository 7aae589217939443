"""Shared fixtures: the fixed personas and the browser set-up (Debian's Chromium via Playwright)."""

import os
import shutil
from pathlib import Path

import pytest

# Sync Playwright runs an asyncio loop in the test thread; Django then refuses ORM calls from it
# ("SynchronousOnlyOperation") unless this is set. Tests only; never in settings.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-quic",
    "--disable-background-networking",  # no calls home on a machine without internet
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    "--no-pings",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def pytest_configure(config):
    """One test process: a per-process cache keeps tests without a database off the database cache.

    Production counts rate limits in the database cache (or Redis) shared by all workers;
    tests/core/test_shared_cache.py runs the limits on the database cache itself.
    """
    from django.conf import settings

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    config.addinivalue_line(
        "markers",
        "second_factor: the real second login step (TOTP) for coordinators and staff; without this"
        " marker tests count every session as having passed it (see _second_factor_done)",
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright hook: Debian's Chromium, never a downloaded browser."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium (make test installs it); skip them where it is absent."""
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def toolkit_content(db):
    """The real toolkit content from content/, loaded as `make run` loads it."""
    from django.conf import settings

    from samensterk.toolkit.loader import toolkit_load

    toolkit_load(content_dir=settings.CONTENT_DIR)


@pytest.fixture
def personas(db):
    """The fixed cast of every view test (STYLE.md): one partnership and an outsider.

    facilitator and trainer belong to the men's organisation, coordinator to the partner women's
    organisation; outsider to an unrelated organisation; funder reads aggregates only.
    """
    from samensterk.accounts.models import Membership, Organisation, User

    men = Organisation.objects.create(
        name="Test Mannenorganisatie", slug="test-men", kind="men", is_demo=True
    )
    women = Organisation.objects.create(
        name="Test Vrouwenorganisatie", slug="test-women", kind="women", is_demo=True
    )
    other = Organisation.objects.create(
        name="Test Andere Organisatie", slug="test-other", kind="women", is_demo=True
    )
    alliance = Organisation.objects.create(
        name="Test Alliantiebureau", slug="test-alliance-office", kind="alliance", is_demo=True
    )
    people = {}
    for username, org, role in [
        ("staff", alliance, Membership.Role.STAFF),
        ("facilitator", men, Membership.Role.FACILITATOR),
        ("trainer", men, Membership.Role.TRAINER),
        ("coordinator", women, Membership.Role.COORDINATOR),
        ("outsider", other, Membership.Role.COORDINATOR),
        ("funder", other, Membership.Role.FUNDER),
    ]:
        user = User.objects.create_user(username=username, password="a-long-test-password")
        Membership.objects.create(user=user, organisation=org, role=role)
        people[username] = user
    people["orgs"] = {"men": men, "women": women, "other": other, "alliance": alliance}
    return people


@pytest.fixture
def programme(personas):
    """A partnership of the personas' two organisations running one trajectory with three sessions.

    The facilitator facilitates, the trainer debriefs, the coordinator of the partner women's
    organisation reads along. Session 1 was held and has a submitted report (with a safety
    signal); session 2 was held, no report yet; session 3 is planned. The outsider's organisation
    runs a trajectory of its own (with the outsider as coordinator) that nobody else may see.
    """
    import datetime as dt

    from django.utils import timezone

    from samensterk.accounts.models import Membership, Organisation
    from samensterk.programme.models import Partnership, Session, SessionReport, Trajectory
    from samensterk.toolkit.models import Method

    method = Method.objects.create(slug="test-methode", name="Testmethode", composition="men")
    partnership = Partnership.objects.create(
        men_organisation=personas["orgs"]["men"], women_organisation=personas["orgs"]["women"]
    )
    today = timezone.localdate()
    trajectory = Trajectory.objects.create(
        name="Test Noord voorjaar",
        method=method,
        partnership=partnership,
        district="noord",
        starts_on=today - dt.timedelta(days=14),
        languages=["nl", "ar"],
        status=Trajectory.Status.RUNNING,
        trainer=personas["trainer"],
        coordinator=personas["coordinator"],
    )
    trajectory.facilitators.add(personas["facilitator"])
    now = timezone.now()
    sessions = []
    for number, days, status in [(1, -14, "held"), (2, -7, "held"), (3, 7, "planned")]:
        session = Session.objects.create(
            trajectory=trajectory,
            number=number,
            starts_at=now + dt.timedelta(days=days),
            place=Session.Place.COMMUNITY_CENTRE,
            status=status,
            language="nl",
            men_count=8 if status == "held" else None,
            women_count=0 if status == "held" else None,
            first_time_count=3 if status == "held" else None,
        )
        session.facilitators.add(personas["facilitator"])
        sessions.append(session)
    report = SessionReport.objects.create(
        session=sessions[0],
        author=personas["facilitator"],
        status=SessionReport.Status.SUBMITTED,
        outcomes="Testuitkomst: de mannen spraken over zorg.",
        quotes="Testcitaat zonder naam.",
        atmosphere=4,
        safety_signal=True,
        reflection="Testreflectie.",
        submitted_at=now - dt.timedelta(days=13),
    )
    # The outsider's own world: a partnership and trajectory no persona above may see.
    other_men = Organisation.objects.create(
        name="Test Andere Mannen", slug="test-other-men", kind="men", is_demo=True
    )
    Membership.objects.create(user=personas["outsider"], organisation=other_men, role="trainer")
    other_partnership = Partnership.objects.create(
        men_organisation=other_men, women_organisation=personas["orgs"]["other"]
    )
    other_trajectory = Trajectory.objects.create(
        name="Test Andere trajectory",
        method=method,
        partnership=other_partnership,
        district="west",
        starts_on=today,
        trainer=personas["outsider"],
        coordinator=personas["outsider"],
    )
    other_session = Session.objects.create(
        trajectory=other_trajectory, number=1, starts_at=now, place=Session.Place.LIVING_ROOM
    )
    return {
        "method": method,
        "partnership": partnership,
        "trajectory": trajectory,
        "sessions": sessions,
        "report": report,
        "other_trajectory": other_trajectory,
        "other_session": other_session,
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The production hasher is slow on purpose; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _second_factor_done(request, monkeypatch):
    """Coordinators and staff must pass a TOTP code after the password (accounts/twofactor.py).

    View tests are about their view, not about logging in: unless a test is marked
    `@pytest.mark.second_factor`, every session counts as having passed that step, so
    `client.force_login(user)`, `client.login(...)` and the browser's /login/ form work for every
    persona as before. Tests of the second step itself use the marker and tests/auth.py's
    `login(client, user)` (or tests/browser/helpers.py's `login(page, url, username)`).
    """
    if request.node.get_closest_marker("second_factor"):
        return
    monkeypatch.setattr("samensterk.accounts.twofactor.second_factor_done", lambda request: True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; no test may inherit another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
