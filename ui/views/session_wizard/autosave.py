"""Autosave for the session wizard: every field edit is committed within a second.

Each bound field has its own single-shot timer: typing restarts it, and after a pause
(`DELAY_MS`) the value goes to the database thread as one `save_field` call (one
transaction). Choices (combo boxes, check boxes, dates) are saved at once. Leaving a
field (focus out), changing step and closing the window flush what is waiting. A value
the service refuses shows its reason under the field and stays on screen as typed.

Enter in a one-line field moves to the next field (as Tab does); multi-line text keeps
Enter for new lines and uses Tab to move on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.refusal import Refusal, refused
from ui.tasks import Op, TaskRunner

DELAY_MS = 400
Value = str | bool
SaveFn = Callable[[str, Value], Op[object]]


@dataclass
class Binding:
    """One field: where it is saved, how its value is read, where its problem shows."""

    path: str
    widget: QWidget
    read: Callable[[], Value]
    error: QLabel | None
    timer: QTimer
    last: Value | None = None
    waiting: bool = False
    extra: list[Any] = field(default_factory=list)


def date_value(edit: QDateEdit) -> str:
    """ISO date, or "" while an optional date shows its "not set" text."""
    if edit.specialValueText() and edit.date() == edit.minimumDate():
        return ""
    return str(edit.date().toString("yyyy-MM-dd"))


def set_date(edit: QDateEdit, iso: str) -> None:
    day = QDate.fromString(iso, "yyyy-MM-dd") if iso else edit.minimumDate()
    edit.setDate(day if day.isValid() else edit.minimumDate())


def reader(widget: QWidget) -> Callable[[], Value]:
    if isinstance(widget, QLineEdit):
        return widget.text
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText
    if isinstance(widget, QComboBox):
        return lambda: str(widget.currentData() or "")
    if isinstance(widget, QCheckBox):
        return widget.isChecked
    if isinstance(widget, QDateEdit):
        return lambda: date_value(widget)
    raise TypeError(f"cannot autosave a {type(widget).__name__}")


def changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    raise TypeError(f"cannot autosave a {type(widget).__name__}")


class AutoSaver(QObject):
    """Commits bound fields through the op `save(path, value)` (run on the database thread).

    Signals:
        committed(str): the field at this path is stored.
        value_committed(str, object): the same, with the value stored.
        refused(str, str): the field at this path was refused, with the reason.
        state_arrived(object): the `SessionState` a save returned.
        busy_changed(bool): saves are waiting or running (True) or all are done (False).
        failed(str): a save failed for a reason that is not the field's (shown in a banner).
    """

    committed = Signal(str)
    value_committed = Signal(str, object)
    refused = Signal(str, str)
    state_arrived = Signal(object)
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, save: SaveFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._save = save
        self._bindings: dict[str, Binding] = {}
        self._by_widget: dict[QWidget, Binding] = {}
        self._loading = 0
        self._running = 0

    # -- binding ----------------------------------------------------------------------------

    def bind(self, widget: QWidget, path: str, error: QLabel | None = None) -> Binding:
        """Save `widget` at `path` whenever it changes (its objectName becomes the path)."""
        self.unbind(path)
        widget.setObjectName(path)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(DELAY_MS)
        binding = Binding(path, widget, reader(widget), error, timer, reader(widget)())
        timer.timeout.connect(lambda: self._submit(binding))
        changed_signal(widget).connect(lambda *_args: self._changed(binding))
        widget.installEventFilter(self)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
        self._bindings[path] = binding
        self._by_widget[widget] = binding
        return binding

    def unbind(self, prefix: str) -> None:
        """Flush and forget the fields whose path starts with `prefix` (rows rebuilt)."""
        for path in [p for p in self._bindings if p.startswith(prefix)]:
            binding = self._bindings.pop(path)
            self._flush_one(binding)
            binding.timer.stop()
            self._by_widget.pop(binding.widget, None)
            binding.widget.removeEventFilter(self)

    def binding(self, path: str) -> Binding | None:
        return self._bindings.get(path)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill fields from the store without saving them back."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1
            for binding in self._bindings.values():
                if not binding.waiting:
                    binding.last = binding.read()

    def is_loading(self) -> bool:
        return self._loading > 0

    # -- saving -----------------------------------------------------------------------------

    def _changed(self, binding: Binding) -> None:
        if self._loading:
            return
        binding.waiting = True
        if isinstance(binding.widget, (QLineEdit, QPlainTextEdit)):
            binding.timer.start()
            self.busy_changed.emit(True)
        else:
            self._submit(binding)

    def flush(self, path: str | None = None) -> None:
        """Submit now what is waiting (one field, or all of them)."""
        targets = [self._bindings[path]] if path in self._bindings else []
        for binding in targets if path is not None else list(self._bindings.values()):
            self._flush_one(binding)

    def _flush_one(self, binding: Binding) -> None:
        if binding.waiting:
            binding.timer.stop()
            self._submit(binding)

    def _submit(self, binding: Binding) -> None:
        binding.waiting = False
        value = binding.read()
        if value == binding.last:
            self._idle_check()
            return
        previous, binding.last = binding.last, value
        self._running += 1
        self.busy_changed.emit(True)
        self._runner.run(self._save(binding.path, value)).success(
            lambda state: self._done(binding, value, state)
        ).failure(lambda error: self._failed(binding, previous, error))

    def _done(self, binding: Binding, value: Value, state: object) -> None:
        self._running -= 1
        self._show_error(binding, "")
        self.committed.emit(binding.path)
        self.value_committed.emit(binding.path, value)
        self.state_arrived.emit(state)
        self._idle_check()

    def _failed(self, binding: Binding, previous: Value | None, error: BaseException) -> None:
        self._running -= 1
        binding.last = previous  # the same text typed again is tried again
        refused(lambda refusal: self._refused(binding, refusal))(error)
        self._idle_check()

    def _refused(self, binding: Binding, refusal: Refusal) -> None:
        if refusal.problems:  # the field's own problem, under the field
            reasons = " ".join(refusal.reasons)
            self._show_error(binding, reasons)
            self.refused.emit(binding.path, reasons)
        else:
            self.failed.emit(refusal.message)

    def _show_error(self, binding: Binding, text: str) -> None:
        if binding.error is not None:
            binding.error.setText(text)
            binding.error.setVisible(bool(text))
        widget = binding.widget
        if bool(widget.property("invalid")) != bool(text):
            widget.setProperty("invalid", bool(text))
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def busy(self) -> bool:
        return self._running > 0 or any(b.waiting for b in self._bindings.values())

    def _idle_check(self) -> None:
        if not self.busy():
            self.busy_changed.emit(False)

    # -- focus and keys ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        binding = self._by_widget.get(watched) if isinstance(watched, QWidget) else None
        if binding is None:
            return False
        if event.type() == QEvent.Type.FocusOut:
            self._flush_one(binding)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._enter_moves_on(binding, event)
        return False

    def _enter_moves_on(self, binding: Binding, event: QKeyEvent) -> bool:
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        widget = binding.widget
        if (
            isinstance(widget, QPlainTextEdit)
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        if isinstance(widget, QComboBox) and widget.view().isVisible():
            return False
        self._flush_one(binding)
        tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, tab)
        return True
