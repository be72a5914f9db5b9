"""The hash-chained audit log.

Each event's `hash` is the SHA-256 (hex) of the canonical JSON of

    {"action", "actor", "at", "case_id", "detail", "prev_hash", "seq"}

where `at` is the UTC timestamp as `datetime.isoformat(timespec="microseconds")`
(e.g. "2026-03-01T02:03:04.000005+00:00"), `detail` the stored JSON object, and
`prev_hash` the previous event's hash (`GENESIS`, 64 zeros, for seq 1). Canonical JSON is
`json.dumps(..., sort_keys=True, separators=(",", ":"), ensure_ascii=False)` in UTF-8.
Appending happens inside the caller's write transaction (`BEGIN IMMEDIATE`), so two writers
can never chain onto the same predecessor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.canonical import canonical_json
from app.store.records import AuditEvent

GENESIS = "0" * 64




def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def jsonable(value: Any) -> Any:
    """Plain JSON data from service values: Decimal and dates become strings; floats refused."""
    if value is None or isinstance(value, (bool, int, str)):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, float):
        raise TypeError("floats are not stored; use Decimal or str")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    raise TypeError(f"cannot store {type(value).__name__} in JSON")


def timestamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    case_id: int | None,
    action: str,
    detail: Mapping[str, Any],
    prev_hash: str,
) -> str:
    fields = {
        "action": action,
        "actor": actor,
        "at": timestamp(at),
        "case_id": case_id,
        "detail": detail,
        "prev_hash": prev_hash,
        "seq": seq,
    }
    return sha256_hex(canonical_json(fields))


def hash_of(event: AuditEvent) -> str:
    """The hash `event` should carry, recomputed from its stored fields."""
    return event_hash(
        seq=event.seq,
        at=event.at,
        actor=event.actor,
        case_id=event.case_id,
        action=event.action,
        detail=event.detail,
        prev_hash=event.prev_hash,
    )


class AuditLog:
    """Appends to and reads the chain within one session (one unit of work)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def last(self) -> AuditEvent | None:
        stmt = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)
        return self.session.scalars(stmt).first()

    def append(
        self,
        *,
        actor: str,
        at: datetime,
        action: str,
        case_id: int | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> AuditEvent:
        previous = self.last()
        seq = previous.seq + 1 if previous else 1
        prev_hash = previous.hash if previous else GENESIS
        data = jsonable(dict(detail or {}))
        event = AuditEvent(
            seq=seq,
            at=at,
            actor=actor,
            case_id=case_id,
            action=action,
            detail=data,
            prev_hash=prev_hash,
            hash=event_hash(
                seq=seq,
                at=at,
                actor=actor,
                case_id=case_id,
                action=action,
                detail=data,
                prev_hash=prev_hash,
            ),
        )
        self.session.add(event)
        self.session.flush()
        return event

    def for_case(self, case_id: int) -> list[AuditEvent]:
        stmt = select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
        return list(self.session.scalars(stmt))

    def verify(self) -> list[str]:
        """Problems found walking the whole chain; empty when it is intact (an event an
        erasure redacted counts when attested, see `app.store.audit_redaction`)."""
        attested = attestations(self.session)
        problems: list[str] = []
        expected_prev, expected_seq = GENESIS, 1
        for event in self.session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
            if event.seq != expected_seq:
                problems.append(f"seq {event.seq}: expected {expected_seq} (a gap)")
            if event.prev_hash != expected_prev:
                problems.append(f"seq {event.seq}: prev_hash does not match the event before")
            own = hash_of(event)
            if own != event.hash and attested.get(event.seq) != (event.hash, own):
                problems.append(f"seq {event.seq}: hash does not match its fields")
            expected_prev, expected_seq = event.hash, event.seq + 1
        return problems


ERASED_ACTION = "privacy.erased"
"""The action of an erasure's event: it attests the events it redacted (`audit_redaction`)."""


def attestations(session: Session) -> dict[int, tuple[str, str]]:
    """seq → (original hash, redacted hash), from every `privacy.erased` event (each only
    for events before it)."""
    rows = session.execute(
        text("SELECT seq, CAST(detail AS TEXT) FROM audit_event WHERE action = :action"),
        {"action": ERASED_ACTION},
    )
    found: dict[int, tuple[str, str]] = {}
    for attesting, detail_text in rows:
        try:
            items = json.loads(detail_text).get("redacted", [])
        except (ValueError, AttributeError):
            continue
        for item in items if isinstance(items, list) else []:
            seq = item.get("seq") if isinstance(item, dict) else None
            if isinstance(seq, int) and seq < attesting:
                found[seq] = (str(item.get("hash")), str(item.get("redacted")))
    return found
