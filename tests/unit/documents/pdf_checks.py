"""Reading generated PDFs back: text per page (pypdf) and the QR code (pdftoppm + pyzbar)."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path


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
    from PIL import Image
    from pyzbar.pyzbar import decode

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        args = ["pdftoppm", "-r", "200", "-png", "-f", str(page), "-l", str(page)]
        subprocess.run([*args, str(src), str(Path(tmp) / "p")], check=True)
        (png,) = Path(tmp).glob("p*.png")
        with Image.open(png) as img:
            return [d.data.decode("utf-8") for d in decode(img)]
