"""A document's content record: the canonical JSON of its input data, and its SHA-256.

The record is what the document says, independent of how it is drawn: the `DocumentData`
as JSON with keys sorted, no spaces, UTF-8 (not ASCII-escaped), Decimal amounts as text
with two decimals ("1234.50"), dates and times ISO 8601, enums by value, and images
(seal, signatures) replaced by the SHA-256 of their bytes. The same data always gives the
same record, so `content_hash` can be kept in the case store and printed in the QR code of
the last page; a printed page is then checked by recomputing the hash from the store.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from app.documents.model import DocumentData
from app.domain.money import fmt

QR_PREFIX = "MDDOC1"


def plain(value: Any) -> Any:
    """JSON-ready data, canonical: see the module docstring."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest()}
    if value is None or isinstance(value, (str, int, bool)):
        return value
    raise TypeError(f"not part of a content record: {type(value).__name__}")


def content_record(data: DocumentData) -> bytes:
    """The canonical JSON (UTF-8 bytes) of `data`."""
    text = json.dumps(plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def content_hash(data: DocumentData) -> str:
    """SHA-256 (64 lowercase hex digits) of `content_record(data)`."""
    return hashlib.sha256(content_record(data)).hexdigest()


def qr_payload(data: DocumentData) -> str:
    """`MDDOC1|<case number>|<document number>|<sha256>`: what the last page's QR holds."""
    return "|".join((QR_PREFIX, data.case_no, data.meta.number, content_hash(data)))


def parse_qr_payload(text: str) -> dict[str, str]:
    """The fields of a QR payload; ValueError when it is not one of ours."""
    parts = text.split("|")
    if len(parts) != 4 or parts[0] != QR_PREFIX or len(parts[3]) != 64:
        raise ValueError(f"not a Mediation Desk document code: {text[:40]!r}")
    return {"case_no": parts[1], "document": parts[2], "sha256": parts[3]}
