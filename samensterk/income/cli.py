"""Command line: ``samensterk calc`` (one household) and ``samensterk batch`` (a CSV of many).

Bad input exits with code 2 and the field errors, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

import numpy as np

from samensterk.income import components as registry
from samensterk.income import timeline
from samensterk.income.components import COMPONENTS
from samensterk.income.explain import cliffs, independence_hours, render_line
from samensterk.income.household import CURVE_HOURS, CURVE_MAX_HOURS, HouseholdInvalid, parse_household
from samensterk.income.simulate import simulate

EXIT_BAD_INPUT = 2
CHUNK = 5000

BATCH_HELP = """\
Input CSV (header row; empty cell = not given):
  id                   any text, copied to the output
  year                 2025 or 2026
  her_hourly_wage      gross euros per hour; empty = the statutory minimum wage
  her_pension_percent  employee pension contribution, % of gross
  partner_situation    works | bijstand | no_income | none
  partner_gross_month  partner's gross wage per month (situation works), or
  partner_net_month    partner's net wage per month, or
  partner_hourly_wage + partner_hours_week
  children             ages separated by ';' (e.g. 4;8)
  rent                 kale huur per month (empty or 0: none)
  owner                1 = owner-occupied home
  childcare            entries child:type:hours_month:hourly_price separated by ';'
                       (child = index into children; type dagopvang | bso | gastouder)
  bijstand_claim       1/0 (default: 1 when the partner situation is bijstand or none)
  bijstand_vrijlating  1/0 (the earnings disregards apply: she is 27 or older; default 0). With 1
                       the row gives the period of her work chosen with --period (default: the
                       first six months, as months 1-6 of her first year), never 25% for a year
  bijstand_vrijlating_alleenstaande_ouder  1/0 (the 12.5% single-parent disregard after the first
                       six months, for a single parent with a child under 12; default 0)
  bijstand_loonheffingskorting  gemeente | employer | both (who applies her loonheffingskorting
                       while she works next to the bijstand; default gemeente)
  bijstand_childcare_own_share  1/0 (the gemeente pays the part of the childcare the toeslag
                       leaves while the household gets bijstand: its own policy; default 0)

Output CSV, one row per input row:
  id, status (ok | invalid), errors (field: message; ...), missing (component: parameter; ...),
  financial_hours, economic_hours (fewest hours for CBS financial / economic independence),
  then for each chosen component (--components, default net_household,change_vs_0) and each
  hours value h: <component>_<h> in euros per month.
"""


def _household_from_csv(row: dict) -> dict:
    """One CSV row -> the household dict of the contract (validated afterwards)."""

    def num(key):
        v = (row.get(key) or "").strip()
        if v == "":
            return None
        try:
            return float(v) if any(ch in v for ch in ".eE") else int(v)
        except ValueError:
            return v  # parse_household reports it as not a number

    def flag(key):
        v = (row.get(key) or "").strip().lower()
        return None if v == "" else v in ("1", "true", "yes")

    data = {"year": num("year"), "her": {"hourly_wage": num("her_hourly_wage")}, "partner": {}}
    if num("her_pension_percent") is not None:
        data["her"]["pension_percent"] = num("her_pension_percent")
    data["partner"]["situation"] = (row.get("partner_situation") or "none").strip()
    for key in ("gross_month", "net_month", "hourly_wage", "hours_week"):
        if num(f"partner_{key}") is not None:
            data["partner"][key] = num(f"partner_{key}")
    ages = [a for a in (row.get("children") or "").split(";") if a.strip()]
    data["children"] = [int(a) if a.strip().lstrip("-").isdigit() else a for a in ages]
    data["housing"] = {"owner": True} if flag("owner") else {"rent": num("rent") or 0}
    care = []
    for entry in [e for e in (row.get("childcare") or "").split(";") if e.strip()]:
        parts = entry.split(":")
        if len(parts) != 4:
            care.append({})
            continue
        child, kind, hours, price = parts
        care.append({"child": int(child) if child.isdigit() else child, "type": kind.strip(),
                     "hours_month": float(hours), "hourly_price": float(price)})  # fmt: skip
    data["childcare"] = care
    flags = ("claim", "vrijlating", "vrijlating_alleenstaande_ouder", "childcare_own_share")
    bij = {k: flag(f"bijstand_{k}") for k in flags}
    data["bijstand"] = {k: v for k, v in bij.items() if v is not None}
    lhk = (row.get("bijstand_loonheffingskorting") or "").strip()
    if lhk:
        data["bijstand"]["loonheffingskorting"] = lhk
    return data


def _read_json(path: str) -> dict:
    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()  # noqa: SIM115
    return json.loads(text)


def _errors_out(errors: list[dict]) -> int:
    for e in errors:
        print(f"{e['field'] or 'input'}: {e['message']} ({e['code']})", file=sys.stderr)
    return EXIT_BAD_INPUT


def _columns(c) -> dict:
    """The table's columns from the registry: each column sums its components, as the net
    household income counts them (a cost negative), in the registry's order."""
    out: dict = {}
    for comp in registry.REGISTRY:
        if comp.column and comp.key in c:
            # Starting from 0.0 keeps a cost of nothing from printing as -0.00.
            out[comp.column] = out.get(comp.column, 0.0) + comp.sign * c[comp.key][0]
    return out


def _column_note() -> str:
    """Says which components a summed column holds besides the ones its name says."""
    notes = []
    for name in dict.fromkeys(c.column for c in registry.REGISTRY if c.column):
        members = [c for c in registry.REGISTRY if c.column == name]
        extra = [c.key for c in members if len(members) > 1 and not c.toeslag]
        if extra:
            notes.append(f"{name} include {', '.join(extra)}")
    return f" ({'; '.join(notes)})" if notes else ""


def _width(name: str) -> int:
    return max(9, len(name) + 1)


def cmd_calc(args) -> int:
    try:
        data = _read_json(args.file)
    except (OSError, json.JSONDecodeError) as e:
        return _errors_out(
            [{"field": "", "code": "unreadable", "message": f"Cannot read the household JSON: {e}"}]
        )
    if args.year is not None and isinstance(data, dict):
        data["year"] = args.year
    try:
        hh = parse_household(data, offered_only=True)
    except HouseholdInvalid as e:
        return _errors_out(e.errors)
    run = timeline.run(hh, shown=args.period)
    res = run.res
    c = res.components
    periods = timeline.summary(run, args.hours) if run.periods else []
    if args.json:
        rows = run.rows
        out = {
            "household": data,
            "hours": res.hours.tolist(),
            "period": run.shown,
            "timeline": [
                {
                    "key": p.key,
                    "label": p.label,
                    "months_from": p.months_from,
                    "months_to": p.months_to,
                    "children": list(p.household.children),
                    "net_household": np.round(c["net_household"][rows[p.key]], 2).tolist(),
                    "change_vs_0": np.round(c["change_vs_0"][rows[p.key]], 2).tolist(),
                }  # fmt: skip
                for p in run.periods
            ],
            "components": {k: np.round(v[0].astype(float), 2).tolist() for k, v in c.items()},
            "missing": res.missing[0],
            "independence": independence_hours(res, 0),
            "cliffs": cliffs(res, 0),
        }
        json.dump(out, sys.stdout, indent=1)
        print()
        return 0
    columns = _columns(c)
    head = " ".join([f"{'hours':>5}", *(f"{name:>{_width(name)}}" for name in columns),
                     f"{'net household':>14}", f"{'change':>9}"])  # fmt: skip
    shown = f", {_period_label(run)}" if run.periods else ""
    print(f"Household {hh.year}{shown}: euros per month{_column_note()}")
    print(head)
    for j, h in enumerate(res.hours):
        cells = [f"{values[j]:{_width(name)}.2f}" for name, values in columns.items()]
        print(
            " ".join(
                [f"{h:5g}", *cells, f"{c['net_household'][0, j]:14.2f}", f"{c['change_vs_0'][0, j]:9.2f}"]
            )
        )
    print("\nWhere an extra hour gains least or loses money:")
    for cl in cliffs(res, 0):
        word = "loses" if cl["loses"] else "gains"
        print(
            f"  {cl['from_hours']:g} -> {cl['hours']:g} hours: the household {word} {abs(cl['marginal_per_hour']):.2f}"
        )
        for cause in cl["causes"]:
            print(f"      {render_line(cause)}")
    if periods:
        print(
            f"\nThe bijstand time line at {args.hours:g} hours a week (net household per month; change against 0 hours):"
        )
        for p in periods:
            ages = "" if p["children"] == list(hh.children) else f" (children then: {_ages(p['children'])})"
            print(
                f"  {_months(p):<16} {p['net_household']:10.2f} {p['change_vs_0']:+9.2f}  {p['label']}: {p['note']}{ages}"
            )
    ind = independence_hours(res, 0)
    print(
        f"\nFinancially independent from: {ind['financial']} hours; economically independent from: {ind['economic']} hours"
    )
    for m in res.missing[0]:
        print(f"NOT COMPUTED: {m['component']}: {m['parameter']} {m['note']}")
    return 0


def _ages(ages: list[int]) -> str:
    return ", ".join(str(a) for a in ages) or "none under 18"


def _months(p: dict) -> str:
    return f"months {p['months_from']}-{p['months_to']}" if p["months_to"] else f"months {p['months_from']}+"


def _period_label(run) -> str:
    p = next(p for p in run.periods if p.key == run.shown)
    return f"{p.label.lower()} of her work (months {p.months_from}-{p.months_to or ''})"


def _shown(hh, period):
    """A household with a time line as the period asked for (default the first): never its flags
    over a whole year (25% for twelve months is not in the law)."""
    periods = timeline.periods(hh)
    return next((p.household for p in periods if p.key == period), periods[0].household) if periods else hh


def cmd_batch(args) -> int:
    from tqdm import tqdm

    comps = [c.strip() for c in args.components.split(",") if c.strip()]
    hours = list(CURVE_HOURS)
    try:
        src = open(args.input, newline="", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        return _errors_out([{"field": "", "code": "unreadable", "message": str(e)}])
    with src, open(args.output, "w", newline="", encoding="utf-8") as dst:
        reader = csv.DictReader(src)
        writer = csv.writer(dst)
        header = ["id", "status", "errors", "missing", "financial_hours", "economic_hours"]
        writer.writerow(header + [f"{c}_{h}" for c in comps for h in hours])
        bar = tqdm(unit=" households", file=sys.stderr, disable=args.quiet)
        chunk: list[dict] = []
        for row in reader:
            chunk.append(row)
            if len(chunk) == CHUNK:
                _write_chunk(writer, chunk, comps, hours, args.period)
                bar.update(len(chunk))
                chunk = []
        if chunk:
            _write_chunk(writer, chunk, comps, hours, args.period)
            bar.update(len(chunk))
        bar.close()
    return 0


def _write_chunk(writer, rows, comps, hours, period="first"):
    parsed, out = [], [None] * len(rows)
    for k, row in enumerate(rows):
        try:
            parsed.append((k, _shown(parse_household(_household_from_csv(row), offered_only=True), period)))
        except (HouseholdInvalid, ValueError) as e:
            errors = e.errors if isinstance(e, HouseholdInvalid) else [{"field": "", "message": str(e)}]
            text = "; ".join(f"{x['field']}: {x['message']}" for x in errors)
            out[k] = [row.get("id", ""), "invalid", text, "", "", ""] + [""] * (len(comps) * len(hours))
    if parsed:
        res = simulate([h for _, h in parsed], hours=hours)
        values = np.concatenate(
            [np.round(res.components[c].astype(float), 2) for c in comps], axis=1
        ).tolist()
        fin = res.components["financially_independent"].argmax(axis=1)
        eco = res.components["economically_independent"].argmax(axis=1)
        for m, (k, _) in enumerate(parsed):
            f_ok, e_ok = (
                res.components["financially_independent"][m].any(),
                res.components["economically_independent"][m].any(),
            )
            missing = "; ".join(f"{x['component']}: {x['parameter']}" for x in res.missing[m])
            out[k] = [rows[k].get("id", ""), "ok", "", missing, int(res.hours[fin[m]]) if f_ok else "",
                      int(res.hours[eco[m]]) if e_ok else ""] + values[m]  # fmt: skip
    writer.writerows(out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samensterk", description="Household net income for 0..40 hours a week."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    calc = sub.add_parser("calc", help="one household from a JSON file (or - for stdin)")
    calc.add_argument(
        "file", nargs="?", default="-", help="household JSON (docs/engine-contract.md); - = stdin"
    )
    calc.add_argument("--json", action="store_true", help="print the full curve as JSON")
    calc.add_argument("--year", type=int, help="override the year in the file")
    calc.add_argument(
        "--period",
        choices=timeline.PERIOD_KEYS,
        default="first",
        help="on bijstand with the earnings disregards: the period the table shows (default first)",
    )
    calc.add_argument(
        "--hours",
        type=int,
        default=16,
        choices=range(0, CURVE_MAX_HOURS + 1),
        metavar="0-40",
        help="the hours value of the time line's summary (default 16)",
    )
    calc.set_defaults(func=cmd_calc)
    batch = sub.add_parser("batch", help="many households from a CSV", description=BATCH_HELP,
                           formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    batch.add_argument("input", help="input CSV")
    batch.add_argument("output", help="output CSV")
    batch.add_argument("--components", default="net_household,change_vs_0", help="comma-separated components")
    batch.add_argument("--quiet", action="store_true", help="no progress bar")
    batch.add_argument(
        "--period",
        choices=timeline.PERIOD_KEYS,
        default="first",
        help="for rows with bijstand_vrijlating: the period of her work (default first)",
    )
    batch.set_defaults(func=cmd_batch)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return EXIT_BAD_INPUT if e.code else 0
    if args.command == "batch":
        unknown = [c for c in args.components.split(",") if c.strip() and c.strip() not in COMPONENTS]
        if unknown:
            return _errors_out(
                [{"field": "--components", "code": "unknown_component", "message": f"Unknown: {unknown}"}]
            )
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
