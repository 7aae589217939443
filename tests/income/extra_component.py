"""A copy of the registry with one more component, and an engine that computes it: the two places a
real component is written. Shared by the tests that prove everything else reads the registry (the
engine's explanation and CLI in tests/income, the page in tests/calculator)."""

import numpy as np

from samensterk.income import components as registry
from samensterk.income.components import Component, Said
from samensterk.income.simulate import simulate

BONUS = Component(
    "test_bonus",
    "Test bonus",
    +1,
    ("Test law, art. 1", "https://example.org/test-law"),
    says="A test bonus of {amount} a month.",
    facts=lambda f: Said({"amount": f("test_bonus")}),
    changes={"rise": "The test bonus rises by {change}."},
    column="bonus",
)


def install(monkeypatch, bonus, *, engine_users):
    """Put BONUS before the total in the registry; ``bonus(hours)`` is its amount per hours value;
    ``engine_users``: the modules whose ``simulate`` is replaced by one that adds the bonus."""
    copy = registry.REGISTRY[:-2] + (BONUS,) + registry.REGISTRY[-2:]
    monkeypatch.setattr(registry, "REGISTRY", copy)
    monkeypatch.setattr(registry, "BY_KEY", {c.key: c for c in copy})

    def simulate_with_bonus(households, hours=range(0, 41)):
        res = simulate(households, hours=hours)
        value = np.broadcast_to(bonus(res.hours), res.components["net_household"].shape).copy()
        res.components["test_bonus"] = value
        res.components["net_household"] = res.components["net_household"] + value
        res.components["change_vs_0"] = res.components["change_vs_0"] + value - value[:, :1]
        return res

    for module in engine_users:
        monkeypatch.setattr(module, "simulate", simulate_with_bonus)
    return simulate_with_bonus
