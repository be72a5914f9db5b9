"""`python -m app contact add|list` as a user runs them: a blocked attempt exits 2 naming
the rule and writes nothing; codes and Chinese labels both work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.store_fixtures import new_case


@pytest.fixture
def store_dir(tmp_path: Path) -> tuple[Path, str]:
    from app.services.cases.service import create_case
    from app.services.context import open_context

    folder = tmp_path / "data"
    with open_context(folder) as ctx:
        case_no = create_case(ctx, new_case()).case_no
    return folder, case_no


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "contact", *args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(
    folder: Path, case_no: str, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, object]]:
    code, out, err = run(folder, capsys, "list", case_no, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def test_the_issue_example_is_logged(
    store_dir: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, case_no = store_dir
    code, out, err = run(folder, capsys, "add", case_no, "--channel", "phone", "--to", "debtor",
                         "--at", "2026-12-01T20:30", "--outcome", "reached",
                         "--note", "同意下周到场")  # fmt: skip
    assert (code, err) == (0, "")
    assert "2026-12-01 20:30 电话联系债务人王建国，已联系上" in out
    [row] = listed(folder, case_no, capsys)
    assert (row["channel"], row["target"], row["outcome"], row["note"]) == (
        "phone", "debtor", "reached", "同意下周到场",
    )  # fmt: skip
    assert row["at"] == "2026-12-01T12:30:00+00:00"
    code, out, _ = run(folder, capsys, "list", case_no)
    assert code == 0 and "2026-12-01 20:30" in out and "已联系上" in out


def test_a_blocked_attempt_exits_2_naming_the_rule_and_writes_nothing(
    store_dir: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, case_no = store_dir
    code, out, err = run(folder, capsys, "add", case_no, "--channel", "phone", "--to", "debtor",
                         "--at", "2026-12-01T21:30", "--outcome", "reached")  # fmt: skip
    assert code == 2 and out == ""
    assert "联系时段（allowed_hours）" in err and "21:30（北京时间）" in err
    assert "Blocked by: allowed_hours" in err
    assert listed(folder, case_no, capsys) == []


def test_chinese_labels_and_the_written_only_rule(
    store_dir: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, case_no = store_dir
    code, _, err = run(folder, capsys, "add", case_no, "--channel", "电话", "--to", "债务人",
                       "--at", "2026-12-01T10:00", "--outcome", "要求仅书面联系")  # fmt: skip
    assert code == 0, err
    code, _, err = run(folder, capsys, "add", case_no, "--channel", "phone", "--to", "debtor",
                       "--at", "2026-12-02T10:00", "--outcome", "no_answer")  # fmt: skip
    assert code == 2 and "written_only" in err
    assert [r["outcome"] for r in listed(folder, case_no, capsys)] == ["written_only"]


def test_an_unknown_channel_exits_2_naming_the_field(
    store_dir: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, case_no = store_dir
    code, _, err = run(folder, capsys, "add", case_no, "--channel", "fax", "--to", "debtor",
                       "--at", "2026-12-01T10:00", "--outcome", "reached")  # fmt: skip
    assert code == 2 and err.startswith("channel: 无法识别的联系方式“fax”")
