"""E-mail alerts (issue #21): a submitted report (waiting for debrief) and a safety signal reach the
trajectory's trainer and coordinator by e-mail, with a link and no report text. The mail goes
through a real SMTP server on 127.0.0.1 that the test starts, and the test reads what arrived."""

import email
import socket
import uuid
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller

from samensterk.core.models import AuditEvent

from .helpers import as_, url

pytestmark = pytest.mark.django_db


class _Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on a free port of 127.0.0.1, and Django's SMTP backend pointed at it."""
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.SITE_URL = "https://toolkit.example.nl"
    yield inbox
    controller.stop()


@pytest.fixture
def addresses(personas):
    for who in ("trainer", "coordinator", "facilitator", "staff"):
        personas[who].email = f"{who}@example.org"
        personas[who].save(update_fields=["email"])
    personas["coordinator"].preferred_language = "en"
    personas["coordinator"].save(update_fields=["preferred_language"])


REPORT_TEXT = "Testalarm: de groep sprak over zorgen thuis."


def _submit(client, personas, session, signal: str):
    data = {
        "submission_key": str(uuid.uuid4()),
        "men_count": "7",
        "women_count": "2",
        "first_time_count": "3",
        "outcomes": REPORT_TEXT,
        "quotes": "Testcitaat in de mail?",
        "atmosphere": "3",
        "safety_signal": signal,
        "reflection": "Testreflectie in de mail?",
    }
    return as_(client, personas, "facilitator").post(url("report", session.pk), data)


def test_a_safety_signal_reaches_trainer_and_coordinator_without_report_text(
    client, personas, programme, addresses, smtp_inbox, django_capture_on_commit_callbacks
):
    session = programme["sessions"][1]
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, personas, session, "yes")
    assert response.status_code == 302
    received = {rcpt[0]: message for rcpt, message in smtp_inbox.messages}
    assert sorted(received) == ["coordinator@example.org", "trainer@example.org"]
    for message in received.values():
        body = message.get_content()
        assert "https://toolkit.example.nl/" in body and f"/programme/sessions/{session.pk}/report/" in body
        for typed in (REPORT_TEXT, "Testcitaat", "Testreflectie"):
            assert typed not in body and typed not in message["Subject"]
    # Each in the recipient's language: the coordinator chose English, the trainer has Dutch.
    assert received["coordinator@example.org"]["Subject"].startswith("Safety signal")
    assert "/en/programme/" in received["coordinator@example.org"].get_content()
    assert received["trainer@example.org"]["Subject"].startswith("Veiligheidssignaal")
    assert AuditEvent.objects.filter(action="alert.email", detail__recipients=2).exists()


def test_a_report_waiting_for_debrief_is_announced_too(
    client, personas, programme, addresses, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _submit(client, personas, programme["sessions"][1], "no")
    subjects = sorted(message["Subject"] for _rcpt, message in smtp_inbox.messages)
    assert len(subjects) == 2
    assert any(s.startswith("A report waits for debrief") for s in subjects)


def test_nothing_is_sent_before_the_report_is_stored(
    client, personas, programme, addresses, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _submit(client, personas, programme["sessions"][1], "yes")
    assert callbacks and smtp_inbox.messages == []


def test_a_stale_trainer_gets_no_alert(
    client, personas, programme, addresses, smtp_inbox, django_capture_on_commit_callbacks
):
    personas["trainer"].memberships.all().delete()  # left the organisation, still named
    with django_capture_on_commit_callbacks(execute=True):
        _submit(client, personas, programme["sessions"][1], "yes")
    assert [rcpt for rcpt, _m in smtp_inbox.messages] == [["coordinator@example.org"]]


def test_a_mail_server_that_is_down_does_not_lose_the_report(
    client, personas, programme, addresses, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _free_port(), 2
    session = programme["sessions"][1]
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, personas, session, "yes")
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.report.status == "submitted"
