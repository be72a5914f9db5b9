"""The canvas every page is drawn on: footer "第 X 页 共 Y 页" with the document number,
the QR code on the last page, and a creation date taken from the document record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.documents.pdf.styles import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MM,
    PAGE_WIDTH,
    QR_SIZE,
    SONG,
)


def pdf_date(created: datetime) -> str:
    """The PDF date string of `created` (timezone-aware), e.g. `D:20261215093000+08'00'`."""
    offset = created.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hh, mm = divmod(abs(minutes), 60)
    return created.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hh:02d}'{mm:02d}'"


def draw_qr(canvas: Any, payload: str, x: float, y: float, size: float) -> None:
    """Draw `payload` as a QR code (vector squares, quiet zone included) at (x, y)."""
    import segno

    qr = segno.make(payload, error="m", micro=False)
    matrix = [list(row) for row in qr.matrix]
    count = len(matrix) + 8  # 4 modules of quiet zone each side
    module = size / count
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                top = y + size - (r + 4 + 1) * module
                canvas.rect(x + (c + 4) * module, top, module, module, stroke=0, fill=1)
    canvas.restoreState()


def canvas_class(number: str, payload: str, created: datetime, title: str) -> type:
    """A Canvas subclass that numbers pages "第 X 页 共 Y 页" and puts the QR on the last."""
    from reportlab.pdfgen.canvas import Canvas

    date_text = pdf_date(created)

    class DocumentCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = SONG  # else an unused Helvetica lands in the file
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: date_text)
            self.setTitle(title)
            self.setAuthor("")
            self.setCreator("Mediation Desk")
            self.setSubject(number)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for i, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(i, total)
                if i == total:
                    draw_qr(self, payload, PAGE_WIDTH - MARGIN_RIGHT - QR_SIZE,
                            5 * MM, QR_SIZE)  # fmt: skip
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, page: int, total: int) -> None:
            self.saveState()
            self.setFont(SONG, 9)
            self.drawCentredString(PAGE_WIDTH / 2, 12 * MM, f"第 {page} 页 共 {total} 页")
            self.drawString(MARGIN_LEFT, 12 * MM, f"文书编号：{number}")
            self.restoreState()

    return DocumentCanvas
