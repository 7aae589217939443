"""Structured logs (one JSON object a line) that carry no personal data.

The log goes to whoever runs the server, often outside the alliance. So records hold an event
name and ids, never a username, an e-mail address, a client's IP address or anything typed in a
form. Where correlating requests from one client matters (password guessing), the address is
replaced by a keyed hash: the same client gives the same short token, which cannot be turned
back into the address without the server's secret key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging

from django.conf import settings

# Extra attributes a record may carry into the output; anything else (Django's `request`
# object, say) stays out.
ALLOWED_EXTRA = ("event", "status_code", "user_id", "client", "view", "count", "method", "reason")


def client_token(address: str) -> str:
    """A short keyed hash of a client address, for correlating without storing the address."""
    if not address:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:12]


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in ALLOWED_EXTRA:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            # The exception's type and where it happened, not its message (it may quote data).
            exc_type, _exc, tb = record.exc_info
            entry["exception"] = getattr(exc_type, "__name__", str(exc_type))
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            if tb is not None:
                entry["where"] = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
        return json.dumps(entry, ensure_ascii=False, default=str)
