"""Walk the audit chain as it is stored and name what is wrong with it, link by link.

The rows are read raw (text as stored, no ORM types), so a row someone edited into
something the ORM cannot load is still examined. What each finding means:

- `deleted`: seqs missing between two stored events (rows deleted from the middle);
- `edited`: an event's fields no longer give its stored hash (a row changed after it was
  written), or a field cannot even be read;
- `moved`: the fields give the stored hash only with another seq — the event was written
  as seq `written_as` and now sits elsewhere (rows reordered by changing their seq);
- an event whose personal values an erasure redacted (`app.store.audit_redaction`) counts
  as intact when a later `privacy.erased` event attests exactly its redacted form;
- `relinked`: a self-consistent event whose `prev_hash` is not the hash of the event
  stored before it — a forged event inserted, the event before it replaced or rewritten
  with a recomputed hash, or rows reordered with recomputed hashes (the chain cannot tell
  which side of the link lies, only that the link is broken).

Findings that only follow from an earlier one are not repeated: the event after a gap is
not checked against the missing one, nor the event after a moved one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.store.audit import GENESIS, attestations, event_hash

MAX_FINDINGS = 100
MAX_BACKTRACK = 64
COLUMNS = "seq, CAST(at AS TEXT), actor, case_id, action, CAST(detail AS TEXT), prev_hash, hash"


@dataclass(frozen=True)
class StoredEvent:
    """An audit row exactly as stored (text columns as text)."""

    seq: int
    at: str
    actor: str
    case_id: object  # an int or None, unless someone stored something else
    action: str
    detail: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Finding:
    """One broken link: the seq where it shows, its kind (see the module), and facts."""

    seq: int
    kind: str
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass
class Walk:
    """What walking the chain found: findings in seq order, the count, the last event."""

    findings: list[Finding] = field(default_factory=list)
    events: int = 0
    last: StoredEvent | None = None
    more: bool = False  # findings beyond MAX_FINDINGS were not listed


def stored_events(session: Session) -> Iterator[StoredEvent]:
    """Every audit row in seq order, as stored."""
    result = session.execute(text(f"SELECT {COLUMNS} FROM audit_event ORDER BY seq"))
    for row in result:
        yield _stored(tuple(row))


def stored_event(
    session: Session, *, seq: int | None = None, digest: str | None = None
) -> StoredEvent | None:
    """The row with this seq, or with this hash."""
    column, value = ("seq", seq) if seq is not None else ("hash", digest)
    stmt = text(f"SELECT {COLUMNS} FROM audit_event WHERE {column} = :value")
    row = session.execute(stmt, {"value": value}).first()
    return None if row is None else _stored(tuple(row))


def fields_of(event: StoredEvent) -> dict[str, Any] | None:
    """The hashed fields of a stored row, or None when a field cannot be read."""
    try:
        at = datetime.fromisoformat(event.at)
        detail = json.loads(event.detail)
    except (TypeError, ValueError):
        return None
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    if event.case_id is not None and not isinstance(event.case_id, int):
        return None
    return {
        "at": at,
        "actor": event.actor,
        "case_id": event.case_id,
        "action": event.action,
        "detail": detail,
        "prev_hash": event.prev_hash,
    }


def recomputed(event: StoredEvent, seq: int | None = None) -> str | None:
    """The hash the row's fields give with `seq` (default: its own); None if unreadable."""
    fields = fields_of(event)
    if fields is None:
        return None
    try:
        return event_hash(seq=event.seq if seq is None else seq, **fields)
    except (TypeError, ValueError):  # e.g. a NaN smuggled into the detail
        return None


def walk(session: Session) -> Walk:
    """Walk the whole chain from seq 1 (see the module for what is reported)."""
    found = Walk()
    attested = attestations(session)
    expected_seq, expected_prev, link_known = 1, GENESIS, True
    for event in stored_events(session):
        found.events += 1
        found.last = event
        if event.seq > expected_seq:
            gap = {"first": expected_seq, "last": event.seq - 1}
            _add(found, Finding(expected_seq, "deleted", gap))
            link_known = False
        finding = _check(session, event, expected_prev if link_known else None, attested)
        if event.seq < expected_seq and finding is None:
            finding = Finding(event.seq, "edited", {"field": "seq"})
        if finding is not None:
            _add(found, finding)
        link_known = finding is None or finding.kind != "moved"
        expected_seq, expected_prev = max(event.seq + 1, expected_seq), event.hash
    return found


Attested = dict[int, tuple[str, str]]


def intact(event: StoredEvent, attested: Attested) -> bool:
    """The event's fields give its hash, or the redacted form an erasure attested."""
    own = recomputed(event)
    return own == event.hash or attested.get(event.seq) == (event.hash, own)


def _check(
    session: Session, event: StoredEvent, expected_prev: str | None, attested: Attested
) -> Finding | None:
    own = recomputed(event)
    if own is None:
        return Finding(event.seq, "edited", {"unreadable": True})
    if own != event.hash and not intact(event, attested):
        written_as = _written_as(session, event, MAX_BACKTRACK, attested)
        if written_as is not None and written_as != event.seq:
            return Finding(event.seq, "moved", {"written_as": written_as})
        return Finding(event.seq, "edited", {})
    if expected_prev is not None and event.prev_hash != expected_prev:
        return Finding(event.seq, "relinked", {})
    return None


def _written_as(
    session: Session, event: StoredEvent, depth: int, attested: Attested
) -> int | None:
    """The seq this row was written with, found by following `prev_hash` back, or None."""
    if event.prev_hash == GENESIS:
        original = 1
    else:
        before = stored_event(session, digest=event.prev_hash)
        if before is None or depth <= 0:
            return None
        if intact(before, attested):
            before_seq: int | None = before.seq
        else:
            before_seq = _written_as(session, before, depth - 1, attested)
        if before_seq is None:
            return None
        original = before_seq + 1
    return original if recomputed(event, original) == event.hash else None


def _add(found: Walk, finding: Finding) -> None:
    if len(found.findings) < MAX_FINDINGS:
        found.findings.append(finding)
    else:
        found.more = True


def _stored(row: tuple[Any, ...]) -> StoredEvent:
    seq, at, actor, case_id, action, detail, prev_hash, digest = row
    return StoredEvent(
        seq=int(seq),
        at=str(at),
        actor=str(actor),
        case_id=case_id,
        action=str(action),
        detail=str(detail),
        prev_hash=str(prev_hash),
        hash=str(digest),
    )
