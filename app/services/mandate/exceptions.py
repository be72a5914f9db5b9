"""Settlements outside the creditor's mandate: the request for approval, the creditor's
decision, and the rule that nothing outside the mandate is signed without it.

    exc = request_exception(ctx, "TJ-2026-000003")      # pending, with the breaches
    pdf = approval_request_pdf(ctx, exc.id)             # app.services.mandate.approval
    record_decision(ctx, exc.id, approved=True, approver="李经理", how="scan",
                    decided_on=date(2026, 7, 8), scan=jpeg, scan_name="批复.jpg")
    pending_exceptions(ctx)

`require_within_mandate(uow, case)` is called where an agreement gets signed (the first
pad signature, the last one that signs the version, a wet-ink scan, a digital signature,
and a move to 已签署): a settlement that breaches the mandate passes only with an approved
exception for exactly its terms (the settlement's fingerprint). Changing the settlement
after approval needs a new approval.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.errors import DomainError, InputError, Problem
from app.services.clock import CHINA_TZ
from app.services.mandate.service import saved_check
from app.store.mandates import APPROVAL_MEANS, EXCEPTION_STATES, MandateException

if TYPE_CHECKING:
    from decimal import Decimal

    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

__all__ = [
    "APPROVAL_MEANS",
    "ExceptionInfo",
    "exceptions_of",
    "get_exception",
    "pending_exceptions",
    "record_decision",
    "request_exception",
    "require_within_mandate",
    "scan_of",
]

MAX_SCAN = 20 * 1024 * 1024
SCAN_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png", b"%PDF": "application/pdf"}


@dataclass(frozen=True)
class ExceptionInfo:
    id: int
    case_no: str
    creditor: str
    batch: str
    state: str
    state_label: str
    settled_total: Decimal
    breaches: tuple[dict[str, Any], ...]
    fingerprint: str
    requested_at: datetime
    requested_by: str
    approver: str = ""
    decided_at: datetime | None = None
    how: str | None = None
    how_label: str = ""
    scan_name: str = ""
    scan_sha256: str = ""
    note: str = ""
    current: bool = True  # for the settlement as it now stands


def request_exception(ctx: AppContext, case_no: str) -> ExceptionInfo:
    """A pending request for the saved settlement (the one already made, if any)."""
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        check = saved_check(uow, case, ctx.today())
        if check.assessment is None:
            raise DomainError(f"案件 {case.case_no} 还没有保存调解方案。")
        if check.assessment.within:
            raise DomainError(f"案件 {case.case_no} 的调解方案在债权人授权范围内，无需批准。")
        row = _for_fingerprint(uow, case, check.fingerprint)
        if row is None:
            row = MandateException(
                case_id=case.id,
                fingerprint=check.fingerprint,
                settled_total=check.settled_total,
                breaches=_breaches(check.assessment),
                state="pending",
                requested_at=uow.now,
                requested_by=uow.actor,
            )
            uow.session.add(row)
            uow.session.flush()
            detail = {
                "exception_id": row.id,
                "fingerprint": row.fingerprint,
                "breaches": [b["rule"] for b in row.breaches],
            }
            uow.record("mandate.exception_requested", case=case, detail=detail)
        return info_of(row, case, check.fingerprint)


def record_decision(
    ctx: AppContext,
    exception_id: int,
    *,
    approved: bool,
    approver: str,
    how: str,
    decided_on: date,
    scan: bytes | None = None,
    scan_name: str = "",
    note: str = "",
) -> ExceptionInfo:
    """The creditor's answer: who, when, how (letter, scan, phone), the scan attached (a
    scan is required when `how` is scan or letter)."""
    problems = []
    if not approver.strip():
        problems.append(Problem("approver", "请填写债权人方面作出决定的人（姓名和职务）。"))
    if how not in APPROVAL_MEANS:
        means = "、".join(f"{k}（{v}）" for k, v in APPROVAL_MEANS.items())
        problems.append(Problem("how", f"方式只能是：{means}。"))
    media = _scan_type(scan, how, problems)
    if problems:
        raise InputError(problems)
    with ctx.write() as uow:
        row = uow.session.get(MandateException, exception_id)
        if row is None:
            raise DomainError(f"找不到编号为 {exception_id} 的授权例外申请。")
        if row.state != "pending":
            raise DomainError(f"第 {row.id} 号申请已于 {row.decided_at:%Y-%m-%d} 作出决定。")
        case = _case(uow, row)
        row.state = "approved" if approved else "rejected"
        row.approver, row.how, row.note = approver.strip()[:100], how, note.strip()
        row.decided_at = datetime.combine(decided_on, time(12, 0), CHINA_TZ).astimezone(UTC)
        if scan:
            row.scan, row.scan_type, row.scan_name = scan, media, scan_name.strip()[:260]
            row.scan_sha256 = hashlib.sha256(scan).hexdigest()
        row.recorded_by = uow.actor
        detail = {
            "exception_id": row.id,
            "state": row.state,
            "how": how,
            "scan_sha256": row.scan_sha256,
            "fingerprint": row.fingerprint,
        }
        uow.record("mandate.exception_decided", case=case, detail=detail)
        current = saved_check(uow, case, ctx.today()).fingerprint
        return info_of(row, case, current)


def pending_exceptions(ctx: AppContext) -> list[ExceptionInfo]:
    """Every request still waiting for the creditor, oldest first."""
    with ctx.read() as uow:
        stmt = select(MandateException).where(MandateException.state == "pending")
        rows = list(uow.session.scalars(stmt.order_by(MandateException.requested_at)))
        out = []
        for row in rows:
            case = _case(uow, row)
            out.append(info_of(row, case, saved_check(uow, case, ctx.today()).fingerprint))
        return out


def exceptions_of(ctx: AppContext, case_no: str) -> list[ExceptionInfo]:
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        current = saved_check(uow, case, ctx.today()).fingerprint
        stmt = select(MandateException).where(MandateException.case_id == case.id)
        return [
            info_of(r, case, current)
            for r in uow.session.scalars(stmt.order_by(MandateException.id))
        ]


def get_exception(ctx: AppContext, exception_id: int) -> ExceptionInfo:
    with ctx.read() as uow:
        row = uow.session.get(MandateException, exception_id)
        if row is None:
            raise DomainError(f"找不到编号为 {exception_id} 的授权例外申请。")
        case = _case(uow, row)
        return info_of(row, case, saved_check(uow, case, ctx.today()).fingerprint)


def scan_of(ctx: AppContext, exception_id: int) -> bytes | None:
    with ctx.read() as uow:
        row = uow.session.get(MandateException, exception_id)
        return None if row is None else row.scan


def require_within_mandate(uow: UnitOfWork, case: Case) -> None:
    """Refuse signing a settlement outside the mandate without an approval for its terms."""
    check = saved_check(uow, case, uow.now.astimezone(CHINA_TZ).date())
    if check.assessment is None or check.assessment.within:
        return
    row = _for_fingerprint(uow, case, check.fingerprint)
    if row is not None and row.state == "approved":
        return
    breaches = "；".join(line.breach_text() for line in check.assessment.breaches)
    if row is None:
        state = "尚未提出批准申请"
    elif row.state == "pending":
        state = f"第 {row.id} 号批准申请尚待债权人答复"
    else:
        state = "债权人未批准"
    raise DomainError(
        f"调解方案超出债权人授权，不能签署（{state}）：{breaches}。"
        "请调整方案回到授权范围内，或生成批准申请交债权人，并记录其批准后再签署。"
    )


def info_of(row: MandateException, case: Case, current: str) -> ExceptionInfo:
    from app.services.mandate.service import creditor_key

    creditor = case.creditor.name if case.creditor else creditor_key(case)
    return ExceptionInfo(
        id=row.id,
        case_no=case.case_no,
        creditor=creditor,
        batch=case.source_batch,
        state=row.state,
        state_label=EXCEPTION_STATES[row.state],
        settled_total=row.settled_total,
        breaches=tuple(row.breaches),
        fingerprint=row.fingerprint,
        requested_at=row.requested_at,
        requested_by=row.requested_by,
        approver=row.approver,
        decided_at=row.decided_at,
        how=row.how,
        how_label=APPROVAL_MEANS.get(row.how or "", ""),
        scan_name=row.scan_name,
        scan_sha256=row.scan_sha256,
        note=row.note,
        current=row.fingerprint == current,
    )


def _breaches(assessment: Any) -> list[dict[str, Any]]:
    return [
        {
            "rule": b.rule,
            "label": b.label,
            "limit": str(b.limit),
            "used": str(b.used),
            "over": str(-b.left),
            "unit": b.unit,
            "limit_text": b.limit_text,
            "text": b.breach_text(),
        }
        for b in assessment.breaches
    ]


def _for_fingerprint(uow: UnitOfWork, case: Case, fingerprint: str) -> MandateException | None:
    stmt = (
        select(MandateException)
        .where(MandateException.case_id == case.id)
        .where(MandateException.fingerprint == fingerprint)
        .order_by(MandateException.id.desc())
    )
    return uow.session.scalars(stmt).first()


def _case(uow: UnitOfWork, row: MandateException) -> Case:
    from app.store.models import Case

    case = uow.session.get(Case, row.case_id)
    assert case is not None
    return case


def _scan_type(scan: bytes | None, how: str, problems: list[Problem]) -> str:
    if not scan:
        if how in ("scan", "letter"):
            problems.append(Problem("scan", "请附上债权人批复的扫描件或照片（JPEG、PNG 或 PDF）。"))
        return ""
    if len(scan) > MAX_SCAN:
        problems.append(Problem("scan", "扫描件过大（最多 20 MB）。"))
    for magic, media in SCAN_TYPES.items():
        if scan.startswith(magic):
            return media
    problems.append(Problem("scan", "扫描件须为 JPEG、PNG 或 PDF 文件。"))
    return ""
