"""What happens to a case over time: sessions, settlements, recalculations, documents, audit.

`RecalcSnapshot` and `AuditEvent` rows are immutable, and a signed or printed `Document`
keeps its content (a signed one also how and when it was signed, and stays signed);
`DocumentAttachment` and `Signature` rows are never changed, and cannot be deleted once their
document is locked: the ORM refuses such changes here, and the migrations add SQLite
triggers that refuse them for any other writer too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import ATTACHMENT_ROLES, DOCUMENT_STATUSES, SIGNING_METHODS
from app.store.base import Base, one_of, uid_column
from app.store.types import Money, UTCDateTime

CASE_FK = "case.id"
LOCKED_DOCUMENT_STATUSES = ("signed", "printed")
LOCKED_DOCUMENT_FIELDS = (
    "case_id",
    "kind",
    "version",
    "file_sha256",
    "content",
    "file_path",
    "supersedes_id",
    "created_at",
)
SIGNED_DOCUMENT_FIELDS = ("signed_via", "signed_at")


class MediationSession(Base):
    """One mediation session (table `session`): who came, what was said, what came of it."""

    __tablename__ = "session"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    attendees: Mapped[list[Any]] = mapped_column(JSON, default=list)
    statements: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(32), default="")
    next_date: Mapped[dt.date | None]


class Settlement(Base):
    """Settlement terms (a JSON plan) and the total the parties settled on; one per case.

    Once the case is signed the row is fixed (a trigger refuses updates; see revision 0002).
    """

    __tablename__ = "settlement"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(
        ForeignKey(CASE_FK, ondelete="CASCADE"), index=True, unique=True
    )
    terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    settled_total: Mapped[Decimal] = mapped_column(Money)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PlanPayment(Base):
    """A payment under a signed settlement's plan (the loan's own payments are `payment`)."""

    __tablename__ = "plan_payment"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    settlement_id: Mapped[int] = mapped_column(
        ForeignKey("settlement.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date]
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RecalcSnapshot(Base):
    """One recalculation, frozen: the engine's input and output and their SHA-256."""

    __tablename__ = "recalc_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    as_of: Mapped[dt.date]
    input_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    output_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    engine_version: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Document(Base):
    """A rendered document version; an amendment is a new row that `supersedes` the old."""

    __tablename__ = "document"
    __table_args__ = (
        one_of("status", DOCUMENT_STATUSES, "status"),
        UniqueConstraint("case_id", "kind", "version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    file_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    file_path: Mapped[str | None] = mapped_column(String(260))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    signed_via: Mapped[str | None] = mapped_column(
        String(16), one_of("signed_via", SIGNING_METHODS, "signed_via")
    )
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class DocumentAttachment(Base):
    """Evidence that a document version was signed: a scan of the signed paper, the PDF
    with the handwritten signatures placed, the digitally signed PDF. Never changed."""

    __tablename__ = "document_attachment"
    __table_args__ = (one_of("role", ATTACHMENT_ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))
    filename: Mapped[str] = mapped_column(String(260), default="")
    media_type: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Signature(Base):
    """A handwritten signature on a document version: who (a party, or the mediator when
    `party_id` is null), when, the transparent PNG and the pad's strokes. Never changed;
    signing again adds a row and the latest per signer counts."""

    __tablename__ = "signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("party.id", ondelete="CASCADE"), index=True
    )
    signer_name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    png: Mapped[bytes] = mapped_column(LargeBinary)
    png_sha256: Mapped[str] = mapped_column(String(64))
    strokes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AuditEvent(Base):
    """One link of the hash-chained audit log (see `app.store.audit` for the hash)."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    case_id: Mapped[int | None] = mapped_column(ForeignKey(CASE_FK), index=True)
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class ImmutableRowError(RuntimeError):
    """A bug: code tried to change a row the store keeps immutable."""


def _refuse(what: str) -> Any:
    def listener(mapper: Any, connection: Any, target: Any) -> None:
        raise ImmutableRowError(f"{what} rows are immutable")

    return listener


for _model, _name in ((RecalcSnapshot, "recalc_snapshot"), (AuditEvent, "audit_event")):
    event.listen(_model, "before_update", _refuse(_name))
    event.listen(_model, "before_delete", _refuse(_name))
for _kept, _table in ((DocumentAttachment, "document_attachment"), (Signature, "signature")):
    event.listen(_kept, "before_update", _refuse(_table))


@event.listens_for(Document, "before_update")
def _keep_signed_documents(mapper: Any, connection: Any, target: Document) -> None:
    from sqlalchemy import inspect

    state = inspect(target)
    old_status = state.attrs.status.history.deleted
    was = old_status[0] if old_status else target.status
    if was not in LOCKED_DOCUMENT_STATUSES:
        return
    fixed = [*LOCKED_DOCUMENT_FIELDS, *(SIGNED_DOCUMENT_FIELDS if was == "signed" else ())]
    for name in fixed:
        if state.attrs[name].history.has_changes():
            raise ImmutableRowError(f"a {was} document keeps its {name}")
    allowed = ("signed",) if was == "signed" else LOCKED_DOCUMENT_STATUSES
    if target.status not in allowed:
        raise ImmutableRowError(f"a {was} document cannot go back to {target.status}")


@event.listens_for(Document, "before_delete")
def _keep_signed_documents_forever(mapper: Any, connection: Any, target: Document) -> None:
    if target.status in LOCKED_DOCUMENT_STATUSES:
        raise ImmutableRowError(f"a {target.status} document cannot be deleted")


