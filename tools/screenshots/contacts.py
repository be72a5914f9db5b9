"""Pictures of the contact log for the docs: 联系记录 with a blocked attempt, and 今日联系.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.contacts --data-dir D \
        --select TJ-2026-000013 --day 2026-12-05 --out-dir docs/images

The store needs a few logged contacts (see docs/contacts.md for the commands used). The
log's picture tries an attempt at 21:40 so the refusal shows under the form.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer
from PySide6.QtWidgets import QApplication

from tools.screenshots.main import HEIGHT, WIDTH, open_tab
from ui.main import parse_options, start_gui
from ui.views.contacts.log_panel import ContactLogPanel
from ui.views.contacts.worklist import WorklistDialog
from ui.views.main_window import MainWindow


def run(window: MainWindow, select: str, day: date, out_dir: Path) -> None:
    panel = open_tab(window, "联系记录")
    assert isinstance(panel, ContactLogPanel)

    def listed(_count: int) -> None:
        window.select_case(select)

    def loaded(_case_no: str) -> None:
        panel.case_loaded.disconnect(loaded)
        form = panel.form
        form.when_edit.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(21, 40)))
        form.note_edit.setPlainText("晚上再打一次，问问是否收到明细")
        form.template_box.setCurrentIndex(form.template_box.findData("notice_of_mediation"))
        panel.blocked.connect(lambda _rules: QTimer.singleShot(0, shoot_log))
        QTimer.singleShot(0, panel.submit)

    def shoot_log() -> None:
        window.table.setFocus()
        out_dir.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out_dir / "contacts-log.png"))
        print(out_dir / "contacts-log.png")
        dialog = window.open_worklist()
        assert isinstance(dialog, WorklistDialog)
        dialog.loaded.connect(lambda _n: QTimer.singleShot(0, lambda: shoot_worklist(dialog)))
        dialog.day_edit.setDate(QDate(day.year, day.month, day.day))

    def shoot_worklist(dialog: WorklistDialog) -> None:
        dialog.table.setFocus()
        dialog.grab().save(str(out_dir / "contacts-worklist.png"))
        print(out_dir / "contacts-worklist.png")
        QApplication.quit()

    window.cases_loaded.connect(listed)
    panel.case_loaded.connect(loaded)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", type=Path, default=Path("docs/images"))
    parser.add_argument("--select", required=True)
    parser.add_argument("--day", type=date.fromisoformat, required=True)
    known, rest = parser.parse_known_args(argv)
    app, window = start_gui(parse_options(rest))
    window.resize(WIDTH, HEIGHT)
    run(window, known.select, known.day, known.out_dir)
    QTimer.singleShot(0, lambda: window.refresh())
    QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang a script
    code = app.exec()
    window.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
