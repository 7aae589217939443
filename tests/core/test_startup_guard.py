"""Without DEBUG the app refuses to serve on the published development key (issue #12)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SECRET_KEY", "DJANGO_DEBUG"}}
    env["DJANGO_SETTINGS_MODULE"] = "samensterk.settings"
    env.update(extra)
    return env


def _run(args, **extra):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=_env(**extra), capture_output=True, text=True, timeout=120
    )


def test_the_wsgi_app_refuses_to_start_without_a_key():
    proc = _run(["-c", "import samensterk.wsgi"])
    assert proc.returncode != 0
    assert "ImproperlyConfigured" in proc.stderr
    assert "DJANGO_SECRET_KEY" in proc.stderr


def test_the_wsgi_app_starts_with_a_key():
    proc = _run(["-c", "import samensterk.wsgi; print('started')"], DJANGO_SECRET_KEY="k" * 60)
    assert proc.returncode == 0, proc.stderr
    assert "started" in proc.stdout


def test_the_wsgi_app_starts_in_debug_on_the_development_key():
    proc = _run(["-c", "import samensterk.wsgi; print('started')"], DJANGO_DEBUG="1")
    assert proc.returncode == 0, proc.stderr


def test_runserver_refuses_without_a_key():
    proc = _run(["manage.py", "runserver", "127.0.0.1:0", "--noreload"])
    assert proc.returncode != 0
    assert "ImproperlyConfigured" in proc.stderr


def test_check_deploy_fails_on_the_development_key():
    proc = _run(["manage.py", "check", "--deploy"])
    assert proc.returncode != 0
    assert "samensterk.E001" in proc.stderr


@pytest.mark.parametrize(
    ("debug", "key", "insecure"),
    [(False, None, True), (False, "a-real-key-" * 5, False), (True, None, False)],
)
def test_insecure_secret_key(settings, debug, key, insecure):
    from samensterk.core.checks import check_secret_key, insecure_secret_key

    settings.DEBUG = debug
    settings.SECRET_KEY = key or settings.DEVELOPMENT_SECRET_KEY
    assert insecure_secret_key() is insecure
    assert bool(check_secret_key(None)) is insecure
