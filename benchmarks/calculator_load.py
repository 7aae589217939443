"""Load test of the calculator's hours round trip (no assertions; prints the figures).

    .venv/bin/python benchmarks/calculator_load.py [--users 20] [--seconds 30]

Starts gunicorn on 127.0.0.1:8011 (2 workers) against a temporary SQLite database, runs locust
headless on the hours-change endpoint, prints requests/s, median and p95, and stops everything.
Loopback only; bounded in time.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import signal
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
