"""Shared fixtures: the fixed personas and the browser set-up (Debian's Chromium via Playwright)."""

import os
import shutil
import sys
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
    # The live server's views take turns on the in-memory test database (tests/serial_requests.py).
    settings.MIDDLEWARE = ["tests.serial_requests.one_request_at_a_time", *settings.MIDDLEWARE]
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
    """Files a test keeps (PDFs it downloaded); one folder per pytest-xdist worker, so none collide."""
    path = ARTIFACTS / os.environ.get("PYTEST_XDIST_WORKER", "main")
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_addoption(parser):
    parser.addoption(
        "--db-only",
        action="store_true",
        help="only the tests that use the database, and of the browser tests only those marked"
        " pg_smoke (scripts/test.sh's PostgreSQL pass: the other tests cannot differ between databases)",
    )


def pytest_collection_modifyitems(config, items):
    """--db-only keeps the database tests; browser tests are skipped where Chromium is absent."""
    if config.getoption("db_only"):
        keep, drop = [], []
        for item in items:
            browser = "browser" in item.keywords and not item.get_closest_marker("pg_smoke")
            (drop if browser or not _db_use(item)[0] else keep).append(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
            items[:] = keep
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


# --- the toolkit content: loaded once per test database -------------------------------------
# Loading content/ (88 YAML files, 515 items and their translations) before each of ~200 tests was
# a large part of the suite's time. It is loaded once, right after the test database is
# made, and committed: every test that uses the database (in a transaction that is rolled back)
# sees it. Tests that need the tables without it ask for `empty_toolkit`.
#
# Transactional tests (live_server, the browser tests) commit for real and the database is
# flushed after each, content included. For them the content is there exactly when they ask for
# `toolkit_content` (as before); pytest_runtest_setup below loads it again, committed, before the
# next test that needs it, so no test's world depends on the order the tests run in.
_TOOLKIT = {"blocker": None, "present": False}
_DB_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}
_TRANSACTIONAL_FIXTURES = _DB_FIXTURES - {"db"}


def _toolkit_committed_load() -> None:
    from django.conf import settings

    from samensterk.core.models import AuditAction, AuditEvent
    from samensterk.toolkit.loader import toolkit_load

    toolkit_load(content_dir=settings.CONTENT_DIR)
    # The load is set-up, not something a test did: no test should find its audit row.
    AuditEvent.objects.filter(action=AuditAction.TOOLKIT_LOAD).delete()


def _toolkit_delete() -> None:
    """Remove what the loader wrote (rows with a source hash); rows a test made itself stay."""
    from samensterk.toolkit import loader
    from samensterk.toolkit.models import Translation

    Translation.objects.exclude(source_hash="").delete()
    for model in (
        loader.Question,
        loader.Meeting,
        loader.MethodStep,
        loader.Recommendation,
        loader.Statement,
        loader.Method,
        loader.WorkForm,
        loader.Theme,
        loader.LearningPoint,
        *loader.TITLED_FILES.values(),
    ):
        model.objects.exclude(source_hash="").delete()


def _db_use(item) -> tuple[bool, bool]:
    """(uses the database, is transactional) for a test, as pytest-django decides it."""
    names = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transactional = bool(names & _TRANSACTIONAL_FIXTURES)
    if marker:
        kwargs = dict(zip(("transaction", "reset_sequences"), marker.args, strict=False)) | marker.kwargs
        transactional = transactional or bool(kwargs.get("transaction") or kwargs.get("reset_sequences"))
    return bool(marker or names & _DB_FIXTURES), transactional


# --- the flush after a live-server test waits for the server's last request ---------------------
# The browser's background requests (a companion poll, a page kept for offline use) can still be
# answered by the live server when a transactional test ends. In-memory SQLite shares one cache
# between the server's threads and the test, and refused the flush then ("database table is
# locked"): the rows stayed and the next test failed on a duplicate. The live server's views take
# turns (tests/serial_requests.py); the flush takes a turn as well.
def _patch_flush() -> None:
    from django.test import TransactionTestCase

    from tests.serial_requests import turn

    flush = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        with turn():
            return flush(self)

    TransactionTestCase._fixture_teardown = _fixture_teardown


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with the toolkit content loaded once and committed."""
    _patch_flush()
    with django_db_blocker.unblock():
        _toolkit_committed_load()
    _TOOLKIT.update(blocker=django_db_blocker, present=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Before a test's fixtures: the committed toolkit content as this test expects it."""
    blocker = _TOOLKIT["blocker"]
    uses_db, transactional = _db_use(item)
    if blocker is not None and uses_db:
        names = set(getattr(item, "fixturenames", ()))
        # A test in a transaction that is rolled back keeps the committed content (empty_toolkit
        # deletes it inside that transaction); a transactional one gets it only when it asks.
        wanted = not transactional or ("toolkit_content" in names and "empty_toolkit" not in names)
        if wanted != _TOOLKIT["present"]:
            with blocker.unblock():
                _toolkit_committed_load() if wanted else _toolkit_delete()
            _TOOLKIT["present"] = wanted
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test pytest-django has emptied every table: note the content is gone."""
    try:
        return (yield)
    finally:
        if _db_use(item)[1]:
            _TOOLKIT["present"] = False  # a transactional test's database is flushed afterwards


@pytest.fixture
def toolkit_content(db):
    """The real toolkit content from content/, as `make run` loads it.

    Loaded once per test database (django_db_setup above); asking for it says the test needs it,
    and transactional tests (live_server) get it only when they ask.
    """


@pytest.fixture
def empty_toolkit(db):
    """No toolkit content from content/ (for tests of loading it); the test's rollback restores it."""
    _toolkit_delete()


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
def _clock_back():
    """A test that moved the clock to the next TOTP window (tests/auth.py) gets the real time back."""
    yield
    auth = sys.modules.get("tests.auth")
    if auth is not None:
        auth.clock_back()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; no test may inherit another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
