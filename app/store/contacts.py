"""Contacting people before a session, and the personal-data duties of a case.

- `contact_person`: someone who is not a party but may be contacted (an emergency
  contact a lender passed on, a relative): only ever asked to pass on a call-back request.
- `contact_attempt`: one attempt to reach a party or a contact person: channel, when
  (UTC), outcome (a promise to pay with amount and date), a note, the message sent, and
  the next action with its reminder date.
- `privacy_notice`: a person was told what is processed and why (the notice's version),
  how, when, and their consent where it is needed.
- `case_erasure`: a closed case's personal data erased (on request or at the end of
  retention): who, when, why, what was done; `state` running only inside the erasing
  transaction, when the triggers of revision 0009 let it touch otherwise fixed rows.
- `retained_document`: a signed or printed document kept after erasure because it must
  be (the mediation archive), with the reason.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.contacts import CHANNELS, OUTCOMES, TARGETS
from app.domain.privacy_notice import CONSENTS, HOW_TOLD
from app.store.base import Base, one_of, uid_column
from app.store.types import Money, UTCDateTime

CASE_FK = "case.id"
RELATIONS: dict[str, str] = {"emergency_contact": "紧急联系人", "other": "其他人"}
ERASURE_REASONS: dict[str, str] = {"request": "本人申请", "retention": "保存期限届满"}


class ContactPerson(Base):
    __tablename__ = "contact_person"
    __table_args__ = (one_of("relation", RELATIONS, "relation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(24), default="emergency_contact")
    name: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ContactAttempt(Base):
    __tablename__ = "contact_attempt"
    __table_args__ = (
        one_of("channel", CHANNELS, "channel"),
        one_of("target", TARGETS, "target"),
        one_of("outcome", OUTCOMES, "outcome"),
        CheckConstraint(
            "(outcome = 'promise_to_pay') = (promise_amount IS NOT NULL AND promise_date IS NOT"
            " NULL)",
            name="promise_iff_promised",
        ),
        CheckConstraint("(party_id IS NULL) <> (person_id IS NULL)", name="one_whom"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("party.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_person.id", ondelete="CASCADE"), index=True
    )
    target: Mapped[str] = mapped_column(String(24))
    channel: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    outcome: Mapped[str] = mapped_column(String(24))
    promise_amount: Mapped[Decimal | None] = mapped_column(Money)
    promise_date: Mapped[dt.date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    template: Mapped[str] = mapped_column(String(32), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    next_action: Mapped[str] = mapped_column(String(200), default="")
    next_due: Mapped[dt.date | None] = mapped_column(index=True)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PrivacyNotice(Base):
    __tablename__ = "privacy_notice"
    __table_args__ = (
        one_of("consent", CONSENTS, "consent"),
        one_of("how", HOW_TOLD, "how"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"), index=True)
    notice_version: Mapped[int]
    told_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    how: Mapped[str] = mapped_column(String(16))
    consent: Mapped[str] = mapped_column(String(16), default="not_needed")
    consent_scope: Mapped[str] = mapped_column(String(200), default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CaseErasure(Base):
    __tablename__ = "case_erasure"
    __table_args__ = (
        one_of("reason", ERASURE_REASONS, "reason"),
        one_of("state", ("running", "done"), "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = uid_column()
    case_id: Mapped[int] = mapped_column(ForeignKey(CASE_FK, ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="running")
    requested_by: Mapped[str] = mapped_column(String(100), default="")
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class RetainedDocument(Base):
    __tablename__ = "retained_document"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    uid: Mapped[str | None] = uid_column()
    reason: Mapped[str] = mapped_column(String(200))
    since: Mapped[dt.datetime] = mapped_column(UTCDateTime)
