"""Locust: the calculator's hours round trip (an htmx POST of the form), as a slider drag makes it.

Run through benchmarks/calculator_load.py, which starts and stops the server; loopback only.
"""

import itertools
import os
import random
from urllib.parse import urlencode

from locust import FastHttpUser, between, task

# Seconds between two hours changes of one user: 0 is a saturation test; calculator_load.py also
# runs a paced phase (a person dragging the slider sends a change every few hundred ms at most).
WAIT = (float(os.environ.get("CALC_WAIT_MIN", "0")), float(os.environ.get("CALC_WAIT_MAX", "0")))

FORM = {
    "partner": "works",
    "partner_amount": "2600",
    "partner_amount_kind": "gross",
    "children": "4, 8",
    "rent": "900",
    "childcare": "yes",
    "compare_a": "0",
}


_addresses = itertools.count(1)


class SliderUser(FastHttpUser):
    """FastHttpUser (geventhttpclient) rather than HttpUser (requests): locust runs on the same two
    cores as the server, and requests' per-call overhead took CPU the server's workers then lacked."""

    wait_time = between(*WAIT)

    def on_start(self):
        # Each user is another family behind the reverse proxy (calculator_load.py trusts
        # 127.0.0.1 as the proxy), so the per-client rate limit counts each one on its own.
        n = next(_addresses)
        self.headers = {
            "X-Forwarded-For": f"198.51.{100 + n // 250}.{n % 250 + 1}",
            "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded",
        }

    @task
    def move_hours(self):
        data = urlencode({**FORM, "hours": str(random.randint(0, 40))})
        self.client.post(
            "/calculator/hours/", data=data, headers=self.headers, name="POST /calculator/hours/"
        )
