"""The input rules applied to a `RecalcInput` built in code (the parser applies them too)."""

from __future__ import annotations

from app.domain.errors import Problem
from app.domain.lpr import LprTable
from app.domain.recalc.checks import Draft, DraftItem, check_draft
from app.domain.recalc.model import CLAIM_PARTS, RecalcInput


def draft_of(inp: RecalcInput) -> Draft:
    """The draft form of a built input, for `check_draft`."""
    claimed = None
    if inp.claimed is not None:
        claimed = {part: getattr(inp.claimed, part) for part in CLAIM_PARTS}
    return Draft(
        lender_type=inp.lender_type,
        contract_date=inp.contract_date,
        disbursement_date=inp.disbursement_date,
        disbursement_given=True,
        principal=inp.principal,
        disbursed=inp.disbursed,
        annual_rate=inp.annual_rate,
        overdue_rate=inp.overdue_rate,
        compound=inp.compound,
        repayment=inp.repayment,
        schedule=None if inp.schedule is None else [
            DraftItem(r.due, r.principal, interest=r.interest) for r in inp.schedule
        ],
        accelerated_on=inp.accelerated_on,
        fees=[DraftItem(c.date, c.amount, c.kind) for c in inp.fees],
        costs=[DraftItem(c.date, c.amount, c.kind) for c in inp.costs],
        payments=[DraftItem(p.date, p.amount) for p in inp.payments],
        claimed=claimed,
        as_of=inp.as_of,
        filing_date=inp.filing_date,
        day_basis=inp.day_basis,
        cap_rate=inp.cap_rate,
        both_given=inp.repayment is not None and inp.schedule is not None,
        neither_given=inp.repayment is None and inp.schedule is None,
        lender_person=inp.lender_person,
        allocation=None if inp.allocation is None else list(inp.allocation),
    )


def check_input(inp: RecalcInput, lpr: LprTable) -> list[Problem]:
    """Every problem of a built input (empty when it may be computed)."""
    return check_draft(draft_of(inp), lpr)
