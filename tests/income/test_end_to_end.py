"""A couple with two children, rent and childcare, from 0 to 40 hours: a sensible curve, and a
named rule behind each drop."""

import numpy as np

from samensterk.income.explain import CHANGE, cliffs, compare, independence_hours, render_line

from .conftest import COUPLE_TWO_CHILDREN, run


def test_couple_with_two_children_from_0_to_40_hours():
    res = run(COUPLE_TWO_CHILDREN)
    c = res.components
    net = c["net_household"][0]
    # Working pays overall but far less than her gross wage: toeslagen fall, childcare costs.
    assert net[40] > net[0]
    gain = net[40] - net[0]
    assert 0.3 * c["her_gross"][0, 40] < gain < c["her_gross"][0, 40] + c["holiday_allowance_month"][0, 40]
    # Toeslagen fall as her income rises; the zorgtoeslag stops altogether.
    assert c["zorgtoeslag"][0, 0] > 0 and c["zorgtoeslag"][0, 40] == 0
    assert c["kindgebonden_budget"][0, 40] < c["kindgebonden_budget"][0, 0]
    assert np.all(np.diff(c["zorgtoeslag"][0]) <= 0)
    # Childcare: cost and kinderopvangtoeslag only while she works.
    assert c["childcare_cost"][0, 0] == 0 and c["childcare_cost"][0, 1] > 0
    assert c["kinderopvangtoeslag"][0, 0] == 0 and c["kinderopvangtoeslag"][0, 1] > 0
    assert np.all(np.isfinite(net)) and res.missing[0] == []
    # Every drop between consecutive hours has a named rule.
    for h in range(40):
        for change in compare(res, 0, h, h + 1)["changes"]:
            if change["change"] < 0:
                assert change["template"] not in (CHANGE["fall"], CHANGE["rise"]), (h, change["component"])
                assert render_line(change)
    assert all(cl["causes"] or cl["marginal_per_hour"] > 0 for cl in cliffs(res, 0))
    ind = independence_hours(res, 0)
    assert (
        ind["economic"] is not None and ind["financial"] is not None and ind["economic"] <= ind["financial"]
    )
