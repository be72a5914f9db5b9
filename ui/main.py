"""Start the desktop client: `run_gui(argv)` behind `python -m app [--data-dir DIR]`.

The window shows first; the case store (SQLAlchemy, Alembic, migrations) opens afterwards
on the database thread, so the app appears quickly even on a slow laptop.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from app import __version__
from app.paths import default_data_dir
from ui import i18n, theme
from ui.crash import install_crash_handler, setup_logging
from ui.services import ContextCaseService
from ui.tasks import TaskRunner
from ui.views.documents_panel import DocumentsPanel
from ui.views.main_window import MainWindow
from ui.views.plan_tracker import PlanTracker
from ui.views.recalc_panel import RecalcPanel
from ui.views.settlement_page import SettlementPage

APP_NAME = "MediationDesk"
ORG_NAME = "MediationDesk"

log = logging.getLogger("mediation_desk")


@dataclass(frozen=True)
class GuiOptions:
    data_dir: Path
    language: str
    qt_args: list[str]


def parse_options(argv: list[str]) -> GuiOptions:
    """`--data-dir DIR` and `--lang zh_CN|en`; anything else is left to Qt."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--lang", default=None)
    known, rest = parser.parse_known_args(argv)
    data_dir = known.data_dir if known.data_dir is not None else default_data_dir()
    return GuiOptions(data_dir.expanduser(), i18n.choose_language(known.lang), rest)


def create_application(options: GuiOptions) -> QApplication:
    """The QApplication with names, font, style and translators set (reused if one exists)."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "mediation-desk", *options.qt_args])
    )
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    theme.load_ui_font(app)
    theme.apply_theme(app)
    i18n.install_translators(app, options.language)
    app.setApplicationDisplayName(QCoreApplication.translate("main", "调解工作台"))
    return app


def start_gui(options: GuiOptions) -> tuple[QApplication, MainWindow]:
    """The application, its log and crash dialog, and the main window on screen (the case
    store is not opened yet: `window.refresh()` does that on the database thread)."""
    app = create_application(options)
    log_path = setup_logging(options.data_dir)
    install_crash_handler(log_path)
    log.info("Mediation Desk %s starting on %s", __version__, options.data_dir)
    window = build_main_window(options.data_dir)
    window.show()
    return app, window


def run_gui(argv: list[str]) -> int:
    """Start the GUI; returns the exit code of the event loop."""
    app, window = start_gui(parse_options(argv))
    QTimer.singleShot(0, lambda: window.refresh())  # open the store once the window shows
    code = app.exec()
    window.shutdown()
    return int(code)


def build_main_window(data_dir: Path) -> MainWindow:
    """The main window over the case store in `data_dir`, with the threaded runner."""
    runner = TaskRunner()
    service = ContextCaseService(data_dir)
    window = MainWindow(service, runner, data_dir)
    recalc_title = QCoreApplication.translate("main", "重新计算")
    window.add_case_panel(RecalcPanel(service, runner), recalc_title)
    window.add_case_panel(
        SettlementPage(service, runner), QCoreApplication.translate("main", "和解方案")
    )
    tracker = PlanTracker(service, runner)
    window.add_case_panel(tracker, QCoreApplication.translate("main", "履行情况"))
    window.add_case_panel(
        DocumentsPanel(service, runner), QCoreApplication.translate("main", "文书")
    )
    tracker.case_defaulted.connect(lambda _case_no: window.refresh())  # the list shows 已违约
    runner.setParent(window)
    return window


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1:]))
