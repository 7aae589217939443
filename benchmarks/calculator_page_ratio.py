"""The calculator page's cost: the empty form, a full result page and an hours change, measured in
one process on the same machine, and the ratio of the result page to the empty form (issue #8's
target: at most 3x). Also the engine's full 0-40 hours curve for one household. Prints medians;
no assertions.

    .venv/bin/python benchmarks/calculator_page_ratio.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from samensterk.income.household import parse_household  # noqa: E402
from samensterk.income.simulate import simulate  # noqa: E402

FORM = {"partner": "none", "children": "1, 5", "rent": "720", "hours": "16"}


def median_ms(fn, rounds: int) -> float:
    fn()  # warm up (templates, parameters, fonts)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    # In-process and single-user: rate limits count in a private cache, high enough not to trip.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.RATELIMIT_ENABLE = False
    client = Client()

    def ok(response):
        assert response.status_code == 200, response.status_code

    empty = median_ms(lambda: ok(client.get("/en/calculator/")), args.rounds)
    page = median_ms(lambda: ok(client.post("/en/calculator/", FORM)), args.rounds)
    hours = median_ms(
        lambda: ok(client.post("/en/calculator/hours/", {**FORM, "hours": "20"}, HTTP_HX_REQUEST="true")),
        args.rounds,
    )
    hh = parse_household(
        {"year": 2026, "partner": {"situation": "none"}, "children": [1, 5], "housing": {"rent": 720}}
    )
    engine = median_ms(lambda: simulate([hh], hours=range(41)), args.rounds * 10)
    print(f"empty form page        median {empty:7.1f} ms")
    print(f"full result page       median {page:7.1f} ms")
    print(f"hours change (htmx)    median {hours:7.1f} ms")
    print(f"engine, 0-40 h curve   median {engine:7.2f} ms")
    print(f"result page / empty form: {page / empty:.1f}x (target <= 3x)")


if __name__ == "__main__":
    main()
