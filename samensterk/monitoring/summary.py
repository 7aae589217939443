"""The dashboard's summary tables: sessions, reports, themes and facilitators counted per trajectory
and quarter (models.SessionSummary, ThemeSummary, FacilitatorSummary).

Why: grouping 100,000 sessions and their reports on every cold dashboard took most of a second on
SQLite (benchmarks/bench_dashboard.py); the summary has one row per trajectory and quarter (about 15,000
for that data), and the dashboard groups those instead.

Kept in step by the programme services that change a session or a report (``summary_refresh``
for the session's trajectory, inside their transaction). Writes that go round those services
(the admin, a shell, the demo and bench data commands) are followed by ``summary_rebuild``
(``manage.py monitoring_summary --rebuild``). ``summary_differences`` compares the summary with
the live data (``manage.py monitoring_summary --check``, and the tests).

The quarter is the local (Europe/Amsterdam) quarter of the session's start, the same as the
live queries' quarter boundaries (queries.Quarter).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps as django_apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .queries import Quarter
from .stamps import stamps_bump

CHUNK = 2000  # trajectories per round of queries in a rebuild (bounded memory and IN lists)
COUNT_FIELDS = [
    "held",
    "cancelled",
    "men",
    "women",
    "first_time",
    "reports",
    "financial",
    "referral",
    "safety",
]


def _models(apps):
    get = apps.get_model
    return (
        get("programme", "Session"),
        get("programme", "SessionReport"),
        get("monitoring", "SessionSummary"),
        get("monitoring", "ThemeSummary"),
        get("monitoring", "FacilitatorSummary"),
    )


def _in_quarters(quarters: Iterable[Quarter] | None, prefix: str = "") -> Q:
    """Sessions (through ``prefix``) that start in one of ``quarters`` (local time); all when None."""
    q = Q()
    if quarters is None:
        return q
    q = Q(pk__in=[])
    for quarter in quarters:
        q |= Q(**{f"{prefix}starts_at__gte": quarter.start(), f"{prefix}starts_at__lt": quarter.end()})
    return q


def _computed(
    trajectory_ids: list[int], apps, quarters: list[Quarter] | None = None
) -> tuple[dict, dict, set]:
    """The summary of these trajectories from the live data: (counts, themes, facilitators), for
    the sessions of ``quarters`` only when given."""
    Session, SessionReport, *_rest = _models(apps)
    counts: dict[tuple, dict[str, int]] = {}
    key_of: dict[int, tuple] = {}  # session id -> (trajectory, year, quarter)
    held_ids = set()
    sessions = Session.objects.filter(_in_quarters(quarters), trajectory_id__in=trajectory_ids).values_list(
        "pk", "trajectory_id", "starts_at", "status", "men_count", "women_count", "first_time_count"
    )
    # The zone looked up once: timezone.localtime() asks for the current zone on every call, most
    # of a recount's time for a trajectory with thousands of sessions.
    zone = timezone.get_current_timezone()
    for pk, trajectory_id, starts_at, status, men, women, first_time in sessions.order_by().iterator(CHUNK):
        q = Quarter.of(starts_at.astimezone(zone).date())
        key = (trajectory_id, q.year, q.number)
        key_of[pk] = key
        row = counts.setdefault(key, dict.fromkeys(COUNT_FIELDS, 0))
        if status == "held":
            held_ids.add(pk)
            row["held"] += 1
            row["men"] += men or 0
            row["women"] += women or 0
            row["first_time"] += first_time or 0
        elif status == "cancelled":
            row["cancelled"] += 1
    reports = (
        SessionReport.objects.filter(
            _in_quarters(quarters, "session__"), session__trajectory_id__in=trajectory_ids
        )
        .exclude(status="draft")
        .values_list("pk", "session_id", "followup_financial", "followup_referral", "safety_signal")
    )
    report_key = {}
    for pk, session_id, financial, referral, safety in reports.order_by().iterator(CHUNK):
        key = key_of[session_id]
        report_key[pk] = key
        row = counts[key]
        row["reports"] += 1
        row["financial"] += bool(financial)
        row["referral"] += bool(referral)
        row["safety"] += bool(safety)
    themes: dict[tuple, int] = defaultdict(int)
    links = SessionReport.themes.through.objects.filter(
        _in_quarters(quarters, "sessionreport__session__"),
        sessionreport__session__trajectory_id__in=trajectory_ids,
    ).values_list("sessionreport_id", "theme_id")
    for report_id, theme_id in links.order_by().iterator(CHUNK):
        if report_id in report_key:  # drafts' ticks do not count
            themes[(*report_key[report_id], theme_id)] += 1
    facilitators = set()
    people = Session.facilitators.through.objects.filter(
        _in_quarters(quarters, "session__"), session__trajectory_id__in=trajectory_ids
    )
    for session_id, user_id in people.values_list("session_id", "user_id").order_by().iterator(CHUNK):
        if session_id in held_ids:
            facilitators.add((*key_of[session_id], user_id))
    return counts, themes, facilitators


def _write(trajectory_ids: list[int], apps, quarters: list[Quarter] | None = None) -> set[str]:
    """Recount and store; returns the quarters whose rows changed or may have (as "2026-Q4")."""
    _Session, _Report, SessionSummary, ThemeSummary, FacilitatorSummary = _models(apps)
    counts, themes, facilitators = _computed(trajectory_ids, apps, quarters)
    rows = SessionSummary.objects.filter(trajectory_id__in=trajectory_ids)
    if quarters is not None:
        rows = rows.filter(_quarter_rows(quarters))
    touched = {f"{y}-Q{q}" for y, q in rows.values_list("year", "quarter").distinct()}
    touched |= {f"{y}-Q{q}" for (_t, y, q) in counts}
    for model in (SessionSummary, ThemeSummary, FacilitatorSummary):
        stale = model.objects.filter(trajectory_id__in=trajectory_ids)
        if quarters is not None:
            stale = stale.filter(_quarter_rows(quarters))
        stale.delete()
    SessionSummary.objects.bulk_create(
        (SessionSummary(trajectory_id=t, year=y, quarter=q, **row) for (t, y, q), row in counts.items()),
        batch_size=CHUNK,
    )
    ThemeSummary.objects.bulk_create(
        (
            ThemeSummary(trajectory_id=t, year=y, quarter=q, theme_id=theme, reports=n)
            for (t, y, q, theme), n in themes.items()
        ),
        batch_size=CHUNK,
    )
    FacilitatorSummary.objects.bulk_create(
        (FacilitatorSummary(trajectory_id=t, year=y, quarter=q, user_id=u) for t, y, q, u in facilitators),
        batch_size=CHUNK,
    )
    return touched


def _quarter_rows(quarters: Iterable[Quarter]) -> Q:
    q = Q(pk__in=[])
    for quarter in quarters:
        q |= Q(year=quarter.year, quarter=quarter.number)
    return q


@transaction.atomic
def summary_refresh(*, trajectory_ids: Iterable[int], quarters: Iterable[Quarter] | None = None) -> None:
    """Recount the summary of these trajectories (a few queries on their sessions and reports):
    only the sessions of ``quarters`` when given (a session moved to another quarter: pass both),
    else all of them. Cached dashboards of other quarters stay valid (cache.stamps_bump).

    Called after a session or a report changed. No audit row: it changes no recorded fact, only a
    derived count of ones the service has audited already.
    """
    ids = sorted(set(trajectory_ids))
    quarters = None if quarters is None else sorted(set(quarters))
    if ids:
        # Two reports of one trajectory submitted at the same moment would each delete the
        # trajectory's rows and insert new ones: on PostgreSQL the second insert then breaks the
        # unique key (a 500 under load). Locking the trajectories (in id order, no deadlock) makes
        # the second recount wait for the first and count its report too. SQLite locks anyway.
        Trajectory = django_apps.get_model("programme", "Trajectory")
        list(
            Trajectory.objects.select_for_update()
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        touched = _write(ids, django_apps, quarters)
        stamps_bump(touched)
        transaction.on_commit(lambda: stamps_bump(touched))  # again: a page built meanwhile saw the old data


@transaction.atomic
def summary_rebuild(*, apps=django_apps) -> int:
    """Recount the whole summary from the live data; returns the number of trajectories.

    ``apps``: a migration's historical registry (the migration that adds the tables fills them).
    """
    Trajectory = apps.get_model("programme", "Trajectory")
    _Session, _Report, *summaries = _models(apps)
    for model in summaries:
        model.objects.all().delete()
    ids = list(Trajectory.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        _write(ids[start : start + CHUNK], apps)
    if apps is django_apps:  # in a migration the cache table may not exist yet (nor any page)
        stamps_bump(None)
        transaction.on_commit(lambda: stamps_bump(None))
    return len(ids)


def summary_differences(*, apps=django_apps) -> list[str]:
    """Where the stored summary differs from the live data (an empty list when they agree)."""
    Trajectory = apps.get_model("programme", "Trajectory")
    _Session, _Report, SessionSummary, ThemeSummary, FacilitatorSummary = _models(apps)
    ids = list(Trajectory.objects.order_by("pk").values_list("pk", flat=True))
    found = []
    stored_counts = {
        (r["trajectory_id"], r["year"], r["quarter"]): {f: r[f] for f in COUNT_FIELDS}
        for r in SessionSummary.objects.values("trajectory_id", "year", "quarter", *COUNT_FIELDS)
    }
    stored_themes = {
        (t, y, q, theme): n
        for t, y, q, theme, n in ThemeSummary.objects.values_list(
            "trajectory_id", "year", "quarter", "theme_id", "reports"
        )
    }
    stored_people = set(FacilitatorSummary.objects.values_list("trajectory_id", "year", "quarter", "user_id"))
    counts, themes, people = {}, {}, set()
    for start in range(0, len(ids), CHUNK):
        c, t, p = _computed(ids[start : start + CHUNK], apps)
        counts.update(c)
        themes.update(t)
        people |= p
    for key in sorted(set(counts) | set(stored_counts)):
        if counts.get(key) != stored_counts.get(key):
            found.append(f"counts {key}: stored {stored_counts.get(key)}, live {counts.get(key)}")
    for key in sorted(set(themes) | set(stored_themes)):
        if themes.get(key) != stored_themes.get(key):
            found.append(f"theme {key}: stored {stored_themes.get(key)}, live {themes.get(key)}")
    for key in sorted(people ^ stored_people):
        found.append(f"facilitator {key}: {'stored only' if key in stored_people else 'live only'}")
    return found
