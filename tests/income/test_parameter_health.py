"""Health of the whole rule base: every parameter is described and sourced, every formula
names its legal reference (this covers every rule module, whoever wrote it)."""

import ast
import importlib
import inspect
import pkgutil
import re

import pytest
import yaml

import samensterk.income.formulas as formulas
from samensterk.income.parameters_loader import PARAMETERS_DIR, all_parameters

FILES = sorted(PARAMETERS_DIR.rglob("*.yaml"))
LEGAL = re.compile(
    r"\b(art\.|artikel|Wet |wet |Awir|Participatiewet|Besluit|Regeling|Rekenvoorschriften|CBS|Kinderbijslagwet|Wfsv)"
)


def _values(data):
    if "brackets" in data:
        for i, b in enumerate(data["brackets"]):
            for key, block in b.items():
                for date, v in block["values"].items():
                    yield f"[{i}].{key}@{date}", v
    else:
        for date, v in (data.get("values") or {}).items():
            yield f"@{date}", v


def test_there_are_parameters():
    assert len(FILES) > 20
    assert "inkomstenbelasting.tarief_box1" in all_parameters()


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PARAMETERS_DIR)))
def test_every_parameter_has_description_unit_and_sourced_values(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert str(data.get("description", "")).strip(), "description missing"
    assert str(data.get("unit") or (data.get("metadata") or {}).get("unit") or "").strip(), "unit missing"
    values = list(_values(data))
    assert values, "no values"
    for where, v in values:
        assert isinstance(v, dict), f"{where}: a value needs a reference"
        if v.get("value") is None or v.get("missing"):
            assert v.get("missing") is True and str(v.get("note", "")).strip(), (
                f"{where}: missing needs a note"
            )
            continue
        refs = v.get("reference")
        refs = [refs] if isinstance(refs, dict) else refs
        assert refs, f"{where}: no reference"
        for r in refs:
            assert str(r.get("title", "")).strip() and str(r.get("href", "")).startswith("http"), (
                f"{where}: {r}"
            )


def _public_functions():
    for mod in pkgutil.iter_modules(formulas.__path__):
        module = importlib.import_module(f"samensterk.income.formulas.{mod.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{mod.name}.{name}", fn


@pytest.mark.parametrize(
    ("name", "fn"), list(_public_functions()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_formula_names_its_legal_reference(name, fn):
    doc = inspect.getdoc(fn) or ""
    assert doc, f"{name} has no docstring"
    assert LEGAL.search(doc), f"{name}: the docstring names no legal reference"


def test_no_rate_literals_in_my_formulas():
    # Rates and thresholds live in YAML; a literal rate (0.3575) or threshold (38883) in a formula
    # is a bug. Search brackets of a bisection (round thousands) are not figures of the law.
    for mod in ("loon", "loonheffing", "inkomstenbelasting", "zelfstandigheid"):
        tree = ast.parse(inspect.getsource(importlib.import_module(f"samensterk.income.formulas.{mod}")))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, int | float)
                and not isinstance(node.value, bool)
            ):
                v = node.value
                assert not (0 < v < 1 and v != 0.5), f"{mod}: literal rate {v}"
                assert not (v >= 1900 and v % 1000), f"{mod}: literal threshold {v}"
