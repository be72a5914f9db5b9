"""A button that starts a slow service call on the database thread, the progress bar that
follows it and the red label listing why it was refused: what the documents step (render
the previews) and the finish step (close the session) each need."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QProgressBar, QPushButton

from ui.refusal import Refusal, show_refusal
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from ui.tasks import Op
    from ui.views.session_wizard.shared import StepPage

T = TypeVar("T")


class SlowAction:
    """`start(op, on_done=…)` flushes what is being typed, disables `button`, shows the
    progress (busy until the op reports steps) and runs the op; a refusal re-enables the
    button and lists its reasons under `refused_heading`."""

    def __init__(
        self, page: StepPage, button: QPushButton, refused_heading: str, progress_name: str = ""
    ) -> None:
        self._page = page
        self.button = button
        self._heading = refused_heading
        self.progress = QProgressBar()
        if progress_name:
            self.progress.setObjectName(progress_name)
        self.progress.setMaximumWidth(260)
        self.progress.setVisible(False)
        self.problems = message_label()

    def busy(self) -> None:
        """The progress bar on, with no end known yet."""
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

    def start(self, work: Op[T], *, on_done: Callable[[T], object]) -> None:
        self._page.saver.flush()
        self.button.setEnabled(False)
        self.problems.setVisible(False)
        self.busy()
        self._page.shared.call(
            work, on_done=on_done, on_error=self.refused, on_progress=self.progressed
        )

    def progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def refused(self, refusal: Refusal) -> None:
        self.progress.setVisible(False)
        self.button.setEnabled(True)
        show_refusal(refusal, self.problems, heading=self._heading)
