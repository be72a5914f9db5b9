"""The rules an input must meet before anything is computed; every problem is listed.

They run on a `Draft` (the input with None where a field is absent or unreadable), so a
problem in one field never hides one in another. Refused (spec): both or neither of
`repayment` and `schedule`; a bullet without a maturity after the disbursement date;
another method without `term_months` ≥ 1; `disbursed` above `principal`; amounts with more
than two decimals or not positive (payments, fees, costs, principal); `day_basis` other
than 360 or 365; an unknown fee or cost kind; a disbursement, payment, fee, cost or
acceleration after `as_of`; an explicit schedule whose principal parts do not add up to
`principal`; an LPR the regime needs on a day before the table's first row;
`lender_person` that is not true or false; an `allocation` that is not an order of all six
kinds, each once.

Clerk's choices where the spec is silent (refused too): `disbursed` not positive; a
negative rate, one above 10 (1000 % a year: surely a percentage typed as a fraction) or
with more than 10 decimals; `term_months` above 1200; a payment, fee, cost or acceleration
before the disbursement date; an explicit schedule that is empty, has a due date on or
before the disbursement date or out of order, or negative parts; a negative claimed part.
"100.000" is accepted (it is a whole number of fen); "100.001" is not. Bounds of a real
loan (issue 12): every amount at most 10,000,000,000.00 yuan (ten billion); every date
from 1980-01-01 to 2099-12-31; at most 10,000 payments, fees or costs each and 1200
schedule rows. `lender_person` true on a loan that is not `private` is accepted and
changes nothing (the formation-date rule is the private regime's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.errors import Problem
from app.domain.recalc.model import (
    ALLOCATION_KINDS,
    BULLET,
    CLAIM_PARTS,
    COST_KINDS,
    DAY_BASES,
    FEE_KINDS,
    LENDER_TYPES,
    METHODS,
    Repayment,
)

FEN = Decimal("0.01")
MAX_RATE = Decimal(10)
MAX_RATE_DECIMALS = 10
MAX_TERM = 1200
MAX_AMOUNT = Decimal("10000000000.00")
MAX_ITEMS = 10_000
FIRST_DAY = date(1980, 1, 1)
LAST_DAY = date(2099, 12, 31)
NOT_POSITIVE = "not a positive amount（金额须大于 0）"
DECIMALS = "more than two decimals（金额最多两位小数，精确到分）"
TOO_MUCH = f"more than {MAX_AMOUNT:,}（金额超过一百亿元，请检查位数）"


@dataclass
class DraftItem:
    """A payment, fee or cost, or a schedule row (`kind` unused; `interest` for rows)."""

    date: date | None
    amount: Decimal | None
    kind: str | None = None
    interest: Decimal | None = None


@dataclass
class Draft:
    """The input as read, before its rules are checked; None = absent or unreadable.

    `lender_person` None is unreadable (absent is False); `allocation` holds the JSON
    values as given, checked here."""

    lender_type: str | None = None
    contract_date: date | None = None
    disbursement_date: date | None = None
    disbursement_given: bool = False
    principal: Decimal | None = None
    disbursed: Decimal | None = None
    annual_rate: Decimal | None = None
    overdue_rate: Decimal | None = None
    compound: bool = False
    repayment: Repayment | None = None
    schedule: list[DraftItem] | None = None
    accelerated_on: date | None = None
    fees: list[DraftItem] = field(default_factory=list)
    costs: list[DraftItem] = field(default_factory=list)
    payments: list[DraftItem] = field(default_factory=list)
    claimed: dict[str, Decimal | None] | None = None
    as_of: date | None = None
    filing_date: date | None = None
    day_basis: int | None = 360
    cap_rate: Decimal | None = None
    both_given: bool = False
    neither_given: bool = False
    lender_person: bool | None = False
    allocation: list[Any] | None = None


def check_draft(d: Draft, lpr: Any) -> list[Problem]:
    """Every problem of the draft, with its field path (`lpr`: an `LprTable`)."""
    from app.domain.recalc.checks_lpr import check_lpr

    out: list[Problem] = []
    _dates_in_range(d, out)
    _counts(d, out)
    _terms(d, out)
    _repayment(d, out)
    _schedule(d, out)
    for name, kinds in (("fees", FEE_KINDS), ("costs", COST_KINDS), ("payments", ())):
        for index, item in enumerate(getattr(d, name)):
            _event(d, item, f"{name}[{index}]", kinds, out)
    _claimed(d, out)
    out.extend(allocation_problems(d.allocation))
    check_lpr(d, lpr, out)
    return out


def money(value: Decimal | None, path: str, out: list[Problem], zero_ok: bool = False) -> None:
    if value is None:
        return
    if abs(value) > MAX_AMOUNT:
        out.append(Problem(path, TOO_MUCH))
    elif value != value.quantize(FEN):
        out.append(Problem(path, DECIMALS))
    elif value < 0 or (value == 0 and not zero_ok):
        out.append(Problem(path, "negative amount（金额不能为负）" if zero_ok else NOT_POSITIVE))


def _rate(value: Decimal | None, path: str, out: list[Problem]) -> None:
    if value is None:
        return
    if value < 0:
        out.append(Problem(path, "negative rate（利率不能为负）"))
    elif value > MAX_RATE:
        out.append(Problem(path, "rate above 1000 %（年利率写成小数，如 18% 写 0.18）"))
    elif -value.as_tuple().exponent > MAX_RATE_DECIMALS:  # type: ignore[operator]
        out.append(Problem(path, "more than 10 decimals（利率最多写到小数点后 10 位）"))


def _in_range(day: date | None, path: str, out: list[Problem]) -> date | None:
    """`day` when a real loan can have it, else None after noting why."""
    if day is None or FIRST_DAY <= day <= LAST_DAY:
        return day
    word = "before" if day < FIRST_DAY else "after"
    bound = FIRST_DAY if day < FIRST_DAY else LAST_DAY
    reason = f"{word} {bound.isoformat()}（日期须在 1980-01-01 至 2099-12-31 之间）"
    out.append(Problem(path, reason))
    return None


def _dates_in_range(d: Draft, out: list[Problem]) -> None:
    """Dates outside 1980–2099 are refused and then treated as unreadable."""
    for name in ("contract_date", "as_of", "filing_date", "accelerated_on"):
        setattr(d, name, _in_range(getattr(d, name), name, out))
    if d.disbursement_given:
        d.disbursement_date = _in_range(d.disbursement_date, "disbursement_date", out)
    elif d.disbursement_date is not None:
        d.disbursement_date = d.contract_date  # the default, already checked
    r = d.repayment
    if r is not None and r.maturity is not None:
        maturity = _in_range(r.maturity, "repayment.maturity", out)
        d.repayment = Repayment(r.method, maturity, r.term_months) if maturity is None else r
    for name in ("fees", "costs", "payments", "schedule"):
        key = "due" if name == "schedule" else "date"
        for index, item in enumerate(getattr(d, name) or ()):
            item.date = _in_range(item.date, f"{name}[{index}].{key}", out)


def _counts(d: Draft, out: list[Problem]) -> None:
    for name, limit in (("payments", MAX_ITEMS), ("fees", MAX_ITEMS), ("costs", MAX_ITEMS)):
        if len(getattr(d, name)) > limit:
            out.append(Problem(name, f"more than {limit} items（最多 {limit} 笔，请检查）"))
            setattr(d, name, [])
    if d.schedule is not None and len(d.schedule) > MAX_TERM:
        out.append(Problem("schedule", f"more than {MAX_TERM} rows（还款计划最多 {MAX_TERM} 期）"))
        d.schedule = None


def allocation_problems(order: Any) -> list[Problem]:
    """Why `order` is not an order of all six kinds, each exactly once (empty when it is)."""
    if order is None:
        return []
    choices = "、".join(ALLOCATION_KINDS)
    whole = f"（须按约定顺序列出全部六项，各一次：{choices}）"
    if not isinstance(order, (list, tuple)):
        return [Problem("allocation", "not a list" + whole)]
    if len(order) > len(ALLOCATION_KINDS):
        return [Problem("allocation", f"{len(order)} kinds, not six" + whole)]
    out: list[Problem] = []
    seen: list[str] = []
    for index, kind in enumerate(order):
        if not isinstance(kind, str) or kind not in ALLOCATION_KINDS:
            out.append(Problem(f"allocation[{index}]", f"unknown kind（可选：{choices}）"))
        elif kind in seen:
            out.append(Problem(f"allocation[{index}]", f"{kind} more than once" + whole))
        else:
            seen.append(kind)
    lacking = [k for k in ALLOCATION_KINDS if k not in seen]
    if lacking and not out:
        out.append(Problem("allocation", f"missing {'、'.join(lacking)}" + whole))
    return out


def _terms(d: Draft, out: list[Problem]) -> None:
    if d.lender_type is not None and d.lender_type not in LENDER_TYPES:
        choices = "、".join(LENDER_TYPES)
        out.append(Problem("lender_type", f"unknown lender_type（可选：{choices}）"))
    money(d.principal, "principal", out)
    money(d.disbursed, "disbursed", out)
    if d.principal is not None and d.disbursed is not None and d.disbursed > d.principal:
        out.append(Problem("disbursed", "above principal（实际出借金额不能大于合同本金）"))
    for name in ("annual_rate", "overdue_rate"):
        _rate(getattr(d, name), name, out)
    _rate(d.cap_rate, "cap.annual_rate", out)
    if d.day_basis is not None and d.day_basis not in DAY_BASES:
        out.append(Problem("day_basis", "not 360 or 365（计息天数基准只能是 360 或 365）"))
    disbursed_on, as_of = d.disbursement_date, d.as_of
    if disbursed_on is not None and as_of is not None and disbursed_on > as_of:
        path = "disbursement_date" if d.disbursement_given else "contract_date"
        out.append(Problem(path, f"after as_of（放款日晚于计算日 {as_of.isoformat()}）"))


def _repayment(d: Draft, out: list[Problem]) -> None:
    if d.both_given:
        out.append(Problem("schedule", "both repayment and schedule（二者只能填一个）"))
    if d.neither_given:
        out.append(Problem("repayment", "missing repayment or schedule（须填写其中一个）"))
    r = d.repayment
    if r is None or not r.method:
        return
    if r.method not in METHODS:
        out.append(Problem("repayment.method", f"unknown method（可选：{'、'.join(METHODS)}）"))
    elif r.method == BULLET:
        start = d.disbursement_date
        refused = any(p.path == "repayment.maturity" for p in out)  # e.g. after 2099
        if not refused and (r.maturity is None or (start is not None and r.maturity <= start)):
            out.append(Problem("repayment.maturity", MISSING_MATURITY))
    elif r.term_months is None or r.term_months < 1:
        out.append(Problem("repayment.term_months", "missing or below 1（期数须为 ≥ 1 的整数）"))
    elif r.term_months > MAX_TERM:
        out.append(Problem("repayment.term_months", "above 1200（期数过多，请检查）"))


MISSING_MATURITY = "no maturity after the disbursement date（一次性还本须填写晚于放款日的到期日）"


def _schedule(d: Draft, out: list[Problem]) -> None:
    rows = d.schedule
    if rows is None:
        return
    if not rows:
        out.append(Problem("schedule", "empty（还款计划至少一期）"))
        return
    previous = d.disbursement_date
    for index, row in enumerate(rows):
        path = f"schedule[{index}]"
        money(row.amount, f"{path}.principal", out, zero_ok=True)
        money(row.interest, f"{path}.interest", out, zero_ok=True)
        if row.date is None or previous is None:
            previous = row.date or previous
            continue
        if index == 0 and row.date <= previous:
            out.append(Problem(f"{path}.due", "not after the disbursement date（须晚于放款日）"))
        elif row.date < previous:
            out.append(Problem(f"{path}.due", "before the previous row（各期到期日须按先后排列）"))
        previous = row.date
    parts = [row.amount for row in rows]
    if d.principal is not None and all(p is not None for p in parts):
        total = sum(p for p in parts if p is not None)
        if total != d.principal:
            out.append(
                Problem(
                    "schedule",
                    f"principal parts add up to {total}, not principal {d.principal}"
                    "（各期本金之和须等于合同本金）",
                )
            )


def _event(
    d: Draft, item: DraftItem, path: str, kinds: tuple[str, ...], out: list[Problem]
) -> None:
    money(item.amount, f"{path}.amount", out)
    if kinds and item.kind is not None and item.kind not in kinds:
        out.append(Problem(f"{path}.kind", f"unknown kind（可选：{'、'.join(kinds)}）"))
    _dated(d, item.date, f"{path}.date", out)


def _dated(d: Draft, day: date | None, path: str, out: list[Problem]) -> None:
    if day is None:
        return
    if d.as_of is not None and day > d.as_of:
        out.append(Problem(path, f"after as_of（晚于计算日 {d.as_of.isoformat()}）"))
    elif d.disbursement_date is not None and day < d.disbursement_date:
        out.append(Problem(path, "before the disbursement date（早于放款日）"))


def _claimed(d: Draft, out: list[Problem]) -> None:
    _dated(d, d.accelerated_on, "accelerated_on", out)
    for part in CLAIM_PARTS if d.claimed is not None else ():
        money((d.claimed or {}).get(part), f"claimed.{part}", out, zero_ok=True)
