"""Writing a checked file: chunks that each commit whole, resumable after a crash.

Each chunk of `CHUNK` cases is one write transaction: the cases with their parties, loan
terms, claim, payments and each its `case.created` audit event, and the batch's counts.
A process killed mid-import leaves the chunks before it committed and nothing of the one
it was in (SQLite's journal). The batch stays `importing`; importing the same file again
finds it by the file's SHA-256, treats the cases already in as duplicates (same creditor
and contract number) and adds the rest to the same batch. Before each chunk the store is
asked again for its contract numbers, so two imports of one file at once cannot both add
a case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.dates import add_months
from app.domain.money import to_fen
from app.services.clock import china_time
from app.services.intake.gc_pause import paused_collector
from app.services.intake.report import Duplicate, IntakeReport
from app.services.intake.rows import CheckedRow

if TYPE_CHECKING:
    from app.services.cases.validation import ValidCase
    from app.services.context import AppContext
    from app.services.intake.payments import PaymentRow
    from app.services.intake.service import Plan, Progress
    from app.store.bulk import CaseRow
    from app.store.models import Batch
    from app.store.unit_of_work import UnitOfWork

CHUNK = 5000


def write_plan(
    ctx: AppContext,
    plan: Plan,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> IntakeReport:
    """Import the plan's good rows; the report counts what went in."""
    rows = plan.good
    total, imported, batch_id = len(rows), 0, _resumable(ctx, plan)
    stopped = False
    for start in range(0, total, CHUNK):
        if cancelled is not None and cancelled():
            stopped = True
            break
        chunk = rows[start : start + CHUNK]
        with ctx.write() as uow, paused_collector():
            batch = _batch(uow, plan, batch_id)
            batch_id = batch.id
            added = _write_chunk(uow, plan, batch, chunk)
        imported += added
        if progress:
            progress("write", min(start + CHUNK, total), total)
    if batch_id is not None and not stopped:
        _finish(ctx, plan, batch_id)
    report = plan.report(imported, dry_run=False, batch_id=batch_id)
    report.cancelled = stopped
    return report


def _resumable(ctx: AppContext, plan: Plan) -> int | None:
    """The batch an earlier, unfinished import of the same file left `importing`."""
    from sqlalchemy import select

    from app.store.models import Batch

    with ctx.read() as uow:
        stmt = (
            select(Batch.id)
            .where(Batch.file_sha256 == plan.workbook.sha256, Batch.status == "importing")
            .order_by(Batch.id.desc())
        )
        return uow.session.scalars(stmt).first()


def _batch(uow: UnitOfWork, plan: Plan, batch_id: int | None) -> Batch:
    from app.store.models import Batch

    if batch_id is not None:
        found = uow.session.get(Batch, batch_id)
        assert found is not None
        return found
    today = plan.options.received_on or china_time(uow.now).date()
    creditors = sorted({r.creditor for r in plan.good})
    batch = Batch(
        name=plan.batch_name,
        creditor="、".join(creditors)[:200],
        lender_type=plan.lender_type,
        court=plan.good[0].valid.court if plan.good and plan.good[0].valid else "",
        received_on=today,
        file_name=plan.workbook.path.name[:260],
        file_sha256=plan.workbook.sha256,
        sheet=plan.workbook.cases.name[:100],
        rows=len(plan.rows),
        valid=0,
        imported=0,
        bad=0,
        duplicates=0,
        status="importing",
        created_at=uow.now,
        created_by=uow.actor,
    )
    uow.session.add(batch)
    uow.session.flush()
    detail = {
        "batch_id": batch.id,
        "name": batch.name,
        "file": batch.file_name,
        "sha256": batch.file_sha256,
        "rows": batch.rows,
    }
    uow.record("batch.created", detail=detail)
    return batch


def _write_chunk(uow: UnitOfWork, plan: Plan, batch: Batch, chunk: list[CheckedRow]) -> int:
    from app.store.bulk import existing_contracts, insert_cases

    keys = {(r.valid.creditor_name, r.valid.contract_no) for r in chunk if r.valid}
    stored = existing_contracts(uow, keys)
    fresh = []
    for row in chunk:
        assert row.valid is not None
        key = (row.valid.creditor_name, row.valid.contract_no)
        if key in stored:
            plan.duplicates.append(Duplicate(row.row, row.contract_no, stored[key]))
        else:
            fresh.append(row)
    cases = [case_row(r, plan.payments.get(r.contract_no, []), batch.id) for r in fresh]
    year = china_time(uow.now).year
    insert_cases(uow, cases, year=year, batch_id=batch.id, batch_name=batch.name)
    batch.imported += len(cases)
    return len(cases)


def _finish(ctx: AppContext, plan: Plan, batch_id: int) -> None:
    from app.store.models import Batch

    with ctx.write() as uow:
        batch = uow.session.get(Batch, batch_id)
        assert batch is not None
        batch.rows = len(plan.rows)
        batch.valid = sum(1 for r in plan.rows if r.valid is not None)
        batch.bad = len({p.row for p in plan.problems if not p.sheet})
        batch.duplicates = len(plan.duplicates)
        batch.status = "complete"
        detail = {
            "batch_id": batch.id,
            "imported": batch.imported,
            "bad": batch.bad,
            "duplicates": batch.duplicates,
        }
        uow.record("batch.completed", detail=detail)


def case_row(row: CheckedRow, payments: list[PaymentRow], batch_id: int | None) -> CaseRow:
    """The store's plain rows for one checked case (what `store_new_case` would write)."""
    from app.store.bulk import CaseRow, LoanRow, PartyRow

    v = row.valid
    assert v is not None
    code = v.creditor_credit_code
    parties: tuple[PartyRow, ...] = (
        PartyRow("creditor", v.creditor_kind, v.creditor_name, "uscc" if code else "", code),
        PartyRow("debtor", v.debtor_kind, v.debtor_name, v.debtor_id_type, v.debtor_id_number,
                 v.debtor_phone, v.debtor_address),
    )  # fmt: skip
    if v.guarantor is not None:
        g = v.guarantor
        id_type = "resident_id" if g.id_number else ""
        parties += (PartyRow("guarantor", "person", g.name, id_type, g.id_number, g.phone),)
    paid: tuple[tuple[date, Decimal], ...] = ()
    if payments:
        paid = tuple((p.date, p.amount) for p in sorted(payments, key=lambda p: (p.date, p.row)))
    loan = LoanRow(v.lender_type, v.contract_no, v.contract_date, v.disbursement_date,
                   v.principal, v.disbursed, v.annual_rate, v.overdue_rate, False,
                   v.repayment_method, v.term_months, v.maturity, v.accelerated_on, 360,
                   overdue_since(v, sum(to_fen(a) for _, a in paid)))  # fmt: skip
    audit = {
        "lender_type": v.lender_type,
        "principal": v.principal,
        "batch": v.batch,
        "batch_id": batch_id,
        "row": row.row,
    }
    return CaseRow(parties, loan, v.claim, paid, v.court, row.notes or None, audit)


def overdue_since(v: ValidCase, paid_fen: int) -> date | None:
    """The first day in arrears: the first instalment the payments do not cover (a bullet's
    maturity), or the acceleration if that came first."""
    first: date | None = None
    if v.repayment_method == "bullet":
        first = v.maturity
    elif v.term_months and not paid_fen:  # nothing paid: the first instalment
        first = add_months(v.disbursement_date, 1)
    elif v.term_months:
        from app.domain.recalc.arith import rate_of
        from app.domain.recalc.model import Repayment
        from app.domain.recalc.schedule import generate

        plan = Repayment(v.repayment_method, term_months=v.term_months)
        schedule = generate(
            plan, to_fen(v.principal), rate_of(v.annual_rate), v.disbursement_date, 360
        )
        running = 0
        for due, part, interest in zip(
            schedule.due, schedule.principal, schedule.interest, strict=True
        ):
            running += part + interest
            if running > paid_fen:
                first = due
                break
    if v.accelerated_on is not None and (first is None or v.accelerated_on < first):
        return v.accelerated_on
    return first
