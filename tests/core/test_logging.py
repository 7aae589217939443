"""Structured logs: JSON lines with an event name, and no username, address or typed text."""

import json
import logging

import pytest

from samensterk.core.logging import JsonFormatter, client_token


def _lines(caplog):
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in caplog.records]


@pytest.mark.django_db
def test_a_failed_login_is_logged_without_username_or_address(client, personas, caplog):
    caplog.set_level(logging.INFO)
    client.post(
        "/en/login/", {"username": "facilitator", "password": "wrong-secret"}, REMOTE_ADDR="198.51.100.23"
    )
    lines = _lines(caplog)
    failed = [line for line in lines if line.get("event") == "login.failed"]
    assert len(failed) == 1
    assert failed[0]["client"] == client_token("198.51.100.23")
    text = json.dumps(lines)
    for secret in ("facilitator", "198.51.100.23", "wrong-secret"):
        assert secret not in text


@pytest.mark.django_db
def test_a_lockout_is_logged(client, personas, caplog):
    caplog.set_level(logging.INFO)
    for i in range(10):
        client.post(
            "/en/login/", {"username": "coordinator", "password": f"x{i}"}, REMOTE_ADDR="198.51.100.24"
        )
    lines = _lines(caplog)
    assert any(line.get("event") == "login.locked_out" for line in lines)
    assert "coordinator" not in json.dumps(lines)


@pytest.mark.django_db
def test_a_login_logs_the_user_id_only(client, personas, caplog):
    caplog.set_level(logging.INFO)
    client.post("/en/login/", {"username": "trainer", "password": "a-long-test-password"})
    (line,) = [line for line in _lines(caplog) if line.get("event") == "login.succeeded"]
    assert line["user_id"] == personas["trainer"].pk
    assert "trainer" not in json.dumps(line)


def test_the_formatter_leaves_out_request_objects_and_exception_messages():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/x",), None
    )
    record.request = object()
    record.status_code = 500
    try:
        raise ValueError("household income 1234 of Fatima")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    line = json.loads(JsonFormatter().format(record))
    assert line["status_code"] == 500 and line["exception"] == "ValueError"
    assert "request" not in line and "Fatima" not in json.dumps(line)
