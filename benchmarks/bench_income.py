"""Benchmark of the income engine (prints figures, asserts nothing).

    .venv/bin/python benchmarks/bench_income.py [--households 100000]

1. median ms for one household's full 0..40 curve, the engine alone (simulate), target <= 2 ms,
   and with the explanation (simulate + explain at one hours value + cliffs), target <= 5 ms;
   each the median of five rounds of 200, with the spread of the rounds;
2. household-hours points per second for a batch on one core (median of 5 runs of 10,000 and of
   3 runs of N), target >= 500,000;
3. peak memory (tracemalloc, numpy arrays included) for N households x 41 hours.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from samensterk.income.explain import cliffs, explain  # noqa: E402
from samensterk.income.household import parse_household  # noqa: E402
from samensterk.income.simulate import simulate  # noqa: E402

EXAMPLE = {
    "year": 2026,
    "partner": {"situation": "works", "gross_month": 2600},
    "children": [4, 8],
    "housing": {"rent": 900},
    "childcare": [{"child": 0, "type": "dagopvang", "hours_month": 80, "hourly_price": 10.5}],
}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def random_households(n: int, seed: int = 1):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kids = [rng.randint(0, 17) for _ in range(rng.randint(0, 3))]
        situation = rng.choice(["works", "works", "bijstand", "no_income", "none"])
        partner = {"situation": situation}
        if situation == "works":
            partner["gross_month"] = rng.uniform(1500, 6000)
        care = (
            [{"child": 0, "type": "bso", "hours_month": 60, "hourly_price": 9.5}]
            if kids and rng.random() < 0.3
            else []
        )
        out.append(parse_household({"year": 2026, "partner": partner, "children": kids,
                                    "housing": {"rent": rng.uniform(400, 1100)}, "childcare": care}))  # fmt: skip
    return out


def bench_one(repeat: int = 200, *, with_explanation: bool = True) -> float:
    hh = parse_household(EXAMPLE)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        res = simulate([hh])
        if with_explanation:
            explain(res, 0, hours=16)
            cliffs(res, 0)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def rounds(fn, n: int = 5) -> str:
    """The median over ``n`` rounds of the round medians, and the spread: the machines are shared,
    so a single round can double when a neighbour is busy."""
    medians = sorted(fn() for _ in range(n))
    return f"median {statistics.median(medians):.2f} ms (rounds {medians[0]:.2f}-{medians[-1]:.2f})"


def bench_batch(n: int, runs: int) -> tuple[float, list[float]]:
    """Household-hours per second: the median over ``runs`` runs, and each run's seconds."""
    hhs = random_households(n)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        simulate(hhs)
        times.append(time.perf_counter() - t)
    return n * 41 / statistics.median(times), times


def bench_memory(n: int) -> float:
    hhs = random_households(n)
    tracemalloc.start()
    simulate(hhs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, {cpu_model()}; Python {platform.python_version()}; numpy {np.__version__}"
    )
    print("(single-threaded numpy; one core)")
    bench_one(10)  # warm-up: parameter files parsed and cached
    print(
        f"one household, 0..40 hours, the engine alone: {rounds(lambda: bench_one(with_explanation=False))}"
        " (target <= 2 ms)"
    )
    print(f"one household, 0..40 hours, all rules + explanation: {rounds(bench_one)} (target <= 5 ms)")  # fmt: skip
    for n, runs in ((10_000, 5), (args.households, 3)):
        rate, times = bench_batch(n, runs)
        print(
            f"batch of {n:,} households x 41 hours, median of {runs} runs: {rate:,.0f} household-hours/s"
            f" (runs {', '.join(f'{t:.2f}' for t in times)} s; target >= 500,000)"
        )
    peak = bench_memory(args.households)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory for {args.households:,} households x 41 hours: {peak:,.0f} MiB traced (process max RSS {rss:,.0f} MiB)"
    )


if __name__ == "__main__":
    main()
