"""PDF pages as images, for the preview and for printing through QPainter.

QtPdf (`QPdfDocument.render`) when this PySide6 ships it; else PDFium from the pypdfium2
wheel; else poppler's `pdftoppm` when it is on PATH; else no images (`page_images` returns
[]), and the panel shows a text summary with a button that opens the PDF in the system's
reader. Safe off the GUI thread (QImage only, no QPixmap).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 200


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def renderer_name() -> str:
    """Which way pages become images here: "qtpdf", "pdfium", "pdftoppm" or "" (none)."""
    try:
        import PySide6.QtPdf  # noqa: F401
    except ImportError:
        try:
            import pypdfium2  # noqa: F401
        except ImportError:
            return "pdftoppm" if shutil.which("pdftoppm") else ""
        return "pdfium"
    return "qtpdf"


def page_images(pdf: bytes, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of `pdf` at `dpi`; [] when no renderer is available."""
    way = renderer_name()
    if way == "qtpdf":
        return _qtpdf_images(pdf, dpi)
    if way == "pdfium":
        return _pdfium_images(pdf, dpi)
    if way == "pdftoppm":
        return _pdftoppm_images(pdf, dpi)
    return []


def _pdfium_images(pdf: bytes, dpi: int) -> list[QImage]:
    """PDFium inside the pypdfium2 wheel (no system package needed)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before `data` goes
    finally:
        document.close()
    return images


def _qtpdf_images(pdf: bytes, dpi: int) -> list[QImage]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    images = []
    for n in range(document.pageCount()):
        points = document.pagePointSize(n)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        images.append(document.render(n, size))
    return images


def _pdftoppm_images(pdf: bytes, dpi: int) -> list[QImage]:
    with tempfile.TemporaryDirectory(prefix="md-pages-") as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        command = ["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(folder) / "p")]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        files = sorted(Path(folder).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [QImage(str(f)) for f in files]


def print_images(printer: QPrinter, images: list[QImage]) -> int:
    """Paint each page image onto its own printer page, scaled to fit; pages painted.

    When the printer cannot make copies itself, the pages are painted `copyCount` times.
    """
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("打印机无法开始打印")
    painted = 0
    try:
        for image in images * copies:
            if painted:
                printer.newPage()
            _paint_page(painter, printer, image)
            painted += 1
    finally:
        painter.end()
    return painted


def _paint_page(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    target = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = (area.width() - target.width()) // 2
    y = (area.height() - target.height()) // 2
    painter.drawImage(QRect(x, y, target.width(), target.height()), image)
