"""Security events in the log (core/logging.py): event names and ids, never usernames or addresses."""

from __future__ import annotations

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from samensterk.core.logging import client_token

logger = logging.getLogger("samensterk.security")


def _client(request) -> str:
    return client_token(request.META.get("REMOTE_ADDR", "")) if request is not None else ""


@receiver(user_login_failed)
def log_login_failed(sender, credentials=None, request=None, **kwargs):
    logger.warning("login failed", extra={"event": "login.failed", "client": _client(request)})


@receiver(user_locked_out)
def log_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    logger.warning("login locked out", extra={"event": "login.locked_out", "client": _client(request)})


@receiver(user_logged_in)
def log_logged_in(sender, request=None, user=None, **kwargs):
    logger.info(
        "login",
        extra={"event": "login.succeeded", "user_id": getattr(user, "pk", None), "client": _client(request)},
    )
