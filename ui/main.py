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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.i18n import tr
from app.paths import default_data_dir
from ui import i18n, theme
from ui.app_lock import AppLock
from ui.crash import install_crash_handler, setup_logging
from ui.private_files import remove_legacy_folder, session_files
from ui.services import ContextCaseService
from ui.tasks import TaskRunner
from ui.views.main_window import MainWindow

APP_NAME = "MediationDesk"
ORG_NAME = "MediationDesk"

log = logging.getLogger("mediation_desk")


@dataclass(frozen=True)
class GuiOptions:
    data_dir: Path
    language: str
    qt_args: list[str]
    smoke_test: bool = False


def parse_options(argv: list[str]) -> GuiOptions:
    """`--data-dir DIR`, `--lang zh_CN|en` and `--smoke-test`; anything else is left to Qt."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--lang", default=None)
    parser.add_argument("--smoke-test", action="store_true")
    known, rest = parser.parse_known_args(argv)
    data_dir = known.data_dir if known.data_dir is not None else default_data_dir()
    language = i18n.choose_language(known.lang)
    return GuiOptions(data_dir.expanduser(), language, rest, known.smoke_test)


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
    app.setWindowIcon(theme.app_icon())
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
    window = build_main_window(options.data_dir, panels=options.smoke_test)
    window.show()
    return app, window


def run_gui(argv: list[str], *, started: Callable[[MainWindow], None] | None = None) -> int:
    """Start the GUI; returns the exit code of the event loop.

    `started(window)` is called just before the event loop runs (a hook for tests that
    drive the sign-in from a timer).
    """
    options = parse_options(argv)
    app, window = start_gui(options)
    if options.smoke_test:
        return smoke_test(app, window, options)
    lock = app_lock_of(window)
    # the list is read only once someone has signed in
    lock.signed_in.connect(lambda _user: window.refresh(), Qt.ConnectionType.SingleShotConnection)
    lock.start_cancelled.connect(app.quit)
    FirstPaint(window, lambda: begin(window, lock, options.data_dir))
    if started is not None:
        started(window)
    code = app.exec()
    lock.stop()
    window.shutdown()
    session_files().clear()  # documents handed to other programs
    return int(code)


def begin(window: MainWindow, lock: AppLock, data_dir: Path) -> None:
    """What follows the window's first paint: 登录 at once when the store exists and its
    key comes without asking (the store opens on the database thread meanwhile); else the
    key first, asking for a passphrase if need be, then 登录 or 创建主管账户."""
    from app.services.unlock import key_at_hand

    if key_at_hand(data_dir):
        lock.start(sign_in_first=True)
    elif unlock_case_store(window, data_dir):
        lock.start()  # opens the store on the database thread
    else:
        window.refresh()  # shows why the store did not open
    QTimer.singleShot(0, window.build_case_panels)  # once 登录 is on the screen


class FirstPaint(QObject):
    """Runs `then` once, right after `widget` is first painted (the user sees the window
    before anything slow starts), or after `FALLBACK_MS` should no paint come."""

    FALLBACK_MS = 2000

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def smoke_test(app: QApplication, window: MainWindow, options: GuiOptions) -> int:
    """`--smoke-test` (installers, CI): the main window shown with the bundled font and the
    chosen language after one turn of the event loop, then quit. 0 when all of that held;
    the case store is not opened."""
    problems: list[str] = []

    def check() -> None:
        if not window.isVisible():
            problems.append("the main window is not shown")
        if theme.BUNDLED_FAMILY not in app.font().families():
            problems.append("the bundled font did not load")
        if options.language != i18n.DEFAULT_LANGUAGE and not i18n.translated():
            problems.append(f"no translation for {options.language}")
        app.exit(1 if problems else 0)

    QTimer.singleShot(0, check)
    code = app.exec()
    for problem in problems:
        log.error("smoke test: %s", problem)
    window.shutdown()
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
            QMessageBox.warning(window, window.tr("口令不正确"), tr(str(error)))
        except DomainError as error:
            QMessageBox.warning(window, window.tr("无法打开案件库"), tr(str(error)))
            return False
    return False


def build_main_window(data_dir: Path, *, panels: bool = True) -> MainWindow:
    """The main window over the case store in `data_dir`, with the threaded runner. Without
    `panels` the case panels beside 案件信息 wait for `window.build_case_panels()` (the
    start does that after the first paint: their modules are not on the way to it)."""
    runner = TaskRunner()
    service = ContextCaseService(data_dir)
    window = MainWindow(service, runner, data_dir)
    window.defer_case_panels(lambda: add_case_panels(window, service, runner))
    if panels:
        window.build_case_panels()
    runner.setParent(window)
    AppLock(window, service, runner)  # a child of the window; idle until started
    return window


def add_case_panels(window: MainWindow, service: ContextCaseService, runner: TaskRunner) -> None:
    """联系记录, 重新计算, 和解方案, 履行情况 and 文书 beside 案件信息."""
    from ui.views.contacts.log_panel import ContactLogPanel
    from ui.views.documents.panel import DocumentsPanel
    from ui.views.recalc.panel import RecalcPanel
    from ui.views.settlement.page import SettlementPage
    from ui.views.settlement.plan_tracker import PlanTracker

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


if __name__ == "__main__":
    sys.exit(run_gui(sys.argv[1:]))
