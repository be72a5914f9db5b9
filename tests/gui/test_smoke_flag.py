"""`--smoke-test`: the GUI opens its main window offscreen and quits (what an installer and
the frozen-build test run), from the source tree here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def smoke(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], str]:
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args, "--smoke-test"],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return done, (data / "logs" / "app.log").read_text(encoding="utf-8")


def test_smoke_test_shows_the_window_and_exits_0_without_opening_a_store(tmp_path):
    done, log = smoke(tmp_path, "--lang", "en")
    assert done.returncode == 0, done.stderr + log
    assert "starting on" in log and "smoke test" not in log
    assert not (tmp_path / "data" / "cases.db").exists()


@pytest.mark.logs_errors("the smoke test logs each thing that did not hold")
def test_smoke_test_exit_code_reports_a_missing_translation(tmp_path, monkeypatch, qapp):
    from ui import i18n
    from ui import main as gui_main

    monkeypatch.setattr(i18n, "translated", lambda: False)
    options = gui_main.GuiOptions(tmp_path, "en", [], smoke_test=True)
    window = gui_main.build_main_window(tmp_path)
    window.show()
    assert gui_main.smoke_test(qapp, window, options) == 1
    window.close()
