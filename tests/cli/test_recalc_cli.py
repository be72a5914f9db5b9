"""`python -m app recalc`: the spec's example end to end, batches, stdin, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

SPEC_EXAMPLE: dict[str, Any] = {
    "lender_type": "bank",
    "contract_date": "2021-03-15",
    "disbursement_date": "2021-03-15",
    "principal": "100000.00",
    "disbursed": "95000.00",
    "annual_rate": "0.18",
    "overdue_rate": "0.27",
    "compound": False,
    "repayment": {"method": "bullet", "maturity": "2022-03-15"},
    "accelerated_on": "2022-01-10",
    "fees": [{"date": "2021-06-01", "amount": "300.00", "kind": "late_fee"}],
    "costs": [{"date": "2022-02-01", "amount": "2000.00", "kind": "lawyer_fee"}],
    "payments": [{"date": "2021-05-20", "amount": "5000.00"}],
    "claimed": {"principal": "95000.00", "interest": "17100.00", "penalty": "39000.00",
                "compound": "0.00", "fees": "300.00", "costs": "2000.00"},
    "as_of": "2024-06-30",
    "filing_date": "2024-06-30",
    "day_basis": 360,
    "cap": {"annual_rate": "0.24"},
}  # fmt: skip


def recalc(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEDIATION_DESK_DATA_DIR": "/nonexistent/never-created"}
    return subprocess.run(
        [sys.executable, "-m", "app", "recalc", *args], input=stdin, capture_output=True,
        text=True, cwd=ROOT, env=env, check=False,
    )  # fmt: skip


def write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_spec_example_gives_a_complete_object(tmp_path: Path) -> None:
    """Contract: 5000.00 prepaid 2021-05-20 leaves 95000.00; accelerated 2022-01-10: interest
    95000 × 0.18 × 301/360 = 14297.50; penalty 95000 × 0.27 × (22 + 42 + 838)/360
    = 64267.50; fee 300.00, lawyer 2000.00: total 175865.00.
    Lawful on 95000.00 lent (art. 670): after the prepayment 90000.00; interest
    90000 × 0.18 × 301/360 = 13545.00; penalty at 24 %: 90000 × 0.24 × 902/360 = 54120.00;
    budget 95000 × 0.24 × 66/360 + 90000 × 0.24 × 1137/360 = 4180 + 68220 = 72400.00 ≥
    charges 67965.00: no cut. Total 90000 + 13545 + 54120 + 300 + 2000 = 159965.00."""
    done = recalc(write(tmp_path, "case.json", SPEC_EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.count("\n") == 1
    out = json.loads(done.stdout)
    assert out["views"]["contract"] == {
        "principal": "95000.00", "principal_overdue": "95000.00", "principal_not_due": "0.00",
        "interest": "14297.50", "penalty": "64267.50", "compound": "0.00", "fees": "300.00",
        "costs": "2000.00", "total": "175865.00", "paid": "5000.00", "overpaid": "0.00",
    }  # fmt: skip
    assert out["views"]["lawful"] == {
        "principal": "90000.00", "principal_overdue": "90000.00", "principal_not_due": "0.00",
        "interest": "13545.00", "penalty": "54120.00", "compound": "0.00", "fees": "300.00",
        "costs": "2000.00", "total": "159965.00", "paid": "5000.00", "overpaid": "0.00",
    }  # fmt: skip
    assert out["views"]["claimed"]["total"] == "153400.00"
    assert out["reduction"] == {"total": "15900.00", "interest": "752.50", "penalty": "10147.50",
                                "compound": "0.00", "fees": "0.00", "principal": "5000.00"}
    assert out["claim_gap"] == {"total": "-22465.00"}
    assert out["regime"]["caps"][0]["annual_rate"] == "0.24"
    assert len(out["warnings"]) == 2 and "95000.00" in out["warnings"][0]
    assert out["warnings"][1].startswith("本计算采用的解读")  # penalty accrued: one budget
    assert {ln["kind"] for ln in out["lines"]} == {"payment", "fee", "acceleration", "accrual",
                                                    "cost", "warning"}  # fmt: skip
    assert "预先扣除" in done.stdout  # ensure_ascii=False: Chinese as written


def test_several_files_and_stdin_one_line_each(tmp_path: Path) -> None:
    other = {**SPEC_EXAMPLE, "as_of": "2022-06-30", "filing_date": "2022-06-30"}
    first = write(tmp_path, "a.json", SPEC_EXAMPLE)
    done = recalc(first, "-", first, stdin=json.dumps(other))
    assert done.returncode == 0, done.stderr
    outs = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["as_of"] for o in outs] == ["2024-06-30", "2022-06-30", "2024-06-30"]
    assert outs[0] == outs[2]


def test_bad_input_exits_2_with_every_problem_and_nothing_on_stdout(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", SPEC_EXAMPLE)
    bad_case = {**SPEC_EXAMPLE, "day_basis": 364,
                "payments": [{"date": "2021-05-20", "amount": 5000.5},
                             {"date": "2024-07-01", "amount": "1.00"}]}  # fmt: skip
    bad = write(tmp_path, "bad.json", bad_case)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    done = recalc(good, bad, str(broken))
    assert done.returncode == 2
    assert done.stdout == ""
    errors = done.stderr.splitlines()
    assert errors[0].startswith(f"{bad}: payments[0].amount: ")
    assert errors[1].startswith(f"{bad}: day_basis: not 360 or 365")
    assert errors[2].startswith(f"{bad}: payments[1].date: after as_of")
    assert errors[3].startswith(f"{broken}: not valid JSON")
    assert len(errors) == 4
    single = recalc(bad)
    assert single.returncode == 2 and single.stdout == ""
    assert single.stderr.splitlines()[2].startswith("payments[1].date: after as_of")
    missing = recalc(str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_recalc_loads_neither_sqlalchemy_nor_qt() -> None:
    code = (
        "import sys, io, json; from app.cli.main import main; sys.stdin = io.StringIO("
        f"{json.dumps(json.dumps(SPEC_EXAMPLE))}); main(['recalc', '-']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'PySide6', 'ui', 'alembic', 'reportlab'}), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)  # fmt: skip
    assert done.stderr.strip() == "[]"
    assert json.loads(done.stdout)["views"]["lawful"]["total"] == "159965.00"


def test_lpr_table_option(tmp_path: Path) -> None:
    """A private post-2020 contract with a one-row table: cap 4 × 5 % = 20 %."""
    table = tmp_path / "lpr.csv"
    table.write_text("effective_date,one_year,five_year\n2019-08-20,5.00,6.00\n", encoding="utf-8")
    case = {**SPEC_EXAMPLE, "lender_type": "private", "cap": None}
    done = recalc("--lpr-table", str(table), write(tmp_path, "p.json", case))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["regime"]["caps"][0]["annual_rate"] == "0.2"


# -- the page's changes of 2026-12-01 and bad input (issues 16 and 12) ----------------------

PERSON_LOAN: dict[str, Any] = {
    "lender_type": "private", "contract_date": "2021-12-01", "disbursement_date": "2022-01-25",
    "principal": "100000.00", "annual_rate": "0.24", "lender_person": True,
    "repayment": {"method": "bullet", "maturity": "2022-07-25"}, "as_of": "2022-07-25",
}  # fmt: skip
NO_RATE_LOAN: dict[str, Any] = {
    "lender_type": "private", "contract_date": "2019-01-01", "principal": "10000.00",
    "repayment": {"method": "bullet", "maturity": "2019-07-01"}, "as_of": "2020-12-01",
    "payments": [{"date": "2020-09-01", "amount": "300.00"}],
    "allocation": ["principal", "costs", "interest", "penalty", "compound", "fees"],
}  # fmt: skip


def test_the_new_fields_through_the_command_line(tmp_path: Path) -> None:
    """1. A natural person's loan formed on 2022-01-25 (cap 4 × 3.70 % = 14.8 %): lawful
    interest 100000 × 0.148 × 181/360 = 7441.11; the basis names the formation date.
    2. Formed 2019-01-01, no rate: 6 % from 2019-07-01 to 2020-08-20 (416 days):
    10000 × 0.06 × 416/360 = 693.33; then 3.85 % (LPR of 2020-08-20): 2020-08-20 →
    09-01, 12 days: 10000 × 0.0385 × 12/360 = 12.83; 300.00 paid on 09-01 in the agreed
    order, principal first → 9700.00; 09-01 → 12-01, 91 days: 9700 × 0.0385 × 91/360
    = 94.40. Penalty 693.33 + 12.83 + 94.40 = 800.56; total 9700 + 800.56 = 10500.56."""
    done = recalc(write(tmp_path, "person.json", PERSON_LOAN),
                  write(tmp_path, "no_rate.json", NO_RATE_LOAN))  # fmt: skip
    assert done.returncode == 0, done.stderr
    person, no_rate = (json.loads(line) for line in done.stdout.splitlines())
    assert person["views"]["lawful"]["interest"] == "7441.11"
    assert [c["annual_rate"] for c in person["regime"]["caps"]] == ["0.148"]
    assert "合同成立日 2022-01-25" in person["regime"]["caps"][0]["basis"]
    contract = no_rate["views"]["contract"]
    assert (contract["principal"], contract["penalty"], contract["total"]) == (
        "9700.00", "800.56", "10500.56")  # fmt: skip
    payment = next(ln for ln in no_rate["lines"] if ln["kind"] == "payment")
    assert payment["note"].startswith("还款冲抵：逾期本金 300.00；冲抵顺序按合同约定")
    readings = [w for w in no_rate["warnings"] if w.startswith("本计算采用的解读")]
    assert len(readings) == 1 and "一个额度" in readings[0]  # nothing was paid before 08-20


def test_unknown_keys_and_bounds_through_the_command_line(tmp_path: Path) -> None:
    bad = {**SPEC_EXAMPLE, "overdue_rat": "0.3", "principal": 10**25,
           "payments": [{"date": "2021-05-20", "amount": "5000.00", "memo": "微信"}],
           "repayment": {"method": "bullet", "maturity": "9999-12-31"}}  # fmt: skip
    done = recalc(write(tmp_path, "bad.json", bad))
    assert (done.returncode, done.stdout) == (2, "")
    errors = done.stderr.splitlines()
    assert "overdue_rat: unknown key（未知字段，是否应为 overdue_rate？）" in errors
    assert "payments[0].memo: unknown key（未知字段，可用字段：date、amount）" in errors
    assert "principal: more than 10,000,000,000.00（金额超过一百亿元，请检查位数）" in errors
    assert any(e.startswith("repayment.maturity: after 2099-12-31") for e in errors)
    assert "Traceback" not in done.stderr


def test_an_lpr_table_row_dated_9999_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "lpr.csv"
    table.write_text("effective_date,one_year,five_year\n2019-08-20,4.25,4.85\n"
                     "9999-12-31,3.00,3.50\n", encoding="utf-8")  # fmt: skip
    done = recalc("--lpr-table", str(table), write(tmp_path, "case.json", SPEC_EXAMPLE))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("lpr[2].effective_date: 日期晚于 2099-12-31")
