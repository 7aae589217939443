"""Benchmark of the monitoring dashboard on a large fictional dataset (prints figures, asserts nothing).

    .venv/bin/python benchmarks/bench_dashboard.py [--sessions 100000] [--organisations 300] [--runs 7]

Uses DATABASE_URL when set (PostgreSQL: start one with `PGPORT=5461 scripts/pg-start.sh`), else a
SQLite file under /tmp. Migrates, generates the data once (manage.py monitoring_bench_data), then
prints the median time of: the selectors alone, and the whole page through the test client as
alliance staff, cold (cache emptied first: queries, suppression, three matplotlib charts,
template) and warm (the tables and charts of this data version come from the cache; the page
still runs its version check, filter choices and template), unfiltered and filtered.
Target: the page in <= 500 ms. Also prints the machine's load average: the figures are only
comparable on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/samensterk-bench-dashboard.sqlite3")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
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

    def timed(fn) -> tuple[float, int]:
        fn()  # warm: imports, matplotlib, template loading
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

    quarter = str(Quarter(2025, 2))
    method = selectors.filter_choices(scope)["methods"][0].slug
    rows = [
        ("selectors, no filter", selectors_only(Filters())),
        (
            "selectors, district + quarter",
            selectors_only(Filters(district="noord", quarter=Quarter(2025, 2))),
        ),
        ("page cold, no filter", page({}, cold=True)),
        ("page cold, district + quarter", page({"district": "noord", "quarter": quarter}, cold=True)),
        ("page cold, method", page({"method": method}, cold=True)),
        ("page warm, no filter", page({}, cold=False)),
        ("page warm, district + quarter", page({"district": "noord", "quarter": quarter}, cold=False)),
    ]
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'what':34} {'median ms':>10} {'queries':>8}")
    for name, fn in rows:
        ms, n = timed(fn)
        print(f"{name:34} {ms:10.1f} {n:8d}")


if __name__ == "__main__":
    main()
