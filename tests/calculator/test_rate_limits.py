"""Every public calculator endpoint that computes is rate-limited per client address, with limits
a shared office network does not reach in normal use; the limited request gets a 429 page."""

import pytest
from django.core.cache import cache

from samensterk.calculator import views

from .helpers import url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_window(monkeypatch):
    """All requests of a test in one rate-limit window, however slow the machine."""
    import django_ratelimit.core

    monkeypatch.setattr(django_ratelimit.core.time, "time", lambda: 1_700_000_000.0)


FORM = {"partner": "none", "children": "2, 5", "rent": "750", "hours": "16"}


def test_the_limits_leave_room_for_a_group():
    assert views.HOURS_RATE == "120/m" and views.PAGE_RATE == "60/m" and views.PROJECTOR_RATE == "60/m"
    assert views.HANDOUT_RATE == "20/m"


@pytest.mark.parametrize(
    ("name", "rate_name", "method", "args"),
    [
        ("calculator:index", "PAGE_RATE", "post", ()),
        ("calculator:hours", "HOURS_RATE", "post", ()),
        ("calculator:projector", "PROJECTOR_RATE", "post", ()),
        ("calculator:example", "PAGE_RATE", "get", ("single-mother",)),
        ("calculator:example_projector", "PROJECTOR_RATE", "get", ("single-mother",)),
    ],
)
def test_over_the_limit_is_a_429(client, monkeypatch, name, rate_name, method, args):
    # The decorators read the rate at import; a small rate needs the view re-decorated, so we
    # count against the real limit's key with a tiny copy of the limit instead.
    from django_ratelimit import core

    real = core.is_ratelimited

    def small(request, group=None, fn=None, key=None, rate=None, method=core.ALL, increment=False):
        return real(request, group=group, fn=fn, key=key, rate="2/m", method=method, increment=increment)

    monkeypatch.setattr(core, "is_ratelimited", small)
    monkeypatch.setattr("django_ratelimit.decorators.is_ratelimited", small)
    cache.clear()
    send = (
        (lambda: client.post(url(name, *args), FORM))
        if method == "post"
        else (lambda: client.get(url(name, *args)))
    )
    codes = [send().status_code for _ in range(3)]
    assert codes[:2] != [429, 429] and codes[2] == 429
    cache.clear()


def test_the_empty_form_is_not_limited(client, monkeypatch):
    from django_ratelimit import core

    real = core.is_ratelimited
    monkeypatch.setattr(
        "django_ratelimit.decorators.is_ratelimited",
        lambda request, **kw: real(request, **{**kw, "rate": "1/m"}),
    )
    cache.clear()
    assert [client.get(url("calculator:index")).status_code for _ in range(3)] == [200, 200, 200]
    cache.clear()
