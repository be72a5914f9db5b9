"""`python -m app import` as the checks from outside run it: exit codes 0/1/2, the JSON
report's shape, stdout empty when the file cannot be used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.intake_fixtures import HEADERS, row, write_csv, write_xlsx


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
    return tmp_path / "data"


def test_dry_run_then_import_then_again(data_dir: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "batch.xlsx", [row(1), row(2), row(2), row(3, 身份证号="123")])
    dry = app(data_dir, "import", str(path), "--dry-run", "--json")
    assert dry.returncode == 1, dry.stderr
    report = json.loads(dry.stdout)
    assert {k: report[k] for k in ("rows", "valid", "imported", "sheet")} == {
        "rows": 4,
        "valid": 3,
        "imported": 0,
        "sheet": "逾期贷款清单",
    }
    assert report["duplicates"] == [{"row": 4, "contract_no": "HT-002", "of": "row 3"}]
    assert [(p["row"], p["column"], p["value"]) for p in report["problems"]] == [
        (5, "身份证号", "123")
    ]
    assert set(report["problems"][0]) >= {"row", "column", "value", "reason"}
    listed = app(data_dir, "cases", "list", "--json")
    assert json.loads(listed.stdout) == []
    done = app(data_dir, "import", str(path), "--skip-bad", "--json", "--batch", "三月批次")
    assert done.returncode == 1 and json.loads(done.stdout)["imported"] == 2
    assert json.loads(done.stdout)["batch"] == "三月批次"
    again = app(data_dir, "import", str(path), "--skip-bad", "--json")
    assert again.returncode == 1 and json.loads(again.stdout)["imported"] == 0
    assert len(json.loads(app(data_dir, "cases", "list", "--json").stdout)) == 2


def test_a_clean_file_exits_0_and_the_text_report_counts(data_dir: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ok.xlsx", [row(1), row(2)])
    done = app(data_dir, "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "已导入 2 件" in done.stdout


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("missing.xlsx", None, "找不到文件"),
        ("notes.txt", b"hello", "不支持的文件类型"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "无法读取"),
        ("latin.csv", "合同编号,债权人\n".encode("utf-16"), "GB18030"),
    ],
)
def test_an_unusable_file_exits_2_with_stdout_empty(
    data_dir: Path, tmp_path: Path, name: str, content: bytes | None, said: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    done = app(data_dir, "import", str(path), "--json")
    assert (done.returncode, done.stdout) == (2, "")
    assert said in done.stderr


def test_a_required_column_missing_exits_2(data_dir: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "short.csv", [["合同编号", "借款人姓名"], ["A", "张三"]])
    done = app(data_dir, "import", str(path), "--json")
    assert (done.returncode, done.stdout) == (2, "")
    assert "缺少必需的列" in done.stderr and "身份证号" in done.stderr


def test_a_mapping_file(data_dir: Path, tmp_path: Path) -> None:
    headers = ["借据号", *HEADERS[1:]]
    path = write_xlsx(tmp_path / "own.xlsx", [{**row(1), "借据号": "JJ-1"}], headers=headers)
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"借据号": "contract number"}, ensure_ascii=False), "utf-8")
    done = app(data_dir, "import", str(path), "--mapping", str(mapping), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["imported"] == 1
