"""`render_pdf(kind, data) -> bytes`: one of the six documents as a PDF (reportlab platypus).

A4, wider left margin for binding, the bundled AR PL UMing face embedded as a subset, CJK
line breaking, "第 X 页 共 Y 页" and the document number on every page, and on the last page
a QR code holding the case number, the document number and the SHA-256 of the document's
content record (`app.documents.content`). The output is deterministic: the same data give
the same bytes. Data that lack what the kind needs are refused with an `InputError`
listing every missing item, never rendered half-filled.
"""

from __future__ import annotations

import io

from app.documents.content import content_hash, qr_payload
from app.documents.model import DOCUMENT_KINDS, DocumentData, missing_needs
from app.domain.errors import InputError, Problem

__all__ = ["KINDS", "check_renderable", "render_pdf"]

KINDS: tuple[str, ...] = tuple(DOCUMENT_KINDS)


def check_renderable(kind: str, data: DocumentData) -> None:
    """Raise InputError with one Problem per missing item; return when `kind` can render."""
    needs = missing_needs(kind, data)
    if needs:
        raise InputError([Problem(path, message) for path, message in needs])


def render_pdf(kind: str, data: DocumentData) -> bytes:
    """The PDF bytes of document `kind` ("notice", "record", "agreement", "plan",
    "confirmation" or "termination") for `data`.

    Raises:
        InputError: the data lack what this kind needs (each problem names the field).
    """
    check_renderable(kind, data)
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from app.documents.context import build_context
    from app.documents.flow import Builder
    from app.documents.pages import make_canvas_class
    from app.documents.styles import (
        MARGIN_BOTTOM,
        MARGIN_LEFT,
        MARGIN_RIGHT,
        MARGIN_TOP,
        register_fonts,
    )
    from app.documents.templates import load_template

    register_fonts()
    template = load_template(kind, data.meta.template_version)
    story = Builder(data, build_context(kind, data)).document(template)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=f"{DOCUMENT_KINDS[kind]}（{data.meta.number}）", author=data.organisation.name,
        subject=f"案件编号 {data.case_no}", creator="调解工作台 Mediation Desk",
        producer="调解工作台 Mediation Desk", keywords=f"sha256:{content_hash(data)}",
    )
    caption = f"扫码核验　内容摘要 SHA-256 {content_hash(data)[:12]}…"
    canvas_class = make_canvas_class(data.meta.number, qr_payload(data), data.meta.created,
                                     caption)
    doc.build(story, canvasmaker=canvas_class)
    return out.getvalue()
