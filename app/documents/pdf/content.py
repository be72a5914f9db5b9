"""A document's content record: the canonical JSON of its data, its SHA-256, the QR payload.

Canonical: keys sorted, no spaces, UTF-8 (not ASCII-escaped), Decimal amounts as text with
two decimals, dates and times ISO 8601, images replaced by the SHA-256 of their bytes. The
same data always gives the same record, so the hash printed in the last page's QR code can
be recomputed from the case store to check a printed page.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.documents.pdf.model import DocumentData
from app.domain.canonical import canonical_json

QR_PREFIX = "MDDOC1"
OMITTED_WHEN_EMPTY = ("contacts", "notices")
"""Fields added after documents were first printed: left out of the record while empty, so
a document without them keeps the hash it always had."""


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in OMITTED_WHEN_EMPTY or getattr(value, f.name)
        }
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    return value


def content_record(data: DocumentData) -> bytes:
    """The canonical JSON of `data` (UTF-8 bytes)."""
    return canonical_json(_plain(data))


def content_hash(data: DocumentData) -> str:
    """SHA-256 (hex) of the content record."""
    return hashlib.sha256(content_record(data)).hexdigest()


def qr_payload(data: DocumentData) -> str:
    """`MDDOC1|<case no>|<document no>|<sha256>`: what the last page's QR code holds."""
    return "|".join((QR_PREFIX, data.case_no, data.number, content_hash(data)))
