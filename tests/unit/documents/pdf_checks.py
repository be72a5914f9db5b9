"""Reading generated PDFs back: text per page (pypdf) and the QR code (pypdfium2 renders
the page, zxing-cpp reads it). Both are wheels with their native code inside: no poppler,
no libzbar on the machine."""

from __future__ import annotations

import io
import re


def page_texts(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text without line breaks and spaces (CJK wrapping breaks lines anywhere)."""
    return re.sub(r"\s+", "", text)


def all_text(pdf: bytes) -> str:
    return flat("".join(page_texts(pdf)))


def decode_qr(pdf: bytes, page: int) -> list[str]:
    """The QR payloads found on `page` (1-based) rendered at 200 dpi."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page - 1].render(scale=200 / 72, grayscale=True).to_pil()
    finally:
        document.close()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in found]
