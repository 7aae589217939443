"""The command line: calc (table and --json), batch, and bad input (exit 2, no traceback)."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samensterk.income.cli import main

from .conftest import COUPLE_TWO_CHILDREN

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hh_file(tmp_path):
    path = tmp_path / "hh.json"
    path.write_text(json.dumps(COUPLE_TWO_CHILDREN))
    return path


def test_calc_prints_the_curve_and_the_causes(hh_file, capsys):
    assert main(["calc", str(hh_file)]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if len(line.split()) == 7 and line.split()[0].isdigit()]
    assert [int(r[0]) for r in rows] == list(range(41))
    assert "huurtoeslag" in out and "childcare" in out


def test_calc_json_gives_the_full_curve(hh_file, capsys):
    assert main(["calc", str(hh_file), "--json", "--year", "2026"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["household"]["year"] == 2026
    assert len(data["components"]["net_household"]) == 41 and data["hours"][-1] == 40
    assert set(data["independence"]) == {"financial", "economic"}


def test_a_year_with_a_figure_not_found_is_not_offered(hh_file, capsys):
    # 2025's kinderopvangtoeslag table above EUR 50,811 was not found: no result with a gap in it.
    assert main(["calc", str(hh_file), "--json", "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "year_not_offered" in err or "2025 is not offered" in err
    assert "kinderopvangtoeslag" in err and "2026" in err


def test_bad_input_exits_2_with_the_field_errors(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"year": 2026, "children": [25], "housing": {"rent": -1}}))
    assert main(["calc", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "children[0]" in err and "housing.rent" in err and "Traceback" not in err


def test_unreadable_json_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["calc", str(bad)]) == 2
    assert main(["calc", str(tmp_path / "nope.json")]) == 2
    assert main(["frobnicate"]) == 2


def test_python_m_reads_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "samensterk.income.cli", "calc", "-", "--json"],
        input=json.dumps(COUPLE_TWO_CHILDREN), capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["components"]["her_net"][0] == 0
    bad = subprocess.run([sys.executable, "-m", "samensterk.income", "calc", "-"], input='{"year": 1900}',
                         capture_output=True, text=True, cwd=ROOT, timeout=60)  # fmt: skip
    assert bad.returncode == 2 and "year" in bad.stderr and "Traceback" not in bad.stderr


def test_batch_on_a_small_csv(tmp_path):
    src, dst = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text(
        "id,year,her_hourly_wage,partner_situation,partner_gross_month,children,rent,owner,childcare,bijstand_vrijlating\n"
        "a,2026,,works,2600,4;8,900,,0:dagopvang:80:10.5,\n"
        "b,2025,15,bijstand,,3,700,,,1\n"
        "c,2026,,none,,25,700,,,\n"
        "d,2026,,works,3000,,,1,,\n"
    )
    assert main(["batch", str(src), str(dst), "--quiet"]) == 0
    rows = list(csv.DictReader(dst.open()))
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert [r["status"] for r in rows] == ["ok", "invalid", "invalid", "ok"]
    assert "2025 is not offered" in rows[1]["errors"]
    assert "children[0]" in rows[2]["errors"]
    assert float(rows[0]["net_household_40"]) > float(rows[0]["net_household_0"])
    assert float(rows[0]["change_vs_0_0"]) == 0
    # the batch gives the same numbers as calc for the same household
    from .conftest import run

    assert float(rows[0]["net_household_16"]) == pytest.approx(
        run(COUPLE_TWO_CHILDREN).components["net_household"][0, 16], abs=0.005
    )


def test_batch_help_documents_the_columns(capsys):
    with pytest.raises(SystemExit):
        from samensterk.income.cli import build_parser

        build_parser().parse_args(["batch", "--help"])
    out = capsys.readouterr().out
    for column in ("partner_situation", "childcare", "bijstand_vrijlating", "financial_hours"):
        assert column in out
