"""cliffs(): a change of a few cents (the annual settlement's rounding) is no drop."""

import numpy as np

from samensterk.income.explain import DROP_EUROS, cliffs

from .conftest import BIJSTAND_COUPLE, run


def test_changes_under_one_euro_are_not_losses_nor_causes():
    res = run(BIJSTAND_COUPLE)
    net = res.components["net_household"][0]
    small = np.flatnonzero((np.diff(net) < 0) & (np.diff(net) > -DROP_EUROS))
    found = cliffs(res, 0)
    for cliff in found:
        assert cliff["loses"] == (cliff["marginal_per_hour"] <= -DROP_EUROS)
        assert all(c["change"] <= -DROP_EUROS for c in cliff["causes"])
    assert not any(c["loses"] for c in found if int(c["from_hours"]) in small.tolist())


def test_a_fall_within_one_hour_is_said_per_hour():
    res = run(BIJSTAND_COUPLE)
    causes = [c for cl in cliffs(res, 0) for c in cl["causes"] if c["component"] == "bijstand"]
    assert causes and all(c.get("per_hour") for c in causes if "stop_hours" not in c["values"])
    assert any(
        c["template"].startswith("For each extra hour of work a week the bijstand falls") for c in causes
    )
