"""What every step of the wizard shares: the session, the runner, autosave and the state.

Work goes through the task runner as plain functions of the `AppContext`, taken from the
service on the database thread (`service.context()`), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.domain.errors import DomainError, InputError
from ui.tasks import Task, TaskRunner, report_unexpected
from ui.views.session_wizard.autosave import AutoSaver

if TYPE_CHECKING:
    from app.services.sessions.service import SessionState


def _save(service: Any, session_id: Callable[[], int]) -> Callable[[str, str | bool], Any]:
    def save(path: str, value: str | bool) -> Any:
        from app.services.sessions.service import save_field

        return save_field(service.context(), session_id(), path, value)

    return save


class Shared(QObject):
    """The session being run and the means to change it.

    Signals:
        state_changed(object): a newer `SessionState` arrived (after any save or action).
        problem_shown(str): something the mediator must know (a refused action), or "".
    """

    state_changed = Signal(object)
    problem_shown = Signal(str)

    def __init__(self, service: Any, runner: TaskRunner, case_no: str) -> None:
        super().__init__()
        self.service = service
        self.runner = runner
        self.case_no = case_no
        self.state: SessionState | None = None
        self.saver = AutoSaver(runner, _save(service, self.session_id), self)
        self.saver.state_arrived.connect(self.accept_state)
        self.saver.failed.connect(self.problem_shown)

    def session_id(self) -> int:
        assert self.state is not None, "no session loaded yet"
        return self.state.session_id

    def accept_state(self, state: Any) -> None:
        from app.services.sessions.service import SessionState

        if isinstance(state, SessionState):
            self.state = state
            self.state_changed.emit(state)

    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Run `fn(ctx, *args)` on the database thread; a `SessionState` result is taken
        as the new state, then `on_done(result)`. Problems a mediator can fix go to
        `on_error` (or the banner); anything else to the crash dialog."""
        service = self.service

        def work(progress: Any = None) -> Any:
            if progress is None:
                return fn(service.context(), *args)
            return fn(service.context(), *args, progress=progress.report)

        def done(result: Any) -> None:
            self.accept_state(result)
            if on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            if on_error is not None and isinstance(error, DomainError):
                on_error(error)
            elif isinstance(error, InputError):
                self.problem_shown.emit("；".join(p.reason for p in error.problems))
            elif isinstance(error, DomainError):
                self.problem_shown.emit(str(error))
            else:
                report_unexpected(error)

        return self.runner.submit(
            work,
            on_finished=done,
            on_failed=failed,
            on_progress=on_progress,
            wants_progress=on_progress is not None,
        )


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

    def flush(self) -> None:
        """Send what waits to be kept beyond the autosaved fields (the step is left)."""

    def first_field(self) -> QWidget | None:
        return None
