"""`python -m app selftest`: the installation's own check, run from the source tree (the
frozen build runs it too: tests/e2e/test_frozen_build.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import cmd_selftest
from app.cli.main import wants_gui
from app.security.secrets import PASSPHRASE_ENV

ROOT = Path(__file__).resolve().parents[2]


def run_selftest(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temp)}
    env.pop(PASSPHRASE_ENV, None)  # it makes its own; the user's is never needed
    return subprocess.run(
        [sys.executable, "-m", "app", "selftest"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_selftest_passes_in_one_line_and_leaves_nothing_behind(tmp_path: Path) -> None:
    done = run_selftest(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("\n") == 1
    assert "selftest passed: store, recalculation, agreement, signature" in done.stdout
    assert "24 demo cases" in done.stdout and "agreement 4 pages" in done.stdout
    assert "not frozen" in done.stdout
    assert re.search(r"\b\d{3} modules of the app\b", done.stdout)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_failed_step_is_named_with_its_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done: list[str] = []

    def broken(run: cmd_selftest.Run) -> None:
        raise OSError(28, "No space left on device")

    steps = (("store", lambda run: done.append("store")), ("recalculation", broken),
             ("agreement", lambda run: done.append("agreement")))  # fmt: skip
    monkeypatch.setattr(cmd_selftest, "STEPS", steps)
    failed, detail = cmd_selftest.self_test(tmp_path)
    assert (failed, detail) == ("recalculation", "OSError: [Errno 28] No space left on device")
    assert done == ["store"]  # nothing runs after a failed step


def test_the_bundle_step_refuses_qt_in_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import PySide6.QtCore  # noqa: F401  (loaded, as a mistake in the CLI would)

    with pytest.raises(RuntimeError, match="the command line loaded Qt"):
        cmd_selftest.step_bundle(cmd_selftest.Run(Path("."), "pw"))


def test_the_gui_flags_start_the_gui() -> None:
    assert wants_gui(["--smoke-test"])
    assert wants_gui(["--data-dir", "/tmp/x", "--lang", "en", "--smoke-test"])
    assert not wants_gui(["selftest"])
