"""The office-sync wire: protocol versions, ids, canonical JSON, and what each entity is.

Shared by the laptop (`app.services.sync`) and the office server (`server`), so both agree
on one definition. Pure: no I/O, no project imports outside `app.domain`.

A *row* on the wire is `{"e": entity, "uid": …, "op": "put"|"del", "seq": n, "body": {…}}`:
`body` holds the row's columns (not its local integer `id`); a column that refers to another
synced row carries that row's uid; a BLOB column carries `{"sha256": …, "size": n}` (the
bytes travel separately, content-addressed). Money and rates are decimal strings, dates and
timestamps ISO 8601, never floats.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping, Sequence
from typing import Any

PROTOCOL = "1.1"
MIN_PROTOCOL = "1.0"
"""The server accepts N and N-1 (upcast); a laptop older than MIN_PROTOCOL may still make a
rescue push, which is stored for a person rather than refused."""

PAGE_CASES = 500
MAX_REQUEST_BYTES = 4 * 1024 * 1024
BLOB_CHUNK = 1024 * 1024

# Apply order: parents before children.
ENTITIES: tuple[str, ...] = (
    "case",
    "party",
    "loan_terms",
    "claim",
    "payment",
    "charge",
    "status_change",
    "session",
    "settlement",
    "plan_payment",
    "recalc_snapshot",
    "document",
    "document_attachment",
    "signature",
    "contact_person",
    "contact_attempt",
    "privacy_notice",
    "court_ruling",
    "evidence",
    "mandate_exception",
    "retained_document",
    "case_erasure",
)

REFERENCES: dict[str, dict[str, str]] = {
    "case": {"batch_id": "batch"},
    "party": {"case_id": "case"},
    "loan_terms": {"case_id": "case"},
    "claim": {"case_id": "case"},
    "payment": {"case_id": "case"},
    "charge": {"case_id": "case"},
    "status_change": {"case_id": "case"},
    "session": {"case_id": "case"},
    "settlement": {"case_id": "case"},
    "plan_payment": {"case_id": "case", "settlement_id": "settlement"},
    "recalc_snapshot": {"case_id": "case"},
    "document": {"case_id": "case", "supersedes_id": "document"},
    "document_attachment": {"document_id": "document"},
    "signature": {"document_id": "document", "party_id": "party"},
    "contact_person": {"case_id": "case"},
    "contact_attempt": {"case_id": "case", "party_id": "party", "person_id": "contact_person"},
    "privacy_notice": {"case_id": "case", "party_id": "party"},
    "court_ruling": {"case_id": "case"},
    "evidence": {"case_id": "case"},
    "mandate_exception": {"case_id": "case"},
    "retained_document": {"document_id": "document"},
    "case_erasure": {"case_id": "case"},
}
"""Per entity: column → the entity whose uid it carries on the wire."""

CARRIED: dict[str, str] = {"batch": "batch_id"}
"""Tables shared by many cases that travel inside each case's body instead of as rows of
their own (a row belongs to one case group): the case body's key `batch` holds the intake
batch's columns (its uid included) and `batch_id` that uid. A laptop that receives a case
makes or updates the batch by its uid, so a batch imported anywhere reaches the laptops
with its cases (name, creditor, file, counts of the import)."""

BLOB_COLUMNS: dict[str, tuple[str, ...]] = {
    "document": ("content",),
    "document_attachment": ("content",),
    "signature": ("png",),
    "evidence": ("content",),
    "mandate_exception": ("scan",),
}
BLOB_SHA_COLUMNS: dict[str, str] = {"evidence": "sha256"}
"""Blob columns whose SHA-256 is stored beside them (evidence of up to 200 MB): the row is
read without its bytes and the bytes are read only when the office asks for them."""

KEY_COLUMNS: dict[str, str] = {"retained_document": "document_id"}
"""Tables whose local primary key is not `id`."""

REFERENCE_DATA = ("organisation", "mediator", "mandate")
"""Office-owned tables delivered whole as the reference set (sync.md §5.2), never in a case
group; a laptop cannot change them once enrolled. The LPR table (a file) travels with them."""

LOCAL_ONLY_COLUMNS: dict[str, tuple[str, ...]] = {"case": ("mediator_id",)}
"""Columns that never travel (the case's mediator is the lease holder on the server)."""

HOLDER_OWNED = frozenset(
    {"case", "party", "loan_terms", "claim", "settlement", "session", "contact_person"}
)
FACTS = frozenset(
    {"payment", "charge", "plan_payment", "status_change", "contact_attempt", "privacy_notice",
     "court_ruling", "case_erasure"}
)
IMMUTABLE = frozenset(
    {"recalc_snapshot", "document_attachment", "signature", "evidence", "retained_document"}
)
LOCKED_DOCUMENT = frozenset({"signed", "printed"})
SIGNED_OR_LATER = frozenset(
    {
        "signed",
        "confirmation_applied",
        "confirmed",
        "performing",
        "fulfilled",
        "defaulted",
        "litigation",
    }
)
FACT_STATUSES = frozenset({"signed", "performing", "defaulted", "fulfilled"})
"""Status moves that record something that happened: kept even under an old lease."""


def row_class(entity: str, body: Mapping[str, Any] | None, case_status: str = "") -> str:
    """`immutable`, `fact` or `holder` for one row as it stands (see sync.md §5.6)."""
    if entity in IMMUTABLE:
        return "immutable"
    if entity == "document":
        return "immutable" if body and body.get("status") in LOCKED_DOCUMENT else "holder"
    if entity == "session" and body and body.get("ended_at"):
        return "fact"
    if entity == "mandate_exception":  # the creditor's decision happened: a fact from then on
        return "fact" if body and body.get("state") != "pending" else "holder"
    if entity == "settlement" and case_status in SIGNED_OR_LATER:
        return "immutable"
    if entity in FACTS:
        return "fact"
    return "holder"


def uuid7() -> str:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits."""
    return uuid7_many(1)[0]


_VARIANT = "89ab89ab89ab89ab"


def uuid7_many(count: int) -> list[str]:
    """`count` UUIDv7s made at once (a bulk import's rows): one clock reading and one read
    of the random source, then text (the version nibble 7, the variant bits 10)."""
    millis = (time.time_ns() // 1_000_000) & 0xFFFF_FFFF_FFFF
    head = f"{millis >> 16:08x}-{millis & 0xFFFF:04x}-7"
    rand = os.urandom(10 * count).hex()
    return [
        f"{head}{rand[k:k + 3]}-{_VARIANT[int(rand[k + 3], 16)]}{rand[k + 4:k + 7]}-"
        f"{rand[k + 7:k + 19]}"
        for k in range(0, 20 * count, 20)
    ]


def canonical(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8, no NaN: the bytes that hashes and signatures cover."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def row_hash(body: Mapping[str, Any] | None) -> str:
    return hashlib.sha256(canonical(body)).hexdigest()


def parse_protocol(text: str) -> tuple[int, int]:
    try:
        major, minor = text.split(".", 1)
        return int(major), int(minor)
    except (ValueError, AttributeError):
        return (0, 0)


def protocol_ok(client: str) -> str:
    """`ok`, `upcast` (one minor behind), `too_old` or `too_new` for a client's protocol."""
    have, low, mine = parse_protocol(client), parse_protocol(MIN_PROTOCOL), parse_protocol(PROTOCOL)
    if have > mine:
        return "too_new"
    if have < low:
        return "too_old"
    return "ok" if have == mine else "upcast"


def upcast_group(group: dict[str, Any], protocol: str) -> dict[str, Any]:
    """A case group of protocol 1.0 in today's form: 1.0 carried one `seq` per group,
    1.1 carries one per row."""
    if parse_protocol(protocol) >= (1, 1):
        return group
    seq = int(group.get("seq", 0))
    rows = [{**row, "seq": row.get("seq", seq)} for row in group.get("rows", [])]
    return {**group, "rows": rows}


def erasure_in(rows: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The body of a finished erasure among these rows (a case's personal data erased)."""
    for row in rows:
        body = row.get("body")
        if row.get("e") == "case_erasure" and isinstance(body, Mapping) and \
                body.get("state") == "done":
            return body
    return None


def blob_refs(rows: Sequence[Mapping[str, Any]]) -> set[str]:
    """The SHA-256 of every blob the rows refer to."""
    found: set[str] = set()
    for row in rows:
        body = row.get("body") or {}
        for column in BLOB_COLUMNS.get(str(row.get("e")), ()):
            ref = body.get(column)
            if isinstance(ref, Mapping) and ref.get("sha256"):
                found.add(str(ref["sha256"]))
    return found
