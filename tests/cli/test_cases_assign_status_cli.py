"""Issue 13, items 1 and 8 on the command line: `cases assign` and `cases set-status`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.store_fixtures import new_case


def app(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def case_dir(tmp_path: Path) -> tuple[Path, str]:
    from app.services.cases.service import create_case
    from app.services.context import open_context
    from app.services.organisation.accounts import key_holder
    from app.services.organisation.service import (
        MediatorInfo,
        OrganisationProfile,
        save_profile,
    )

    folder = tmp_path / "data"
    with open_context(folder, actor="准备") as ctx:
        profile = OrganisationProfile(name="滨江区人民调解委员会",
                                      mediators=[MediatorInfo("刘涛"), MediatorInfo("王芳")])
        save_profile(ctx, profile, by=key_holder(ctx))
        return folder, create_case(ctx, new_case()).case_no


def test_assign_then_reassign_the_mediator(case_dir):
    folder, case_no = case_dir
    done = app(folder, "cases", "assign", case_no, "--mediator", "刘涛")
    assert done.returncode == 0, done.stderr
    assert "承办调解员：刘涛" in done.stdout
    assert app(folder, "cases", "assign", case_no, "--mediator", "王芳").returncode == 0
    shown = app(folder, "cases", "show", case_no)
    assert "调解员：王芳" in shown.stdout
    wrong = app(folder, "cases", "assign", case_no, "--mediator", "李四")
    assert wrong.returncode == 2 and "可选：刘涛、王芳" in wrong.stderr and wrong.stdout == ""


def test_set_status_by_label_or_code_and_a_forbidden_move_exits_2(case_dir):
    folder, case_no = case_dir
    done = app(folder, "cases", "set-status", case_no, "联系中")
    assert done.returncode == 0, done.stderr
    assert "状态：联系中" in done.stdout
    forbidden = app(folder, "cases", "set-status", case_no, "fulfilled")
    assert forbidden.returncode == 2
    assert "现在可以改为：“已排期”（scheduled）、“调解终结”（terminated）" in forbidden.stderr
    missing = app(folder, "cases", "set-status", case_no, "调解终结")
    assert missing.returncode == 2 and "请填写调解终结的原因" in missing.stderr
    ended = app(folder, "cases", "set-status", case_no, "terminated", "--reason", "债务人失联")
    assert ended.returncode == 0 and "调解终结" in ended.stdout
