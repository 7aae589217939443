"""Load test of the calculator's hours round trip (no assertions; prints the figures).

    .venv/bin/python benchmarks/calculator_load.py [--users 20] [--seconds 30]

Starts gunicorn on 127.0.0.1:8011 (2 workers) against a temporary SQLite database, warms both
workers, measures 100 hours changes one at a time (the server's own time), runs locust headless
on the hours-change endpoint (paced, then saturated), prints requests/s, median and p95, and
stops everything.
Loopback only; bounded in time.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1:8011"


def wait_for_server(deadline: float) -> None:
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}/healthz", timeout=1).read()  # noqa: S310 - loopback
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def one_at_a_time(n: int, address: str) -> list[float]:
    """``n`` hours changes sent one after another (no queueing): the server's own time per request
    plus loopback. Also warms both workers (parameters, templates) before locust starts."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from urllib.parse import urlencode

    from locustfile_calculator import FORM

    times = []
    for i in range(n):
        body = urlencode({**FORM, "hours": str(i % 41)}).encode()
        request = urllib.request.Request(  # noqa: S310 - loopback
            f"http://{HOST}/calculator/hours/", data=body,
            headers={"HX-Request": "true", "X-Forwarded-For": address},
        )  # fmt: skip
        started = time.perf_counter()
        urllib.request.urlopen(request, timeout=5).read()  # noqa: S310 - loopback
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "DJANGO_DEBUG": "0",
            # wsgi.py refuses to serve on the published development key with DEBUG off.
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            "DJANGO_LOG_LEVEL": "ERROR",
            # The locust users come through "the proxy" 127.0.0.1, each with its own address.
            "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
            "OMP_NUM_THREADS": "1",
            # As the README advises for production: a new connection per request cost 5-6 ms here.
            "DJANGO_CONN_MAX_AGE": "60",
        }
        subprocess.run(
            [BIN / "python", "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        server = subprocess.Popen(
            [
                BIN / "gunicorn",
                "samensterk.wsgi:application",
                "--bind",
                HOST,
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_for_server(time.time() + 30)
            one_at_a_time(40, "203.0.113.1")  # warm-up of both workers, not counted
            alone = one_at_a_time(100, "203.0.113.2")
            print(
                f"\nOne hours change at a time (no queueing), 100 requests: median"
                f" {statistics.median(alone) * 1000:.1f} ms, p95 {sorted(alone)[94] * 1000:.1f} ms"
            )
            for label, wait in (("paced: each user changes the hours every 0.25-1 s", ("0.25", "1")),
                                ("saturation: no pause between requests", ("0", "0"))):  # fmt: skip
                run_locust(tmp, args, label, {**env, "CALC_WAIT_MIN": wait[0], "CALC_WAIT_MAX": wait[1]})
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)


def run_locust(tmp, args, label, env) -> None:
    csv_prefix = f"{tmp}/locust"
    subprocess.run(
        [BIN / "locust", "-f", str(ROOT / "benchmarks" / "locustfile_calculator.py"), "--headless",
         "-u", str(args.users), "-r", str(args.users), "-t", f"{args.seconds}s", "--host", f"http://{HOST}",
         "--only-summary", "--csv", csv_prefix, "--loglevel", "WARNING"],
        cwd=ROOT, env=env, timeout=args.seconds + 60, check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    with open(f"{csv_prefix}_stats.csv", newline="") as f:
        rows = {r["Name"]: r for r in csv.DictReader(f)}
    agg = rows.get("Aggregated") or next(iter(rows.values()))
    print(f"\nCalculator hours round trip (POST /calculator/hours/, htmx partial), {label}")
    print(f"  users {args.users}, {args.seconds} s, gunicorn 2 workers on {HOST}")
    print(f"  requests {agg['Request Count']}, failures {agg['Failure Count']}")
    print(f"  requests/s {float(agg['Requests/s']):.1f}")
    print(f"  median {agg['Median Response Time']} ms, p95 {agg['95%']} ms, p99 {agg['99%']} ms")


if __name__ == "__main__":
    main()
