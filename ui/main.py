"""Start the desktop client: `run_gui(argv)` behind `python -m app [--data-dir DIR]`.

The window shows first; the case store (SQLAlchemy, Alembic, migrations) opens afterwards
on the database thread, so the app appears quickly even on a slow laptop. Before the case
list is read, the app lock (`ui.app_lock.AppLock`) asks who is working: the first start
makes the supervisor account, every later start asks for a user name and password.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.paths import default_data_dir
from ui import i18n, theme
from ui.app_lock import AppLock
from ui.crash import install_crash_handler, setup_logging
from ui.private_files import remove_legacy_folder, session_files
from ui.services import ContextCaseService
from ui.tasks import TaskRunner
from ui.views.contacts.log_panel import ContactLogPanel
from ui.views.documents.panel import DocumentsPanel
from ui.views.main_window import MainWindow
from ui.views.recalc.panel import RecalcPanel
from ui.views.settlement.page import SettlementPage
from ui.views.settlement.plan_tracker import PlanTracker

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
    sweep_private_files()
    window = build_main_window(options.data_dir)
    window.show()
    return app, window


def run_gui(argv: list[str], *, started: Callable[[MainWindow], None] | None = None) -> int:
    """Start the GUI; returns the exit code of the event loop.

    `started(window)` is called just before the event loop runs (a hook for tests that
    drive the sign-in from a timer).
    """
    options = parse_options(argv)
    app, window = start_gui(options)
    lock = app_lock_of(window)
    if unlock_case_store(window, options.data_dir):
        # the list is read only once someone has signed in
        lock.signed_in.connect(
            lambda _user: window.refresh(), Qt.ConnectionType.SingleShotConnection
        )
        lock.start_cancelled.connect(app.quit)
        QTimer.singleShot(0, lock.start)  # opens the store on the database thread
    else:
        QTimer.singleShot(0, lambda: window.refresh())  # shows why the store did not open
    if started is not None:
        started(window)
    code = app.exec()
    lock.stop()
    window.shutdown()
    session_files().clear()  # documents handed to other programs
    return int(code)


def sweep_private_files() -> None:
    """Remove the documents an earlier run handed to other programs and left behind (it
    crashed or was killed); a problem is logged, never in the way of starting."""
    try:
        removed = session_files().sweep() + remove_legacy_folder()
    except OSError:
        log.exception("could not sweep the private temporary folder")
        return
    if removed:
        log.info("removed %d temporary folder(s) left by an earlier run", removed)


def app_lock_of(window: MainWindow) -> AppLock:
    """The window's app lock (made by `build_main_window`, idle until `start()`)."""
    lock = window.findChild(AppLock)
    assert lock is not None, "the window was not made by build_main_window"
    return lock


def unlock_case_store(window: MainWindow, data_dir: Path, attempts: int = 3) -> bool:
    """Get the case store's key on the GUI thread: from the keyring or
    `MEDIATION_DESK_PASSPHRASE` silently, else by asking (and saying why). The key is kept
    for the process, so the database thread opens the store without asking again."""
    from app.domain.errors import DomainError
    from app.services.unlock import WrongPassphrase, database_key
    from ui.views.lock.passphrase_dialog import ask_passphrase

    def prompt(message: str, new: bool) -> str | None:
        return ask_passphrase(window, message, new)

    for _ in range(attempts):
        try:
            database_key(data_dir, prompt=prompt)
            return True
        except WrongPassphrase as error:
            QMessageBox.warning(window, window.tr("口令不正确"), str(error))
        except DomainError as error:
            QMessageBox.warning(window, window.tr("无法打开案件库"), str(error))
            return False
    return False


def build_main_window(data_dir: Path) -> MainWindow:
    """The main window over the case store in `data_dir`, with the threaded runner."""
    runner = TaskRunner()
    service = ContextCaseService(data_dir)
    window = MainWindow(service, runner, data_dir)
    recalc_title = QCoreApplication.translate("main", "重新计算")
    window.add_case_panel(
        ContactLogPanel(service, runner), QCoreApplication.translate("main", "联系记录")
    )
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
    AppLock(window, service, runner)  # a child of the window; idle until started
    return window


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1:]))
