"""Load and fault test of the production set-up (no assertions in tests; this prints the figures).

    .venv/bin/python benchmarks/production_load.py [--users 50] [--seconds 60] [--fault-seconds 45] [--threads 1]

1. Starts its own PostgreSQL under /tmp (scripts/pg-start.sh, PGPORT 5451 unless set), migrates,
   loads the toolkit and the demo data and adds 3,000 held sessions awaiting a report.
2. Starts gunicorn with 2 workers on 127.0.0.1:8061, with the production settings (DEBUG off, a
   secret key, the database cache, DJANGO_TRUSTED_PROXIES=127.0.0.1).
3. Load: locust headless, 50 users for 60 s over a mix of library pages, the calculator page and
   API, report submission and the two dashboards (benchmarks/locustfile_production.py).
4. Faults: 20 users again; after 10 s PostgreSQL is stopped, 10 s later started. A probe asks for
   /healthz and the home page every 0.25 s: it records the status codes, whether any answer showed
   a stack trace, and how long after PostgreSQL is back the app answers 200 again. Reports that
   failed are sent again with the same key; in the end each must be in the database exactly once.
Loopback only; every phase is bounded in time; everything is stopped at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1:8061"


def sh(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def fetch(path: str, timeout: float = 5.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://{HOST}{path}", timeout=timeout) as r:  # noqa: S310 - loopback
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except OSError as e:
        return 0, str(e)


def wait_for(path: str, deadline: float) -> float:
    while time.time() < deadline:
        if fetch(path, timeout=1)[0] == 200:
            return time.time()
        time.sleep(0.1)
    raise SystemExit(f"no 200 from {path} in time")


def wait_for_idle(limit: float = 120) -> None:
    """Let gunicorn finish what locust left in its queue before the next phase starts."""
    deadline = time.time() + limit
    while time.time() < deadline:
        started = time.time()
        if fetch("/healthz", timeout=10)[0] == 200 and time.time() - started < 0.5:
            return
        time.sleep(1)


def pg(env, action: str) -> None:
    pgver = sorted(os.listdir("/usr/lib/postgresql"), key=lambda v: [int(x) for x in v.split(".")])[-1]
    pg_ctl = f"/usr/lib/postgresql/{pgver}/bin/pg_ctl"
    as_pg = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    if action == "stop":
        sh([*as_pg, pg_ctl, "-D", env["PGDATA"], "-m", "fast", "-w", "stop"], env, stdout=subprocess.DEVNULL)
    else:
        sh(["bash", "scripts/pg-start.sh"], env, stdout=subprocess.DEVNULL)


def prepare_sessions(env, path: Path) -> None:
    code = """
import datetime as dt, django
django.setup()
from django.utils import timezone
from samensterk.accounts.models import User
from samensterk.programme.models import Session, Trajectory
user = User.objects.get(username="demo-gespreksleider")
trajectory = Trajectory.objects.filter(facilitators=user).first()
start = (Session.objects.filter(trajectory=trajectory).order_by("-number").values_list("number", flat=True).first() or 0) + 1
now = timezone.now()
sessions = Session.objects.bulk_create([
    Session(trajectory=trajectory, number=n, starts_at=now - dt.timedelta(hours=n), place="community_centre",
            status="held", language="nl")
    for n in range(start, start + 3000)
])
print(" ".join(str(s.pk) for s in sessions))
"""
    out = sh([BIN / "python", "-c", code], env, capture_output=True, text=True).stdout
    path.write_text(out)


def run_locust(env, users: int, seconds: int, csv_prefix: str, spawn_rate: float = 10) -> dict:
    sh(
        [BIN / "locust", "-f", str(ROOT / "benchmarks" / "locustfile_production.py"), "--headless",
         "-u", str(users), "-r", str(spawn_rate), "-t", f"{seconds}s", "--host", f"http://{HOST}",
         "--only-summary", "--csv", csv_prefix, "--loglevel", "ERROR", "--exit-code-on-error", "0"],
        env, timeout=seconds + 90, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    with open(f"{csv_prefix}_failures.csv", newline="") as f:
        for row in csv.DictReader(f):
            print(f"  failed: {row['Occurrences']} x {row['Method']} {row['Name']}: {row['Error'][:110]}")
    with open(f"{csv_prefix}_stats.csv", newline="") as f:
        return {row["Name"]: row for row in csv.DictReader(f)}


def print_stats(rows: dict) -> None:
    print(f"  {'request':28} {'count':>7} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}")
    for name, row in sorted(rows.items(), key=lambda item: item[0] == "Aggregated"):
        print(
            f"  {name:28} {row['Request Count']:>7} {row['Failure Count']:>5} {float(row['Requests/s']):7.1f}"
            f" {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}"
        )


def reports_exactly_once(env, outcomes: Path) -> tuple[int, int]:
    accepted = [json.loads(line) for line in outcomes.read_text().splitlines() if '"session"' in line]
    ids = sorted({entry["session"] for entry in accepted})
    code = f"""
import django, json
django.setup()
from django.db.models import Count
from samensterk.programme.models import SessionReport
counts = dict(SessionReport.objects.filter(session_id__in={ids!r}).values_list("session_id").annotate(n=Count("id")))
print(json.dumps(counts))
"""
    counts = json.loads(sh([BIN / "python", "-c", code], env, capture_output=True, text=True).stdout)
    once = sum(1 for session in ids if counts.get(str(session)) == 1)
    return len(ids), once


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--fault-users", type=int, default=20)
    parser.add_argument("--fault-seconds", type=int, default=45)
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per gunicorn worker (gthread when more than 1)"
    )
    parser.add_argument(
        "--spawn-rate", type=float, default=10,
        help="users started per second (10: the 20 facilitators and funders log in within the first 5 s)",
    )  # fmt: skip
    args = parser.parse_args()
    port = os.environ.get("PGPORT", "5451")
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "PGPORT": port,
            # Under /tmp: the postgres user cannot traverse a checkout under /root (scripts/pg-start.sh).
            "PGDATA": f"/tmp/samensterk-load-pg-{port}-{os.getpid()}",  # noqa: S108  # nosec B108
            "DATABASE_URL": f"postgres://samensterk:samensterk@127.0.0.1:{port}/samensterk",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
            "DJANGO_CONN_MAX_AGE": "60",
            "DJANGO_LOG_LEVEL": "CRITICAL",
            "DJANGO_SECURITY_LOG_LEVEL": "CRITICAL",
            "OMP_NUM_THREADS": "1",
            "DJANGO_SETTINGS_MODULE": "samensterk.settings",
            "LOAD_SESSIONS_FILE": f"{tmp}/sessions.txt",
            "LOAD_OUTCOMES_FILE": f"{tmp}/outcomes.jsonl",
        }
        Path(env["LOAD_OUTCOMES_FILE"]).write_text("")
        pg(env, "start")
        server = None
        try:
            for command in (["migrate", "--noinput", "-v0"], ["load_toolkit"], ["load_demo"]):
                sh([BIN / "python", "manage.py", *command], env, stdout=subprocess.DEVNULL)
            prepare_sessions(env, Path(env["LOAD_SESSIONS_FILE"]))
            server = subprocess.Popen(
                [BIN / "gunicorn", "samensterk.wsgi:application", "--bind", HOST, "--workers", "2",
                 "--threads", str(args.threads),
                 "--preload", "--log-level", "critical", "--timeout", "30"],
                cwd=ROOT, env=env,
            )  # fmt: skip
            wait_for("/healthz", time.time() + 60)
            for _ in range(3):
                for path in ("/", "/toolkit/", "/calculator/", "/toolkit/statements/", "/en/login/"):
                    fetch(path)  # warm both workers a little
            print(f"\nMachine: {os.cpu_count()} cores, load average before the run {os.getloadavg()[0]:.1f}")

            print(
                f"\nLoad: {args.users} users for {args.seconds} s, {args.spawn_rate:g} started a second,"
                f" gunicorn 2 workers x {args.threads} threads"
                " + PostgreSQL on loopback"
            )
            rows = run_locust(env, args.users, args.seconds, f"{tmp}/load", args.spawn_rate)
            print_stats(rows)
            print(f"  load average after this phase {os.getloadavg()[0]:.1f}")
            wait_for_idle()

            print(
                f"\nFaults: {args.fault_users} users for {args.fault_seconds} s; PostgreSQL stopped at 10 s, started at 20 s"
            )
            probes: list[tuple[float, str, int, bool, bool]] = []
            stop = threading.Event()

            def probe():
                while not stop.is_set():
                    for path in ("/healthz", "/en/"):
                        status, body = fetch(path, timeout=3)
                        friendly = status != 503 or "briefly unavailable" in body or path == "/healthz"
                        trace = "Traceback" in body or 'File "/' in body
                        probes.append((time.time(), path, status, friendly, trace))
                    time.sleep(0.25)

            fault = threading.Thread(
                target=lambda: rows_fault.update(
                    run_locust(env, args.fault_users, args.fault_seconds, f"{tmp}/fault")
                )
            )
            rows_fault: dict = {}
            t0 = time.time()
            fault.start()
            prober = threading.Thread(target=probe)
            prober.start()
            time.sleep(10)
            pg(env, "stop")
            t_down = time.time()
            time.sleep(10)
            pg(env, "start")
            t_up = time.time()
            fault.join()
            stop.set()
            prober.join()
            print_stats(rows_fault)
            during = [p for p in probes if t_down + 1 <= p[0] <= t_up]
            after = [p for p in probes if p[0] > t_up and p[2] == 200]
            recovered = min((p[0] for p in after), default=None)
            by_status = Counter((p[1], p[2]) for p in during)
            print(f"  PostgreSQL down {t_up - t_down:.1f} s (from {t_down - t0:.1f} s)")
            print(
                "  probe answers while it was down: "
                + ", ".join(f"{path} {status}: {n}" for (path, status), n in sorted(by_status.items()))
            )
            print(
                f"  pages with a stack trace: {sum(p[4] for p in probes)} of {len(probes)} probes; "
                f"503 pages without the friendly text: {sum(not p[3] for p in probes)}"
            )
            print(
                f"  first 200 after PostgreSQL was back: {recovered - t_up:.1f} s"
                if recovered
                else "  never recovered"
            )
            late = [p for p in probes if p[0] > t_up + 5]
            print(
                f"  from 5 s after the restart: {sum(p[2] == 200 for p in late)} of {len(late)} probes answered 200"
            )
            outcomes = Path(env["LOAD_OUTCOMES_FILE"]).read_text().splitlines()
            traces = sum(
                json.loads(line).get("stack_traces", 0) for line in outcomes if "stack_traces" in line
            )
            accepted, once = reports_exactly_once(env, Path(env["LOAD_OUTCOMES_FILE"]))
            print(f"  locust responses with a stack trace (both phases): {traces}")
            print(f"  reports accepted: {accepted}, of which in the database exactly once: {once}")
        finally:
            if server is not None:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=30)
            sh(["bash", "scripts/pg-stop.sh"], env, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
