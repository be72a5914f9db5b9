"""Drive the session wizard in its own process, for the crash-resume test.

    python -m tests.e2e.session_driver type  --data-dir D --case TJ-…   # types, never stops
    python -m tests.e2e.session_driver check --data-dir D --case TJ-…   # prints what it finds

`type` opens the wizard offscreen with the threaded task runner (as the app does) and types
the SCRIPT key by key, as a mediator would: ASCII through key events, Chinese through input
method commits. After each autosave commit it prints `committed <path> <JSON value>`, and
after each step change is stored `committed step <n>`, and `typing <path>` when it
starts on a field (all flushed at once). When the script is
done it keeps typing notes until it is killed.

`check` opens the wizard again (resuming the session) and prints one JSON line: the step
on screen and the value of every bound field.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

KEY_MS = 15
FIELD_PAUSE_MS = 700
AGENT_ID = "440524198001010013"

# (action, target, text): type into the field at path `target`, or go to step `target`,
# or add an attendee of capacity `target` (the check-in's 添加 button).
SCRIPT: list[tuple[str, Any, str]] = [
    ("type", "place", "青山村村民委员会调解室"),
    ("add", "creditor_agent", ""),
    ("type", "attendees[0].name", "周律师"),
    ("type", "attendees[0].id_number", AGENT_ID),
    ("type", "attendees[0].authorisation", "授权委托书一份，特别授权"),
    ("step", 5, ""),
    ("type", "statements.creditor.claim", "请求债务人偿还借款本金及利息。"),
    ("type", "statements.debtor.ability", "本人失业半年，目前靠打零工维持生活，希望分期偿还。"),
    ("type", "notes", "双方同意继续协商还款方案，债务人表示愿意先行支付部分款项" * 20),
]


def emit(line: str) -> None:
    print(line, flush=True)


def type_text(widget: QWidget, text: str, done: Callable[[], None]) -> None:
    """Type `text` into `widget` one character every KEY_MS, then call `done`."""
    chars = list(text)

    def one() -> None:
        if not chars:
            done()
            return
        char = chars.pop(0)
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
        QTimer.singleShot(KEY_MS, one)

    widget.setFocus()
    one()


class Typist:
    """Runs SCRIPT against the wizard, one action after the other."""

    def __init__(self, wizard: Any) -> None:
        self.wizard = wizard
        self.actions = list(SCRIPT)

    def next(self) -> None:
        if not self.actions:
            self.actions = [("type", "notes", "继续记录。" * 50)]  # never stop by itself
        action, target, text = self.actions.pop(0)
        if action == "type":
            widget = self.wizard.findChild(QWidget, target)
            assert widget is not None, target
            emit(f"typing {target}")
            type_text(widget, text, lambda: QTimer.singleShot(FIELD_PAUSE_MS, self.next))
        elif action == "add":
            page = self.wizard.pages[0]
            page.add_choice.setCurrentIndex(page.add_choice.findData(f"{target}|"))
            page.add_button.click()
            QTimer.singleShot(FIELD_PAUSE_MS, self.next)
        else:
            self.wizard.go(int(target))
            step = int(target)
            self.wizard.shared.runner.submit(lambda: None, on_finished=lambda _r: emit(
                f"committed step {step}"))  # fmt: skip
            QTimer.singleShot(FIELD_PAUSE_MS, self.next)


def open_wizard(data_dir: Path, case_no: str) -> tuple[QApplication, Any]:
    from ui import theme
    from ui.services import ContextCaseService
    from ui.tasks import TaskRunner
    from ui.views.session_wizard import SessionWizard

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    theme.load_ui_font(app)
    theme.apply_theme(app)
    runner = TaskRunner()
    wizard = SessionWizard(ContextCaseService(data_dir, actor="调解员"), runner, case_no)
    runner.setParent(wizard)
    wizard.show()
    return app, wizard


def run_type(data_dir: Path, case_no: str) -> int:
    app, wizard = open_wizard(data_dir, case_no)
    saver = wizard.saver
    saver.value_committed.connect(
        lambda path, value: emit(f"committed {path} {json.dumps(value, ensure_ascii=False)}")
    )
    typist = Typist(wizard)
    wizard.session_loaded.connect(lambda _state: QTimer.singleShot(200, typist.next))
    wizard.open()
    return int(app.exec())


def run_check(data_dir: Path, case_no: str) -> int:
    app, wizard = open_wizard(data_dir, case_no)

    def report(_step: int) -> None:
        saver = wizard.saver
        fields = {path: b.read() for path, b in saver._bindings.items()}
        emit(json.dumps({"step": wizard.current, "fields": fields}, ensure_ascii=False))
        wizard.close()
        app.quit()

    wizard.step_shown.connect(lambda step: QTimer.singleShot(0, lambda: report(step)))
    wizard.open()
    QTimer.singleShot(60_000, lambda: app.exit(3))
    return int(app.exec())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("type", "check"))
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--case", required=True)
    args = parser.parse_args(argv)
    run = run_type if args.mode == "type" else run_check
    return run(args.data_dir, args.case)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
