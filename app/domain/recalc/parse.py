"""`parse_input`: the JSON form of the spec into a checked `RecalcInput`.

Defaults: `disbursement_date` = `contract_date`; `disbursed` = `principal`; `annual_rate` 0;
`compound` false; `fees`, `costs`, `payments` empty; `filing_date` = `as_of`; `day_basis`
360; `lender_person` false; `allocation` the order of Civil Code art. 561; a fee without a
kind is `other` (a cost must name its kind). Amounts are strings or JSON integers (an
integer is a whole number of yuan); floats are refused. A key the spec does not name is
refused with its path at every level (`overdue_rat: unknown key`, `payments[2].memo: …`).
A list longer than a real loan has (`checks.MAX_ITEMS`, 1200 schedule rows) is refused
without reading its items.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from app.domain.errors import InputError, Problem
from app.domain.json_fields import spec as f
from app.domain.lpr import LprTable
from app.domain.recalc.checks import MAX_ITEMS, MAX_TERM, Draft, DraftItem, check_draft
from app.domain.recalc.model import (
    CLAIM_PARTS,
    Charge,
    Claimed,
    Payment,
    RecalcInput,
    Repayment,
    ScheduleRow,
)

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
ZERO_RATE = Decimal(0)
TOP_KEYS = (
    "lender_type", "contract_date", "disbursement_date", "principal", "disbursed",
    "annual_rate", "overdue_rate", "compound", "repayment", "schedule", "accelerated_on",
    "fees", "costs", "payments", "claimed", "as_of", "filing_date", "day_basis", "cap",
    "lender_person", "allocation",
)  # fmt: skip
ITEM_KEYS = {
    "fees": ("date", "amount", "kind"),
    "costs": ("date", "amount", "kind"),
    "payments": ("date", "amount"),
    "schedule": ("due", "principal", "interest"),
}


def parse_input(data: object, lpr: LprTable) -> RecalcInput:
    """A checked input from its JSON form, or InputError listing every problem."""
    if not isinstance(data, Mapping):
        raise InputError([Problem("", "not an object（输入须为 JSON 对象 {…}）")])
    out: list[Problem] = []
    draft = read_draft(data, out)
    out.extend(check_draft(draft, lpr))
    if out:
        raise InputError(out)
    return build_input(draft)


def read_draft(data: Mapping[str, Any], out: list[Problem]) -> Draft:
    """Every field read for its form; None where absent or unreadable."""
    f.unknown_keys(data, TOP_KEYS, "", out)
    d = Draft()
    d.lender_type = f.text(data, "lender_type", "", out, required=True)
    d.contract_date = f.day(data, "contract_date", "", out, required=True)
    d.as_of = f.day(data, "as_of", "", out, required=True)
    d.disbursement_given = f.present(data, "disbursement_date")
    d.disbursement_date = f.day(data, "disbursement_date", "", out) or (
        None if d.disbursement_given else d.contract_date
    )
    d.principal = f.amount(data, "principal", "", out, required=True)
    d.disbursed = f.amount(data, "disbursed", "", out)
    d.annual_rate = f.rate(data, "annual_rate", "", out)
    d.overdue_rate = f.rate(data, "overdue_rate", "", out)
    d.compound = bool(f.flag(data, "compound", out))
    d.accelerated_on = f.day(data, "accelerated_on", "", out)
    d.filing_date = f.day(data, "filing_date", "", out)
    if f.present(data, "day_basis"):
        d.day_basis = f.whole(data, "day_basis", "", out)
    if f.present(data, "lender_person"):
        d.lender_person = f.flag(data, "lender_person", out)
    if f.present(data, "allocation"):
        d.allocation = f.items(data, "allocation", out)
    _read_cap(data, d, out)
    _read_repayment(data, d, out)
    for name in ("fees", "costs", "payments"):
        setattr(d, name, _read_items(data, name, out, MAX_ITEMS) or [])
    _read_claimed(data, d, out)
    return d


def _read_cap(data: Mapping[str, Any], d: Draft, out: list[Problem]) -> None:
    cap = f.obj(data, "cap", "", out)
    if cap is None:
        return
    f.unknown_keys(cap, ("annual_rate",), "cap", out)
    if not f.present(cap, "annual_rate"):
        out.append(Problem("cap.annual_rate", f.MISSING))
    d.cap_rate = f.rate(cap, "annual_rate", "cap", out)


def _read_repayment(data: Mapping[str, Any], d: Draft, out: list[Problem]) -> None:
    has_repayment, has_schedule = f.present(data, "repayment"), f.present(data, "schedule")
    d.both_given = has_repayment and has_schedule
    d.neither_given = not has_repayment and not has_schedule
    rep = f.obj(data, "repayment", "", out)
    if rep is not None:
        f.unknown_keys(rep, ("method", "maturity", "term_months"), "repayment", out)
        method = f.text(rep, "method", "repayment", out, required=True) or ""
        maturity = f.day(rep, "maturity", "repayment", out)
        term = f.whole(rep, "term_months", "repayment", out)
        d.repayment = Repayment(method, maturity, term)
    if has_schedule:
        d.schedule = _read_items(data, "schedule", out, MAX_TERM)


def _read_items(
    data: Mapping[str, Any], name: str, out: list[Problem], limit: int
) -> list[DraftItem] | None:
    """The items of a list (None when it is longer than `limit`, after saying so)."""
    raw = f.items(data, name, out)
    found: list[DraftItem] = []
    if raw is not None and len(raw) > limit:
        out.append(Problem(name, f"more than {limit} items（最多 {limit} 项，请检查）"))
        return None
    for index, entry in enumerate(raw or ()):
        path = f"{name}[{index}]"
        if not isinstance(entry, Mapping):
            out.append(Problem(path, "not an object（须为 JSON 对象 {…}）"))
            continue
        f.unknown_keys(entry, ITEM_KEYS[name], path, out)
        found.append(_read_item(entry, name, path, out))
    return found


def _read_item(entry: Mapping[str, Any], name: str, path: str, out: list[Problem]) -> DraftItem:
    if name == "schedule":
        due = f.day(entry, "due", path, out, required=True)
        principal = f.amount(entry, "principal", path, out, required=True)
        interest = f.amount(entry, "interest", path, out)
        return DraftItem(due, principal, interest=interest if f.present(entry, "interest") else
                         ZERO)
    day = f.day(entry, "date", path, out, required=True)
    amount = f.amount(entry, "amount", path, out, required=True)
    kind = None
    if name != "payments":
        kind = f.text(entry, "kind", path, out, required=name == "costs")
        kind = kind or ("other" if name == "fees" and not f.present(entry, "kind") else kind)
    return DraftItem(day, amount, kind)


def _read_claimed(data: Mapping[str, Any], d: Draft, out: list[Problem]) -> None:
    claimed = f.obj(data, "claimed", "", out)
    if claimed is None:
        return
    f.unknown_keys(claimed, CLAIM_PARTS, "claimed", out)
    d.claimed = {part: f.amount(claimed, part, "claimed", out) for part in CLAIM_PARTS}


def build_input(d: Draft) -> RecalcInput:
    """The input from a draft whose checks found nothing."""
    assert d.lender_type and d.contract_date and d.as_of and d.disbursement_date
    assert d.principal is not None and d.day_basis is not None
    schedule = None
    if d.schedule is not None:
        schedule = tuple(ScheduleRow(r.date, r.amount, r.interest) for r in d.schedule)  # type: ignore[arg-type]
    claimed = None
    if d.claimed is not None:
        claimed = Claimed(**{k: v.quantize(FEN) for k, v in d.claimed.items() if v is not None})
    return RecalcInput(
        lender_type=d.lender_type,
        contract_date=d.contract_date,
        disbursement_date=d.disbursement_date,
        principal=d.principal.quantize(FEN),
        disbursed=(d.disbursed if d.disbursed is not None else d.principal).quantize(FEN),
        annual_rate=d.annual_rate if d.annual_rate is not None else ZERO_RATE,
        overdue_rate=d.overdue_rate,
        compound=d.compound,
        repayment=None if schedule is not None else d.repayment,
        schedule=schedule,
        accelerated_on=d.accelerated_on,
        fees=tuple(Charge(i.date, i.amount.quantize(FEN), i.kind) for i in d.fees),  # type: ignore[arg-type,union-attr]
        costs=tuple(Charge(i.date, i.amount.quantize(FEN), i.kind) for i in d.costs),  # type: ignore[arg-type,union-attr]
        payments=tuple(Payment(i.date, i.amount.quantize(FEN)) for i in d.payments),  # type: ignore[arg-type,union-attr]
        claimed=claimed,
        as_of=d.as_of,
        filing_date=d.filing_date or d.as_of,
        day_basis=d.day_basis,
        cap_rate=d.cap_rate,
        lender_person=bool(d.lender_person),
        allocation=None if d.allocation is None else tuple(d.allocation),
    )
