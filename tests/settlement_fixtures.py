"""Helpers for settlement tests on a real store: a snapshot with known lawful figures, the
creditor's floor, walking a case through the state machine, and a plan that works."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

LAWFUL_VIEW = {
    "principal": "95000.00",
    "principal_overdue": "95000.00",
    "principal_not_due": "0.00",
    "interest": "17100.00",
    "penalty": "3900.00",
    "compound": "250.00",
    "fees": "300.00",
    "costs": "2000.00",
    "total": "118550.00",
    "paid": "5000.00",
    "overpaid": "0.00",
}
LAWFUL_TOTAL = Decimal("118550.00")
TO_SIGNED = ("contacting", "scheduled", "in_session", "agreed", "signed")

# Down payment 10,000.50 on 10 March, then 10 monthly rows from 15 April: 104,099.50 / 10
# rounded down to the yuan is 10,409; the last row takes 10,418.50.
EQUAL_SPEC: dict[str, Any] = {
    "frequency": "monthly",
    "first_due": "2026-04-15",
    "count": 10,
    "down_payment": {"amount": "10000.50", "due": "2026-03-10"},
    "round_to": "1",
}
TERMS = {"acceleration_days": 15, "waiver_revives_on_default": True}
WAIVE_CHARGES = {"waive_penalty": "100", "waive_compound": "100", "waive_fees": "100"}
SETTLED_AFTER_CHARGES = Decimal("114100.00")  # 118,550 − 3,900 − 250 − 300


def add_snapshot(
    ctx: Any,
    case_no: str,
    view: dict[str, str] | None = None,
    *,
    cap: str = "0.24",
    as_of: date = date(2026, 3, 1),
) -> int:
    """Store a snapshot row with these lawful figures (as the recalculation would); its id."""
    from app.store.records import RecalcSnapshot

    lawful = dict(view or LAWFUL_VIEW)
    output = {
        "as_of": as_of.isoformat(),
        "regime": {"lender_class": "financial", "caps": [{"annual_rate": cap}]},
        "views": {"contract": lawful, "lawful": lawful},
    }
    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        row = RecalcSnapshot(
            case_id=case.id,
            as_of=as_of,
            input_json={"as_of": as_of.isoformat()},
            output_json=output,
            engine_version="test",
            sha256=f"{case.id:064d}",
            created_at=uow.now,
        )
        uow.session.add(row)
        uow.session.flush()
        uow.record("recalc.snapshot_created", case=case, detail={"snapshot_id": row.id})
        return int(row.id)


def set_floor(ctx: Any, case_no: str, floor: Decimal, as_of: date = date(2026, 3, 1)) -> None:
    """Add a creditor's statement whose floor is `floor`."""
    from app.store.models import Claim

    with ctx.write() as uow:
        case = uow.cases.require(case_no)
        case.claims.append(
            Claim(as_of=as_of, principal=Decimal("95000.00"), interest=Decimal("30000.00"),
                  floor=floor)
        )  # fmt: skip
        uow.record("test.claim_added", case=case)


def walk(ctx: Any, case_no: str, *statuses: str) -> None:
    from app.services.cases.service import change_status

    for status in statuses:
        change_status(ctx, case_no, status)
