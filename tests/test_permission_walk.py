"""Every URL pattern of the project, with every persona: no page shows another organisation's data,
report text reaches only its readers, and anonymous visitors reach only public pages.

The URLs are not listed by hand: the walk reads the URL configuration, so a page added later is
walked too. Each path parameter is filled with every candidate value of its kind (the ids and
slugs of both worlds in the `programme` fixture), so "another organisation's object" is always
among the URLs tried.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Marker strings of the personas' own world (tests/conftest.py `programme`).
OWN_TRAJECTORY = "Test Noord voorjaar"
REPORT_TEXT = ("Testuitkomst", "Testcitaat", "Testreflectie")
# The outsider's world: nobody but the outsider (and alliance staff, names only) may see it.
OTHER_TRAJECTORY = "Test Andere trajectory"

# Pages anyone may open without an account (prefix match on the path without a language prefix).
PUBLIC = (
    "/",
    "/toolkit/",
    "/calculator/",
    "/login/",
    "/healthz",
    "/api/",
    "/monitoring/q/",
    "/account/",  # the second-factor pages answer anonymous visitors by sending them to log in
    "/companion/sw.js",
)
SKIP_PREFIXES = ("/admin/",)  # the admin has its own login and permission checks (tested in tests/core)
PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if "(?P<" in route or route.startswith("^"):
                # i18n_patterns' language prefix: walk its children without a prefix (Dutch).
                if "LocalePrefixPattern" in type(entry.pattern).__name__:
                    yield from _patterns(entry, prefix)
                continue
            yield from _patterns(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            if route.startswith("^"):
                continue  # regex routes (static, media in debug): nothing of ours
            yield prefix + route


def _candidates(world) -> dict[str, list[str]]:
    ids = {
        str(obj.pk)
        for obj in [
            world["trajectory"],
            world["other_trajectory"],
            world["other_session"],
            *world["sessions"],
        ]
    }
    slugs = ["test-men", "test-women", "test-other", "test-other-men", "test-alliance-office", "test-methode"]
    return {
        "int": sorted(ids),
        "slug": slugs,
        "str": ["not-a-token"],
        "path": ["x"],
        "uuid": ["00000000-0000-0000-0000-000000000000"],
    }


def _urls(world) -> list[str]:
    candidates = _candidates(world)
    urls = set()
    for route in _patterns():
        path = "/" + route
        if path.startswith(SKIP_PREFIXES):
            continue
        params = PARAM.findall(path)
        variants = [path]
        for conv, name in params:
            values = candidates.get(conv or "str", ["x"])
            token = f"<{conv + ':' if conv else ''}{name}>"
            variants = [v.replace(token, value, 1) for v in variants for value in values]
        urls.update(variants)
    return sorted(urls)


def _get(client, url):
    response = client.get(url)
    body = b""
    if response.status_code == 200 and not getattr(response, "streaming", False):
        body = response.content
    return response.status_code, body.decode("utf-8", errors="replace")


@pytest.fixture
def walk(client, personas, programme):
    urls = _urls(programme)
    assert any("/programme/sessions/" in u for u in urls), "the walk found the programme's URLs"

    def run(who):
        if who == "anonymous":
            client.logout()
        else:
            client.force_login(personas[who])
        return {url: _get(client, url) for url in urls}

    return run


def _showing(pages, marker):
    return sorted(url for url, (status, body) in pages.items() if marker in body)


# One walk per persona (a walk is a few hundred requests), every rule checked on it.
RULES = {
    # persona: (markers that must never show, markers that must show somewhere)
    "facilitator": ((OTHER_TRAJECTORY,), (OWN_TRAJECTORY, REPORT_TEXT[0])),
    "trainer": ((OTHER_TRAJECTORY,), (OWN_TRAJECTORY, REPORT_TEXT[0])),
    "coordinator": ((OTHER_TRAJECTORY,), (OWN_TRAJECTORY, REPORT_TEXT[0])),
    "staff": (REPORT_TEXT, (OWN_TRAJECTORY, OTHER_TRAJECTORY)),
    "outsider": ((OWN_TRAJECTORY, *REPORT_TEXT), (OTHER_TRAJECTORY,)),
    "funder": ((OWN_TRAJECTORY, OTHER_TRAJECTORY, *REPORT_TEXT), ()),
    "anonymous": ((OWN_TRAJECTORY, OTHER_TRAJECTORY, *REPORT_TEXT), ()),
}


@pytest.mark.parametrize("who", list(RULES))
def test_no_page_shows_what_the_persona_may_not_see(walk, who):
    never, somewhere = RULES[who]
    pages = walk(who)
    for marker in never:
        assert _showing(pages, marker) == [], (who, marker)
    # The walk can fail: what the persona may see is found, so the markers are detectable.
    for marker in somewhere:
        assert _showing(pages, marker), (who, marker)
    assert [url for url, (status, _b) in pages.items() if status >= 500] == []
    if who == "anonymous":
        private_ok = [
            url for url, (status, _b) in pages.items() if status == 200 and not url.startswith(PUBLIC)
        ]
        assert private_ok == []
