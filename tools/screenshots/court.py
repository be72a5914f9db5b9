"""Pictures for docs/court.md: the court papers' first pages (PDFium) and the 统计 window.

    MEDIATION_DESK_PASSPHRASE=… .venv/bin/python tools/screenshots/court.py /tmp/court-demo

Needs pypdfium2 in the virtualenv (pip install pypdfium2). Makes the demo in the folder
when it is empty.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "images"
ON = date(2026, 6, 30)


def pages(pdf: bytes, name: str, first: int = 1, scale: float = 1.2) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    for i in range(min(first, len(doc))):
        doc[i].render(scale=scale).to_pil().save(OUT / f"{name}-{i + 1}.png")


def main(folder: Path) -> None:
    from app.services.context import open_context
    from app.services.demo.service import seed_demo
    from app.services.litigation.certificate import issue_certificate
    from app.services.litigation.claim import case_stage
    from app.services.litigation.papers import render_court_document
    from app.services.reports.pdf import report_pdf
    from app.services.reports.service import ReportFilter, build_report

    OUT.mkdir(parents=True, exist_ok=True)
    with open_context(folder, actor="演示") as ctx:
        seed_demo(ctx)
        from app.services.cases.service import list_cases

        stages = {}
        for c in sorted(list_cases(ctx), key=lambda c: c.case_no):
            if c.status in ("terminated", "defaulted"):
                stages.setdefault(case_stage(ctx, c.case_no), c.case_no)
        render = lambda n, k: render_court_document(ctx, n, k, on=ON).pdf  # noqa: E731
        pages(render(stages["broken"], "complaint"), "court-complaint", 2)
        pages(render(stages["failed"], "calculation"), "court-calculation", 2)
        pages(render(stages["failed"], "evidence"), "court-evidence-list")
        pages(render(stages["broken_confirmed"], "enforcement"), "court-enforcement", 2)
        pages(issue_certificate(ctx, stages["failed"]).pdf, "court-certificate")
        report = build_report(ctx, ReportFilter(), ON)
        pages(report_pdf(report, "滨江市金融纠纷人民调解委员会"), "report-summary")
    window_shot(folder)


def window_shot(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui import theme
    from ui.services import ContextCaseService
    from ui.tasks import InlineTaskRunner
    from ui.views.reports.window import ReportsWindow

    app = QApplication.instance() or QApplication([])
    theme.load_ui_font(app)
    theme.apply_theme(app)
    service = ContextCaseService(folder, actor="演示")
    win = ReportsWindow(service, InlineTaskRunner(), ON)
    win.show()
    win.refresh()
    for _ in range(50):
        app.processEvents()
    win.grab().save(str(OUT / "reports-window.png"))
    from PySide6.QtWidgets import QTabWidget

    tab = win.findChild(QTabWidget)
    assert tab is not None
    tab.setCurrentIndex(1)
    for _ in range(10):
        app.processEvents()
    win.grab().save(str(OUT / "reports-worklist.png"))
    service.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
