"""The session wizard window: the nine steps listed on the left, one step on the right,
what the step still misses above it, 上一步 / 下一步 below. No save button: every field
is committed as it is typed (see `autosave`), and the case remembers its step.

Keys: Alt+← / Alt+→ (or Ctrl+PgUp / Ctrl+PgDown) for the previous / next step, Alt+1 … Alt+9
to jump to a step, Enter in a one-line field moves to the next field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import formatting, labels
from ui.ops import sessions
from ui.tasks import TaskRunner
from ui.views.session_wizard import words
from ui.views.session_wizard.shared import Shared, StepPage
from ui.views.session_wizard.step_checkin import CheckInPage
from ui.views.session_wizard.step_debt import DebtPage
from ui.views.session_wizard.step_documents import DocumentsPage
from ui.views.session_wizard.step_finish import FinishPage
from ui.views.session_wizard.step_parties import PartiesPage
from ui.views.session_wizard.step_recalc import RecalcPage
from ui.views.session_wizard.step_record import RecordPage
from ui.views.session_wizard.step_settlement import SettlementStep
from ui.views.session_wizard.step_signatures import SignaturesPage
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.sessions.close import ClosedSession
    from app.services.sessions.service import SessionState
    from ui.services import Core

PAGES = (
    CheckInPage,
    PartiesPage,
    DebtPage,
    RecalcPage,
    SettlementStep,
    RecordPage,
    DocumentsPage,
    SignaturesPage,
    FinishPage,
)

STYLE = """
QWidget#sessionWizard { background: #f5f6f8; }
QListWidget#stepList { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px;
    font-size: 10.5pt; padding: 4px; }
QListWidget#stepList::item { padding: 7px 6px; border-radius: 4px; }
QListWidget#stepList::item:selected { background: #dbe8fd; color: #111827; }
QLabel#wizardTitle { font-size: 12pt; font-weight: bold; color: #111827; }
QLabel#stepTitle { font-size: 12pt; font-weight: bold; color: #1f3a68; }
QLabel#missing { background: #fffaeb; color: #93370d; border: 1px solid #fedf89;
    border-radius: 4px; padding: 5px 10px; }
QLabel#missing[tone="done"] { background: #ecfdf3; color: #05603a; border-color: #abefc6; }
QLabel#saveState { color: #4b5563; }
QLabel#keysHint { color: #6b7280; font-size: 9pt; padding: 6px 4px; }
QLabel#finishSummary { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px;
    padding: 10px 14px; font-size: 11pt; color: #111827; }
QPushButton#finishSession { font-weight: bold; padding: 6px 18px; }
QLabel#gridHead { color: #6b7280; font-weight: bold; }
QPushButton#nextStep { font-weight: bold; padding: 5px 18px; }
"""


class SessionWizard(QWidget):
    """A guided mediation session on one case (`open()` starts or resumes it).

    Signals:
        session_loaded(object): the `SessionState` the wizard opened with.
        step_shown(int): this step (0–8) is on screen.
        session_closed(object): the session ended (`ClosedSession`); the case moved on.
    """

    session_loaded = Signal(object)
    step_shown = Signal(int)
    session_closed = Signal(object)

    def __init__(
        self, service: Core, runner: TaskRunner, case_no: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("sessionWizard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.shared = Shared(service, runner, case_no)
        self.saver = self.shared.saver
        self.pages: list[StepPage] = [page(self.shared) for page in PAGES]
        self.current = -1
        self.setWindowTitle(self.tr("调解 %1").replace("%1", case_no))
        self._build()
        self._shortcuts()
        self.shared.state_changed.connect(self._state_changed)
        self.shared.problem_shown.connect(self._show_problem)
        self.saver.busy_changed.connect(self._busy_changed)
        self.saver.committed.connect(lambda _p: self._busy_changed(self.saver.busy()))
        self.finish_page.closed.connect(self._closed)
        self.resize(1366, 768)

    @property
    def finish_page(self) -> FinishPage:
        page = self.pages[-1]
        assert isinstance(page, FinishPage)
        return page

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        header = QHBoxLayout()
        self.heading = QLabel(self.tr("正在打开调解…"))
        self.heading.setObjectName("wizardTitle")
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        header.addWidget(self.heading, 1)
        header.addWidget(self.save_state)
        outer.addLayout(header)
        self.banner = message_label("errorBanner")
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(10)
        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setFixedWidth(176)
        for n, name in enumerate(words.steps(), start=1):
            self.step_list.addItem(QListWidgetItem(f"{n}  {name}"))
        self.step_list.currentRowChanged.connect(self._list_moved)
        left = QVBoxLayout()
        left.addWidget(self.step_list, 1)
        keys = QLabel(
            self.tr(
                "每项输入都会自动保存，无需按“保存”。\n\n"
                "Alt+→ 下一步\nAlt+← 上一步\nAlt+1…9 跳到某一步\n"
                "回车：到下一项（多行文字里换行）"
            )
        )
        keys.setObjectName("keysHint")
        keys.setWordWrap(True)
        keys.setFixedWidth(176)
        left.addWidget(keys)
        body.addLayout(left)
        body.addLayout(self._build_right(), 1)
        outer.addLayout(body, 1)

    def _build_right(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(6)
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.missing = QLabel()
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        column.addWidget(self.step_title)
        column.addWidget(self.missing)
        column.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        self.position = QLabel()
        self.back_button = QPushButton(self.tr("上一步"))
        self.back_button.setObjectName("backStep")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("下一步"))
        self.next_button.setObjectName("nextStep")
        self.next_button.clicked.connect(self.next)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        column.addLayout(nav)
        return column

    def _shortcuts(self) -> None:
        pairs = (
            ("Alt+Right", self.next),
            ("Ctrl+PgDown", self.next),
            ("Alt+Left", self.back),
            ("Ctrl+PgUp", self.back),
        )
        for keys, slot in pairs:
            QShortcut(QKeySequence(keys), self, slot)
        for n in range(1, len(self.pages) + 1):
            QShortcut(QKeySequence(f"Alt+{n}"), self, lambda step=n - 1: self.go(step))

    # -- opening ----------------------------------------------------------------------------

    def open(self) -> None:
        """Start or resume the case's session (on the database thread), then show its step."""
        work = sessions.start(self.shared.service, self.shared.case_no)
        self.shared.call(work, on_done=self._opened)

    def _opened(self, state: SessionState) -> None:
        for page in self.pages:
            page.load(state)
            page.refresh(state)
        self._state_changed(state)
        self.session_loaded.emit(state)
        self.go(state.step, remember=False)

    # -- moving -----------------------------------------------------------------------------

    def go(self, step: int, *, remember: bool = True) -> None:
        """Show `step` (0–8): waiting fields are flushed first, and the case remembers it."""
        if not 0 <= step < len(self.pages) or self.shared.state is None:
            return
        self.saver.flush()
        if remember and step != self.current:
            self.shared.call(sessions.remember_step(self.shared.service, self.shared.case_no, step))
        self.current = step
        page = self.pages[step]
        self.stack.setCurrentIndex(step)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(step)
        self.step_list.blockSignals(False)
        self.step_title.setText(f"{step + 1}. {page.title()}")
        self.position.setText(
            self.tr("第 %1 步，共 %2 步")
            .replace("%1", str(step + 1))
            .replace("%2", str(len(self.pages)))
        )
        self.back_button.setEnabled(step > 0)
        self.next_button.setEnabled(step < len(self.pages) - 1)
        self._show_missing()
        page.entered()
        focus = page.first_field()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.step_shown.emit(step)

    def next(self) -> None:
        self.go(self.current + 1)

    def back(self) -> None:
        self.go(self.current - 1)

    def _list_moved(self, row: int) -> None:
        if row != self.current:
            self.go(row)

    # -- state ------------------------------------------------------------------------------

    def _state_changed(self, state: SessionState) -> None:
        from app.services.sessions.service import missing_for_step

        debtor = next((p.name for p in state.case.parties if p.role == "debtor"), "")
        status = labels.status_label(state.status)
        started = formatting.local_time(state.started_at)
        self.heading.setText(
            self.tr("调解 %1 · 债务人 %2 · %3 · 开始于 %4")
            .replace("%1", state.case_no)
            .replace("%2", debtor)
            .replace("%3", status)
            .replace("%4", started)
        )
        for step, name in enumerate(words.steps()):
            done = not missing_for_step(state, step)
            mark = "✓" if done else "·"
            self.step_list.item(step).setText(f"{mark} {step + 1}  {name}")
        self._show_missing()

    def _show_missing(self) -> None:
        from app.services.sessions.service import missing_for_step

        state = self.shared.state
        if state is None or self.current < 0:
            return
        missing = missing_for_step(state, self.current)
        if missing:
            text = self.tr("还需要：") + "\n" + "\n".join(f"• {m}" for m in missing[:8])
            if len(missing) > 8:
                text += "\n" + self.tr("…… 另有 %1 项").replace("%1", str(len(missing) - 8))
        else:
            text = self.tr("本步已完成。")
        self.missing.setText(text)
        self.missing.setProperty("tone", "" if missing else "done")
        self.missing.style().unpolish(self.missing)
        self.missing.style().polish(self.missing)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.save_state.setText(self.tr("正在保存…"))
        else:
            from datetime import UTC, datetime

            from app.services.clock import CHINA_TZ

            now = datetime.now(UTC).astimezone(CHINA_TZ).strftime("%H:%M:%S")
            self.save_state.setText(self.tr("已自动保存 %1").replace("%1", now))

    def _show_problem(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _closed(self, closed: ClosedSession) -> None:
        """The session is over: the other steps are read-only; the heading shows the case's
        new status."""

        for step in range(len(self.pages) - 1):
            self.pages[step].setEnabled(False)
        self.shared.refreshed()
        self.session_closed.emit(closed)

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing typed is lost: what waits is saved, and the window waits for the writes."""
        self.saver.flush()
        self.shared.runner.wait_for_done(10_000)
        super().closeEvent(event)
