"""What the CLI reads is bounded (issue 14, item 7): a device such as /dev/zero used to
fill memory, a FIFO hung the command, and a huge file was read whole. Now only regular
files are read, up to a size no real input reaches, and stdin up to the same limit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import inputs

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60  # seconds: a hang or a memory blow-up ends the run long before this


def app(
    *args: str | Path, stdin: int | None = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


def refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    for word in words:
        assert word in done.stderr, (word, done.stderr)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs are POSIX")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def huge(tmp_path: Path) -> Path:
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:  # sparse: no disk space used
        handle.truncate(inputs.PDF_LIMIT + 1)
    return path


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("command", [("verify",), ("recalc",), ("plan",)])
def test_a_device_is_not_read(command: tuple[str, ...]) -> None:
    refused(app(*command, "/dev/zero"), "不是普通文件", "/dev/zero")


@pytest.mark.parametrize("command", [("verify",), ("recalc",), ("plan",)])
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    fifo: Path, command: tuple[str, ...]
) -> None:
    refused(app(*command, fifo), "不是普通文件", str(fifo))


def test_a_file_above_the_limit_is_refused_unread(huge: Path) -> None:
    refused(app("verify", huge), "太大", str(huge))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_stdin_is_read_only_up_to_the_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        refused(app("recalc", "-", stdin=zeros.fileno()), "太大", "标准输入")


def test_a_sign_seal_that_is_a_fifo_is_refused(fifo: Path, tmp_path: Path) -> None:
    from tests.unit.signing.pdfs import chinese_pdf

    (tmp_path / "in.pdf").write_bytes(chinese_pdf())
    done = app(
        "--data-dir",
        tmp_path / "d",
        "sign",
        tmp_path / "in.pdf",
        "--out",
        tmp_path / "o.pdf",
        "--seal",
        fifo,
    )
    refused(done, "--seal", "不是普通文件")
