"""Plans to and from plain JSON data: the input and output of `python -m app plan`.

Input (amounts as strings, dates "YYYY-MM-DD"):

- equal: `{"total", "first_due", "count", "frequency": "weekly|biweekly|monthly",
  "down_payment": {"amount", "due"}?, "round_to": "1"?}`; `count` is the number of
  instalments after the down payment; `round_to` defaults to "1" (yuan).
- lump sum: `{"total", "first_due", "frequency": "lump_sum", "down_payment"?}`; `count`
  may be left out or be 1.
- custom: `{"total", "installments": [{"due", "amount"}, …]}`; the equal-plan fields are
  refused next to `installments` rather than silently ignored.
- any plan: `"grace_days"` (default 0) and `"interest": {"annual_rate", "cap_rate",
  "start", "day_basis"?}` (cap_rate is required: the plan does not know the case's regime).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain import json_fields as f
from app.domain.errors import InputError, Problem
from app.domain.money import fmt
from app.domain.plan import (
    DownPayment,
    Frequency,
    Plan,
    PlanInterest,
    PlanMethod,
    custom_plan,
    equal_installments,
    lump_sum,
)
from app.domain.plan_checks import (
    check_custom,
    check_equal,
    check_grace,
    check_interest,
    money_reason,
    raise_if,
)

LUMP_SUM = "lump_sum"
EQUAL_KEYS = ("first_due", "count", "frequency", "down_payment", "round_to")
COMMON_KEYS = ("total", "grace_days", "interest")
INTEREST_KEYS = ("annual_rate", "cap_rate", "start", "day_basis")


def plan_from_dict(data: object) -> Plan:
    """Build a plan from its JSON form, or raise InputError listing every problem."""
    out: list[Problem] = []
    obj = f.as_object(data, "", out)
    if obj is None:
        raise InputError(out)
    custom = "installments" in obj
    f.unknown_keys(obj, (*COMMON_KEYS, *EQUAL_KEYS, "installments"), "", out)
    total = f.money_field(obj, "total", "", out)
    grace = f.int_field(obj, "grace_days", "", out, required=False)
    out += check_grace(grace)
    if custom:
        return _custom(obj, total, grace, out)
    return _equal(obj, total, grace, out)


def _custom(
    obj: Mapping[str, Any], total: Decimal | None, grace: int | None, out: list[Problem]
) -> Plan:
    for key in EQUAL_KEYS:
        if key in obj:
            out.append(Problem(key, "自定义计划（installments）不使用此字段，请删去"))
    rows = _rows(obj["installments"], out)
    if rows is None:  # not a list: already reported; still check the total
        reason = None if total is None else money_reason(total)
        out += [Problem("total", reason)] if reason else []
        rows = []
    else:
        out += check_custom(total, rows)
    first_due = rows[0][0] if rows else None
    interest = _interest(obj, first_due, out)
    raise_if(out)
    assert total is not None
    clean = [(due, amount) for due, amount in rows if due is not None and amount is not None]
    return custom_plan(total, clean, grace_days=grace or 0, interest=interest)


def _rows(raw: object, out: list[Problem]) -> list[tuple[date | None, Decimal | None]] | None:
    if not isinstance(raw, list):
        out.append(Problem("installments", "须为列表（[{…}, …]）"))
        return None
    rows: list[tuple[date | None, Decimal | None]] = []
    for i, item in enumerate(raw):
        prefix = f"installments[{i}]"
        row = f.as_object(item, prefix, out)
        if row is None:
            rows.append((None, None))
            continue
        f.unknown_keys(row, ("due", "amount"), prefix, out)
        rows.append(
            (f.date_field(row, "due", prefix, out), f.money_field(row, "amount", prefix, out))
        )
    return rows


def _equal(
    obj: Mapping[str, Any], total: Decimal | None, grace: int | None, out: list[Problem]
) -> Plan:
    frequency, is_lump = _frequency(obj, out)
    first_due = f.date_field(obj, "first_due", "", out)
    count = _count(obj, is_lump, out)
    down = _down_payment(obj, out)
    round_to = f.decimal_field(obj, "round_to", "", out, required=False)
    unit = Decimal("1") if round_to is None else round_to
    out += check_equal(total, first_due, count, frequency, down, unit)
    interest = _interest(obj, down.due if down else first_due, out)
    raise_if(out)
    assert total is not None and first_due is not None and count is not None
    if is_lump:
        return lump_sum(
            total, first_due, down_payment=down, grace_days=grace or 0, interest=interest
        )
    assert frequency is not None
    return equal_installments(
        total,
        first_due,
        count,
        frequency,
        down_payment=down,
        round_to=unit,
        grace_days=grace or 0,
        interest=interest,
    )


def _frequency(obj: Mapping[str, Any], out: list[Problem]) -> tuple[Frequency | None, bool]:
    raw = obj.get("frequency")
    if raw is None:
        out.append(Problem("frequency", f.MISSING + "（weekly、biweekly、monthly 或 lump_sum）"))
        return None, False
    if raw == LUMP_SUM:
        return Frequency.MONTHLY, True
    if isinstance(raw, str) and raw in {m.value for m in Frequency}:
        return Frequency(raw), False
    out.append(Problem("frequency", "只能是 weekly、biweekly、monthly 或 lump_sum"))
    return None, False


def _count(obj: Mapping[str, Any], is_lump: bool, out: list[Problem]) -> int | None:
    if not is_lump:
        return f.int_field(obj, "count", "", out)
    count = f.int_field(obj, "count", "", out, required=False)
    if count not in (None, 1):
        out.append(Problem("count", "一次性付清只有 1 期（可删去 count）"))
        return None
    return 1


def _down_payment(obj: Mapping[str, Any], out: list[Problem]) -> DownPayment | None:
    raw = obj.get("down_payment")
    if raw is None:
        return None
    down = f.as_object(raw, "down_payment", out)
    if down is None:
        return None
    f.unknown_keys(down, ("amount", "due"), "down_payment", out)
    amount = f.money_field(down, "amount", "down_payment", out)
    due = f.date_field(down, "due", "down_payment", out)
    if amount is None or due is None:
        return None
    return DownPayment(amount, due)


def _interest(
    obj: Mapping[str, Any], first_row_due: date | None, out: list[Problem]
) -> PlanInterest | None:
    raw = obj.get("interest")
    if raw is None:
        return None
    data = f.as_object(raw, "interest", out)
    if data is None:
        return None
    f.unknown_keys(data, INTEREST_KEYS, "interest", out)
    rate = f.decimal_field(data, "annual_rate", "interest", out)
    cap = f.decimal_field(data, "cap_rate", "interest", out)
    start = f.date_field(data, "start", "interest", out)
    basis = f.int_field(data, "day_basis", "interest", out, required=False)
    day_basis = 360 if basis is None else basis
    out += check_interest(rate, cap, start, day_basis, first_row_due)
    if rate is None or cap is None or start is None:
        return None
    return PlanInterest(rate, cap, start, day_basis)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The output form: rows n/due/amount (plus principal/interest when the plan bears interest)."""
    rows = []
    for row in plan.installments:
        item: dict[str, Any] = {"n": row.n, "due": row.due.isoformat(), "amount": fmt(row.amount)}
        if plan.interest is not None:
            item["principal"] = fmt(row.principal)
            item["interest"] = fmt(row.interest)
        rows.append(item)
    result: dict[str, Any] = {"installments": rows, "total": fmt(plan.total)}
    if plan.interest is not None:
        result["interest_total"] = fmt(plan.interest_total)
        result["amount_total"] = fmt(plan.amount_total)
    if plan.warnings:
        result["warnings"] = list(plan.warnings)
    return result


def plan_to_input(plan: Plan) -> dict[str, Any]:
    """The input form that rebuilds `plan` exactly (what a store keeps)."""
    data: dict[str, Any] = {"total": fmt(plan.total)}
    if plan.method is PlanMethod.CUSTOM:
        data["installments"] = [
            {"due": r.due.isoformat(), "amount": fmt(r.principal)} for r in plan.installments
        ]
    else:
        _equal_input(plan, data)
    if plan.grace_days:
        data["grace_days"] = plan.grace_days
    if plan.interest is not None:
        i = plan.interest
        data["interest"] = {
            "annual_rate": str(i.annual_rate),
            "cap_rate": str(i.cap_rate),
            "start": i.start.isoformat(),
            "day_basis": i.day_basis,
        }
    return data


def _equal_input(plan: Plan, data: dict[str, Any]) -> None:
    down = plan.down_payment
    regular = plan.installments[1:] if down else plan.installments
    data["first_due"] = regular[0].due.isoformat()
    if plan.method is PlanMethod.LUMP_SUM:
        data["frequency"] = LUMP_SUM
    else:
        data["frequency"] = str(plan.frequency)
        data["count"] = len(regular)
        data["round_to"] = str(plan.round_to)
    if down is not None:
        data["down_payment"] = {"amount": fmt(down.principal), "due": down.due.isoformat()}
