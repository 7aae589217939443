"""Locust: a realistic mix against the production set-up (run by benchmarks/production_load.py).

Visitors read the library and use the calculator (page and JSON API); facilitators look at "My
work" and submit session reports; funders open the monitoring dashboard. Every user has its own
client address in X-Forwarded-For, as the reverse proxy would send it (DJANGO_TRUSTED_PROXIES is
127.0.0.1 in the benchmark), so per-client rate limits count each user separately.
Loopback only; the run is bounded by locust's -t.

A report that fails (the database is down in the fault phase) is kept and sent again with the
same submission key until it is accepted, as the report form's offline queue does; the script
then checks that each arrived exactly once.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task

SESSIONS = [int(x) for x in Path(os.environ["LOAD_SESSIONS_FILE"]).read_text().split()]
_session_ids = iter(SESSIONS)
_addresses = itertools.count(1)
PASSWORD = os.environ.get("LOAD_PASSWORD", "demo-wachtwoord-2026")
OUTCOMES = Path(os.environ["LOAD_OUTCOMES_FILE"])
HOUSEHOLD = {
    "year": 2026,
    "her": {"hourly_wage": None},
    "partner": {"situation": "works", "gross_month": 2600},
    "children": [4, 8],
    "housing": {"rent": 900},
    "childcare": [{"child": 0, "type": "bso", "hours_month": 40, "hourly_price": 9.5}],
}
TRACEBACK = re.compile(r"Traceback|File &quot;|File \"/")
stack_traces = {"n": 0}


@events.request.add_listener
def _no_stack_traces(response=None, **kwargs):
    if response is not None and getattr(response, "text", None) and TRACEBACK.search(response.text or ""):
        stack_traces["n"] += 1


@events.test_stop.add_listener
def _report(environment, **kwargs):
    with OUTCOMES.open("a") as f:
        f.write(json.dumps({"stack_traces": stack_traces["n"]}) + "\n")


class Client(HttpUser):
    abstract = True
    # A request that takes longer counts as failed instead of holding the user.
    connection_timeout = 5.0
    network_timeout = 15.0

    def on_start(self):
        n = next(_addresses)
        self.client.headers["X-Forwarded-For"] = f"198.51.{100 + n // 250}.{n % 250 + 1}"

    def login(self, username):
        self.client.get("/en/login/", name="GET /login/")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(
            "/en/login/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="POST /login/",
        )


class Visitor(Client):
    weight = 6
    wait_time = between(3, 10)  # reading a page before the next click

    @task(3)
    def library(self):
        self.client.get("/toolkit/", name="library")
        self.client.get("/toolkit/statements/", name="library")

    @task(1)
    def home(self):
        self.client.get("/", name="home")

    @task(2)
    def calculator_page(self):
        self.client.get("/calculator/", name="calculator page")

    @task(2)
    def calculator_api(self):
        body = {"household": {**HOUSEHOLD, "children": random.sample(range(0, 17), random.randint(0, 3))}}
        body["household"]["childcare"] = []
        body["hours"] = random.randint(0, 40)
        self.client.post("/api/calculator/simulate", json=body, name="calculator API")


class Facilitator(Client):
    weight = 3
    wait_time = between(5, 15)

    def on_start(self):
        super().on_start()
        self.login("demo-gespreksleider")
        self.pending = None  # (session id, submission key) not yet accepted

    @task(2)
    def my_work(self):
        self.client.get("/programme/", name="dashboard: my work")

    @task(1)
    def submit_report(self):
        if self.pending is None:
            session_id = next(_session_ids, None)
            if session_id is None:
                return
            self.pending = (session_id, str(uuid.uuid4()))
        session_id, key = self.pending
        url = f"/programme/sessions/{session_id}/report/"
        token = self.client.cookies.get("csrftoken", "")
        data = {
            "csrfmiddlewaretoken": token,
            "submission_key": key,
            "men_count": "9",
            "women_count": "2",
            "first_time_count": "3",
            "outcomes": "De mannen spraken over wie thuis voor de kinderen zorgt.",
            "atmosphere": "4",
            "safety_signal": "no",
        }
        with self.client.post(
            url,
            data,
            headers={"Accept": "application/json"},
            name="report submit",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            accepted = response.status_code == 200 and response.headers.get("Content-Type", "").startswith(
                "application/json"
            )
            if accepted and response.json().get("ok"):
                with OUTCOMES.open("a") as f:
                    f.write(json.dumps({"session": session_id, "key": key}) + "\n")
                self.pending = None
                response.success()
            else:
                response.failure(f"status {response.status_code}")
                if response.status_code == 302:  # the login did not hold (database down): again
                    self.login("demo-gespreksleider")


class Funder(Client):
    weight = 1
    wait_time = between(5, 15)

    def on_start(self):
        super().on_start()
        self.login("demo-fonds")

    @task
    def dashboard(self):
        with self.client.get("/monitoring/", name="dashboard: monitoring", catch_response=True) as response:
            if response.status_code == 404:  # not logged in: the login fell in the outage
                response.failure("not logged in")
                self.login("demo-fonds")
