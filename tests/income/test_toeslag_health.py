"""Health of the toeslagen and bijstand rule base: docstrings with a legal reference; sourced parameters."""

import inspect
import re
from pathlib import Path

import pytest
import yaml

from samensterk.income.formulas import (
    awir,
    bijstand,
    huurtoeslag,
    kinderbijslag,
    kinderopvangtoeslag,
    kindgebonden_budget,
    zorgtoeslag,
)

MODULES = [awir, zorgtoeslag, huurtoeslag, kindgebonden_budget, kinderopvangtoeslag, kinderbijslag, bijstand]
LAWS = (
    "Wet ",
    "Awir",
    "Algemene wet inkomensafhankelijke regelingen",
    "Participatiewet",
    "Kinderbijslagwet",
    "Besluit",
)
PARAMETERS = Path(__file__).resolve().parents[2] / "samensterk" / "income" / "parameters"
FOLDERS = [
    "awir",
    "zorgtoeslag",
    "huurtoeslag",
    "kindgebonden_budget",
    "kinderopvangtoeslag",
    "kinderbijslag",
    "bijstand",
]


def public_functions():
    for module in MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and fn.__module__ == module.__name__:
                yield pytest.param(fn, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}")


@pytest.mark.parametrize("fn", public_functions())
def test_every_public_function_names_its_legal_reference(fn):
    doc = inspect.getdoc(fn) or ""
    assert "art." in doc, f"{fn.__name__}: no article in the docstring"
    assert any(law in doc for law in LAWS), f"{fn.__name__}: no law named in the docstring"


def values_of(data):
    if "values" in data:
        yield from data["values"].items()
    for bracket in data.get("brackets", []):
        for block in bracket.values():
            yield from block["values"].items()


@pytest.mark.parametrize("path", sorted(p for f in FOLDERS for p in (PARAMETERS / f).glob("*.yaml")), ids=str)
def test_every_parameter_has_a_description_unit_and_sourced_values(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data.get("description")
    assert data.get("unit")
    for start, item in values_of(data):
        refs = item.get("reference")
        refs = [refs] if isinstance(refs, dict) else refs
        assert refs, f"{path.name} {start}: no reference"
        assert all(r.get("title") and str(r.get("href", "")).startswith("https://") for r in refs)
        if item.get("value") is None:
            assert item.get("missing") is True and item.get("note"), f"{path.name} {start}: null without note"


def test_no_rate_or_threshold_literals_in_the_formulas():
    # Amounts belong in the YAML files; the code may hold only counts (0-3: persons, insured, codes),
    # 12 (months a year) and the years of the dated methods.

    allowed = {"0", "1", "2", "3", "12", "0.0", "1.0", "2.0", "12.0", "2025", "2026"}
    for module in MODULES:
        code = re.sub(r'"""[\s\S]*?"""', "", inspect.getsource(module))  # docstrings
        code = re.sub(r'f?"[^"\n]*"', "", code)  # messages
        code = "\n".join(line.split("#")[0] for line in code.splitlines())  # comments
        numbers = set(re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", code))
        assert numbers <= allowed, f"{module.__name__}: literals {sorted(numbers - allowed)}"
