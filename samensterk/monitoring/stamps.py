"""Version stamps of the dashboard's summary, per quarter, in the shared cache.

A cached dashboard page is keyed by the stamp of what it shows: a page filtered to one quarter by
that quarter's stamp, any other page by the stamp of the whole. A write to the summary
(summary.summary_refresh) bumps the stamps of the quarters it touched and of the whole, so pages
of other quarters stay cached; a rebuild bumps the generation, which every key holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.cache import cache

GENERATION = "monitoring:stamp:generation"
WHOLE = "monitoring:stamp:all"


def _quarter_key(quarter: str) -> str:
    return f"monitoring:stamp:{quarter}"


def stamps_bump(quarters: Iterable[str] | None) -> None:
    """New stamps for ``quarters`` and the whole; ``None``: everything (a new generation)."""
    keys = [WHOLE, GENERATION] if quarters is None else [WHOLE, *(_quarter_key(q) for q in quarters)]
    cache.set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


def stamps_for(quarter: str | None) -> tuple[str, str]:
    """(generation, stamp of ``quarter`` or of the whole): one cache read, stamps made when missing."""
    keys = [GENERATION, _quarter_key(quarter) if quarter else WHOLE]
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found.update(missing)
    return found[keys[0]], found[keys[1]]
