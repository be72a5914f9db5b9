"""Render the main window over a case store to a PNG, for the README and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m ui.screenshot --data-dir D \
        --out docs/images/main-window.png [--select TJ-2026-000001] [--lang en]

It starts the app as `run_gui` does (bundled font, style, translators), waits for the case
list and the first case's details, then saves `window.grab()` at 1366 × 768.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.main import GuiOptions, build_main_window, create_application, parse_options
from ui.views.main_window import MainWindow

WIDTH, HEIGHT = 1366, 768


def capture(window: MainWindow, out: Path, select: str) -> None:
    """Once the list is in, choose a case; once it shows, save the picture and quit."""

    def loaded(count: int) -> None:
        wanted = select or (
            window.model.case_at(window.proxy.mapToSource(window.proxy.index(0, 0)).row()).case_no
            if count
            else ""
        )
        if not wanted or not window.select_case(wanted):
            QTimer.singleShot(200, save)

    def save() -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        print(out)
        QApplication.quit()

    window.cases_loaded.connect(loaded)
    window.case_shown.connect(lambda _no: QTimer.singleShot(200, save))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images/main-window.png"))
    parser.add_argument("--select", default="", help="case number to show (default: the first)")
    known, rest = parser.parse_known_args(argv)
    options: GuiOptions = parse_options(rest)
    app = create_application(options)
    window = build_main_window(options.data_dir)
    window.resize(WIDTH, HEIGHT)
    window.show()
    capture(window, known.out, known.select)
    QTimer.singleShot(0, window.refresh)
    QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang a script
    code = app.exec()
    window.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
