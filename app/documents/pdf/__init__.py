"""The six mediation documents as PDFs: data, templates (wording in resources), rendering.

data = DocumentData(...)                  # app.services.documents.service builds it from a case
missing_fields("agreement", data)         # ["还款计划：尚未确定", ...] or []
pdf = render_pdf("agreement", data)       # deterministic bytes
content_hash(data)                        # SHA-256 of the canonical JSON, also in the QR
"""

from __future__ import annotations

from app.documents.pdf.content import content_hash, content_record, qr_payload
from app.documents.pdf.model import (
    DOCUMENT_KINDS,
    AmountRow,
    Attendee,
    DocumentData,
    Organisation,
    Party,
    PlanRow,
    Session,
    Settlement,
    Statement,
)
from app.documents.pdf.needs import missing_fields
from app.documents.pdf.render import render_pdf

__all__ = [
    "DOCUMENT_KINDS",
    "AmountRow",
    "Attendee",
    "DocumentData",
    "Organisation",
    "Party",
    "PlanRow",
    "Session",
    "Settlement",
    "Statement",
    "content_hash",
    "content_record",
    "missing_fields",
    "qr_payload",
    "render_pdf",
]
