"""The registry of components (income/components.py) is the one place a component is declared.

Three properties, each able to fail: every line explain() renders and every change compare()
names uses a sentence of its own component's registry entry; no label or sentence of the registry
is written anywhere else in the code; and a component added to a copy of the registry appears in
explain, compare and the CLI table with no other change (the page: tests/calculator/test_index.py).
"""

import json
import re
import string
from pathlib import Path

import pytest

from samensterk.income import cli, timeline
from samensterk.income import components as registry
from samensterk.income.explain import CHANGE, compare, explain, render_line
from samensterk.income.household import parse_household

from .conftest import BIJSTAND_COUPLE, COUPLE_TWO_CHILDREN, SINGLE_MOTHER, household, run
from .extra_component import install

SAMENSTERK = Path(registry.__file__).resolve().parents[1]
FALLBACKS = {CHANGE["rise"], CHANGE["fall"], CHANGE["per_hour"]}
HOUSEHOLDS = [
    COUPLE_TWO_CHILDREN,
    SINGLE_MOTHER,
    BIJSTAND_COUPLE,
    household(COUPLE_TWO_CHILDREN, her={"hourly_wage": 18, "pension_percent": 6}, housing={"owner": True}),
    household(
        SINGLE_MOTHER,
        bijstand={"vrijlating": True, "vrijlating_alleenstaande_ouder": True, "childcare_own_share": True},
        childcare=[{"child": 0, "type": "bso", "hourly_price": 9}],
    ),  # fmt: skip
]


def sentences(comp):
    return {comp.says, *comp.variants.values()}


def test_every_component_has_a_label_a_source_and_a_sentence():
    keys = [c.key for c in registry.REGISTRY]
    assert len(keys) == len(set(keys))
    for comp in registry.REGISTRY:
        assert comp.label and comp.source[0] and comp.says, comp.key
        assert comp.sign in (-1, 0, 1)


@pytest.mark.parametrize("data", HOUSEHOLDS)
def test_every_line_and_every_change_is_said_by_its_own_registry_entry(data):
    res = run(data)
    for h in range(41):
        lines = explain(res, 0, h)
        shown = [c.key for c in registry.REGISTRY if c.shown(res.households[0])]
        assert [line["component"] for line in lines] == shown  # the registry's order
        for line in lines:
            comp = registry.BY_KEY[line["component"]]
            assert line["label"] == comp.label and line["source"]["href"] == comp.href
            assert {line["template"], *line.get("more", ())} <= sentences(comp), comp.key
            render_line(line)  # every placeholder of the sentence is filled in
        for cause in compare(res, 0, 0, h)["changes"] + compare(res, 0, max(h - 1, 0), h)["changes"]:
            comp = registry.BY_KEY[cause["component"]]
            assert cause["template"] in set(comp.changes.values()) | FALLBACKS, comp.key
            render_line(cause)


@pytest.mark.parametrize(
    "data", [*HOUSEHOLDS, household(SINGLE_MOTHER, partner={"situation": "no_income"}, children=[])]
)
def test_the_lines_add_up_to_the_net_household_income(data):
    # A component summed into the total but without a line would leave money unexplained (a
    # childless couple renting got huurtoeslag in the total and no line for it).
    res = run(data)
    for h in range(41):
        lines = explain(res, 0, h)
        total = next(line["amount"] for line in lines if line["component"] == "net_household")
        parts = sum(line["amount"] for line in lines if registry.BY_KEY[line["component"]].sign)
        assert parts == pytest.approx(total, abs=0.02), h


def test_every_sentence_fills_only_figures_its_facts_give():
    # A placeholder the facts never give would raise KeyError only for some household; this
    # checks the names statically for the households above at 0 and 24 hours.
    given = {}
    for data in HOUSEHOLDS:
        res = run(data)
        for h in (0, 24):
            for line in explain(res, 0, h):
                given.setdefault(line["component"], set()).update(line["values"])
    for comp in registry.REGISTRY:
        for text in sentences(comp):
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            assert names <= given.get(comp.key, set()), (comp.key, names - given.get(comp.key, set()))


def _code_files():
    for path in SAMENSTERK.rglob("*"):
        if (
            path.suffix in (".py", ".html", ".js")
            and path.name != "components.py"
            and "migrations" not in path.parts
        ):
            yield path, path.read_text(encoding="utf-8")


def test_no_label_or_sentence_is_declared_outside_the_registry():
    found = []
    for comp in registry.REGISTRY:
        # A label as a string of its own ("Childcare cost"), a sentence by its opening words.
        labels = (comp.label, *comp.chart.values())
        needles = [re.compile("[\"']" + re.escape(text) + "[\"']") for text in labels]
        needles += [re.compile(re.escape(text[:40])) for text in (*sentences(comp), *comp.changes.values())]
        for path, text in _code_files():
            found += [(comp.key, str(path.relative_to(SAMENSTERK))) for n in needles if n.search(text)]
    assert found == []


@pytest.fixture
def extra_component(monkeypatch):
    """A test bonus of 10 + 1 a working hour, in the registry and the engine (extra_component.py)."""
    # The CLI simulates through income.timeline (the bijstand periods) since issue #20.
    return install(monkeypatch, lambda hours: 10.0 + hours, engine_users=[cli, timeline])


def test_a_new_component_appears_in_explain_and_compare_without_other_changes(extra_component):
    res = extra_component([parse_household(SINGLE_MOTHER)])
    lines = explain(res, 0, 16)
    keys = [line["component"] for line in lines]
    assert keys[-3:] == ["test_bonus", "net_household", "independence"]
    bonus = lines[-3]
    assert bonus["label"] == "Test bonus" and bonus["amount"] == 26.0
    assert render_line(bonus, money=lambda v: f"EUR {v:.0f}") == "A test bonus of EUR 26 a month."
    assert bonus["source"] == {"title": "Test law, art. 1", "href": "https://example.org/test-law"}
    change = next(c for c in compare(res, 0, 0, 16)["changes"] if c["component"] == "test_bonus")
    assert render_line(change, money=lambda v: f"EUR {v:.0f}") == "The test bonus rises by EUR 16."


def test_a_new_component_gets_its_column_in_the_cli_table(extra_component, tmp_path, capsys):
    path = tmp_path / "hh.json"
    path.write_text(json.dumps(SINGLE_MOTHER), encoding="utf-8")
    assert cli.main(["calc", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    head = next(line for line in out if line.lstrip().startswith("hours"))
    assert head.split()[:8] == ["hours", "her", "net", "toeslagen", "bijstand", "childcare", "bonus", "net"]
    row16 = next(line for line in out if line.split()[:1] == ["16"])
    assert row16.split()[5] == "26.00"
