"""The store's commands as a user runs them: `demo`, `cases list/show`, `db upgrade/check`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def app(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("app.domain.identifiers")  # the demo validates IDs with it
    folder = tmp_path_factory.mktemp("demo")
    done = app(folder, "demo")
    assert done.returncode == 0, done.stderr
    assert "已添加 24 个演示案件" in done.stdout
    return folder


def listed(data_dir: Path, *args: str) -> list[dict[str, object]]:
    done = app(data_dir, "cases", "list", "--json", *args)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, list)
    return data


def test_demo_then_list_gives_at_least_twenty_cases_with_exact_amounts(demo_dir: Path) -> None:
    cases = listed(demo_dir)
    assert len(cases) >= 20
    assert len({c["case_no"] for c in cases}) == len(cases)
    for case in cases:
        for key in ("principal", "claimed_total"):
            amount = case[key]
            assert isinstance(amount, str) and amount.split(".")[1].__len__() == 2
    assert {c["lender_type"] for c in cases} == {
        "bank",
        "consumer_finance",
        "small_loan",
        "credit_card",
        "private",
        "financial_other",
    }
    assert len({c["status"] for c in cases}) >= 5


def test_demo_twice_does_not_duplicate(demo_dir: Path) -> None:
    done = app(demo_dir, "demo")
    assert done.returncode == 0
    assert "已有 24 个案件" in done.stdout
    assert len(listed(demo_dir)) == 24


def test_list_filters_by_query(demo_dir: Path) -> None:
    first = listed(demo_dir, "--unmasked")[0]
    found = listed(demo_dir, "--query", str(first["debtor_phone"]))
    assert [c["case_no"] for c in found] == [first["case_no"]]


def audit_actions(data_dir: Path) -> list[dict[str, object]]:
    done = app(data_dir, "audit", "list", "--limit", "5", "--json")  # oldest first
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, object]] = json.loads(done.stdout)
    return rows


def test_json_exports_are_masked_unless_asked_and_then_audited(demo_dir: Path) -> None:
    masked = listed(demo_dir)
    before = [e for e in audit_actions(demo_dir) if e["action"] == "export.unmasked"]
    full = listed(demo_dir, "--unmasked")
    assert [c["case_no"] for c in masked] == [c["case_no"] for c in full]
    for hidden, shown in zip(masked, full, strict=True):
        number, phone = str(shown["debtor_id_number"]), str(shown["debtor_phone"])
        assert len(number) == 18 and len(phone) == 11 and "*" not in number + phone
        assert hidden["debtor_id_number"] == number[:4] + "*" * 10 + number[-4:]
        assert hidden["debtor_phone"] == phone[:3] + "****" + phone[-4:]
    logged = [e for e in audit_actions(demo_dir) if e["action"] == "export.unmasked"]
    assert len(logged) == len(before) + 1
    detail = logged[-1]["detail"]
    assert isinstance(detail, dict) and detail["what"] == "cases list"
    assert detail["cases"] == 24 and str(logged[-1]["actor"]).startswith("cli:")
    assert str(full[0]["debtor_id_number"]) not in json.dumps(logged, ensure_ascii=False)
    case_no = str(full[0]["case_no"])
    shown = app(demo_dir, "cases", "show", case_no, "--json")
    assert str(full[0]["debtor_id_number"]) not in shown.stdout
    assert str(masked[0]["debtor_id_number"]) in shown.stdout
    text = app(demo_dir, "cases", "show", case_no)
    assert str(full[0]["debtor_phone"]) not in text.stdout
    assert str(masked[0]["debtor_phone"]) in text.stdout
    unmasked = app(demo_dir, "cases", "show", case_no, "--json", "--unmasked")
    assert str(full[0]["debtor_id_number"]) in unmasked.stdout
    assert audit_actions(demo_dir)[-1]["detail"] == {
        "what": "cases show",
        "fields": ["id_number", "phone"],
        "cases": 1,
        "case_nos": [case_no],
    }


def test_list_as_a_table_in_chinese(demo_dir: Path) -> None:
    done = app(demo_dir, "cases", "list")
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].split()[:4] == ["案号", "状态", "债权人", "债务人"]
    assert "共 24 件" in done.stdout


def test_show_a_case_for_people_and_as_json(demo_dir: Path) -> None:
    summary = listed(demo_dir)[-1]
    text = app(demo_dir, "cases", "show", str(summary["case_no"]))
    assert text.returncode == 0, text.stderr
    assert str(summary["debtor_name"]) in text.stdout
    assert "【当事人】" in text.stdout and "【借款】" in text.stdout
    done = app(demo_dir, "cases", "show", str(summary["case_no"]), "--json")
    detail = json.loads(done.stdout)
    assert detail["summary"]["case_no"] == summary["case_no"]
    claim = detail["claim"]
    parts = ("principal", "interest", "penalty", "compound", "fees", "costs")
    assert claim["total"] == summary["claimed_total"]
    assert sum(int(claim[p].replace(".", "")) for p in parts) == int(
        claim["total"].replace(".", "")
    )


def test_an_unknown_case_exits_2_naming_it(demo_dir: Path) -> None:
    done = app(demo_dir, "cases", "show", "TJ-1999-000001")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "TJ-1999-000001" in done.stderr


def test_db_check_reports_a_healthy_current_store(demo_dir: Path) -> None:
    done = app(demo_dir, "db", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "结论：健康" in done.stdout and "案件数：24" in done.stdout
    report = json.loads(app(demo_dir, "db", "check", "--json").stdout)
    assert report["healthy"] is True
    assert report["integrity"] == ["ok"] and report["foreign_key_violations"] == []
    assert report["current_revision"] == report["head_revision"]
    assert report["audit_problems"] == []


def test_db_check_without_a_store_is_unhealthy_and_creates_nothing(tmp_path: Path) -> None:
    done = app(tmp_path, "db", "check")
    assert done.returncode == 1
    assert "没有找到案件库" in done.stdout
    assert not (tmp_path / "cases.db").exists()


def test_db_upgrade_creates_then_reports_current(tmp_path: Path) -> None:
    first = app(tmp_path, "db", "upgrade")
    assert first.returncode == 0 and "已新建案件库" in first.stdout
    second = app(tmp_path, "db", "upgrade")
    assert second.returncode == 0 and "已是最新版本" in second.stdout
    assert app(tmp_path, "db", "check").returncode == 0
