"""Telling a person how their data is processed (PIPL arts. 14, 17), and their consent.

    record_notice(ctx, "TJ-2026-000001", party_id, how="check_in")     # the current version
    list_notices(ctx, "TJ-2026-000001")

Recorded at first contact (`contact add --notice`) or at check-in, with the notice's
version (`app.domain.privacy_notice.NOTICES`), so what the person was told stays
provable; consent where it is needed (`given` / `refused`, with its scope), else
`not_needed`. Audited with ids and codes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.errors import DomainError, InputError, Problem
from app.domain.privacy_notice import CONSENTS, HOW_TOLD, notice
from app.domain.vocab import PARTY_ROLES
from app.store.contacts import PrivacyNotice

if TYPE_CHECKING:
    from app.services.context import AppContext


@dataclass(frozen=True)
class NoticeInfo:
    id: int
    case_no: str
    party_id: int
    role_label: str
    name: str
    notice_version: int
    told_at: datetime
    how: str
    how_label: str
    consent: str
    consent_label: str
    consent_scope: str


def record_notice(
    ctx: AppContext,
    case_no: str,
    party_id: int,
    *,
    how: str = "check_in",
    consent: str = "not_needed",
    consent_scope: str = "",
    version: int | None = None,
    told_at: datetime | None = None,
) -> NoticeInfo:
    """Record that the party was told (now, unless `told_at`), with the notice version."""
    chosen = notice(version)
    problems = []
    if how not in HOW_TOLD:
        problems.append(Problem("how", "告知方式只能是：" + "、".join(HOW_TOLD)))
    if consent not in CONSENTS:
        problems.append(Problem("consent", "同意情况只能是：" + "、".join(CONSENTS)))
    if consent != "not_needed" and not consent_scope.strip():
        reason = "请写明同意或拒绝的事项（如：向法院提供银行账户信息）。"
        problems.append(Problem("consent_scope", reason))
    if problems:
        raise InputError(problems)
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        party = next((p for p in case.parties if p.id == party_id), None)
        if party is None or party.kind != "person":
            raise DomainError(f"案件 {case.case_no} 没有编号为 {party_id} 的自然人当事人。")
        row = PrivacyNotice(
            case_id=case.id, party_id=party_id, notice_version=chosen.version,
            told_at=told_at or uow.now, how=how, consent=consent,
            consent_scope=consent_scope.strip()[:200], recorded_by=uow.actor, created_at=uow.now,
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        detail = {"notice_id": row.id, "party_id": party_id, "version": chosen.version,
                  "how": how, "consent": consent}  # fmt: skip
        uow.record("privacy.notice_given", case=case, detail=detail)
        return _info(row, case.case_no, party.role, party.name)


def list_notices(ctx: AppContext, case_no: str) -> list[NoticeInfo]:
    """Every notice recorded for the case's parties, oldest first."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        parties = {p.id: p for p in case.parties}
        stmt = (
            select(PrivacyNotice)
            .where(PrivacyNotice.case_id == case.id)
            .order_by(PrivacyNotice.told_at, PrivacyNotice.id)
        )
        return [
            _info(row, case.case_no, parties[row.party_id].role, parties[row.party_id].name)
            for row in uow.session.scalars(stmt)
        ]


def _info(row: PrivacyNotice, case_no: str, role: str, name: str) -> NoticeInfo:
    return NoticeInfo(
        id=row.id, case_no=case_no, party_id=row.party_id,
        role_label=PARTY_ROLES.get(role, role), name=name, notice_version=row.notice_version,
        told_at=row.told_at, how=row.how, how_label=HOW_TOLD[row.how], consent=row.consent,
        consent_label=CONSENTS[row.consent], consent_scope=row.consent_scope,
    )  # fmt: skip
