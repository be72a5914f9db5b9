"""Documents for the signing tests: a small Chinese PDF (reportlab + the bundled Song face),
a seal image, fake keyrings, and the ways a signed PDF gets tampered with."""

from __future__ import annotations

import io
import re

from PIL import Image, ImageDraw

from app.paths import resource

PAGE_TEXTS = ("调解协议书 第一页：甲方同意分期偿还借款本金人民币伍万元。", "第二页：双方签字确认。")


def chinese_pdf(texts: tuple[str, ...] = PAGE_TEXTS) -> bytes:
    """One page per text, the text embedded in AR PL UMing (byte-stable: invariant mode)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "TestUMing" not in pdfmetrics.getRegisteredFontNames():
        font = TTFont("TestUMing", str(resource("fonts", "uming.ttc")), subfontIndex=0)
        pdfmetrics.registerFont(font)
    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=True)
    for text in texts:
        page.setFont("TestUMing", 12)
        page.drawString(72, 720, text)
        page.showPage()
    page.save()
    return out.getvalue()


def seal_png() -> bytes:
    """A red round seal on a transparent background."""
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 292, 292), outline=(220, 0, 0, 255), width=14)
    draw.regular_polygon((150, 150, 60), 5, fill=(220, 0, 0, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def byte_ranges(signed: bytes) -> list[tuple[int, int]]:
    """The (start, length) pairs of the last signature's /ByteRange."""
    found = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", signed)
    a, b, c, d = (int(x) for x in found[-1])
    return [(a, b), (c, d)]


def signature_der(signed: bytes) -> tuple[int, bytes]:
    """Where the last signature's hex string starts in the file (its first digit, after
    `/Contents <`) and its CMS bytes, cut at the DER's own length: the hex is padded with
    zeros, and the DER may itself end in a zero byte (so stripping zeros is wrong)."""
    from asn1crypto import parser

    (_start, first_len), (second_start, _len) = byte_ranges(signed)
    hex_start = first_len + 1  # the gap between the two ranges is exactly '<hex>'
    padded = bytes.fromhex(signed[hex_start : second_start - 1].decode())
    _class, _method, _tag, header, content, trailer = parser.parse(padded)
    return hex_start, padded[: len(header) + len(content) + len(trailer)]


def flip(data: bytes, index: int) -> bytes:
    changed = bytearray(data)
    changed[index] = (changed[index] + 1) % 256
    return bytes(changed)


def swap_first_pages(signed: bytes) -> bytes:
    """Rewrite the whole file with pypdf, pages 1 and 2 swapped (the signature dict kept)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed)))
    second = writer.pages[1]
    writer.remove_page(1)
    writer.insert_page(second, 0)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def append_text_with_pypdf(signed: bytes, text: bytes = b"(forged) Tj") -> bytes:
    """An incremental update (pypdf) that replaces page 1's content with extra text."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter(PdfReader(io.BytesIO(signed)), incremental=True)
    page = writer.pages[0]
    content = page.get_contents()
    assert content is not None
    stream = DecodedStreamObject()
    stream.set_data(content.get_data() + b"\nBT /F1 12 Tf 72 600 Td " + text + b" ET\n")
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def append_page_content_with_pyhanko(signed: bytes) -> bytes:
    """An incremental update (pyhanko) that adds a content stream to the last page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page_ref, _resources = writer.find_page_for_modification(-1)
    page = page_ref.get_object()
    extra = writer.add_object(generic.StreamObject(stream_data=b"0 0 1 rg 72 72 200 200 re f"))
    page["/Contents"] = generic.ArrayObject([page.raw_get("/Contents"), extra])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
