"""The test harness itself: a logged error and a Qt warning fail a test, unless marked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = '''
import logging

import pytest
from PySide6.QtCore import qWarning


def test_logs_an_error():
    logging.getLogger("sample").error("went wrong")


@pytest.mark.logs_errors("expected here")
def test_logs_an_expected_error():
    logging.getLogger("sample").error("went wrong on purpose")


def test_qt_warns(qapp):
    qWarning("a Qt warning")


def test_qt_warns_about_the_test_platform(qapp):
    qWarning("This plugin does not support raise()")


def test_quiet(qapp):
    logging.getLogger("sample").warning("only a warning")
'''


def test_logged_errors_and_qt_warnings_fail_a_test_unless_marked(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "conftest.py").write_text(
        "from tests.logfail import fail_on_logged_errors  # noqa: F401\n", encoding="utf-8"
    )
    settings = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        settings[settings.index("[tool.pytest.ini_options]") :].replace(
            'testpaths = ["tests"]', 'testpaths = ["."]'
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    outcome = {
        line.split("::")[1].split(" ")[0]: line.split(" ")[0]
        for line in done.stdout.splitlines()
        if line.startswith(("PASSED ", "FAILED ", "ERROR ")) and "::" in line
    }
    assert outcome == {
        "test_logs_an_error": "ERROR",  # fails in the fixture's teardown
        "test_logs_an_expected_error": "PASSED",
        "test_qt_warns": "FAILED",
        "test_qt_warns_about_the_test_platform": "PASSED",
        "test_quiet": "PASSED",
    }, done.stdout
