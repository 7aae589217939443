"""/healthz for load balancers and uptime monitors: GET and HEAD, database checked."""

from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
class TestHealthz:
    def test_it_reports_database_and_cache(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"ok": True, "database": True, "cache": True}
        assert "no-cache" in response["Cache-Control"]

    def test_head_is_answered_without_a_body(self, client):
        response = client.head("/healthz")
        assert response.status_code == 200
        assert response.content == b""
        assert int(response["Content-Length"]) > 0

    def test_options_lists_the_methods(self, client):
        response = client.options("/healthz")
        assert response.status_code == 204
        assert response["Allow"] == "GET, HEAD, OPTIONS"

    def test_it_rejects_post(self, client):
        response = client.post("/healthz")
        assert response.status_code == 405
        assert "HEAD" in response["Allow"]

    def test_a_database_that_is_down_gives_503(self, client):
        with mock.patch(
            "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
        ):
            response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["database"] is False
        assert response.json()["ok"] is False

    def test_a_cache_that_is_down_gives_503(self, client):
        with mock.patch("django.core.cache.cache.set", side_effect=ConnectionError("down")):
            response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["cache"] is False
