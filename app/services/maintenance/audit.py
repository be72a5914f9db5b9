"""The audit log as use cases: verify the hash chain, list who changed what, re-anchor.

    report = verify_chain(ctx)       # .intact, .first (the first broken link), .problems
    entries = list_events(ctx, case_no="TJ-2026-000007")
    reanchor(ctx, "已核实：误删数据目录后从备份恢复")

What is detected (walking every event from seq 1, see `app.store.audit_check`), even when
someone drops the triggers and edits `cases.db` with a plain SQLite tool:

- a changed field of any event (detail, actor, time, action, case): `edited`;
- an event deleted from the middle: `deleted` (the missing seqs);
- events reordered by swapping their seq: `moved` (with the seq each was written as);
- a forged event inserted, or one replaced with a recomputed hash: `relinked` (the link
  between it and the event before it is broken; the chain cannot say which side lies);
- events cut off the end: `truncated`, against the head kept in `audit-head.json` beside
  the database after every write (`app.store.audit_anchor`); a tail deleted and then
  written over by the app: `anchor_mismatch`; the anchor file missing or damaged:
  `unanchored` / `anchor_unreadable`.

Not detected: someone with the database key who rewrites every hash from the edited
event on and the anchor file to match (anyone who knows the recipe can); events cut off
the end together with the anchor file, if the app has written since (the re-created
anchor is then marked in the chain by an `audit.anchor_created` event, listed in the
report's notes). Events written after a crash but before the anchor was updated only make
the anchor lag, which is not a break.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import DomainError, InputError, Problem
from app.services.maintenance.audit_text import ACTION_LABELS, ChainFinding, describe, describe_note
from app.store import audit_anchor, audit_check
from app.store.audit_anchor import AnchorUnreadable, Head

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.context import AppContext

__all__ = [
    "ACTION_LABELS",
    "AnchorInfo",
    "AuditEntry",
    "ChainFinding",
    "ChainReport",
    "list_events",
    "open_existing",
    "reanchor",
    "verify_chain",
]

NOTE_ACTIONS = (audit_anchor.ANCHOR_CREATED, audit_anchor.REANCHORED, "backup.restored")
UNREADABLE = "审计日志无法读取（{error}）：案件库可能已损坏。请运行 db check，或从备份恢复。"
NO_STORE = "{path} 没有案件库：请检查 --data-dir。\nNo case store in {path}: check --data-dir."


@dataclass(frozen=True)
class AnchorInfo:
    """The anchor file and what it says: `status` ok, lagging, missing, unreadable, ahead
    (events cut off the end), mismatch (the anchored event was replaced), or none (no
    events and no anchor yet)."""

    path: str
    status: str
    seq: int | None = None
    hash: str | None = None


@dataclass(frozen=True)
class ChainReport:
    """The verdict on the whole audit log; `problems` in seq order, the first first."""

    intact: bool
    events: int
    head_seq: int | None
    head_hash: str | None
    anchor: AnchorInfo
    problems: tuple[ChainFinding, ...]
    more_problems: bool
    notes: tuple[ChainFinding, ...]

    @property
    def first(self) -> ChainFinding | None:
        return self.problems[0] if self.problems else None


@dataclass(frozen=True)
class AuditEntry:
    """One event for people: when (UTC), who, which case, what, and its details."""

    seq: int
    at: datetime | None
    actor: str
    case_no: str | None
    action: str
    action_label: str
    detail: dict[str, Any]


def open_existing(data_dir: Path | None, actor: str = "audit") -> AppContext:
    """A context on the store in `data_dir` without migrating or backing up (read-only use);
    a `DomainError` when there is no store there."""
    from app.services.context import db_path_for, open_context, resolve_data_dir

    folder = resolve_data_dir(data_dir)
    if not db_path_for(folder).is_file():
        raise DomainError(NO_STORE.format(path=folder))
    return open_context(folder, actor=actor, migrate=False)


def verify_chain(ctx: AppContext) -> ChainReport:
    """Walk the whole chain and check its head against the anchor (see the module)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with ctx.read() as uow:
            walked = audit_check.walk(uow.session)
            anchor, anchor_finding = _check_anchor(uow.session, ctx.db_path, walked)
            notes = [describe_note(e) for e in _note_events(uow.session)]
    except SQLAlchemyError as error:
        raise DomainError(UNREADABLE.format(error=error.__class__.__name__)) from error
    findings = [describe(f) for f in walked.findings]
    if anchor_finding is not None:
        findings.append(describe(anchor_finding))
    findings.sort(key=lambda f: f.seq)
    last = walked.last
    return ChainReport(
        intact=not findings,
        events=walked.events,
        head_seq=last.seq if last else None,
        head_hash=last.hash if last else None,
        anchor=anchor,
        problems=tuple(findings),
        more_problems=walked.more,
        notes=tuple(notes),
    )


def list_events(
    ctx: AppContext, case_no: str | None = None, *, limit: int | None = None
) -> list[AuditEntry]:
    """Events oldest first (the last `limit` of them), of one case when `case_no` is given."""
    from sqlalchemy import select

    from app.store.models import Case

    with ctx.read() as uow:
        case_id = uow.cases.require(case_no).id if case_no else None
        numbers = {i: n for i, n in uow.session.execute(select(Case.id, Case.case_no))}
        rows = [
            e
            for e in audit_check.stored_events(uow.session)
            if case_id is None or e.case_id == case_id
        ]
    if limit is not None:
        rows = rows[-limit:] if limit > 0 else []
    return [_entry(e, numbers) for e in rows]


def reanchor(ctx: AppContext, reason: str) -> AnchorInfo:
    """Accept the chain as it now stands: an `audit.reanchored` event (with the reason and
    the old anchor) moves the anchor to the head. Breaks inside the chain remain."""
    text = reason.strip()
    if not text:
        raise InputError(
            [Problem("reason", "请写明重新锚定的原因（例如：从备份恢复后核实无误）。")]
        )
    try:
        previous = audit_anchor.read_anchor(ctx.db_path)
        old: dict[str, Any] | None = None if previous is None else vars(previous)
    except AnchorUnreadable:
        old = {"unreadable": True}
    with ctx.write() as uow:
        uow.record(audit_anchor.REANCHORED, detail={"reason": text, "previous": old})
    return anchor_info(ctx.db_path)


def anchor_info(db_path: Path, status: str | None = None) -> AnchorInfo:
    path = str(audit_anchor.anchor_path(db_path))
    try:
        head = audit_anchor.read_anchor(db_path)
    except AnchorUnreadable:
        return AnchorInfo(path, "unreadable")
    if head is None:
        return AnchorInfo(path, status or "missing")
    return AnchorInfo(path, status or "ok", head.seq, head.hash)


def _check_anchor(
    session: Session, db_path: Path, walked: audit_check.Walk
) -> tuple[AnchorInfo, audit_check.Finding | None]:
    """The anchor's status, and a finding when it shows events missing or replaced."""
    info = anchor_info(db_path)
    last = walked.last
    if info.status == "unreadable":
        return info, audit_check.Finding(last.seq if last else 0, "anchor_unreadable")
    if info.seq is None or info.hash is None:
        if last is None:
            return AnchorInfo(info.path, "none"), None
        return info, audit_check.Finding(last.seq, "unanchored", {"path": info.path})
    anchored = _vouching_head(session, db_path) or Head(info.seq, info.hash)
    if last is None or anchored.seq > last.seq:
        facts = {"last": last.seq if last else 0, "anchored": anchored.seq}
        return anchor_info(db_path, "ahead"), audit_check.Finding(
            facts["last"] + 1, "truncated", facts
        )
    row = audit_check.stored_event(session, seq=anchored.seq)
    if row is None:  # inside a gap the walk already reported
        return anchor_info(db_path, "mismatch"), None
    if row.hash != anchored.hash:
        return anchor_info(db_path, "mismatch"), audit_check.Finding(
            anchored.seq, "anchor_mismatch"
        )
    status = "ok" if anchored.seq == last.seq else "lagging"
    return AnchorInfo(info.path, status, anchored.seq, anchored.hash), None


def _vouching_head(session: Session, db_path: Path) -> Head | None:
    """The anchored head the stored chain has (a restore stopped at its swap leaves two)."""
    for head in audit_anchor.read_heads(db_path):
        row = audit_check.stored_event(session, seq=head.seq)
        if row is not None and row.hash == head.hash:
            return head
    return None


def _note_events(session: Session) -> list[audit_check.StoredEvent]:
    from sqlalchemy import select

    from app.store.records import AuditEvent

    stmt = select(AuditEvent.seq).where(AuditEvent.action.in_(NOTE_ACTIONS))
    found = (audit_check.stored_event(session, seq=s) for s in session.scalars(stmt))
    return [e for e in found if e is not None]


def _entry(event: audit_check.StoredEvent, numbers: dict[int, str]) -> AuditEntry:
    fields = audit_check.fields_of(event)
    at = fields["at"].astimezone(UTC) if fields else None
    detail = fields["detail"] if fields else None
    if not isinstance(detail, dict):
        detail = {"raw": event.detail}
    case_no = numbers.get(event.case_id) if isinstance(event.case_id, int) else None
    label = ACTION_LABELS.get(event.action, event.action)
    return AuditEntry(event.seq, at, event.actor, case_no, event.action, label, detail)


def detail_text(detail: dict[str, Any]) -> str:
    """A detail object on one line (for tables)."""
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
