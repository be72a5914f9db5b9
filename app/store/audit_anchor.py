"""The audit chain's anchor: its head (seq and hash) kept in `audit-head.json` beside the DB.

The hash chain shows an edited, reordered, inserted or deleted event in the middle of the
log, but not events cut off its end: the shorter chain is still a valid chain. So after
each write transaction that appended events, `Store.write` records the new head in a small
file next to the database (`before_commit` decides, `after_commit` writes it). `audit
verify` then reports a head shorter than the anchor as "events after seq N missing", and
a different event at the anchored seq as a replaced tail.

The anchor only moves forward along the chain it vouches for:

- when the event at the anchored seq no longer has the anchored hash (the tail was cut or
  rewritten), later writes leave the anchor where it is, so the evidence stays;
- unless the same transaction recorded one of `REANCHOR_ACTIONS` (a backup restored on
  purpose, an explicit `audit reanchor` with a reason), which moves it to the new head;
- a missing or unreadable anchor while older events exist is re-created, and the chain
  itself gets an `audit.anchor_created` event saying so (a permanent mark).

Atomic with what it anchors:

- `Store.write` decides, commits and writes the anchor while holding the anchor's lock
  (`app.store.locks.anchor_lock`, taken while the transaction holds SQLite's write lock),
  so two writers never interleave there; each writes through its own temporary file.
- A restore swaps a whole database file in. Just before the swap the anchor names the new
  head and keeps the old one in `also`; just after, the new head alone. A kill at any point
  leaves an anchor that vouches for whichever file is in place (`read_heads`).

What it cannot do: someone who has the database key, rewrites the chain (recomputing every
hash) and edits this file consistently is not detected. The anchor is a tripwire for
edits made with a plain SQLite tool, not a proof against someone who knows the recipe.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.fsutil import write_atomically
from app.store.records import AuditEvent

if TYPE_CHECKING:
    from app.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

ANCHOR_FILE = "audit-head.json"
ANCHOR_FORMAT = 1
ANCHOR_CREATED = "audit.anchor_created"
REANCHORED = "audit.reanchored"
REANCHOR_ACTIONS = frozenset({"backup.restored", REANCHORED})


@dataclass(frozen=True)
class Head:
    """The last event of the chain: its seq and hash."""

    seq: int
    hash: str


@dataclass(frozen=True)
class AnchorPlan:
    """What to write after the commit: the new head, and whether it may move backwards."""

    head: Head
    force: bool


class AnchorUnreadable(Exception):
    """The anchor file exists but is not a valid anchor."""


def anchor_path(db_path: Path) -> Path:
    return db_path.with_name(ANCHOR_FILE)


def read_anchor(db_path: Path) -> Head | None:
    """The anchored head, None when there is no anchor file; `AnchorUnreadable` if damaged."""
    heads = read_heads(db_path)
    return heads[0] if heads else None


def read_heads(db_path: Path) -> tuple[Head, ...]:
    """The anchored head, then any other head the anchor also vouches for (the file
    before a restore's swap); empty when there is no anchor file."""
    path = anchor_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AnchorUnreadable(str(error)) from error
    if not isinstance(data, dict):
        raise AnchorUnreadable("not an object")
    also = data.get("also", [])
    if not isinstance(also, list):
        raise AnchorUnreadable("also is not a list")
    return tuple(_head(item) for item in [data, *also])


def _head(data: object) -> Head:
    seq = data.get("seq") if isinstance(data, dict) else None
    digest = data.get("hash") if isinstance(data, dict) else None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise AnchorUnreadable("no positive integer seq")
    if not isinstance(digest, str) or len(digest) != 64:
        raise AnchorUnreadable("no 64-character hash")
    return Head(seq, digest)


def write_anchor(db_path: Path, head: Head, also: tuple[Head, ...] = ()) -> None:
    """Replace the anchor file atomically: a temporary file of this writer's own (never a
    shared name), private to the user, fsynced, then `os.replace` (`app.fsutil`)."""
    data: dict[str, object] = {"format": ANCHOR_FORMAT, "seq": head.seq, "hash": head.hash}
    if also:
        data["also"] = [{"seq": h.seq, "hash": h.hash} for h in also]
    write_atomically(anchor_path(db_path), (json.dumps(data) + "\n").encode("utf-8"))


def stored_hash(uow: UnitOfWork, seq: int) -> str | None:
    return uow.session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))


def before_commit(uow: UnitOfWork, db_path: Path) -> AnchorPlan | None:
    """Decide, inside the write transaction, where the anchor goes after the commit."""
    if not uow.writable or not uow.recorded:
        return None
    last = uow.audit.last()
    if last is None:
        return None
    first_new = last.seq - uow.recorded + 1
    try:
        heads = read_heads(db_path)
        problem = "missing"
    except AnchorUnreadable:
        heads, problem = (), "unreadable"
    if not heads:
        if first_new > 1:  # older events that no anchor vouches for: say so in the chain
            detail = {"reason": problem, "unanchored_through": first_new - 1}
            last = uow.record(ANCHOR_CREATED, detail=detail)
        return AnchorPlan(Head(last.seq, last.hash), force=True)
    for n, anchored in enumerate(heads):
        if stored_hash(uow, anchored.seq) == anchored.hash:  # forced: back to one head
            return AnchorPlan(Head(last.seq, last.hash), force=n > 0 or len(heads) > 1)
    if _recorded_actions(uow, first_new) & REANCHOR_ACTIONS:
        return AnchorPlan(Head(last.seq, last.hash), force=True)
    return None  # the anchored event is gone or changed: keep the evidence


def after_commit(db_path: Path, plan: AnchorPlan | None) -> None:
    """Write the planned head (never backwards unless forced); a failure is only logged."""
    if plan is None:
        return
    try:
        if not plan.force:
            try:
                current = read_anchor(db_path)
            except AnchorUnreadable:
                current = None
            if current is not None and current.seq >= plan.head.seq:
                return  # another writer got further meanwhile
        write_anchor(db_path, plan.head)
    except OSError as error:  # the commit stands; verify will see the anchor lagging
        log.warning("Could not update the audit anchor %s: %s", anchor_path(db_path), error)


def _recorded_actions(uow: UnitOfWork, first_seq: int) -> set[str]:
    stmt = select(AuditEvent.action).where(AuditEvent.seq >= first_seq)
    return set(uow.session.scalars(stmt))
