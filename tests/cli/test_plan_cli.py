"""`python -m app plan FILE.json` as a user runs it: exact plans, exit 2 with every problem."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main

ISSUE_EXAMPLE = {
    "total": "12000.00",
    "first_due": "2026-12-15",
    "count": 12,
    "frequency": "monthly",
    "down_payment": {"amount": "2000.00", "due": "2026-12-01"},
    "round_to": "1",
}


def run_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: Any) -> tuple[int, str, str]:
    source = tmp_path / "plan.json"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    source.write_text(text, encoding="utf-8")
    code = main(["plan", str(source)])
    out, err = capsys.readouterr()
    return code, out, err


def rows(out: str) -> list[tuple[int, str, str]]:
    return [(r["n"], r["due"], r["amount"]) for r in json.loads(out)["installments"]]


def test_issue_example_has_the_down_payment_first_and_twelve_equal_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_plan(tmp_path, capsys, ISSUE_EXAMPLE)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["total"] == "12000.00"
    assert set(data) == {"installments", "total"}
    got = rows(out)
    assert len(got) == 13
    assert got[0] == (1, "2026-12-01", "2000.00")
    assert got[1] == (2, "2026-12-15", "833.00")
    assert got[2] == (3, "2027-01-15", "833.00")
    assert got[-1] == (13, "2027-11-15", "837.00")
    assert sum(int(a.replace(".", "")) for _, _, a in got) == 1200000  # fen


def test_31_january_monthly_at_the_fen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {
        "total": "1000.00",
        "first_due": "2028-01-31",
        "count": 3,
        "frequency": "monthly",
        "round_to": "0.01",
    }
    code, out, _ = run_plan(tmp_path, capsys, data)
    assert code == 0
    assert rows(out) == [
        (1, "2028-01-31", "333.33"),
        (2, "2028-02-29", "333.33"),
        (3, "2028-03-31", "333.34"),
    ]


def test_weekly_across_the_year_end_and_a_lump_sum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weekly = {"total": "100", "first_due": "2026-12-30", "count": 3, "frequency": "weekly"}
    code, out, _ = run_plan(tmp_path, capsys, weekly)
    assert code == 0
    assert rows(out) == [
        (1, "2026-12-30", "33.00"),
        (2, "2027-01-06", "33.00"),
        (3, "2027-01-13", "34.00"),
    ]
    lump = {"total": "8000.50", "first_due": "2027-06-30", "frequency": "lump_sum"}
    code, out, _ = run_plan(tmp_path, capsys, lump)
    assert json.loads(out) == {
        "installments": [{"n": 1, "due": "2027-06-30", "amount": "8000.50"}],
        "total": "8000.50",
    }


def test_custom_plan_keeps_the_rows_and_chinese_is_not_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {
        "total": "10000.00",
        "installments": [
            {"due": "2026-11-01", "amount": "3000.00"},
            {"due": "2027-02-01", "amount": "7000.00"},
        ],
        "interest": {"annual_rate": "0.30", "cap_rate": "0.24", "start": "2026-11-01"},
    }
    code, out, _ = run_plan(tmp_path, capsys, data)
    assert code == 0
    result = json.loads(out)
    assert [(r["amount"], r["principal"], r["interest"]) for r in result["installments"]] == [
        ("3000.00", "3000.00", "0.00"),
        ("7429.33", "7000.00", "429.33"),  # 7000 x 24% x 92/360
    ]
    assert result["interest_total"] == "429.33"
    assert "约定年利率 30% 高于上限 24%，按 24% 计息" in out


def test_bad_input_exits_2_with_every_problem_and_nothing_on_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {
        "total": "5.00",
        "first_due": "2026-12-15",
        "count": 12,
        "frequency": "monthly",
        "down_payment": {"amount": "1.00", "due": "2026-12-15"},
        "round_to": "1",
    }
    code, out, err = run_plan(tmp_path, capsys, data)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("down_payment.due: 首付款日期须早于首期还款日 2026-12-15")
    assert lines[1] == (
        "count: 余款 4.00 元分 12 期，按 1 元向下取整后每期为 0 元；"
        "请减少期数，或把取整单位 round_to 改为 0.01"
    )


def test_not_json_exits_2_with_the_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_plan(tmp_path, capsys, '{"total": "1",\n')
    assert (code, out) == (2, "")
    assert err.startswith("not valid JSON（第 2 行第 1 列")
    code = main(["plan", str(tmp_path / "missing.json")])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "无法读取输入文件" in err and "missing.json" in err


def test_stdin_in_a_fresh_process_without_sqlalchemy_or_qt() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['app', 'plan', '-']\n"
        "try:\n"
        "    runpy.run_module('app', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    top = {m.split('.')[0] for m in sys.modules}\n"
        "    heavy = sorted(top & {'sqlalchemy', 'PySide6', 'ui'})\n"
        "    print('EXIT', done.code, heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(ISSUE_EXAMPLE),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stderr.strip().splitlines()[-1] == "EXIT 0 []"
    assert rows(done.stdout)[-1] == (13, "2027-11-15", "837.00")
