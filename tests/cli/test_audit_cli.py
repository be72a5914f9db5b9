"""`python -m app audit verify|list|reanchor` as a user runs them (subprocesses)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security_fixtures import connect_store
from tests.store_fixtures import START, FixedClock, new_case

EVENTS = 5


def app(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    from app.services.cases import service as cases
    from app.services.startup import open_context

    folder = tmp_path / "data"
    clock = FixedClock(START)
    with open_context(folder, actor="张调解员", clock=clock) as ctx:
        cases.create_case(ctx, new_case())
        for n in range(EVENTS - 1):
            clock.advance(minutes=5)
            with ctx.write() as uow:
                uow.record("test.step", detail={"n": n})
    return folder


def tamper(data_dir: Path, *statements: str) -> None:
    conn = connect_store(data_dir / "cases.db")
    try:
        conn.execute("DROP TRIGGER trg_audit_event_no_update")
        conn.execute("DROP TRIGGER trg_audit_event_no_delete")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_verify_an_intact_log_exits_0_in_both_languages(data_dir: Path) -> None:
    done = app(data_dir, "audit", "verify")
    assert done.returncode == 0, done.stderr
    assert f"审计日志完整：共 {EVENTS} 条事件" in done.stdout
    assert f"Audit log intact: {EVENTS} events" in done.stdout


def test_verify_names_the_first_broken_link_and_exits_1(data_dir: Path) -> None:
    tamper(
        data_dir,
        "UPDATE audit_event SET actor = '别人' WHERE seq = 4",
        "DELETE FROM audit_event WHERE seq = 2",
    )
    done = app(data_dir, "audit", "verify")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "审计日志被改动过，第一处断裂在第 2 条：第 2 条事件缺失：记录被删除。"
    assert lines[1] == (
        "Audit log broken, first broken link at seq 2: event 2 is missing: rows were deleted."
    )
    assert "第 4 条事件的内容与它的哈希不符" in done.stdout

    report = json.loads(app(data_dir, "audit", "verify", "--json").stdout)
    assert report["intact"] is False
    assert report["first"]["seq"] == 2 and report["first"]["kind"] == "deleted"
    assert [(p["seq"], p["kind"]) for p in report["problems"]] == [(2, "deleted"), (4, "edited")]


def test_verify_catches_a_deleted_last_row_then_reanchor_records_why(data_dir: Path) -> None:
    tamper(data_dir, f"DELETE FROM audit_event WHERE seq = {EVENTS}")
    done = app(data_dir, "audit", "verify")
    assert done.returncode == 1
    assert f"第 {EVENTS - 1} 条之后的事件缺失" in done.stdout

    again = app(data_dir, "audit", "reanchor", "--reason", "核实后接受", "--actor", "主任")
    assert again.returncode == 0, again.stderr
    done = app(data_dir, "audit", "verify")
    assert done.returncode == 0, done.stdout
    assert "审计锚点被重新锚定，原因：核实后接受" in done.stdout
    listed = json.loads(app(data_dir, "audit", "list", "--limit", "1", "--json").stdout)
    assert listed[0]["actor"] == "主任" and listed[0]["action"] == "audit.reanchored"


def test_list_shows_who_did_what_and_when_in_local_time(data_dir: Path) -> None:
    done = app(data_dir, "audit", "list")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["序号", "时间", "操作人", "案号", "操作", "详情"]
    assert len(lines) == 2 + EVENTS
    assert "2026-03-02 09:00" in lines[2] and "张调解员" in lines[2] and "新建案件" in lines[2]
    case_no = lines[2].split()[4]
    only = json.loads(app(data_dir, "audit", "list", "--case", case_no, "--json").stdout)
    assert [e["seq"] for e in only] == [1] and only[0]["case_no"] == case_no


def test_no_store_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    done = app(tmp_path / "none", "audit", "verify")
    assert done.returncode == 2
    assert "没有案件库" in done.stderr and "No case store" in done.stderr
    assert done.stdout == "" and not (tmp_path / "none").exists()
