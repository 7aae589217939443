"""The dashboard's tables, kept in the cache until the data under them changes.

The key holds the version of what the page shows: the stamps of the summary (stamps.py: of the
one quarter a page is filtered to, else of the whole; every summary write bumps the stamps of
the quarters it touched), the trajectories' and imported counts' row counts and highest ids, the
scope, the filters and the language. A write in one quarter so leaves the cached pages of the
other quarters alone. What the version does not see (a trajectory moved to another district
without any session or report changing, a facilitator recruited) shows when the entry expires.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import get_language

from samensterk.programme.models import Trajectory

from .models import EarlierCount
from .stamps import stamps_for
from .suppression import RULES_VERSION

TIMEOUT = 10 * 60


def data_version(filters=None) -> str:
    quarter = str(filters.quarter) if filters is not None and filters.quarter else None
    parts = [
        stamps_for(quarter),
        Trajectory.objects.order_by().aggregate(n=Count("pk"), m=Max("pk")),
        EarlierCount.objects.order_by().aggregate(n=Count("pk"), m=Max("pk")),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def cached(kind: str, scope, filters, build):
    """``build()`` once per (kind, data version, scope, filters, language); its result after that."""
    # RULES_VERSION: tables suppressed under older rules (before rounding) are not served again.
    key_text = repr(
        (kind, RULES_VERSION, data_version(filters), scope.organisation_ids, filters, get_language())
    )
    key = "monitoring:" + hashlib.sha256(key_text.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
