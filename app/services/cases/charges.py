"""The lender's dated charges: fees (逾期费, 违约金, 催收费 …) and the costs of realising the
claim (律师费, 诉讼费 …), each with its date, amount and kind as `recalculation.md` takes them.

`checked_charge` reads one typed charge; `insert_charge` / `apply_charge_change` change a
case's charges inside a write unit of work (the new-case form and the session's debt step).
Problems carry the path they are given (`charges[2].amount`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.dates import parse_date
from app.domain.errors import InputError, Problem
from app.domain.money import parse_money
from app.domain.vocab import COST_KINDS, FEE_KINDS

if TYPE_CHECKING:
    from app.store.models import Case, Charge

CHARGE_KINDS: dict[str, str] = {**FEE_KINDS, **COST_KINDS}
MAX_AMOUNT = Decimal("10000000000")
_PATH = re.compile(r"^charges\[(\d+)\]\.(\w+)$")


@dataclass(frozen=True)
class CheckedCharge:
    date: date
    amount: Decimal
    kind: str

    @property
    def category(self) -> str:
        return category_of(self.kind)


def category_of(kind: str) -> str:
    """`fee` or `cost` (the costs of realising the claim)."""
    return "cost" if kind in COST_KINDS else "fee"


def _day(path: str, text: str, today: date, out: list[Problem]) -> date | None:
    found = parse_date(text) if text.strip() else None
    if not text.strip():
        out.append(Problem(path, "请填写费用发生的日期，如 2024-03-15。"))
    elif found is None:
        out.append(Problem(path, f"日期“{text}”无效，请写成 2024-03-15 这样的格式。"))
    elif found > today:
        out.append(Problem(path, f"费用日期（{found}）晚于今天，请检查。"))
    return found


def _amount(path: str, text: str, out: list[Problem]) -> Decimal | None:
    amount = parse_money(text.strip()) if text.strip() else None
    if not text.strip():
        out.append(Problem(path, "请填写费用金额（元），如 300.00。"))
    elif amount is None:
        out.append(Problem(path, f"金额“{text}”无效：请写数字，最多两位小数，如 300.00。"))
    elif amount <= 0:
        out.append(Problem(path, "费用金额必须大于 0。"))
    elif amount > MAX_AMOUNT:
        out.append(Problem(path, "费用金额超过 100 亿元，请检查是否多写了位数。"))
    else:
        return amount
    return None


def kind_problem(path: str, kind: str) -> Problem | None:
    if kind in CHARGE_KINDS:
        return None
    known = "、".join(f"{k}（{v}）" for k, v in CHARGE_KINDS.items())
    return Problem(path, f"费用类别“{kind}”无法识别，请选择：{known}。")


def check_charge(prefix: str, day: str, amount: str, kind: str, today: date) -> CheckedCharge:
    """One typed charge, or InputError at `<prefix>.date` / `.amount` / `.kind`."""
    problems: list[Problem] = []
    found_day = _day(f"{prefix}.date", day, today, problems)
    found_amount = _amount(f"{prefix}.amount", amount, problems)
    wrong_kind = kind_problem(f"{prefix}.kind", kind.strip() or "other")
    if wrong_kind is not None:
        problems.append(wrong_kind)
    if problems or found_day is None or found_amount is None:
        raise InputError(problems)
    return CheckedCharge(found_day, found_amount, kind.strip() or "other")


def insert_charge(case: Case, charge: CheckedCharge) -> Charge:
    from app.store.models import Charge

    row = Charge(
        category=charge.category, date=charge.date, amount=charge.amount, kind=charge.kind
    )
    case.charges.append(row)
    return row


def find_charge(case: Case, charge_id: int) -> Charge:
    for row in case.charges:
        if row.id == charge_id:
            return row
    reason = "找不到这笔费用（可能已被删除），请刷新。"
    raise InputError([Problem(f"charges[{charge_id}]", reason)])


def apply_charge_change(case: Case, path: str, value: str, today: date) -> Charge:
    """`charges[<id>].date|amount|kind` of `case` set from typed text (InputError at `path`)."""
    found = _PATH.match(path)
    if not found or found[2] not in ("date", "amount", "kind"):
        raise InputError([Problem(path, "无法识别要保存的费用信息。")])
    row = find_charge(case, int(found[1]))
    field = found[2]
    day = value if field == "date" else row.date.isoformat()
    amount = value if field == "amount" else str(row.amount)
    kind = value if field == "kind" else row.kind
    try:
        checked = check_charge(path.rsplit(".", 1)[0], day, amount, kind, today)
    except InputError as error:
        raise InputError([p for p in error.problems if p.path == path] or error.problems) from None
    row.date, row.amount, row.kind = checked.date, checked.amount, checked.kind
    row.category = checked.category
    return row
