"""What the centre keeps for the courts: evidence preserved (存证) and the courts' rulings.

`Evidence` rows are the lender's files (loan contract, transfer records, repayment history,
notices sent, recordings) for one case, or for a whole batch (`case_id` null, `batch` the
batch's name as cases carry it in `source_batch`). The bytes live in the encrypted store
with their SHA-256, when and by whom they were added and where they came from. A row is
never changed: the ORM refuses it here and revision 0010 adds a trigger for any other writer.

`CourtRuling` keeps a court's ruling on a case: for now the ruling that confirmed the
mediation agreement (民事裁定书 number, date, court), which an application for enforcement
cites.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.evidence_kinds import EVIDENCE_KINDS
from app.store.base import Base, one_of, uid_column
from app.store.types import UTCDateTime

RULING_KINDS: dict[str, str] = {"confirmation": "确认调解协议效力的民事裁定书"}


class Evidence(Base):
    """One file of evidence, kept as it was received (never changed)."""

    __tablename__ = "evidence"
    __table_args__ = (
        one_of("kind", EVIDENCE_KINDS, "kind"),
        CheckConstraint("case_id IS NOT NULL OR batch <> ''", name="case_or_batch"),
        CheckConstraint("size > 0", name="size_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), index=True
    )
    batch: Mapped[str] = mapped_column(String(100), default="", index=True)
    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    filename: Mapped[str] = mapped_column(String(260), default="")
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CourtRuling(Base):
    """A court's ruling on the case (one per kind): its number, date and court."""

    __tablename__ = "court_ruling"
    __table_args__ = (
        one_of("kind", RULING_KINDS, "kind"),
        UniqueConstraint("case_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24), default="confirmation")
    ruling_no: Mapped[str] = mapped_column(String(100))
    ruled_on: Mapped[dt.date]
    court: Mapped[str] = mapped_column(String(100))
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class EvidenceChangedError(RuntimeError):
    """A bug: code tried to change preserved evidence."""


@event.listens_for(Evidence, "before_update")
def _keep_evidence(mapper: Any, connection: Any, target: Evidence) -> None:
    raise EvidenceChangedError("evidence rows are never changed")
