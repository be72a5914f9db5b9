"""Render the main window over a case store to a PNG, for the README and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.main --data-dir D \
        --out docs/images/main-window.png [--select TJ-2026-000001] [--lang en] \
        [--tab 重新计算]

It starts the app as `run_gui` does (bundled font, style, translators, log, crash dialog),
waits for the case list and the first case's details, then saves `window.grab()` at
1366 × 768. With `--tab` it shows that case panel instead of 案件信息, with the list made
short so the panel has room, and waits for the panel's `case_loaded` signal when it has one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from ui.main import parse_options, start_gui
from ui.models.case_table import Column
from ui.views.main_window import MainWindow

WIDTH, HEIGHT = 1366, 768


def open_tab(window: MainWindow, title: str) -> QWidget | None:
    """Show the case panel titled `title` with room to read it; None when there is none."""
    tabs = window.case_tabs
    for index in range(tabs.count()):
        if tabs.tabText(index) == title:
            tabs.setCurrentIndex(index)
            splitter = tabs.parentWidget()
            if isinstance(splitter, QSplitter):
                splitter.setSizes([110, HEIGHT])
            return tabs.widget(index)
    return None


def capture(window: MainWindow, out: Path, select: str, tab: str = "") -> None:
    """Once the list is in, choose a case; once it (and the tab's panel) shows, save the
    picture and quit."""

    def loaded(_count: int) -> None:
        first = window.proxy.index(0, Column.CASE_NO).data() if window.proxy.rowCount() else ""
        wanted = select or first
        if not wanted or not window.select_case(wanted):
            QTimer.singleShot(0, save)

    def save() -> None:
        window.table.setFocus()  # no text cursor blinking in the search box
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        print(out)
        QApplication.quit()

    window.cases_loaded.connect(loaded)
    panel = open_tab(window, tab) if tab else None
    ready = getattr(panel, "case_loaded", None) or window.case_shown
    ready.connect(lambda _no: QTimer.singleShot(0, save))  # after layouts settle


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images/main-window.png"))
    parser.add_argument("--select", default="", help="case number to show (default: the first)")
    parser.add_argument("--tab", default="", help="case panel to show, by its tab title")
    known, rest = parser.parse_known_args(argv)
    app, window = start_gui(parse_options(rest))
    window.build_case_panels()  # the app builds them after its first paint
    window.resize(WIDTH, HEIGHT)
    capture(window, known.out, known.select, known.tab)
    QTimer.singleShot(0, lambda: window.refresh())
    QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang a script
    code = app.exec()
    window.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
