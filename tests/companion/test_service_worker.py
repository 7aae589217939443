"""GET /sw.js and /manifest.webmanifest: the site's one service worker and its web app manifest.

The worker lives at the root (outside the language prefixes) so that its scope covers "My work",
the reports and the companion in every language. It keeps only pages a view marks with the
X-Offline-Page header (core/offline.py)."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_it_serves_a_script_whose_scope_covers_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert 'const VERSION = "v2";' in body
    assert 'addEventListener("fetch"' in body
    # it keeps only pages the server marks as the user's own, never whatever passes by
    assert "response.headers.has(OFFLINE_HEADER)" in body
    assert 'const OFFLINE_HEADER = "X-Offline-Page";' in body
    # reports queued offline are sent by Background Sync
    assert 'addEventListener("sync"' in body


def test_it_rejects_the_wrong_method(client):
    assert client.post("/sw.js").status_code == 405


@pytest.mark.parametrize(
    "lang,start,name", [("nl", "/programme/", "Samen Sterk met Werk"), ("ar", "/ar/programme/", None)]
)
def test_the_manifest_makes_the_site_installable_and_opens_my_work(client, lang, start, name):
    with translation.override(lang):
        response = client.get(reverse("manifest"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = response.json()
    assert data["start_url"] == start
    assert data["display"] == "standalone"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}
    assert data["dir"] == ("rtl" if lang == "ar" else "ltr")
    if name:
        assert data["name"] == name


def test_the_manifest_follows_the_language_prefix(client):
    assert client.get("/manifest.webmanifest").json()["start_url"] == "/programme/"
    assert client.get("/tr/manifest.webmanifest").json()["lang"] == "tr"


def test_every_page_links_the_manifest_and_only_a_logged_in_user_gets_the_worker(client, personas):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<link rel="manifest" href="/ar/manifest.webmanifest">' in client.get("/ar/").content.decode()
    assert "core/offline.js" not in html and "data-user=" not in html
    client.force_login(personas["facilitator"])
    html = client.get("/").content.decode()
    assert f'data-user="{personas["facilitator"].pk}"' in html
    assert "core/offline.js" in html
