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
    people = {}
    for username, org, role in [
        ("facilitator", men, Membership.Role.FACILITATOR),
        ("trainer", men, Membership.Role.TRAINER),
        ("coordinator", women, Membership.Role.COORDINATOR),
        ("outsider", other, Membership.Role.COORDINATOR),
        ("funder", other, Membership.Role.FUNDER),
    ]:
        user = User.objects.create_user(username=username, password="a-long-test-password")
        Membership.objects.create(user=user, organisation=org, role=role)
        people[username] = user
    people["orgs"] = {"men": men, "women": women, "other": other}
    return people


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The production hasher is slow on purpose; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; no test may inherit another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
