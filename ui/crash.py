"""Logging to `<data dir>/logs/app.log`, and the crash dialog for bugs.

Errors a user can cause are shown calmly where they happen; anything that reaches
`sys.excepthook` is a bug: it is logged with its traceback and a dialog names the log file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.cases.privacy import RedactingFilter

log = logging.getLogger("mediation_desk")


def setup_logging(data_dir: Path) -> Path:
    """Log to `<data_dir>/logs/app.log` (rotated), or to the temp folder if that fails."""
    for folder in (data_dir / "logs", Path(tempfile.gettempdir()) / "mediation-desk-logs"):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = folder / "app.log"
            handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
            with contextlib.suppress(OSError):  # the log is the user's alone (POSIX)
                os.chmod(path, 0o600)
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())  # no ID, phone or card numbers in the log file
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        return path
    return Path(tempfile.gettempdir()) / "mediation-desk-logs" / "app.log"


class CrashHandler:
    """A `sys.excepthook`: log the traceback, then show a dialog with the log path."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        self._showing = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal: just stop
            log.info("Interrupted")
            QCoreApplication.quit()
            return
        log.critical("Unexpected error", exc_info=(kind, error, tb))
        if self._showing or QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        self._showing = True
        try:
            self.dialog = self._dialog(error)
            self.dialog.finished.connect(self._closed)
            self.dialog.open()
        except Exception:  # the dialog itself failed: the log still has the error
            self._showing = False
            sys.__excepthook__(kind, error, tb)

    def _closed(self) -> None:
        self._showing = False

    def _dialog(self, error: BaseException) -> QMessageBox:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("CrashHandler", "程序出错"))
        box.setText(
            QCoreApplication.translate(
                "CrashHandler", "调解工作台遇到了一个意外错误。已保存的案件数据不受影响。"
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "CrashHandler", "详细信息已记录在日志文件中，请将它发给技术支持：\n%1"
            ).replace("%1", str(self.log_path))
        )
        box.setDetailedText(f"{type(error).__name__}: {error}")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box


def install_crash_handler(log_path: Path) -> CrashHandler:
    handler = CrashHandler(log_path)
    sys.excepthook = handler
    return handler
