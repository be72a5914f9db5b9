"""A batch's summary for the lender: what it claims against what the law allows, in total.

Every live case of the batch is recalculated as of its own 主张截止日 (the claim's date)
with the engine's totals-only mode (`with_lines=False`: the same figures, no statement),
from rows read in a few queries rather than an ORM object per case. It runs in the
background with progress and can be cancelled between cases; nothing is stored.
A case the engine refuses (say a payment after the claim's date) is counted apart with its
reason, never silently left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.errors import InputError
from app.domain.money import ZERO, from_fen

if TYPE_CHECKING:
    from app.domain.lpr import LprTable
    from app.domain.recalc.model import RecalcInput
    from app.services.context import AppContext

PROGRESS_EVERY = 500


@dataclass
class BatchSummary:
    batch_id: int
    name: str
    cases: int = 0
    computed: int = 0
    claimed: Decimal = ZERO
    contract: Decimal = ZERO
    lawful: Decimal = ZERO
    principal: Decimal = ZERO
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(case number, reason) of the cases the engine could not compute."""
    cancelled: bool = False

    @property
    def reduction(self) -> Decimal:
        """Claimed − lawful: what the lender asks above what a court would allow."""
        return self.claimed - self.lawful


def batch_summary(
    ctx: AppContext,
    ref: int | str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchSummary:
    """Totals over the batch's cases (see the module docstring)."""
    from app.services.intake.batches import _require
    from app.services.recalc.lpr import current_table

    table = current_table(ctx.data_dir)
    with ctx.read() as uow:
        batch = _require(uow, ref)
        summary = BatchSummary(batch.id, batch.name)
        loans = _load(uow.session.connection(), batch.id)
    summary.cases = len(loans)
    for n, (case_no, inp) in enumerate(loans, start=1):
        if cancelled is not None and n % 50 == 0 and cancelled():
            summary.cancelled = True
            break
        _add(summary, case_no, inp, table)
        if progress is not None and (n % PROGRESS_EVERY == 0 or n == summary.cases):
            progress(n, summary.cases)
    return summary


def _add(summary: BatchSummary, case_no: str, inp: Any, table: LprTable) -> None:
    from app.domain.recalc import recalculate

    if isinstance(inp, str):
        summary.failed.append((case_no, inp))
        return
    try:
        result = recalculate(inp, table, with_lines=False)
    except InputError as refused:
        summary.failed.append((case_no, "；".join(str(p) for p in refused.problems)))
        return
    summary.computed += 1
    summary.contract += result.contract.total
    summary.lawful += result.lawful.total
    summary.principal += result.lawful.principal
    if result.claimed is not None:
        summary.claimed += result.claimed.total


def _load(conn: Any, batch_id: int) -> list[tuple[str, RecalcInput | str]]:
    """(case number, the engine's input, or why there is none) for each live case."""
    payments: dict[int, list[tuple[str, int]]] = {}
    for case_id, day, amount in conn.exec_driver_sql(
        'SELECT p.case_id, p.date, p.amount FROM payment p JOIN "case" c ON c.id = p.case_id'
        " WHERE c.batch_id = ? AND c.withdrawn_at IS NULL ORDER BY p.date, p.id",
        (batch_id,),
    ):
        payments.setdefault(case_id, []).append((day, amount))
    charges: dict[int, list[tuple[str, str, int, str]]] = {}
    for case_id, category, day, amount, kind in conn.exec_driver_sql(
        'SELECT h.case_id, h.category, h.date, h.amount, h.kind FROM charge h JOIN "case" c'
        " ON c.id = h.case_id WHERE c.batch_id = ? AND c.withdrawn_at IS NULL"
        " ORDER BY h.date, h.id",
        (batch_id,),
    ):
        charges.setdefault(case_id, []).append((category, day, amount, kind))
    rows = conn.exec_driver_sql(
        "SELECT c.id, c.case_no, l.lender_type, l.contract_date, l.disbursement_date,"
        " l.principal, l.disbursed, l.annual_rate, l.overdue_rate, l.compound,"
        " l.repayment_method, l.term_months, l.maturity, l.accelerated_on, l.day_basis,"
        " l.filing_date, l.cap_rate, m.as_of, m.principal, m.interest, m.penalty, m.compound,"
        ' m.fees, m.costs FROM "case" c JOIN loan_terms l ON l.case_id = c.id'
        " LEFT JOIN claim m ON m.id = (SELECT id FROM claim WHERE case_id = c.id"
        " ORDER BY as_of DESC, id DESC LIMIT 1)"
        " WHERE c.batch_id = ? AND c.withdrawn_at IS NULL ORDER BY c.id",
        (batch_id,),
    )
    return [(r[1], _input(r, payments.get(r[0], []), charges.get(r[0], []))) for r in rows]


_dates: dict[str, date] = {}


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    found = _dates.get(text)
    if found is None:
        found = _dates[text] = date.fromisoformat(text)
    return found


def _input(
    r: Any, paid: list[tuple[str, int]], charges: list[tuple[str, str, int, str]]
) -> RecalcInput | str:
    from app.domain.recalc.model import Charge, Claimed, Payment, RecalcInput, Repayment

    method, as_of = r[10], _day(r[17])
    if as_of is None:
        return "没有债权人主张（主张截止日），无法计算"
    if method == "explicit":
        return "按约定还款计划的借款请在案件中逐件计算"
    contract_date, start = _day(r[3]), _day(r[4])
    assert contract_date is not None and start is not None
    fees = tuple(Charge(_day(d) or as_of, from_fen(a), k) for c, d, a, k in charges if c == "fee")
    costs = tuple(Charge(_day(d) or as_of, from_fen(a), k) for c, d, a, k in charges if c == "cost")
    return RecalcInput(
        lender_type=r[2], contract_date=contract_date, disbursement_date=start,
        principal=from_fen(r[5]), disbursed=from_fen(r[6]), annual_rate=Decimal(r[7] or "0"),
        overdue_rate=Decimal(r[8]) if r[8] is not None else None, compound=bool(r[9]),
        repayment=Repayment(method, maturity=_day(r[12]), term_months=r[11]), schedule=None,
        accelerated_on=_day(r[13]), fees=fees, costs=costs,
        payments=tuple(Payment(_day(d) or as_of, from_fen(a)) for d, a in paid),
        claimed=Claimed(*(from_fen(v or 0) for v in r[18:24])), as_of=as_of,
        filing_date=_day(r[15]) or as_of, day_basis=int(r[14]),
        cap_rate=Decimal(r[16]) if r[16] is not None else None,
    )  # fmt: skip
