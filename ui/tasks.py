"""One way to run work off the GUI thread, typed by its result, and an inline twin for tests.

The work is an `Op[T]` (built by the `ui.ops` modules, as Anki's `QueryOp`/`CollectionOp`):
a function of a `Progress` that calls the services and never touches widgets.

    runner.run(cases.get_case(core, case_no)).success(self._shown).failure(refused(...))

`success(fn)` gets the `T` the work returned, `failure(fn)` the exception, `progress(fn)`
the `(done, total)` the work reports; all three run on the GUI thread, and may be given
right after `run` (the results come back through the event loop). Without `failure`, a
user's error is shown calmly and a bug reaches the crash dialog (`ui.refusal`). Everything
that touches the case store runs on one single-threaded pool, so database work is
serialised (one writer, as SQLite wants) and never runs on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from shiboken6 import isValid

from ui.refusal import refuse_or_crash
from ui.refusal import report_unexpected as report_unexpected

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
R = TypeVar("R")
FailFn = Callable[[BaseException], object]
ProgressFn = Callable[[int, int], object]


class Cancelled(Exception):
    """Raised by `Progress.check()` when the user cancelled the task."""


class Progress:
    """Handed to long jobs: `report(done, total)` and a way to notice cancellation."""

    def __init__(self, task: Task[Any]) -> None:
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


class Op(Generic[T_co]):
    """One piece of work for the database thread that returns a `T`: `work(progress)`."""

    def __init__(self, work: Callable[[Progress], T_co]) -> None:
        self._work = work

    def perform(self, progress: Progress) -> T_co:
        """Do the work here and now (the runner calls this on the database thread)."""
        return self._work(progress)

    def then(self, fn: Callable[[T_co], R]) -> Op[R]:
        """This work, then `fn` of its result, both on the database thread."""
        return Op(lambda progress: fn(self.perform(progress)))


def op(fn: Callable[[], T]) -> Op[T]:
    """An `Op` of a function that takes no progress."""
    return Op(lambda _progress: fn())


class Task(QObject, Generic[T]):
    """One piece of background work; lives on the GUI thread.

    Signals:
        finished(object): the work returned this result (after the `success` handlers).
        failed(object): the work raised this exception (after the `failure` handlers).
        progressed(int, int): done and total units, as the work reports them.
    """

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    # Emitted from the worker thread; queued to the slots below on the GUI thread.
    _succeeded = Signal(object)
    _raised = Signal(object)
    _reported = Signal(int, int)

    def __init__(self, work: Op[T], default_failure: FailFn = refuse_or_crash) -> None:
        super().__init__()
        self._op = work
        self._default_failure = default_failure
        self._on_success: list[Callable[[T], object]] = []
        self._on_failure: list[FailFn] = []
        self._cancel = threading.Event()
        self.done = False
        queued = Qt.ConnectionType.QueuedConnection
        self._succeeded.connect(self._on_succeeded, queued)
        self._raised.connect(self._on_raised, queued)
        self._reported.connect(self.progressed, queued)

    def success(self, fn: Callable[[T], object]) -> Task[T]:
        """Call `fn(result)` on the GUI thread when the work is done."""
        self._on_success.append(fn)
        return self

    def failure(self, fn: FailFn) -> Task[T]:
        """Call `fn(error)` on the GUI thread when the work raised (instead of the default)."""
        self._on_failure.append(fn)
        return self

    def progress(self, fn: ProgressFn) -> Task[T]:
        """Call `fn(done, total)` on the GUI thread as the work reports its progress."""
        self.progressed.connect(fn)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next `progress.check()`."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def execute(self) -> None:
        """Run the work here and now (on whatever thread calls this)."""
        try:
            result = self._op.perform(Progress(self))
        except BaseException as error:  # every failure goes back to the GUI thread
            self._raised.emit(error)
        else:
            self._succeeded.emit(result)

    @Slot(object)
    def _on_succeeded(self, result: T) -> None:
        self.done = True
        try:
            for fn in self._on_success:
                if _receiver_alive(fn):
                    fn(result)
        finally:  # a handler's bug reaches the crash dialog; the task is still over
            self.finished.emit(result)

    @Slot(object)
    def _on_raised(self, error: BaseException) -> None:
        self.done = True
        try:
            if self._on_failure:
                for fn in self._on_failure:
                    fn(error)
            elif not isinstance(error, Cancelled):  # the user stopped it: nothing to say
                self._default_failure(error)
        finally:
            self.failed.emit(error)


def _receiver_alive(fn: Callable[..., object]) -> bool:
    """False for a bound method of a widget or model deleted meanwhile (its window closed
    while the work ran): its result has nowhere to go."""
    owner = getattr(fn, "__self__", None)
    return not isinstance(owner, QObject) or isValid(owner)


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.execute()


class TaskRunner(QObject):
    """Runs work on a single database thread and reports back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._active: set[Task[Any]] = set()

    def run(self, work: Op[T]) -> Task[T]:
        """Start `work` in the background; chain `.success`, `.failure`, `.progress`."""
        task: Task[T] = Task(work)
        self._active.add(task)
        task.finished.connect(lambda _result: self._active.discard(task))
        task.failed.connect(lambda _error: self._active.discard(task))
        self._start(task)
        return task

    def submit(
        self,
        fn: Callable[..., Any],
        *,
        on_finished: Callable[[Any], object] | None = None,
        on_failed: FailFn | None = None,
        on_progress: ProgressFn | None = None,
        wants_progress: bool = False,
    ) -> Task[Any]:
        """The untyped form of `run` (`fn()`, or `fn(progress)`), kept for scripts and tests;
        views build typed `Op`s in `ui.ops` instead."""
        work: Op[Any] = Op(fn) if wants_progress else op(fn)
        task = self.run(work)
        if on_finished is not None:
            task.success(on_finished)
        if on_failed is not None:
            task.failure(on_failed)
        if on_progress is not None:
            task.progress(on_progress)
        return task

    def _start(self, task: Task[Any]) -> None:
        self._pool.start(_Runnable(task))

    def busy(self) -> bool:
        return bool(self._active)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the running work is over (at shutdown, so no write is cut off)."""
        return bool(self._pool.waitForDone(msecs))


class InlineTaskRunner(TaskRunner):
    """Runs the work at once on the calling thread: for GUI tests, deterministic.

    The results still arrive through the event loop (queued), as with the real runner,
    so tests wait for them with `qtbot.waitUntil` / `waitSignal`.
    """

    def _start(self, task: Task[Any]) -> None:
        task.execute()
