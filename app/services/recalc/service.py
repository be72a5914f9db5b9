"""Recalculation over the case store: the engine's input from a case, previews, snapshots.

    inp = build_input(ctx, "TJ-2026-000003", date(2026, 6, 30))   # the spec's input JSON
    out = preview(ctx, "TJ-2026-000003", date(2026, 6, 30))       # the spec's output JSON
    snap = recalculate(ctx, "TJ-2026-000003", date(2026, 6, 30))  # stored, immutable

A snapshot keeps the input and output objects exactly, the engine version, and the
SHA-256 of their canonical JSON (`canonical_json`: keys sorted, no spaces, UTF-8,
non-ASCII kept), so a document that cites a snapshot can prove what it was computed from.

Choices: the input carries every stored payment, fee and cost; one dated after `as_of` is
the engine's input error (`payments[3].date`), never silently left out (`earliest_as_of`
tells a date picker where to start). The creditor's latest statement is `claimed`.
Optional terms that are not stored are left out of the input, so the spec's defaults apply.
`lender_person` is true when the creditor party is a natural person (kind `person`), false
for an organisation or when the case has no creditor; `allocation` is the order the
contract agreed, when one is stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.canonical import canonical_json
from app.domain.errors import DomainError, InputError, Problem
from app.domain.money import fmt

if TYPE_CHECKING:
    from app.domain.lpr import LprTable
    from app.services.context import AppContext
    from app.store.models import Case, LoanTerms
    from app.store.records import RecalcSnapshot

__all__ = [
    "Formation",
    "SnapshotInfo",
    "as_of_for",
    "build_input",
    "canonical_json",
    "earliest_as_of",
    "formation",
    "get_snapshot",
    "latest_snapshot",
    "preview",
    "readings",
    "recalculate",
    "remember_as_of",
    "snapshot_hash",
]

AUDIT_ACTION = "recalc.snapshot_created"
CLAIM_PARTS = ("principal", "interest", "penalty", "compound", "fees", "costs")


@dataclass(frozen=True)
class SnapshotInfo:
    """One stored recalculation: the engine's input and output objects, as computed."""

    id: int
    case_no: str
    as_of: date
    engine_version: str
    sha256: str
    created_at: datetime
    input: dict[str, Any]
    output: dict[str, Any]

    def verify(self) -> bool:
        """True when `sha256` is the hash of this input, output and engine version."""
        return snapshot_hash(self.input, self.output, self.engine_version) == self.sha256


# -- use cases ---------------------------------------------------------------------------------


def build_input(ctx: AppContext, case_no: str, as_of: date) -> dict[str, Any]:
    """The spec's input JSON for the case as of `as_of`; InputError when terms are missing."""
    with ctx.read() as uow:
        return input_of(uow.cases.require(case_no), as_of)


def preview(ctx: AppContext, case_no: str, as_of: date) -> dict[str, Any]:
    """The spec's output JSON for the case as of `as_of`; nothing is stored."""
    return _run(build_input(ctx, case_no, as_of), _table(ctx))


def recalculate(ctx: AppContext, case_no: str, as_of: date) -> SnapshotInfo:
    """Run the engine on the stored case and keep the result as an immutable snapshot."""
    from app.domain.recalc import ENGINE_VERSION
    from app.store.records import RecalcSnapshot

    table = _table(ctx)
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        inp = input_of(case, as_of)
        output = _run(inp, table)
        row = RecalcSnapshot(
            case_id=case.id,
            as_of=as_of,
            input_json=inp,
            output_json=output,
            engine_version=ENGINE_VERSION,
            sha256=snapshot_hash(inp, output, ENGINE_VERSION),
            created_at=uow.now,
        )
        uow.session.add(row)
        uow.session.flush()
        lawful = output["views"]["lawful"]["total"]
        detail = {"snapshot_id": row.id, "as_of": as_of.isoformat(), "sha256": row.sha256,
                  "engine_version": ENGINE_VERSION, "lawful_total": lawful}  # fmt: skip
        uow.record(AUDIT_ACTION, case=case, detail=detail)
        case.recalc_as_of = as_of
        return _info(row, case.case_no)


def as_of_for(ctx: AppContext, case_no: str) -> date:
    """The date to recalculate the case at: the one chosen last (remembered with the case),
    else the creditor's claim's as-of date, else today in China."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        if case.recalc_as_of is not None:
            return case.recalc_as_of
        claim = case.claim
        return claim.as_of if claim is not None else ctx.today()


def remember_as_of(ctx: AppContext, case_no: str, as_of: date) -> date:
    """Keep `as_of` as the case's recalculation date (audited when it changes)."""
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        if case.recalc_as_of != as_of:
            before = case.recalc_as_of.isoformat() if case.recalc_as_of else None
            case.recalc_as_of = as_of
            detail = {"from": before, "to": as_of.isoformat()}
            uow.record("recalc.as_of_chosen", case=case, detail=detail)
        return as_of


def latest_snapshot(ctx: AppContext, case_no: str) -> SnapshotInfo | None:
    """The case's most recently stored snapshot, or None when there is none."""
    from sqlalchemy import select

    from app.store.records import RecalcSnapshot

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        stmt = (
            select(RecalcSnapshot)
            .where(RecalcSnapshot.case_id == case.id)
            .order_by(RecalcSnapshot.created_at.desc(), RecalcSnapshot.id.desc())
            .limit(1)
        )
        row = uow.session.scalars(stmt).first()
        return None if row is None else _info(row, case.case_no)


def get_snapshot(ctx: AppContext, snapshot_id: int) -> SnapshotInfo:
    """The snapshot with this id; DomainError when there is none."""
    from app.store.models import Case
    from app.store.records import RecalcSnapshot

    with ctx.read() as uow:
        row = uow.session.get(RecalcSnapshot, snapshot_id)
        if row is None:
            raise DomainError(f"没有编号为 {snapshot_id} 的计算结果（可能属于另一个数据目录）。")
        case = uow.session.get(Case, row.case_id)
        assert case is not None
        return _info(row, case.case_no)


def earliest_as_of(inp: dict[str, Any]) -> date:
    """The first date the engine accepts as `as_of` for this input: the latest of the
    disbursement, every payment, fee and cost, and the acceleration."""
    days = [inp.get("disbursement_date") or inp["contract_date"]]
    days += [item["date"] for name in ("payments", "fees", "costs") for item in inp.get(name, ())]
    if inp.get("accelerated_on"):
        days.append(inp["accelerated_on"])
    return max(date.fromisoformat(day) for day in days)


# -- hashing ------------------------------------------------------------------------------------




def snapshot_hash(inp: dict[str, Any], output: dict[str, Any], engine_version: str) -> str:
    """SHA-256 (hex) of the canonical JSON of {input, output, engine_version}."""
    body = {"input": inp, "output": output, "engine_version": engine_version}
    return hashlib.sha256(canonical_json(body)).hexdigest()


# -- the case as the engine's input ----------------------------------------------------------------


def input_of(case: Case, as_of: date) -> dict[str, Any]:
    """The spec's input object from a case's stored rows (inside a unit of work)."""
    loan = case.loan
    _check_terms(case.case_no, loan)
    assert loan is not None
    inp: dict[str, Any] = {
        "lender_type": loan.lender_type,
        "contract_date": loan.contract_date.isoformat(),
        "disbursement_date": loan.disbursement_date.isoformat(),
        "principal": fmt(loan.principal),
        "disbursed": fmt(loan.disbursed),
        "annual_rate": _rate(loan.annual_rate),
    }
    if loan.overdue_rate is not None:
        inp["overdue_rate"] = _rate(loan.overdue_rate)
    inp["compound"] = bool(loan.compound)
    inp.update(_repayment(loan))
    if loan.accelerated_on is not None:
        inp["accelerated_on"] = loan.accelerated_on.isoformat()
    inp["fees"] = [_charge(c) for c in case.charges if c.category == "fee"]
    inp["costs"] = [_charge(c) for c in case.charges if c.category == "cost"]
    inp["payments"] = [{"date": p.date.isoformat(), "amount": fmt(p.amount)} for p in case.payments]
    claim = case.claim
    if claim is not None:
        inp["claimed"] = {part: fmt(getattr(claim, part)) for part in CLAIM_PARTS}
    inp["as_of"] = as_of.isoformat()
    if loan.filing_date is not None:
        inp["filing_date"] = loan.filing_date.isoformat()
    inp["day_basis"] = loan.day_basis
    if loan.cap_rate is not None:
        inp["cap"] = {"annual_rate": _rate(loan.cap_rate)}
    creditor = case.creditor
    inp["lender_person"] = creditor is not None and creditor.kind == "person"
    if loan.allocation:
        inp["allocation"] = list(loan.allocation)
    return inp


@dataclass(frozen=True)
class Formation:
    """The day the loan contract was formed, as the engine's rules use it.

    `by_handover`: a private loan from a natural person, formed when the money was handed
    over (Civil Code art. 679), so the disbursement date; else the contract date."""

    day: date
    by_handover: bool


def formation(inp: dict[str, Any]) -> Formation:
    """The formation date the engine uses for this input object (`model.formation_date`)."""
    from app.domain.recalc.model import formation_date

    contract = date.fromisoformat(inp["contract_date"])
    disbursed = date.fromisoformat(inp.get("disbursement_date") or inp["contract_date"])
    person = inp.get("lender_person") is True
    day = formation_date(inp["lender_type"], person, contract, disbursed)
    return Formation(day, inp["lender_type"] == "private" and person)


def readings(output: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The output's warnings split into (warnings, the readings the figure depends on)."""
    from app.domain.recalc.labels import READING

    found = list(output.get("warnings", []))
    return [w for w in found if not w.startswith(READING)], [
        w for w in found if w.startswith(READING)
    ]


def _check_terms(case_no: str, loan: LoanTerms | None) -> None:
    """InputError naming, in Chinese, the loan terms a recalculation needs and lacks."""
    if loan is None:
        reason = (f"案件 {case_no} 还没有借款合同信息（出借人类型、合同日期、借款本金、"
                  "还款方式），无法重新计算：请先补录借款合同信息。")  # fmt: skip
        raise InputError([Problem("loan", reason)])
    method = loan.repayment_method
    lacking = {
        "loan.maturity": method == "bullet" and loan.maturity is None,
        "loan.term_months": method not in ("bullet", "explicit") and not loan.term_months,
        "loan.schedule": method == "explicit" and not loan.schedule,
    }
    problems = [Problem(path, MISSING_TERMS[path]) for path, missing in lacking.items() if missing]
    if problems:
        raise InputError(problems)


MISSING_TERMS = {
    "loan.maturity": "缺少到期日：到期一次性还本付息的借款须有到期日。",
    "loan.term_months": "缺少还款期数：分期还款的借款须有期数（月）。",
    "loan.schedule": "缺少还款计划：按约定计划还款的借款须有各期的到期日和金额。",
}


def _repayment(loan: LoanTerms) -> dict[str, Any]:
    if loan.repayment_method == "explicit":
        rows = loan.schedule or []
        return {"schedule": [{k: row[k] for k in ("due", "principal", "interest") if k in row}
                             for row in rows]}  # fmt: skip
    if loan.repayment_method == "bullet":
        assert loan.maturity is not None
        return {"repayment": {"method": "bullet", "maturity": loan.maturity.isoformat()}}
    return {"repayment": {"method": loan.repayment_method, "term_months": loan.term_months}}


def _charge(charge: Any) -> dict[str, str]:
    return {"date": charge.date.isoformat(), "amount": fmt(charge.amount), "kind": charge.kind}


def _rate(rate: Decimal) -> str:
    """An annual fraction as the spec writes it ("0.18"), exactly as stored."""
    return f"{rate.normalize():f}" if rate else "0"


# -- running the engine ---------------------------------------------------------------------------


def _table(ctx: AppContext) -> LprTable:
    from app.services.recalc.lpr import current_table

    return current_table(ctx.data_dir)


def _run(inp: dict[str, Any], table: LprTable) -> dict[str, Any]:
    """The engine's output object; its InputError passes through with the field paths."""
    from app.domain.recalc import parse_input, recalculate, result_to_json

    return result_to_json(recalculate(parse_input(inp, table), table))


def _info(row: RecalcSnapshot, case_no: str) -> SnapshotInfo:
    return SnapshotInfo(
        id=row.id,
        case_no=case_no,
        as_of=row.as_of,
        engine_version=row.engine_version,
        sha256=row.sha256,
        created_at=row.created_at,
        input=row.input_json,
        output=row.output_json,
    )
