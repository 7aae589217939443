"""The funder dashboard on the demo data against the empty calculator page (issue #23's ratio).

    .venv/bin/python benchmarks/bench_dashboard_demo.py [--runs 15]

Builds its own SQLite database in a temporary folder (migrate, the toolkit, the demo data), logs
in as the demo funder and prints the medians of: the dashboard with its charts cold after a change
(the programme's change signal recounts the summary, then the cache is emptied) and the empty
calculator page, each in the same process, and their ratio (target <= 5x). Prints; asserts nothing
about time. `bench_dashboard.py` measures the same page at 100,000 sessions.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="samensterk-bench-demo-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/demo.sqlite3"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from samensterk.accounts.models import User
    from samensterk.programme.models import Trajectory
    from samensterk.programme.signals import trajectories_changed_send

    for command in ("migrate", "load_toolkit", "load_demo"):
        call_command(command, verbosity=0)
    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username="demo-fonds"))
    ids = list(Trajectory.objects.values_list("pk", flat=True))
    for _ in range(3):  # warm the process: imports, templates, translations
        client.get("/en/monitoring/")
        client.get("/en/calculator/")
    dashboard, calculator = [], []
    for _ in range(args.runs):
        trajectories_changed_send(ids)  # a change: the summary recounted
        cache.clear()  # nothing kept: the coldest page
        start = time.perf_counter()
        assert client.get("/en/monitoring/").status_code == 200
        dashboard.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert client.get("/en/calculator/").status_code == 200
        calculator.append(time.perf_counter() - start)
    d, c = statistics.median(dashboard) * 1000, statistics.median(calculator) * 1000
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; runs: {args.runs}")
    print(f"dashboard with charts, cold after a change   {d:7.1f} ms")
    print(f"empty calculator page                         {c:7.1f} ms")
    print(f"ratio                                          {d / c:6.1f}x (target <= 5x)")


if __name__ == "__main__":
    main()
