"""Load the dated YAML parameters (OpenFisca format) and read them at one instant.

``load(2026)`` (or ``load(date(2026, 7, 1))``) returns a tree with attribute access; a leaf is a
``float`` (or a :class:`Scale`). A value marked ``missing`` raises :class:`MissingParameter` when a
formula reads it, so the caller can say plainly which part could not be computed. Nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

PARAMETERS_DIR = Path(__file__).resolve().parent / "parameters"


class MissingParameter(LookupError):
    """A parameter whose value for the requested date has not been published."""

    def __init__(self, name: str, instant: dt.date, note: str = ""):
        self.name, self.instant, self.note = name, instant, note
        super().__init__(f"{name} has no published value for {instant.isoformat()}. {note}".strip())


@dataclass(frozen=True)
class ValueAt:
    """One dated value with its source, as read from the YAML file."""

    start: dt.date
    value: Any
    reference: tuple[dict, ...]
    missing: bool = False
    note: str = ""


# The value of a parameter at an instant, once worked out: the files are read once per process
# (all_parameters) and do not change, and a simulation asks for the same values many times.
# Keyed by the parameter object, which lives as long as the process.
_AT: dict = {}


@dataclass(frozen=True)
class Parameter:
    """A parameter file: its metadata and all its dated values (sorted by start date)."""

    name: str
    description: str
    unit: str
    values: tuple[ValueAt, ...]
    period: str | None = None
    metadata: dict = field(default_factory=dict)

    def at(self, instant: dt.date) -> ValueAt:
        key = (id(self), instant)
        if key not in _AT:
            _AT[key] = self._at(instant)
        return _AT[key]

    def _at(self, instant: dt.date) -> ValueAt:
        current = None
        for v in self.values:
            if v.start <= instant:
                current = v
        if current is None:
            raise MissingParameter(self.name, instant, "No value in force on that date.")
        return current


@dataclass(frozen=True)
class Scale:
    """A bracket scale at one instant: thresholds ascending, with a rate or amount per bracket."""

    name: str
    thresholds: np.ndarray
    rates: np.ndarray | None
    amounts: np.ndarray | None
    references: tuple[dict, ...]

    # Worked out once per scale (a scale at an instant is built once and shared): a simulation
    # applies the same scale many times. Frozen dataclass: cached_property writes __dict__ itself.
    @functools.cached_property
    def widths(self) -> np.ndarray:
        """The width of each bracket (inf for the last)."""
        return np.append(self.thresholds[1:], np.inf) - self.thresholds

    @functools.cached_property
    def next_amounts(self) -> np.ndarray:
        """Per bracket, the amount of the next bracket (inf after the last)."""
        return np.append(self.amounts[1:], np.inf)

    def calc(self, base):
        """Marginal scale: sum of rate x part of ``base`` inside each bracket (no rounding)."""
        base = np.asarray(base, dtype=float)
        total = np.zeros(base.shape)
        for lower, width, rate in zip(self.thresholds, self.widths, self.rates, strict=True):
            # The part inside the bracket: min(max(., 0), width), np.clip without its wrapper.
            total = total + rate * np.minimum(np.maximum(base - lower, 0.0), width)
        return total

    def lookup(self, base):
        """Single-amount scale: the rate (or amount) of the bracket ``base`` falls in."""
        base = np.asarray(base, dtype=float)
        idx = self.thresholds.searchsorted(base, side="right") - 1
        table = self.rates if self.rates is not None else self.amounts
        return np.where(idx >= 0, table[np.maximum(idx, 0)], 0.0)


def _date(key) -> dt.date:
    return key if isinstance(key, dt.date) else dt.date.fromisoformat(str(key))


def _refs(raw) -> tuple[dict, ...]:
    if raw is None:
        return ()
    if isinstance(raw, dict):
        raw = [raw]
    return tuple(raw)


def _values(name: str, raw: dict) -> tuple[ValueAt, ...]:
    out = []
    for key, item in (raw or {}).items():
        if not isinstance(item, dict):
            item = {"value": item}
        out.append(
            ValueAt(
                start=_date(key),
                value=item.get("value"),
                reference=_refs(item.get("reference")),
                missing=bool(item.get("missing", False)) or item.get("value") is None,
                note=str(item.get("note", "")),
            )
        )
    return tuple(sorted(out, key=lambda v: v.start))


@dataclass(frozen=True)
class ScaleParameter:
    name: str
    description: str
    unit: str
    brackets: tuple[dict[str, Parameter], ...]
    metadata: dict = field(default_factory=dict)

    def at(self, instant: dt.date) -> Scale:
        key = (id(self), instant)
        if key not in _AT:
            _AT[key] = self._at(instant)  # a MissingParameter is raised, never kept
        return _AT[key]

    def _at(self, instant: dt.date) -> Scale:
        thresholds, rates, amounts, refs = [], [], [], []
        for i, bracket in enumerate(self.brackets):
            t = bracket["threshold"].at(instant)
            if t.missing:
                raise MissingParameter(f"{self.name}[{i}].threshold", instant, t.note)
            thresholds.append(float(t.value))
            refs.extend(t.reference)
            for key, bucket in (("rate", rates), ("amount", amounts)):
                if key in bracket:
                    v = bracket[key].at(instant)
                    if v.missing:
                        raise MissingParameter(f"{self.name}[{i}].{key}", instant, v.note)
                    bucket.append(float(v.value))
                    refs.extend(v.reference)
        return Scale(
            name=self.name,
            thresholds=np.array(thresholds),
            rates=np.array(rates) if rates else None,
            amounts=np.array(amounts) if amounts else None,
            references=tuple(refs),
        )


def _parse_file(name: str, path: Path) -> Parameter | ScaleParameter:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    meta = data.get("metadata", {}) or {}
    unit = data.get("unit") or meta.get("unit") or ""
    if "brackets" in data:
        brackets = []
        for i, b in enumerate(data["brackets"]):
            brackets.append(
                {
                    key: Parameter(
                        name=f"{name}[{i}].{key}",
                        description=data.get("description", ""),
                        unit=unit,
                        values=_values(name, b[key]["values"]),
                    )
                    for key in ("threshold", "rate", "amount")
                    if key in b
                }
            )
        return ScaleParameter(name, data.get("description", ""), unit, tuple(brackets), meta)
    return Parameter(
        name=name,
        description=data.get("description", ""),
        unit=unit,
        values=_values(name, data.get("values", {})),
        period=data.get("period"),
        metadata=meta,
    )


@lru_cache(maxsize=1)
def all_parameters() -> dict[str, Parameter | ScaleParameter]:
    """Every parameter file, keyed by its dotted name (``zorgtoeslag.drempelinkomen``)."""
    out = {}
    for path in sorted(PARAMETERS_DIR.rglob("*.yaml")):
        name = ".".join(path.relative_to(PARAMETERS_DIR).with_suffix("").parts)
        out[name] = _parse_file(name, path)
    return out


@lru_cache(maxsize=1)
def _folders() -> frozenset[str]:
    """Every folder of the parameter tree (``zorgtoeslag``, ``inkomstenbelasting``...)."""
    out = set()
    for name in all_parameters():
        parts = name.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts)))
    return frozenset(out)


class ParameterNode:
    """Attribute access to the parameters at one instant: ``p.zorgtoeslag.drempelinkomen``."""

    def __init__(self, prefix: str, instant: dt.date):
        self._prefix, self._instant = prefix, instant

    def __getattr__(self, attr: str):
        if attr.startswith("_"):
            raise AttributeError(attr)
        name = f"{self._prefix}.{attr}" if self._prefix else attr
        if name in all_parameters():
            value = value_at(name, self._instant)  # raises MissingParameter: never kept
        elif name in _folders():
            value = ParameterNode(name, self._instant)
        else:
            raise AttributeError(f"No parameter or folder named {name!r}")
        # Kept on the node: the next access is a plain attribute (a simulation reads a few
        # hundred parameters; resolving each every time was most of the engine's time).
        setattr(self, attr, value)
        return value

    @property
    def instant(self) -> dt.date:
        return self._instant


def value_at(name: str, instant: dt.date):
    """The value of one parameter at ``instant``: a float, a Scale, or MissingParameter raised."""
    param = all_parameters()[name]
    if isinstance(param, ScaleParameter):
        return param.at(instant)
    v = param.at(instant)
    if v.missing:
        raise MissingParameter(name, instant, v.note)
    return float(v.value) if isinstance(v.value, int | float) else v.value


def reference_at(name: str, instant: dt.date) -> tuple[dict, ...]:
    """The legal source(s) of the value in force at ``instant`` (for explanations)."""
    param = all_parameters()[name]
    if isinstance(param, ScaleParameter):
        return param.at(instant).references
    return param.at(instant).reference


def load(when: int | dt.date) -> ParameterNode:
    """The parameter tree at 1 January of ``when`` (a year) or at the given date; one tree per
    instant, shared, so that what it has resolved once is kept (the files do not change while
    the process runs)."""
    instant = dt.date(when, 1, 1) if isinstance(when, int) else when
    return _tree(instant)


@lru_cache(maxsize=128)
def _tree(instant: dt.date) -> ParameterNode:
    return ParameterNode("", instant)
