"""explain / compare / cliffs / independence_hours / render_line."""

import numpy as np
import pytest

from samensterk.income import components
from samensterk.income import explain as ex
from samensterk.income.explain import cliffs, compare, explain, gettext_noop, independence_hours, render_line

from .conftest import BIJSTAND_COUPLE, COUPLE_TWO_CHILDREN, SINGLE_MOTHER, household, run


@pytest.fixture(scope="module")
def res():
    return run(COUPLE_TWO_CHILDREN, SINGLE_MOTHER, BIJSTAND_COUPLE)


@pytest.mark.parametrize("i", [0, 1, 2])
@pytest.mark.parametrize("hours", [0, 16, 32])
def test_the_lines_add_up_to_the_net_household_income(res, i, hours):
    lines = explain(res, i, hours=hours)
    total = next(x for x in lines if x["component"] == "net_household")
    parts = [x["amount"] for x in lines if x["component"] not in ("net_household", "independence")]
    assert sum(parts) == pytest.approx(total["amount"], abs=0.01 * len(parts))
    assert total["amount"] == pytest.approx(res.components["net_household"][i, hours], abs=0.005)


def test_every_line_has_a_source_a_template_and_renders(res):
    for line in explain(res, 0, hours=20):
        assert set(line) >= {
            "component",
            "amount",
            "label",
            "template",
            "values",
            "parameters",
            "source",
            "missing",
        }
        assert line["source"]["title"]
        text = render_line(line)
        assert "{" not in text and text.strip()
        for p in line["parameters"]:
            assert p.get("missing") or all(r["href"].startswith("http") for r in p["reference"])


def test_the_zorgtoeslag_line_names_its_parameters(res):
    line = next(x for x in explain(res, 0, hours=0) if x["component"] == "zorgtoeslag")
    assert any(p["name"].startswith("zorgtoeslag.") for p in line["parameters"])
    assert line["amount"] == res.components["zorgtoeslag"][0, 0] > 0


def test_render_uses_the_callers_translator_and_money_format(res):
    line = next(x for x in explain(res, 0, hours=16) if x["component"] == "her_net")
    seen = []
    text = render_line(line, translate=lambda s: seen.append(s) or "NL: " + s, money=lambda v: f"EUR {v:.0f}")
    assert seen == [line["template"]] and text.startswith("NL: She works 16 hours")
    assert "EUR 1014" in text


def test_templates_are_marked_for_translation():
    # The sentences are declared in the registry (components.py); the fall-backs in explain.py.
    src = "".join(open(m.__file__, encoding="utf-8").read() for m in (ex, components))
    noop = gettext_noop  # called by another name, so makemessages does not collect "x"
    assert noop("x") == "x"
    assert src.count("gettext_noop(") >= len(ex.T) + len(ex.CHANGE)


def test_compare_names_the_rule_behind_every_drop(res):
    result = compare(res, 0, 0, 40)
    drops = [c for c in result["changes"] if c["change"] < 0]
    assert drops
    assert result["change"] == pytest.approx(sum(c["change"] for c in result["changes"]), abs=0.02)
    for c in drops:
        text = render_line(c)
        assert c["template"] not in (ex.CHANGE["fall"], ex.CHANGE["rise"]), c["component"]
        assert c["label"].split()[0].lower() in text.lower() or c["component"] in ("childcare_cost",)


def test_the_zorgtoeslag_stop_names_the_published_ceiling(res):
    # Belastingdienst: maximum income for zorgtoeslag with a toeslagpartner 2026: EUR 51,142
    # (public-examples.md, "Ceiling").
    stop = next(c for c in compare(res, 0, 0, 40)["changes"] if c["component"] == "zorgtoeslag")
    assert render_line(stop, money=lambda v: f"€{v:,.0f}").startswith("From ")
    assert stop["values"]["ceiling"] == 51142
    first_zero = int(np.flatnonzero(res.components["zorgtoeslag"][0] == 0)[0])
    assert stop["values"]["stop_hours"] == first_zero


def test_cliffs_find_the_hours_that_gain_least_with_their_causes(res):
    found = cliffs(res, 2)  # the bijstand couple: earnings are counted against the bijstand
    assert found
    gains = np.diff(res.components["net_household"][2])
    assert min(c["marginal_per_hour"] for c in found) == pytest.approx(gains.min(), abs=0.01)
    worst = min(found, key=lambda c: c["marginal_per_hour"])
    assert any(c["component"] == "bijstand" for c in worst["causes"])


def test_cliffs_report_losses():
    # Childcare costs start at the first hour: with a high price the household loses money.
    data = household(
        COUPLE_TWO_CHILDREN,
        childcare=[{"child": 0, "type": "dagopvang", "hours_month": 200, "hourly_price": 14}],
    )
    res = run(data)
    loss = [c for c in cliffs(res, 0) if c["loses"]]
    assert loss and loss[0]["from_hours"] == 0
    assert any(c["component"] == "childcare_cost" for c in loss[0]["causes"])


def test_independence_hours(res):
    got = independence_hours(res, 1)
    c = res.components
    assert got["economic"] == int(np.flatnonzero(c["economically_independent"][1])[0])
    assert got["financial"] is None or got["financial"] >= got["economic"]
    line = explain(res, 1, hours=20)[-1]
    assert (
        line["component"] == "independence"
        and line["values"]["economic_threshold"] < line["values"]["financial_threshold"]
    )


def test_unknown_hours_are_refused(res):
    with pytest.raises(ValueError):
        explain(res, 0, hours=41)


def test_a_fall_back_sentence_names_its_component():
    """Read on its own (the API, the CLI), a change without a sentence of its own says which part
    changed, not "this part" (issue #20)."""
    line = {"label": "Kinderbijslag", "template": ex.CHANGE["rise"], "values": {"change": 12.0}}
    assert render_line(line, money=lambda v: f"EUR {v:.0f}") == "Kinderbijslag rises by EUR 12 a month."
