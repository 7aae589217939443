"""The dashboard's tables and charts, kept in the cache until the data under them changes.

The version is read from the summary tables (summary.py), not from the sessions: counting 100,000
sessions for it cost more than the rest of a warm page. Every change to a session or a report
rewrites its trajectory's summary rows (new ids), so the summary's row count and highest id move
with it; trajectories and imported counts are checked as before. The key holds that version, the
scope, the filters and the language. What the version does not see (a trajectory moved to another
district without any session or report changing, a facilitator recruited) shows when the entry
expires.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import get_language

from samensterk.programme.models import Trajectory

from .models import EarlierCount, SessionSummary
from .suppression import RULES_VERSION

TIMEOUT = 10 * 60


def data_version() -> str:
    parts = [
        SessionSummary.objects.order_by().aggregate(n=Count("pk"), m=Max("pk")),
        Trajectory.objects.order_by().aggregate(n=Count("pk"), m=Max("pk")),
        EarlierCount.objects.order_by().aggregate(n=Count("pk"), m=Max("pk")),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def cached(kind: str, scope, filters, build):
    """``build()`` once per (kind, data version, scope, filters, language); its result after that."""
    # RULES_VERSION: tables suppressed under older rules (before rounding) are not served again.
    key_text = repr((kind, RULES_VERSION, data_version(), scope.organisation_ids, filters, get_language()))
    key = "monitoring:" + hashlib.sha256(key_text.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
