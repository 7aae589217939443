"""Benchmark of the monitoring dashboard on a large fictional dataset (prints figures, asserts nothing).

    .venv/bin/python benchmarks/bench_dashboard.py [--sessions 100000] [--organisations 300] [--runs 7]

Uses DATABASE_URL when set (PostgreSQL: start one with `PGPORT=5461 scripts/pg-start.sh`), else a
SQLite file under /tmp. Migrates, generates the data once (manage.py monitoring_bench_data, which
fills the dashboard's summary tables too), then prints the median time of:
- the selectors alone;
- the whole page with its charts (drawn inline, SVG written directly) through the test client as
  alliance staff, in this process: cold after a change (one trajectory's summary refreshed for
  one quarter, which bumps that quarter's and the whole's cache stamps: queries, suppression,
  charts and template again), cold with the cache emptied, and warm (the tables from the cache;
  still the version check, filter choices, charts and template);
- the cost of keeping the summary up to date per write: summary_refresh of one trajectory for one
  quarter (what a changed session or report needs) and for all its quarters;
- the empty calculator page in the same process, and the ratio of the dashboard, cold after a
  change, to it (issue #23: at most 5x);
- the page as the first request of a fresh process ("first request"): a new Python process loads
  the app through samensterk/wsgi.py as gunicorn does before it takes requests (settings,
  middleware, every view imported, URL tables and translations filled), empties the cache and
  times its first GET, which still pays for compiling the templates, opening the database
  connection and every query. This is what a user gets after a deploy or a worker restart; the
  median over --runs processes. "bare process": the same after django.setup() only (what the
  first request cost before wsgi.py loaded the views).
Targets: the page cold after a change <= 250 ms at 100,000 sessions and <= 5x the empty
calculator page (issue #23). Also prints the machine's load average: the figures are only
comparable on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/samensterk-bench-dashboard.sqlite3")
# wsgi.py refuses the development key without DEBUG; the fresh processes inherit this one, so the
# session signed here is valid there.
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))


def first_request(session_key: str, query: str, *, as_wsgi: bool) -> None:
    """In a fresh process: load the app, empty the cache, print the ms of the first page.

    ``as_wsgi``: load it as gunicorn does, through samensterk/wsgi.py (settings, middleware, every
    view imported, URL tables and translations filled); otherwise only django.setup(), and the
    first request does all of that itself.
    """
    import django

    if as_wsgi:
        import samensterk.wsgi  # noqa: F401 - what gunicorn loads before it takes requests
    else:
        django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    cache.clear()
    client = Client()
    if as_wsgi:  # the test client has a handler of its own: its middleware as wsgi.py's is
        client.handler.load_middleware()
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    t0 = time.perf_counter()
    response = client.get("/en/monitoring/?" + query)
    elapsed = (time.perf_counter() - t0) * 1000
    assert response.status_code == 200, response.status_code
    print(f"{elapsed:.1f}")


def main() -> None:
    if sys.argv[1:2] == ["--first-request"]:
        first_request(sys.argv[3], sys.argv[4], as_wsgi=sys.argv[2] == "wsgi")
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-fresh", action="store_true", help="skip the first requests of fresh processes")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from samensterk.access import DashboardScope
    from samensterk.accounts.models import Membership, Organisation, User
    from samensterk.monitoring import selectors
    from samensterk.monitoring.queries import Filters, Quarter
    from samensterk.programme.models import Session

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    if not Organisation.objects.filter(slug__startswith="bench-").exists():
        t0 = time.perf_counter()
        call_command("monitoring_bench_data", sessions=args.sessions, organisations=args.organisations)
        print(f"generated in {time.perf_counter() - t0:.1f} s")
    vendor = connection.vendor
    print(
        f"database: {vendor}; sessions: {Session.objects.count():,}; organisations: {Organisation.objects.count()}"
    )

    alliance, _ = Organisation.objects.get_or_create(
        slug="bench-alliantie", defaults={"name": "Bench Alliantie", "kind": "alliance", "is_demo": True}
    )
    staff, _ = User.objects.get_or_create(username="bench-staf")
    Membership.objects.get_or_create(user=staff, organisation=alliance, defaults={"role": "staff"})
    client = Client()
    client.force_login(staff)
    if "django_otp" in settings.INSTALLED_APPS:  # past the second login step, as after a real login
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _ = TOTPDevice.objects.get_or_create(user=staff, name="bench", defaults={"confirmed": True})
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()

    scope = DashboardScope(organisation_ids=None)
    session_key = client.session.session_key

    def fresh_process(query: str, how: str) -> float:
        times = []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, __file__, "--first-request", how, session_key, query],
                capture_output=True,
                text=True,
                check=True,
            )
            times.append(float(out.stdout.strip().splitlines()[-1]))
        return statistics.median(times)

    def timed(fn) -> tuple[float, int]:
        fn()  # warm: imports, template loading
        times = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                fn()
                times.append((time.perf_counter() - t0) * 1000)
        return statistics.median(times), len(queries)

    def selectors_only(filters):
        def run():
            quarters = selectors.available_quarters(scope)
            choices = selectors.filter_choices(scope)
            selectors.dashboard(scope, filters, quarters=quarters, choices=choices)

        return run

    def page(query, *, cold):
        def run():
            if cold:  # nothing in the cache: every query, the suppression and the charts
                cache.clear()
            response = client.get("/en/monitoring/", query)
            assert response.status_code == 200, response.status_code

        return run

    from samensterk.monitoring.models import SessionSummary
    from samensterk.monitoring.summary import summary_refresh

    quarter = str(Quarter(2025, 2))
    method = selectors.filter_choices(scope)["methods"][0].slug
    # One trajectory with sessions in 2025-Q2: the write the "after a change" rows repeat.
    written = (
        SessionSummary.objects.filter(year=2025, quarter=2).values_list("trajectory_id", flat=True).first()
    )

    def refresh(quarters):
        def run():
            summary_refresh(trajectory_ids=[written], quarters=quarters)

        return run

    def page_after_change(query):
        def run():
            refresh([Quarter(2025, 2)])()
            response = client.get("/en/monitoring/", query)
            assert response.status_code == 200, response.status_code

        return run

    def calculator():
        assert client.get("/en/calculator/").status_code == 200

    rows = [
        ("selectors, no filter", selectors_only(Filters())),
        (
            "selectors, district + quarter",
            selectors_only(Filters(district="noord", quarter=Quarter(2025, 2))),
        ),
        ("summary refresh, 1 trajectory, 1 quarter", refresh([Quarter(2025, 2)])),
        ("summary refresh, 1 trajectory, all", refresh(None)),
        ("write + page, no filter", page_after_change({})),
        ("write + page, district + quarter", page_after_change({"district": "noord", "quarter": quarter})),
        ("page cold (cache emptied), no filter", page({}, cold=True)),
        ("page cold, district + quarter", page({"district": "noord", "quarter": quarter}, cold=True)),
        ("page cold, method", page({"method": method}, cold=True)),
        ("page warm, no filter", page({}, cold=False)),
        ("page warm, district + quarter", page({"district": "noord", "quarter": quarter}, cold=False)),
        ("page warm, other quarter after a write", page({"quarter": "2025-Q3"}, cold=False)),
        ("empty calculator page", calculator),
    ]
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'what':40} {'median ms':>10} {'queries':>8}")
    measured = {}
    for name, fn in rows:
        ms, n = timed(fn)
        measured[name] = ms
        print(f"{name:40} {ms:10.1f} {n:8d}")
    after = measured["write + page, no filter"] - measured["summary refresh, 1 trajectory, 1 quarter"]
    ratio = after / measured["empty calculator page"]
    print(f"{'page with charts, cold after a change':40} {after:10.1f}  (the write's refresh taken off)")
    print(f"{'ratio to the empty calculator page':40} {ratio:10.1f}x")
    if args.no_fresh:
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        return
    for name, query, how in [
        ("first request, no filter", "", "wsgi"),
        ("first request, district + quarter", f"district=noord&quarter={quarter}", "wsgi"),
        ("first request, bare process", "", "bare"),
    ]:
        print(f"{name:40} {fresh_process(query, how):10.1f}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
