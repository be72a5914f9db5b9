"""Pictures of the creditor's mandate for the docs: the settlement page with its room left
(债权人授权) and the first page of the approval request PDF.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.mandate --data-dir D \
        --select TJ-2026-000002 --out-dir docs/images

The case needs a mandate and a saved settlement outside it (docs/contacts.md has the
commands). The PDF page is drawn with pypdfium2 when it is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tools.screenshots.main import WIDTH, open_tab
from ui.main import parse_options, start_gui
from ui.views.main_window import MainWindow
from ui.views.settlement.page import SettlementPage

HEIGHT = 900


def run(window: MainWindow, select: str, out_dir: Path) -> None:
    page = open_tab(window, "和解方案")
    assert isinstance(page, SettlementPage)
    window.cases_loaded.connect(lambda _n: window.select_case(select))

    def loaded(_case_no: str) -> None:
        page.case_loaded.disconnect(loaded)
        page.levers.percent["waive_interest"].setValue(40)  # a lever moved: the room follows
        QTimer.singleShot(400, shoot)  # the mandate arrives after the basis; layouts settle

    def shoot() -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        window.table.setFocus()
        window.grab().save(str(out_dir / "mandate-room.png"))
        print(out_dir / "mandate-room.png")
        room = page.mandate_room
        pdf = out_dir / "approval-request.pdf"
        room.requested.connect(lambda _info: QTimer.singleShot(0, lambda: pdf_page(pdf)))
        room.request_to(pdf)

    def pdf_page(pdf: Path) -> None:
        try:
            import pypdfium2 as pdfium
        except ImportError:
            print("pypdfium2 is not installed: the PDF is at", pdf)
        else:
            image = pdfium.PdfDocument(str(pdf))[0].render(scale=1.6).to_pil()
            image.save(str(out_dir / "approval-request.png"))
            print(out_dir / "approval-request.png")
        pdf.unlink()
        QApplication.quit()

    page.case_loaded.connect(loaded)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", type=Path, default=Path("docs/images"))
    parser.add_argument("--select", required=True)
    known, rest = parser.parse_known_args(argv)
    app, window = start_gui(parse_options(rest))
    window.resize(WIDTH, HEIGHT)
    run(window, known.select, known.out_dir)
    QTimer.singleShot(0, lambda: window.refresh())
    QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang a script
    code = app.exec()
    window.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
