"""`python -m app render`: a PDF written whole, or exit 2 with what is missing and no file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.documents.demo_case import BARE_CASE_NO, CASE_NO, prepare

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("render-cli")
    prepare(folder)
    return folder


@pytest.fixture
def data_dir(prepared: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(prepared, target, ignore=shutil.ignore_patterns("backups"))
    return target


def render(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEDIATION_DESK_DATA_DIR": "/nonexistent/never-created"}
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "render", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )  # fmt: skip


def test_render_writes_the_agreement(data_dir: Path, tmp_path: Path) -> None:
    from tests.unit.documents.pdf_checks import all_text

    out = tmp_path / "协议.pdf"
    result = render(data_dir, CASE_NO, "agreement", "--out", str(out))
    assert result.returncode == 0, result.stderr
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert "人民调解协议书" in all_text(pdf)
    assert f"{CASE_NO}-XY-01" in result.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_incomplete_case_exits_2_with_the_list_and_writes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "agreement.pdf"
    result = render(data_dir, BARE_CASE_NO, "agreement", "--out", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("调解方案：尚未保存") for line in lines)
    assert any(line.startswith("依法核算结果：尚未重新计算") for line in lines)
    assert not out.exists()
    assert not any(p.suffix in (".pdf", ".tmp") for p in tmp_path.iterdir())


def test_confirmation_needs_a_court_and_a_signed_agreement(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "confirmation.pdf"
    result = render(data_dir, CASE_NO, "confirmation", "--out", str(out), "--court", "某法院")
    assert result.returncode == 2
    assert "调解协议生效日期：协议尚未签署" in result.stderr
    assert "人民法院：尚未填写" not in result.stderr
    assert not out.exists()


def test_unknown_kind_is_a_usage_error(data_dir: Path, tmp_path: Path) -> None:
    result = render(data_dir, CASE_NO, "letter", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
