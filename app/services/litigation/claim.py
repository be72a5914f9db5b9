"""What a case has come to after mediation, and the claim a complaint makes on a date.

    stage = case_stage(ctx, "TJ-2026-000004")     # failed | broken | broken_confirmed | ""
    claim = filing_claim(ctx, "TJ-2026-000004", date(2026, 7, 1))

Stages: `failed` — mediation ended without agreement (调解终结, or 已转诉讼 with no signed
agreement); `broken` — a signed agreement no court confirmed has been broken (已违约, or
已转诉讼 after it); `broken_confirmed` — the agreement the court confirmed has been broken.

The complaint's claim is computed, never typed: the engine's lawful view of the loan as of
the filing date (`filing_date` = that day), with every payment made under a broken
agreement counted as a payment of the loan. When the agreement says its waivers do not
revive on default, the creditor stays bound by the agreed amount: the claim is then what the
plan tracker finds claimable under the agreement (basis `agreement`), and the lawful
recalculation is still shown in the calculation statement.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.documents.pdf.court_model import (
    CalcLine,
    ClaimPart,
    CourtClaim,
    InstalmentOutcome,
    PlanOutcome,
)
from app.domain.case_status import CaseStatus
from app.domain.settlement import KIND_LABELS, KINDS
from app.services.clock import china_date

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.settlement.plan_tracking import PlanStatusInfo

S = CaseStatus
LINE_LABELS = {
    "accrual": "计息",
    "due": "到期",
    "fee": "费用",
    "cost": "实现债权费用",
    "acceleration": "提前到期",
    "payment": "还款",
    "cap": "上限调整",
    "warning": "说明",
}
STAGES = {
    "failed": "调解未成功",
    "broken": "调解协议未经司法确认，已违约",
    "broken_confirmed": "经司法确认的调解协议已违约",
}


def case_stage(ctx: AppContext, case_no: str) -> str:
    """failed, broken, broken_confirmed, or "" when the case has not come that far."""
    from app.services.litigation.rulings import was_confirmed
    from app.services.settlement.plan_tracking import settlement_row

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        status = CaseStatus(case.status)
        signed = settlement_row(uow, case) is not None and _signed_once(uow, case.id)
        if status == S.TERMINATED or (status == S.LITIGATION and not signed):
            return "failed"
        if status in (S.DEFAULTED, S.LITIGATION) and signed:
            return "broken_confirmed" if was_confirmed(uow, case) else "broken"
        return ""


def plan_outcome(ctx: AppContext, case_no: str, on: date) -> PlanOutcome:
    """The signed plan on `on` as the plan tracker computes it."""
    from app.services.settlement.plan_tracking import plan_status

    return outcome_of(plan_status(ctx, case_no, on))


def outcome_of(status: PlanStatusInfo) -> PlanOutcome:
    perf = status.performance
    terms = status.settlement.terms
    rows = tuple(
        InstalmentOutcome(r.n, r.due, r.amount, r.paid, r.outstanding, r.label_zh)
        for r in perf.installments
    )
    return PlanOutcome(
        as_of=perf.as_of,
        agreed_total=status.settlement.proposal.settled_total,
        paid_total=perf.paid_total,
        remaining=perf.remaining,
        revived=perf.revived,
        claimable=perf.claimable,
        defaulted_on=perf.defaulted_on,
        default_installment=perf.default_installment,
        acceleration_days=terms.acceleration_days,
        revival=terms.waiver_revives_on_default,
        lawful_total=status.settlement.proposal.lawful.total,
        agreed_on=china_date(status.settlement.updated_at),
        installments=rows,
    )


def filing_claim(ctx: AppContext, case_no: str, on: date) -> CourtClaim | None:
    """The complaint's claim on `on`, or None when the case is not one to sue on."""
    stage = case_stage(ctx, case_no)
    if stage not in ("failed", "broken"):
        return None
    outcome = plan_outcome(ctx, case_no, on) if stage == "broken" else None
    paid = _plan_payments(ctx, case_no, on) if outcome is not None else []
    _inp, out, digest, version = _lawful_on(ctx, case_no, on, paid)
    lawful = out["views"]["lawful"]
    parts = tuple(
        ClaimPart(KIND_LABELS[k], Decimal(lawful[k])) for k in KINDS if Decimal(lawful[k]) > 0
    )
    by_agreement = outcome is not None and not outcome.revival
    claimed = out["views"].get("claimed")
    return CourtClaim(
        as_of=on,
        basis="agreement" if by_agreement else "loan",
        parts=parts,
        total=outcome.claimable if by_agreement and outcome else Decimal(lawful["total"]),
        principal=Decimal(lawful["principal"]),
        paid=Decimal(lawful["paid"]),
        claimed_total=Decimal(claimed["total"]) if claimed else None,
        caps=tuple(_cap_text(c) for c in out["regime"]["caps"]),
        lines=tuple(_line(x) for x in out["lines"] if x["view"] == "lawful"),
        calc_sha256=digest,
        engine_version=version,
    )


def _signed_once(uow: Any, case_id: int) -> bool:
    return any(
        e.action == "case.status_changed" and e.detail.get("to") == S.SIGNED.value
        for e in uow.audit.for_case(case_id)
    )


def _plan_payments(ctx: AppContext, case_no: str, on: date) -> list[dict[str, str]]:
    from app.domain.money import fmt
    from app.services.settlement.plan_tracking import plan_status

    status = plan_status(ctx, case_no, on)
    return [
        {"date": p.date.isoformat(), "amount": fmt(p.amount)}
        for p in status.payments
        if p.date <= on
    ]


def _lawful_on(
    ctx: AppContext, case_no: str, on: date, paid: list[dict[str, str]]
) -> tuple[dict[str, Any], dict[str, Any], str, str]:
    """The engine's input and output on `on` (filing date `on`), with `paid` added."""
    from app.domain.recalc import ENGINE_VERSION, parse_input, recalculate, result_to_json
    from app.services.recalc.lpr import current_table
    from app.services.recalc.service import build_input, snapshot_hash

    inp = build_input(ctx, case_no, on)
    inp["payments"] = sorted([*inp.get("payments", []), *paid], key=lambda p: p["date"])
    inp["filing_date"] = on.isoformat()
    table = current_table(ctx.data_dir)
    out = result_to_json(recalculate(parse_input(inp, table), table))
    return inp, out, snapshot_hash(inp, out, ENGINE_VERSION), ENGINE_VERSION


def _cap_text(cap: dict[str, Any]) -> str:
    rate = Decimal(str(cap["annual_rate"])) * 100
    span = ""
    if cap.get("from") or cap.get("to"):
        span = f"{cap.get('from') or '起'}至{cap.get('to') or '今'}，"
    return f"{span}年利率{rate.normalize():f}%（{cap.get('basis', '')}）"


def _line(x: dict[str, Any]) -> CalcLine:
    def day(key: str) -> date | None:
        return date.fromisoformat(x[key]) if x.get(key) else None

    def dec(key: str) -> Decimal | None:
        return Decimal(str(x[key])) if x.get(key) not in (None, "") else None

    return CalcLine(
        date=date.fromisoformat(x["date"]),
        kind_label=LINE_LABELS.get(x["kind"], x["kind"]),
        start=day("from"),
        end=day("to"),
        days=x.get("days"),
        base=dec("base"),
        rate=dec("rate"),
        amount=Decimal(str(x["amount"])),
        note=str(x.get("note", "")),
    )
