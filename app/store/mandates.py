"""The creditor's mandate (how far the centre may go in a settlement) and its exceptions.

- `mandate`: limits at one scope — a creditor (`creditor`: its credit code, or its name
  when it has none), a batch of that creditor (`batch`: the case's `source_batch`), or
  one case (`case_id`). Every limit is optional; a case takes each limit from the most
  specific scope that sets it (case, then batch, then creditor). `waivers` is
  {kind: {"percent": "50"} | {"amount": "1000.00"}} for interest, penalty, compound, fees.
- `mandate_exception`: a settlement outside the mandate, sent to the creditor for
  approval: the settlement's fingerprint (an approval holds for those terms only), the
  breaches, and the decision (who at the creditor, when, how: letter, scan, phone) with
  the scan attached.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, one_of, uid_column
from app.store.types import Money, UTCDateTime

MANDATE_SCOPES: dict[str, str] = {"creditor": "债权人", "batch": "批次", "case": "本案"}
EXCEPTION_STATES: dict[str, str] = {
    "pending": "待债权人批准",
    "approved": "已批准",
    "rejected": "未批准",
}
APPROVAL_MEANS: dict[str, str] = {"letter": "书面函件", "scan": "盖章扫描件", "phone": "电话确认"}


class Mandate(Base):
    __tablename__ = "mandate"
    __table_args__ = (
        one_of("scope", MANDATE_SCOPES, "scope"),
        CheckConstraint("(scope = 'case') = (case_id IS NOT NULL)", name="case_iff_case_scope"),
        CheckConstraint("(scope = 'batch') = (batch <> '')", name="batch_iff_batch_scope"),
        CheckConstraint("max_instalments IS NULL OR max_instalments >= 1", name="instalments"),
        CheckConstraint("max_term_months IS NULL OR max_term_months >= 1", name="term"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(16))
    creditor: Mapped[str] = mapped_column(String(200), default="", index=True)
    batch: Mapped[str] = mapped_column(String(100), default="")
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), index=True, unique=True
    )
    floor: Mapped[Decimal | None] = mapped_column(Money)
    min_down_payment: Mapped[Decimal | None] = mapped_column(Money)
    max_instalments: Mapped[int | None] = mapped_column(Integer)
    max_term_months: Mapped[int | None] = mapped_column(Integer)
    waivers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class MandateException(Base):
    __tablename__ = "mandate_exception"
    __table_args__ = (
        one_of("state", EXCEPTION_STATES, "state"),
        CheckConstraint(
            f"how IS NULL OR how IN ({', '.join(map(repr, APPROVAL_MEANS))})", name="how"
        ),
        CheckConstraint(
            "(state = 'pending') = (decided_at IS NULL)", name="decided_iff_not_pending"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    settled_total: Mapped[Decimal] = mapped_column(Money)
    breaches: Mapped[list[Any]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    requested_by: Mapped[str] = mapped_column(String(100), default="")
    approver: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    how: Mapped[str | None] = mapped_column(String(16))
    scan: Mapped[bytes | None] = mapped_column(LargeBinary)
    scan_name: Mapped[str] = mapped_column(String(260), default="")
    scan_type: Mapped[str] = mapped_column(String(64), default="")
    scan_sha256: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
