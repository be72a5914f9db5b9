"""The calm-refusal path: an error a user can fix is told where it happened, in the words
of the services (which name the field and the fix); anything else is a bug for the crash
dialog (`ui.crash`). As qutebrowser splits known errors from bugs, `refusal_of` is the one
place that tells them apart: a `DomainError` — an `InputError` with its problems by field,
the store's busy / full-disk errors, a refused sign-in — is the user's; the rest is ours.

    runner.run(op).success(done).failure(refused(self._show))   # show(refusal) or crash
    show_refusal(refusal, self.general_label, self.rows)        # under each field, the rest above

Without a `failure` handler the task runner tells a refusal in a message box
(`refuse_or_crash`), so no user's error ever reaches the crash dialog.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from app.domain.errors import DomainError, InputError, Problem
from ui.widgets.field_row import FieldRow


@dataclass(frozen=True)
class Refusal:
    """A user's error, as the services said it: a message, and each problem by its field."""

    message: str
    problems: tuple[Problem, ...] = ()
    error: DomainError | None = None

    @property
    def reasons(self) -> list[str]:
        """Each problem's reason, or the message when the input was not refused by field."""
        return [p.reason for p in self.problems] or [self.message]


def refusal_of(error: BaseException) -> Refusal | None:
    """The refusal a user's error amounts to; None for a bug."""
    if not isinstance(error, DomainError):
        return None
    problems = tuple(error.problems) if isinstance(error, InputError) else ()
    return Refusal(str(error), problems, error)


def report_unexpected(error: BaseException) -> None:
    """A bug: to the crash dialog (through `sys.excepthook`, which logs it)."""
    sys.excepthook(type(error), error, error.__traceback__)


def refused(
    show: Callable[[Refusal], object], *, always: Callable[[], object] | None = None
) -> Callable[[BaseException], None]:
    """A failure handler: `always()` first (re-enable a button…), then a user's error to
    `show(refusal)` and a bug to the crash dialog."""

    def handle(error: BaseException) -> None:
        if always is not None:
            always()
        found = refusal_of(error)
        if found is None:
            report_unexpected(error)
        else:
            show(found)

    return handle


def refuse_or_crash(error: BaseException) -> None:
    """The task runner's default: a refusal in a message box, a bug to the crash dialog."""
    found = refusal_of(error)
    if found is None:
        report_unexpected(error)
    else:
        tell(found)


def tell(refusal: Refusal, parent: QWidget | None = None) -> QMessageBox:
    """A refusal nobody placed on a form: a message box over the active window."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("refusal", "未能完成"),
        "\n".join(refusal.reasons),
        QMessageBox.StandardButton.Ok,
        parent or QApplication.activeWindow(),
    )
    box.setObjectName("refusalBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)  # without a window to own it, Python must keep it alive
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


_open_boxes: set[QMessageBox] = set()


def field_name(path: str) -> str:
    """`parties[2].name` → `parties`, `loan.maturity` → `loan`: the form field of a path."""
    return path.split(".")[0].split("[")[0]


def show_refusal(
    refusal: Refusal,
    message: QLabel,
    rows: Mapping[str, FieldRow] | None = None,
    *,
    field_of: Callable[[str], str] = field_name,
    heading: str = "",
    separator: str = "\n",
) -> str:
    """Each problem under its field in `rows` (reasons joined by "；"), the rest in
    `message` (after `heading`); the first field with a problem gets the focus. Returns the
    text shown in `message` ("" when every problem found its field)."""
    by_field: dict[str, list[str]] = {}
    rest: list[str] = []
    for problem in refusal.problems:
        name = field_of(problem.path)
        if rows is not None and name in rows:
            by_field.setdefault(name, []).append(problem.reason)
        else:
            rest.append(problem.reason)
    if not refusal.problems:
        rest.append(refusal.message)
    for name, row in (rows or {}).items():
        row.set_error("；".join(by_field.get(name, [])))
    text = separator.join(rest)
    if text and heading:
        text = heading + "\n" + text
    message.setText(text)
    message.setVisible(bool(text))
    first = next((row for name, row in (rows or {}).items() if name in by_field), None)
    if first is not None:
        first.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    return text
