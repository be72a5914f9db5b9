"""Helpers for the tests of `app.documents.render`: text, pixels and QR codes of a PDF."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pypdf
from PIL import Image


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text without any whitespace: a wrapped line does not split what we look for."""
    return re.sub(r"\s+", "", text)


def all_flat(pdf: bytes) -> str:
    return flat("".join(page_texts(pdf)))


def page_images(pdf: bytes, folder: Path, dpi: int = 50, gray: bool = True) -> list[Image.Image]:
    """Each page rendered by pdftoppm (poppler), as PIL images."""
    source = folder / "doc.pdf"
    source.write_bytes(pdf)
    args = ["pdftoppm", "-r", str(dpi), "-png"] + (["-gray"] if gray else [])
    subprocess.run([*args, str(source), str(folder / "page")], check=True, timeout=60)
    files = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(f) for f in files]


def decode_qr(image: Image.Image) -> list[str]:
    from pyzbar import pyzbar

    return [symbol.data.decode("utf-8") for symbol in pyzbar.decode(image)]


def ink_outside(image: Image.Image, left_mm: float, right_mm: float, bottom_mm: float) -> bool:
    """True when something is drawn left of `left_mm` or right of `right_mm` (from the left
    edge), above the `bottom_mm` band (footer and QR code)."""
    gray = image.convert("L")
    width, height = gray.size
    per_mm = width / 210
    bottom = int(height - bottom_mm * per_mm)
    left = gray.crop((0, 0, int(left_mm * per_mm), bottom))
    right = gray.crop((int(right_mm * per_mm), 0, width, bottom))
    return any(region.getextrema()[0] < 200 for region in (left, right))
