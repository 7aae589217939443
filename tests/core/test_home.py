"""The home page: what this is, for whom, where to start; in every language, right to left in Arabic."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
class TestHome:
    def test_it_shows_the_three_starting_points(self, client, toolkit_content):
        response = client.get("/en/")
        assert response.status_code == 200
        html = response.content.decode()
        for text in (
            "I want to start dialogue sessions",
            "I facilitate a session tomorrow",
            "I want to show what it does to our income",
        ):
            assert text in html
        assert reverse("calculator:index") in html

    def test_it_lists_the_four_methods(self, client, toolkit_content):
        from samensterk.toolkit.models import Method

        html = client.get("/").content.decode()
        methods = list(Method.objects.all())
        assert len(methods) == 4
        for method in methods:
            assert reverse("toolkit:method", args=[method.slug]) in html

    def test_dutch_is_the_default_and_arabic_is_right_to_left(self, client):
        assert '<html lang="nl" dir="ltr">' in client.get("/").content.decode()
        assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
        assert '<html lang="tr" dir="ltr">' in client.get("/tr/").content.decode()

    def test_every_page_has_a_language_switch_and_skip_link(self, client):
        html = client.get("/en/").content.decode()
        assert 'href="#main"' in html and 'id="main"' in html
        for code in ("nl", "en", "ar", "tr"):
            assert f'hreflang="{code}"' in html

    def test_the_language_switch_keeps_the_page(self, client):
        html = client.get(reverse("toolkit:index")).content.decode()
        assert 'href="/ar/toolkit/"' in html

    def test_it_rejects_post(self, client):
        assert client.post("/").status_code == 405

    def test_unknown_pages_get_a_404_in_the_layout(self, client):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        assert "This page does not exist." in response.content.decode()

    def test_security_headers(self, client):
        response = client.get("/")
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_healthz(client):
    # It checks the database and the cache now; tests/core/test_healthz.py has the rest.
    assert client.get("/healthz").json()["ok"] is True
