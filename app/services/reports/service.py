"""Reports for the centre and the lender: the caseload, the settlement rate, the amounts
claimed, lawful, agreed and recovered, ageing, and each case's outcome.

    report = build_report(ctx, ReportFilter(batch="2025年10月恒信委托批次"), as_of=date.today())

Definitions (the report states them too):
- The caseload counts cases by mediator, status, batch and creditor. A filter keeps cases
  of one batch and/or taken in between two dates (China time, both included).
- Settled: a case that reached an agreement (已达成协议 and every status after it, or
  已转诉讼 after an agreement was signed); failed: 调解终结, or 已转诉讼 with no agreement
  signed. Settlement rate = settled / (settled + failed); cases still open are not counted.
- Claimed: the creditor's latest statement; lawful: the latest recalculation's lawful total
  (a case never recalculated has none); agreed: the total of the agreement; recovered:
  the payments made under agreements on or before `as_of`.
- Ageing: cases not yet closed (closed: 已履行完毕, 调解终结, 已转诉讼) by days since intake.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.case_status import CaseStatus, label
from app.services.clock import china_date

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

S = CaseStatus
ZERO = Decimal("0.00")
AFTER_AGREEMENT = frozenset(
    {
        S.AGREED,
        S.SIGNED,
        S.CONFIRMATION_APPLIED,
        S.CONFIRMED,
        S.PERFORMING,
        S.FULFILLED,
        S.DEFAULTED,
    }
)
CLOSED = frozenset({S.FULFILLED, S.TERMINATED, S.LITIGATION})
TRACKED = frozenset(
    {
        S.SIGNED,
        S.CONFIRMATION_APPLIED,
        S.CONFIRMED,
        S.PERFORMING,
        S.FULFILLED,
        S.DEFAULTED,
        S.LITIGATION,
    }
)
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("30天以内", 0, 30),
    ("31–90天", 31, 90),
    ("91–180天", 91, 180),
    ("181–365天", 181, 365),
    ("一年以上", 366, None),
)
NO_MEDIATOR = "（未指定）"
NO_BATCH = "（无批次）"


@dataclass(frozen=True)
class ReportFilter:
    batch: str = ""
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class CaseRow:
    """One case as the lender's sheet shows it."""

    case_no: str
    contract_no: str
    batch: str
    creditor: str
    debtor: str
    mediator: str
    status: str
    status_label: str
    taken_in: date
    claimed: Decimal | None
    lawful: Decimal | None
    agreed: Decimal | None
    paid: Decimal
    next_due: date | None
    next_amount: Decimal | None
    outcome: str
    age_days: int


@dataclass(frozen=True)
class Totals:
    claimed: Decimal
    lawful: Decimal
    agreed: Decimal
    recovered: Decimal


@dataclass(frozen=True)
class Report:
    as_of: date
    filter: ReportFilter
    rows: tuple[CaseRow, ...]
    by_mediator: dict[str, int]
    by_status: dict[str, int]
    by_batch: dict[str, int]
    by_creditor: dict[str, int]
    settled: int
    failed: int
    totals: Totals
    ageing: dict[str, int]
    notes: tuple[str, ...] = field(default=())

    @property
    def settlement_rate(self) -> Decimal | None:
        """settled / (settled + failed), to 0.1 %; None when no case is decided."""
        decided = self.settled + self.failed
        if not decided:
            return None
        return (Decimal(self.settled) * 100 / decided).quantize(Decimal("0.1"))


def build_report(ctx: AppContext, chosen: ReportFilter, as_of: date) -> Report:
    with ctx.read() as uow:
        cases = [c for c in uow.cases.search("") if _kept(c, chosen)]
        rows = [_row(uow, c, as_of) for c in sorted(cases, key=lambda c: c.case_no)]
    return summarise(rows, chosen, as_of)


def summarise(rows: list[CaseRow], chosen: ReportFilter, as_of: date) -> Report:
    statuses = Counter(r.status_label for r in rows)
    order = [label(s) for s in CaseStatus]
    settled = sum(1 for r in rows if _settled(r))
    failed = sum(1 for r in rows if _failed(r))
    totals = Totals(
        claimed=sum((r.claimed or ZERO for r in rows), ZERO),
        lawful=sum((r.lawful or ZERO for r in rows), ZERO),
        agreed=sum((r.agreed or ZERO for r in rows), ZERO),
        recovered=sum((r.paid for r in rows), ZERO),
    )
    return Report(
        as_of=as_of,
        filter=chosen,
        rows=tuple(rows),
        by_mediator=_sorted(Counter(r.mediator or NO_MEDIATOR for r in rows)),
        by_status={k: statuses[k] for k in order if statuses[k]},
        by_batch=_sorted(Counter(r.batch or NO_BATCH for r in rows)),
        by_creditor=_sorted(Counter(r.creditor for r in rows)),
        settled=settled,
        failed=failed,
        totals=totals,
        ageing=_ageing(rows),
    )


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _settled(r: CaseRow) -> bool:
    return CaseStatus(r.status) in AFTER_AGREEMENT or (
        r.status == S.LITIGATION.value and r.agreed is not None
    )


def _failed(r: CaseRow) -> bool:
    return r.status == S.TERMINATED.value or (r.status == S.LITIGATION.value and r.agreed is None)


def _ageing(rows: list[CaseRow]) -> dict[str, int]:
    out = {name: 0 for name, _low, _high in AGE_BUCKETS}
    for r in rows:
        if CaseStatus(r.status) in CLOSED:
            continue
        for name, low, high in AGE_BUCKETS:
            if r.age_days >= low and (high is None or r.age_days <= high):
                out[name] += 1
                break
    return out


def _kept(case: Case, chosen: ReportFilter) -> bool:
    if chosen.batch and case.source_batch != chosen.batch:
        return False
    day = china_date(case.created_at)
    if chosen.start and day < chosen.start:
        return False
    return not (chosen.end and day > chosen.end)


def _row(uow: UnitOfWork, case: Case, as_of: date) -> CaseRow:
    from app.services.settlement.plan_tracking import settlement_row, status_of

    loan, claim = case.loan, case.claim
    taken = china_date(case.created_at)
    row = settlement_row(uow, case)
    agreed = paid = next_due = next_amount = None
    signed = row is not None and CaseStatus(case.status) in TRACKED and _was_signed(uow, case)
    if row is not None:
        from app.services.settlement.terms import info_of

        agreed = info_of(row, case).proposal.settled_total
    if signed and row is not None:
        plan = status_of(uow, case, row, as_of)
        paid = plan.paid_total
        upcoming = plan.next_due
        if upcoming is not None:
            next_due, next_amount = upcoming.due, upcoming.outstanding
    return CaseRow(
        case_no=case.case_no,
        contract_no=loan.contract_no if loan else "",
        batch=case.source_batch,
        creditor=case.creditor.name if case.creditor else "",
        debtor=case.debtor.name if case.debtor else "",
        mediator=case.mediator.name if case.mediator else "",
        status=case.status,
        status_label=label(case.status),
        taken_in=taken,
        claimed=claim.total if claim else None,
        lawful=_lawful(uow, case),
        agreed=agreed,
        paid=paid or ZERO,
        next_due=next_due,
        next_amount=next_amount,
        outcome=_outcome(case.status, agreed, paid or ZERO),
        age_days=(as_of - taken).days,
    )


def _was_signed(uow: UnitOfWork, case: Case) -> bool:
    if CaseStatus(case.status) != S.LITIGATION:
        return True
    return any(
        e.action == "case.status_changed" and e.detail.get("to") == S.SIGNED.value
        for e in uow.audit.for_case(case.id)
    )


def _lawful(uow: UnitOfWork, case: Case) -> Decimal | None:
    from sqlalchemy import select

    from app.store.records import RecalcSnapshot

    stmt = (
        select(RecalcSnapshot.output_json)
        .where(RecalcSnapshot.case_id == case.id)
        .order_by(RecalcSnapshot.created_at.desc(), RecalcSnapshot.id.desc())
        .limit(1)
    )
    output: Any = uow.session.scalars(stmt).first()
    return Decimal(output["views"]["lawful"]["total"]) if output else None


def _outcome(status: str, agreed: Decimal | None, paid: Decimal) -> str:
    s = CaseStatus(status)
    if s == S.FULFILLED:
        return "已履行完毕"
    if s == S.TERMINATED:
        return "调解未成功"
    if s == S.LITIGATION:
        return "已转诉讼"
    if s == S.DEFAULTED:
        return "调解协议已违约"
    if s in AFTER_AGREEMENT and agreed is not None:
        return f"达成协议，已还 {paid:,.2f} / {agreed:,.2f} 元"
    return "调解进行中"


def summary_lines(report: Report) -> list[tuple[str, str]]:
    """The report's figures as (label, value) pairs, as the sheet and the PDF show them."""
    t = report.totals
    rate = report.settlement_rate
    f = report.filter
    scope = (
        "、".join(
            x
            for x in (
                f"批次：{f.batch}" if f.batch else "",
                f"受理日期：{f.start or '…'} 至 {f.end or '…'}" if f.start or f.end else "",
            )
            if x
        )
        or "全部案件"
    )
    return [
        ("统计截至", report.as_of.isoformat()),
        ("范围", scope),
        ("案件数", str(len(report.rows))),
        ("达成协议", str(report.settled)),
        ("调解未成功", str(report.failed)),
        ("调解成功率", f"{rate}%" if rate is not None else "—（尚无已结束的调解）"),
        ("主张金额合计（元）", f"{t.claimed:,.2f}"),
        ("依法核算金额合计（元）", f"{t.lawful:,.2f}"),
        ("调解金额合计（元）", f"{t.agreed:,.2f}"),
        ("已回收金额合计（元）", f"{t.recovered:,.2f}"),
    ]
