"""The store and its unit of work: one transaction, committed or rolled back as a whole.

    with store.write(actor="张调解员") as uow:      # BEGIN IMMEDIATE … COMMIT
        case = uow.cases.require("TJ-2026-000001")
        case.status = "contacting"
        uow.record("case.status_changed", case=case, detail={"to": "contacting"})

    with store.read() as uow:                       # BEGIN … ROLLBACK, never writes
        rows = uow.cases.search("张")

A write unit of work that changed any row must append at least one audit event
(`uow.record`); committing without one is a bug and raises `MissingAuditEvent`.
ORM objects must not leave the `with` block: convert them to plain data inside it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

import app.store.schema  # noqa: F401  (every table registered before a session opens)
from app.store import audit_anchor, search
from app.store.audit import AuditLog
from app.store.engine import BUSY_TIMEOUT_MS, make_engine, writer
from app.store.errors import (
    BUSY_MESSAGE,
    DAMAGED_MESSAGE,
    FULL_MESSAGE,
    StoreBusy,
    StoreDamaged,
    StoreFull,
)
from app.store.faults import explain_database_error
from app.store.locks import anchor_lock
from app.store.models import Case, LoanTerms, Party
from app.store.records import AuditEvent
from app.store.repositories import CaseRepository, OrganisationRepository
from app.store.sync_tables import (
    SyncBlobPart,
    SyncBundleSeen,
    SyncCase,
    SyncCounter,
    SyncNote,
    SyncNumberBlock,
    SyncOutbox,
    SyncPending,
    SyncState,
)

SYNC_BOOKKEEPING = (
    SyncBlobPart,
    SyncBundleSeen,
    SyncCase,
    SyncCounter,
    SyncNote,
    SyncNumberBlock,
    SyncOutbox,
    SyncPending,
    SyncState,
)


class MissingAuditEvent(RuntimeError):
    """A bug: a write unit of work changed rows without appending an audit event."""


class ReadOnlyViolation(RuntimeError):
    """A bug: a read unit of work tried to write."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """One transaction: the session, the repositories and the audit log."""

    def __init__(self, session: Session, *, actor: str, now: datetime, writable: bool) -> None:
        self.session = session
        self.actor = actor
        self.now = now
        self.writable = writable
        self.cases = CaseRepository(session)
        self.organisation = OrganisationRepository(session)
        self.audit = AuditLog(session)
        self.changed = False
        self.recorded = 0
        self.search_stale: set[int] = set()
        """Cases whose search index row is rewritten before the commit."""
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "after_flush", self._after_flush)

    def record(
        self, action: str, *, case: Case | None = None, detail: Mapping[str, Any] | None = None
    ) -> AuditEvent:
        """Append an audit event in this transaction; a case's `updated_at` becomes `now`."""
        if not self.writable:
            raise ReadOnlyViolation("record() in a read unit of work")
        if case is not None:
            case.updated_at = self.now
            self.session.flush()
        audit = self.audit.append(
            actor=self.actor,
            at=self.now,
            action=action,
            case_id=case.id if case is not None else None,
            detail=detail,
        )
        self.recorded += 1
        return audit

    def _before_flush(self, session: Session, flush_context: Any, instances: Any) -> None:
        touched = [*session.new, *session.deleted] + [
            o for o in session.dirty if session.is_modified(o)
        ]
        real = [o for o in touched if not isinstance(o, AuditEvent)]
        if real and not self.writable:
            raise ReadOnlyViolation(f"a read unit of work tried to write {real[0]!r}")
        # The sync's own bookkeeping (what is pending, cursors, notes) is not case data.
        self.changed = self.changed or any(not isinstance(o, SYNC_BOOKKEEPING) for o in real)

    def _after_flush(self, session: Session, flush_context: Any) -> None:
        """Note the cases whose names, numbers or contract number may have changed."""
        for obj in (*session.new, *session.dirty, *session.deleted):
            if isinstance(obj, Case):
                self.search_stale.add(obj.id)
            elif isinstance(obj, (Party, LoanTerms)) and obj.case_id is not None:
                self.search_stale.add(obj.case_id)

    def commit(self) -> None:
        self.session.flush()
        if self.changed and not self.recorded:
            raise MissingAuditEvent("rows changed without an audit event (call uow.record)")
        if self.search_stale:
            search.refresh(self.session.connection(), self.search_stale)
        self.session.commit()


class Store:
    """The case store on one SQLite file: a reader engine and a writer view of it."""

    def __init__(
        self,
        db_path: Path,
        *,
        key: bytes | None = None,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        anchored: bool = True,
    ) -> None:
        """`anchored=False`: a copy being prepared (a restore's staging file), whose
        events must not move the live store's audit anchor."""
        self.db_path = db_path
        self.engine = make_engine(db_path, key=key, busy_timeout_ms=busy_timeout_ms)
        self._writer = writer(self.engine)
        self.anchored = anchored

    @contextmanager
    def write(self, actor: str, now: datetime | None = None) -> Iterator[UnitOfWork]:
        """A write transaction (`BEGIN IMMEDIATE`), committed when the block ends cleanly."""
        with Session(self._writer) as session, _calm_errors(self.db_path):
            session.connection()  # BEGIN IMMEDIATE now: wait for (or fail on) the lock up front
            uow = UnitOfWork(session, actor=actor, now=now or utc_now(), writable=True)
            try:
                yield uow
                self._commit(uow)
            except BaseException:
                session.rollback()
                raise

    def _commit(self, uow: UnitOfWork) -> None:
        """Commit; with audit events, under the anchor's lock (taken while this transaction
        holds SQLite's write lock), the anchor decided before and written after the commit,
        so that writers move it one at a time and in the order they committed."""
        if not self.anchored or not uow.recorded:
            uow.commit()
            return
        with anchor_lock(self.db_path):
            plan = audit_anchor.before_commit(uow, self.db_path)
            uow.commit()
            audit_anchor.after_commit(self.db_path, plan)  # the chain's head, beside the DB

    @contextmanager
    def read(self) -> Iterator[UnitOfWork]:
        """A read transaction (plain `BEGIN`, a consistent snapshot), always rolled back."""
        with Session(self.engine) as session, _calm_errors(self.db_path):
            try:
                yield UnitOfWork(session, actor="", now=utc_now(), writable=False)
            finally:
                session.rollback()

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def _calm_errors(db_path: Path) -> Iterator[None]:
    """Turn a locked database, a full or read-only disk, or a damaged page reached by a
    query into messages a mediator can act on (naming the real cause, see `faults`)."""
    try:
        yield
    except DatabaseError as error:
        text = str(error.orig).lower()
        if "locked" in text or "busy" in text:
            raise StoreBusy(BUSY_MESSAGE) from error
        if "full" in text:
            raise StoreFull(FULL_MESSAGE) from error
        found = explain_database_error(error, db_path)
        if found is not None:
            raise found from error
        if any(word in text for word in ("malformed", "not a database", "corrupt")):
            raise StoreDamaged(DAMAGED_MESSAGE.format(path=db_path, reason=error.orig)) from error
        raise
