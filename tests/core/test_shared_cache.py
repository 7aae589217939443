"""Rate limits count in the database cache that every gunicorn worker shares."""

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "samensterk_cache"}
}


def test_production_settings_use_a_shared_cache():
    """Settings as production reads them (the test run swaps in a per-process cache, conftest.py)."""
    import importlib

    import samensterk.settings as production

    importlib.reload(production)
    assert production.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_redis_url_switches_to_redis(monkeypatch):
    import importlib

    import samensterk.settings as production

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6390/0")
    try:
        importlib.reload(production)
        assert production.CACHES["default"] == {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6390/0",
        }
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(production)


@pytest.mark.django_db(transaction=True)
def test_login_limit_counts_in_the_database_cache(client):
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        from django.core.cache import cache
        from django.db import connection

        cache.clear()
        statuses = [
            client.post("/en/login/", {"username": f"u{i}", "password": "x"}).status_code for i in range(11)
        ]
        assert statuses[-1] == 429
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM samensterk_cache")
            assert cursor.fetchone()[0] >= 1
        cache.clear()
