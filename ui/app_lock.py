"""The app lock in the GUI: who signs in at start, and the lock screen after idle time.

`AppLock.start()` asks the case store (on the database thread) whether an account exists:
if not, 创建主管账户; otherwise 登录. An application-wide event filter feeds
`IdleLock` (app.services.lock) with the user's input; a timer checks it. When the idle minutes
(`accounts.idle_minutes`) pass, or on 锁定 (Ctrl+L), every open window is covered and the
sign-in dialog asks for the password again (another user may sign in instead). Nothing is
closed or reset: dialogs and the wizard stay as they were under the cover.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.services.lock import IdleLock
from ui.ops import accounts
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner
from ui.views.lock.first_account_dialog import FirstAccountDialog
from ui.views.lock.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    from app.services.lock import BackoffPolicy
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core
    from ui.views.main_window import MainWindow

CHECK_MS = 5_000  # how often the idle time is checked
LOCK_KEYS = QKeySequence("Ctrl+L")
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)
SKIPPED_WINDOWS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


class LockCover(QWidget):
    """An opaque sheet over one window's contents while the app is locked."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("调解工作台已锁定"))
        label.setObjectName("sectionTitle")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addStretch(3)  # above the lock dialog, which opens in the middle
        self.setGeometry(host.rect())
        host.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def retire(self) -> None:
        """Uncover the window now; the widget goes at the next turn of the event loop."""
        host = self.parentWidget()
        if host is not None:
            host.removeEventFilter(self)
        self.setObjectName("")  # no longer the window's cover (see `cover_of`)
        self.hide()
        self.deleteLater()


class AppLock(QObject):
    """Signs the user in at start and locks the app after idle time.

    Signals:
        signed_in(object): a user signed in (at start or on the lock screen); `SignedIn`.
        locked(): the lock screen covers the app.
        start_cancelled(): the user cancelled at start (or the store cannot open): quit.
    """

    signed_in = Signal(object)
    locked = Signal()
    start_cancelled = Signal()

    def __init__(
        self,
        window: MainWindow,
        service: Core,
        runner: TaskRunner,
        *,
        clock: Callable[[], datetime] | None = None,
        policy: BackoffPolicy | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._runner = runner
        self._policy = policy
        self.idle = IdleLock(clock=clock) if clock is not None else IdleLock()
        self.dialog: QDialog | None = None
        self.covers: list[LockCover] = []
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        window.lock_requested.connect(self.lock_now)
        window.idle_minutes_changed.connect(self.set_minutes)

    # -- start -----------------------------------------------------------------------------

    def start(self) -> None:
        """Cover the window, then ask for the first account or a sign-in; watch for input."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()
        self._cover_all()
        self._runner.run(accounts.needs_first_account(self._service)).success(
            self._opened
        ).failure(refused(self._start_failed))

    def _opened(self, answer: tuple[bool, list[str]]) -> None:
        first, notices = answer
        for notice in notices:  # said at once, before anyone signs in and starts working
            QMessageBox.warning(self._window, self.tr("自动备份失败"), notice)
        self._ask_at_start(first)

    def _ask_at_start(self, first: bool) -> None:
        dialog: QDialog
        if first:
            dialog = FirstAccountDialog(self._service, self._runner, self._window)
        else:
            dialog = SignInDialog(
                self._service, self._runner, policy=self._policy, parent=self._window
            )
        dialog.signed_in.connect(self._user_signed_in)
        dialog.rejected.connect(self.start_cancelled)
        self._show(dialog)

    def _start_failed(self, refusal: Refusal) -> None:
        QMessageBox.critical(self._window, self.tr("无法打开案件库"), refusal.message)
        self.start_cancelled.emit()

    def stop(self) -> None:
        """Stop watching, and take away the lock screen (at shutdown and in tests)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        dialog, self.dialog = self.dialog, None
        if dialog is not None and isValid(dialog):
            dialog.hide()
            dialog.deleteLater()
        self._uncover_all()

    # -- idle time -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS and event.spontaneous():  # the user's, not the code's
            self.idle.touch()
            if kind == QEvent.Type.KeyPress and _is_lock_key(event):
                self.lock_now()  # Ctrl+L also where a modal window blocks the menu's shortcut
                return True
        return False

    def check(self) -> None:
        """The timer's slot: lock when the idle time has passed."""
        if self.idle.due():
            self.lock_now()

    def set_minutes(self, minutes: int) -> None:
        """Use a new idle time from now on (from 设置 → 账户, or read at sign-in)."""
        self.idle.minutes = minutes
        self.idle.touch()

    def _load_minutes(self) -> None:
        self._runner.run(accounts.idle_minutes(self._service)).success(self.set_minutes)

    # -- locking ---------------------------------------------------------------------------

    def lock_now(self) -> None:
        """Cover every window and ask for the password (nothing open is closed)."""
        user = self._window.user
        if self.dialog is not None or user is None:
            return  # already asking, or nobody has signed in yet
        self.idle.lock()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()  # an open menu or list would stay above the cover
        self._cover_all()
        dialog = SignInDialog(
            self._service,
            self._runner,
            username=user.username,
            locked=True,
            policy=self._policy,
            parent=self._window,
        )
        dialog.signed_in.connect(self._user_signed_in)
        self._show(dialog)
        self.locked.emit()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _user_signed_in(self, user: SignedIn) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self._uncover_all()
        self.idle.unlock()
        previous = self._window.user
        self._window.set_user(user)
        if previous is not None and previous.username != user.username:
            self._window.statusBar().showMessage(
                self.tr("已切换为 %1。").replace("%1", user.display_name), 8000
            )
        self._load_minutes()
        self.signed_in.emit(user)

    def _cover_all(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if _coverable(widget) and widget is not self.dialog:
                self.covers.append(LockCover(widget))

    def _uncover_all(self) -> None:
        for cover in self.covers:
            if isValid(cover):  # its window may have been closed and deleted meanwhile
                cover.retire()
        self.covers = []


def _is_lock_key(event: QEvent) -> bool:
    if not isinstance(event, QKeyEvent):
        return False
    pressed = QKeySequence(event.keyCombination())
    return pressed.matches(LOCK_KEYS) == QKeySequence.SequenceMatch.ExactMatch


def _coverable(widget: QWidget) -> bool:
    """A visible window (not a menu or tooltip) not covered yet."""
    return (
        widget.isVisible()
        and widget.windowType() not in SKIPPED_WINDOWS
        and cover_of(widget) is None
    )


def cover_of(window: QWidget) -> LockCover | None:
    """The window's own cover (not one of a dialog that belongs to it), if any."""
    found = (c for c in window.children() if isinstance(c, LockCover) and c.objectName())
    return next(found, None)
