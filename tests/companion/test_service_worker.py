"""GET /companion/sw.js: the service worker, served from the companion's own root."""

import pytest

from .helpers import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang,scope", [("nl", "/companion/"), ("ar", "/ar/companion/")])
def test_it_serves_a_script_whose_scope_covers_the_companion(client, lang, scope):
    response = client.get(url("service_worker", lang=lang))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == scope
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert 'const CACHE = "companion-v1";' in body
    assert 'addEventListener("fetch"' in body
    # it caches only what the pages put in the cache, never whatever passes by
    assert "if (cached && response.ok" in body


def test_it_rejects_the_wrong_method(client):
    assert client.post(url("service_worker")).status_code == 405
