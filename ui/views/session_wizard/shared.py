"""What every step of the wizard shares: the session, the runner, autosave and the state.

Work goes through the task runner as typed operations (`ui.ops.sessions` and the other
`ui.ops` modules), run on the database thread, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.ops import sessions
from ui.refusal import Refusal, refused
from ui.tasks import Op, Task, TaskRunner
from ui.views.session_wizard.autosave import AutoSaver

if TYPE_CHECKING:
    from app.services.sessions.service import SessionState
    from ui.services import Core

T = TypeVar("T")


class Shared(QObject):
    """The session being run and the means to change it.

    Signals:
        state_changed(object): a newer `SessionState` arrived (after any save or action).
        problem_shown(str): something the mediator must know (a refused action), or "".
    """

    state_changed = Signal(object)
    problem_shown = Signal(str)

    def __init__(self, service: Core, runner: TaskRunner, case_no: str) -> None:
        super().__init__()
        self.service = service
        self.runner = runner
        self.case_no = case_no
        self.state: SessionState | None = None
        self.saver = AutoSaver(runner, self._save, self)
        self.saver.state_arrived.connect(self.accept_state)
        self.saver.failed.connect(self.problem_shown)

    def session_id(self) -> int:
        assert self.state is not None, "no session loaded yet"
        return self.state.session_id

    def _save(self, path: str, value: str | bool) -> Op[object]:
        return sessions.save_field(self.service, self.session_id(), path, value)

    def refreshed(self) -> Task[SessionState]:
        """Read the session again (after a change made elsewhere: a panel, the finish)."""
        return self.call(sessions.state(self.service, self.session_id()))

    def accept_state(self, state: object) -> None:
        from app.services.sessions.service import SessionState

        if isinstance(state, SessionState):
            self.state = state
            self.state_changed.emit(state)

    def call(
        self,
        work: Op[T],
        *,
        on_done: Callable[[T], object] | None = None,
        on_error: Callable[[Refusal], object] | None = None,
        on_progress: Callable[[int, int], object] | None = None,
    ) -> Task[T]:
        """Run `work` on the database thread; a `SessionState` result is taken as the new
        state, then `on_done(result)`. Problems a mediator can fix go to `on_error` (or the
        banner); anything else to the crash dialog."""

        def done(result: T) -> None:
            self.accept_state(result)
            if on_done is not None:
                on_done(result)

        def shown(refusal: Refusal) -> None:
            if on_error is not None:
                on_error(refusal)
            else:
                self.problem_shown.emit("；".join(refusal.reasons))

        task = self.runner.run(work).success(done).failure(refused(shown))
        if on_progress is not None:
            task.progress(on_progress)
        return task


class StepPage(QScrollArea):
    """One step: a scrolling page of fields. Subclasses fill `self.column`."""

    key = ""

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shared = shared
        self.saver = shared.saver
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("stepBody")
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(2, 2, 12, 8)
        self.column.setSpacing(10)
        self.setWidget(body)
        shared.state_changed.connect(self.refresh)

    def title(self) -> str:
        raise NotImplementedError

    def load(self, state: SessionState) -> None:
        """Fill the fields from a freshly opened session."""

    def refresh(self, state: SessionState) -> None:
        """Show what follows from a newer state (never overwrites what is being typed)."""

    def entered(self) -> None:
        """The page is now on screen."""

    def first_field(self) -> QWidget | None:
        return None
