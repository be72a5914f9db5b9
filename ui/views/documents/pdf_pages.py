"""PDF pages as images, for the preview and for printing through QPainter.

PDFium (`pypdfium2`, a dependency: the wheel carries PDFium itself) renders the pages; no
QtPdf (not in PySide6-Essentials) and no poppler. PDFium is not thread-safe, so every use
goes through one lock; the functions are safe off the GUI thread (QImage only, no QPixmap).

Printing renders each page at the printer's own resolution (`QPrinter.resolution()`), in
horizontal bands so that a 1200 dpi page does not need half a gigabyte at once.
"""

from __future__ import annotations

import math
import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

PREVIEW_DPI = 144  # twice the panel's display scale: sharp on a HiDPI screen
FIT_TOLERANCE = 0.99  # a page at most 1 % larger than the paper is printed true size
BAND_PIXELS = 4_000_000  # pixels rendered at once while printing (16 MB as BGRx)

_pdfium_lock = threading.Lock()


class _opened:
    """The PDF opened with PDFium, under the module's lock (a class, not a decorated
    generator: PDFium's objects are untyped, and mypy keeps Any out of decorators)."""

    def __init__(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._document: Any = None

    def __enter__(self) -> Any:
        import pypdfium2

        _pdfium_lock.acquire()
        try:
            self._document = pypdfium2.PdfDocument(self._pdf)
        except BaseException:
            _pdfium_lock.release()
            raise
        return self._document

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._document.close()
        finally:
            _pdfium_lock.release()


def page_count(pdf: bytes) -> int:
    with _opened(pdf) as document:
        return len(document)


def page_images(pdf: bytes, dpi: float = PREVIEW_DPI) -> list[QImage]:
    """Every page of `pdf` at `dpi`, white background."""
    with _opened(pdf) as document:
        return [_render(document[n], dpi / 72) for n in range(len(document))]


def _render(page: Any, scale: float, crop: tuple[float, ...] = (0, 0, 0, 0)) -> QImage:
    bitmap = page.render(scale=scale, crop=crop, prefer_bgrx=True, may_draw_forms=False)
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
    )
    return image.copy()  # own the pixels: the bitmap's buffer goes with it


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Paint each page of `pdf` on its own printer page at the printer's resolution, true
    size and centred on the paper (shrunk to fit a paper too small for it); pages painted.

    When the printer cannot make copies itself, the pages are painted `copyCount` times.
    """
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    printer.setFullPage(True)  # the documents carry their own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("打印机无法开始打印")
    painted = 0
    try:
        with _opened(pdf) as document:
            for _copy in range(copies):
                for n in range(len(document)):
                    if painted:
                        printer.newPage()
                    _paint_page(painter, printer, document[n])
                    painted += 1
    finally:
        painter.end()
    return painted


def _paint_page(painter: QPainter, printer: QPrinter, page: Any) -> None:
    """One page rendered at the printer's dots, band by band."""
    dpi = printer.resolution()
    paper = printer.pageLayout().fullRectPixels(dpi)
    width_pt, height_pt = page.get_size()
    scale = dpi / 72
    fit = min(paper.width() / width_pt, paper.height() / height_pt)
    if fit < scale * FIT_TOLERANCE:  # (Qt rounds A4 to whole points: 595 × 842, not 595.28)
        scale = fit
    width, height = math.ceil(width_pt * scale), math.ceil(height_pt * scale)
    left = (paper.width() - width) / 2
    top = (paper.height() - height) / 2
    band = max(1, BAND_PIXELS // max(1, width))
    for y in range(0, height, band):
        rows = min(band, height - y)
        crop = (0.0, _points(height - y - rows, scale), 0.0, _points(y, scale))
        image = _render(page, scale, crop)
        painter.drawImage(QRectF(left, top + y, image.width(), image.height()), image)


def _points(pixels: int, scale: float) -> float:
    """A crop of exactly `pixels` rows (PDFium's renderer rounds crops up to whole pixels)."""
    return 0.0 if pixels <= 0 else (pixels - 0.001) / scale
