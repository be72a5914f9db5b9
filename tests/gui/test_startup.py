"""Start-up pieces of the desktop client: options, language, bundled font, crash dialog."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QImage

from ui import i18n, labels, theme
from ui.crash import CrashHandler, setup_logging
from ui.main import parse_options
from ui.models.case_table import CaseTableModel


def test_options_take_data_dir_and_language(monkeypatch, tmp_path):
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    options = parse_options(["--data-dir", str(tmp_path), "--lang", "en"])
    assert (options.data_dir, options.language) == (tmp_path, "en")
    assert parse_options([f"--data-dir={tmp_path}"]).language == "zh_CN"
    monkeypatch.setenv(i18n.LANG_ENV, "en_US.UTF-8")
    assert parse_options([]).language == "en"
    assert parse_options(["--lang", "zh_CN"]).language == "zh_CN"  # the option wins


def test_default_data_dir_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDIATION_DESK_DATA_DIR", str(tmp_path / "store"))
    assert parse_options([]).data_dir == tmp_path / "store"


@pytest.fixture
def english(qapp):
    i18n.install_translators(qapp, "en")
    yield
    i18n.remove_translators(qapp)


def test_english_comes_from_the_compiled_translation(english):
    assert i18n.current_language() == "en"
    model = CaseTableModel()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Case no."
    assert labels.lender_types()["private"] == "Private lending"
    assert labels.status_label("defaulted", "已违约") == "Defaulted"
    assert labels.date_text(date(2021, 3, 5)) == "2021-03-05"
    assert QCoreApplication.translate("MainWindow", "共 %n 件案件", "", 3) == "3 cases"


def test_chinese_is_the_default_with_qt_buttons_in_chinese(qapp):
    i18n.install_translators(qapp, "zh_CN")
    try:
        assert CaseTableModel().headerData(0, Qt.Orientation.Horizontal) == "案号"
        assert labels.date_text(date(2021, 3, 5)) == "2021年3月5日"
        assert labels.status_label("defaulted", "已违约") == "已违约"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.remove_translators(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_bundled_font_backs_the_ui_font_for_chinese(themed_app):
    families = theme.load_ui_font(themed_app)
    assert families[0] == "WenQuanYi Micro Hei"
    assert "WenQuanYi Micro Hei" in themed_app.font().families()
    systems = QFontDatabase.writingSystems("WenQuanYi Micro Hei")
    assert QFontDatabase.WritingSystem.SimplifiedChinese in systems


@pytest.mark.logs_errors("the crash handler logs the bug it shows, at CRITICAL")
def test_crash_handler_logs_the_traceback_and_names_the_log(qapp, qtbot, tmp_path):
    log_path = setup_logging(tmp_path)
    assert log_path == tmp_path / "logs" / "app.log"
    handler = CrashHandler(log_path)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as error:
        handler(type(error), error, error.__traceback__)
    dialog = handler.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert str(log_path) in dialog.informativeText()
    assert dialog.windowTitle() == "程序出错"
    for h in logging.getLogger().handlers:
        h.flush()
    text = Path(log_path).read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in text
    assert "Traceback" in text
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _detach_file_handlers(tmp_path)


def _detach_file_handlers(folder: Path) -> None:
    root = logging.getLogger()
    for h in list(root.handlers):
        if str(folder) in getattr(h, "baseFilename", ""):
            root.removeHandler(h)
            h.close()


def test_app_starts_on_a_new_data_dir_and_renders_the_window(tmp_path):
    """End to end in a fresh process: options, font, translators, log, store, window."""
    data_dir, out = tmp_path / "data", tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tools.screenshots.main",
         "--data-dir", str(data_dir), "--out", str(out)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).size().toTuple() == (1366, 768)
    assert (data_dir / "cases.db").exists()
    assert "Mediation Desk" in (data_dir / "logs" / "app.log").read_text(encoding="utf-8")


def test_refresh_keeps_the_chosen_case(window, qtbot):
    with qtbot.waitSignal(window.case_shown, timeout=3000):
        window.select_case("TJ-2026-000002")
    with qtbot.waitSignal(window.case_shown, timeout=3000):
        window.refresh_action.trigger()
    assert window.current_case_no() == "TJ-2026-000002"
    assert "李四" in window.detail.text()
