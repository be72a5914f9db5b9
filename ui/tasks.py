"""One way to run work off the GUI thread, and an inline twin for tests.

The work is a plain function (`fn() -> result`, or `fn(progress) -> result` for long jobs)
that calls the services; it never touches widgets. Results come back as signals on the GUI
thread. Everything that touches the case store runs on one single-threaded pool, so
database work is serialised (one writer, as SQLite wants) and never runs on the GUI thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

ResultFn = Callable[[Any], None]
FailFn = Callable[[BaseException], None]
ProgressFn = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised by `Progress.check()` when the user cancelled the task."""


class Progress:
    """Handed to long jobs: `report(done, total)` and a way to notice cancellation."""

    def __init__(self, task: Task) -> None:
        self._task = task

    def report(self, done: int, total: int) -> None:
        self._task._reported.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._task.is_cancelled()

    def check(self) -> None:
        """Raise `Cancelled` when the user asked to stop."""
        if self.cancelled:
            raise Cancelled


class Task(QObject):
    """One piece of background work; lives on the GUI thread.

    Signals:
        finished(object): the work returned this result.
        failed(object): the work raised this exception.
        progressed(int, int): done and total units, as the work reports them.
    """

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    # Emitted from the worker thread; queued to the slots below on the GUI thread.
    _succeeded = Signal(object)
    _raised = Signal(object)
    _reported = Signal(int, int)

    def __init__(self, fn: Callable[..., Any], wants_progress: bool) -> None:
        super().__init__()
        self._fn = fn
        self._wants_progress = wants_progress
        self._cancel = threading.Event()
        self.done = False
        queued = Qt.ConnectionType.QueuedConnection
        self._succeeded.connect(self._on_succeeded, queued)
        self._raised.connect(self._on_raised, queued)
        self._reported.connect(self.progressed, queued)

    def cancel(self) -> None:
        """Ask the work to stop at its next `progress.check()`."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def execute(self) -> None:
        """Run the work here and now (on whatever thread calls this)."""
        try:
            result = self._fn(Progress(self)) if self._wants_progress else self._fn()
        except BaseException as error:  # every failure goes back to the GUI thread
            self._raised.emit(error)
        else:
            self._succeeded.emit(result)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self.done = True
        self.finished.emit(result)

    @Slot(object)
    def _on_raised(self, error: object) -> None:
        self.done = True
        self.failed.emit(error)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.execute()


def report_unexpected(error: BaseException) -> None:
    """The default for failures nobody handles: the crash dialog (through excepthook)."""
    sys.excepthook(type(error), error, error.__traceback__)


class TaskRunner(QObject):
    """Runs work on a single database thread and reports back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._active: set[Task] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *,
        on_finished: ResultFn | None = None,
        on_failed: FailFn | None = None,
        on_progress: ProgressFn | None = None,
        wants_progress: bool = False,
    ) -> Task:
        """Run `fn` in the background; callbacks run on the GUI thread.

        Failures without `on_failed` go to the crash dialog.
        """
        task = Task(fn, wants_progress)
        if on_finished is not None:
            task.finished.connect(on_finished)
        task.failed.connect(on_failed if on_failed is not None else report_unexpected)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        self._active.add(task)
        task.finished.connect(lambda _result: self._active.discard(task))
        task.failed.connect(lambda _error: self._active.discard(task))
        self._start(task)
        return task

    def _start(self, task: Task) -> None:
        self._pool.start(_Runnable(task))

    def busy(self) -> bool:
        return bool(self._active)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the running work is over (at shutdown, so no write is cut off)."""
        return bool(self._pool.waitForDone(msecs))


class InlineTaskRunner(TaskRunner):
    """Runs the work at once on the calling thread: for GUI tests, deterministic.

    The signals still arrive through the event loop (queued), as with the real runner,
    so tests wait for them with `qtbot.waitUntil` / `waitSignal`.
    """

    def _start(self, task: Task) -> None:
        task.execute()
