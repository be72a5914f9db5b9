"""The optional second sheet (还款明细 or 还款记录): the debtor's payments, by contract number.

Each payment row must name a contract of the case sheet, a date (the forms the case sheet
accepts) no later than that case's 主张截止日 and not before it was lent, and an amount
above zero with at most two decimals. A bad payment row is a problem of that row (reported
with the sheet's name), and its case is held back too: a case imported without one of its
payments would show the debtor owing more than they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.money import parse_money
from app.services.cases.validation import parse_date
from app.services.intake import fields as f
from app.services.intake.cells import as_amount, as_date, as_text, shown
from app.services.intake.reader import Sheet
from app.services.intake.rows import CheckedRow, RowProblem

HEADER_ROWS = 10


@dataclass(frozen=True)
class PaymentRow:
    row: int
    contract_no: str
    date: date
    amount: Decimal


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    for row in range(min(len(sheet.rows), HEADER_ROWS)):
        found: dict[str, int] = {}
        for index, cell in enumerate(sheet.rows[row]):
            name = f.normal_header(str(cell or ""))
            for key, headers in f.PAYMENT_HEADERS.items():
                if name in headers and key not in found:
                    found[key] = index
        if len(found) == len(f.PAYMENT_HEADERS):
            return row, found
    return None


@dataclass
class PaymentSheet:
    """Payments by contract number, the problems of the sheet's rows, and for each
    contract with a bad payment row the first such row."""

    payments: dict[str, list[PaymentRow]]
    problems: list[RowProblem]
    held: dict[str, int]


def read_payments(sheet: Sheet, cases: dict[str, CheckedRow]) -> PaymentSheet:
    """The repayment sheet read and checked against the case sheet's rows.

    `cases`: the case sheet's rows by contract number (the first row of each number).
    """
    found = _header(sheet)
    if found is None:
        heads = "、".join(h[0] for h in f.PAYMENT_HEADERS.values())
        reason = f"还款明细表缺少表头：第一行应有 {heads} 三列。"
        return PaymentSheet({}, [RowProblem(1, "", "", reason, sheet.name)], {})
    header_row, at = found
    by_contract: dict[str, list[PaymentRow]] = {}
    problems: list[RowProblem] = []
    held: dict[str, int] = {}
    for index in range(header_row + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        if all(c in (None, "") for c in cells):
            continue
        row = index + 1
        payment, wrong = _payment(sheet.name, row, cells, at, cases)
        problems += wrong
        if payment is not None:
            by_contract.setdefault(payment.contract_no, []).append(payment)
        elif wrong:
            held.setdefault(as_text(_cell(cells, at["contract_no"]))[0], row)
    return PaymentSheet(by_contract, problems, held)


def _cell(cells: list[object], index: int) -> object:
    return cells[index] if index < len(cells) else None


def _payment(
    sheet: str, row: int, cells: list[object], at: dict[str, int], cases: dict[str, CheckedRow]
) -> tuple[PaymentRow | None, list[RowProblem]]:
    heads = {k: v[0] for k, v in f.PAYMENT_HEADERS.items()}
    raw = {k: _cell(cells, i) for k, i in at.items()}
    contract, _ = as_text(raw["contract_no"])
    day_text, trap = as_date(raw["date"])
    amount_text, _ = as_amount(raw["amount"])
    problems: list[RowProblem] = []

    def fail(key: str, reason: str) -> None:
        problems.append(RowProblem(row, heads[key], shown(raw[key]), reason, sheet))

    case = cases.get(contract)
    if not contract:
        fail("contract_no", "请填写合同编号：还款记录按合同编号对应到案件。")
    elif case is None:
        fail(
            "contract_no",
            f"合同编号“{contract}”不在案件表里：请核对合同编号，或把该笔借款补进案件表。",
        )
    day = parse_date(day_text) if day_text else None
    if trap is not None:
        fail("date", trap)
    elif day is None:
        fail("date", f"还款日期“{day_text}”不是有效日期，请写成 2023-03-10 这样的格式。")
    amount = parse_money(amount_text) if amount_text else None
    if amount is None or amount <= 0:
        fail("amount", f"还款金额“{amount_text}”不是大于 0、最多两位小数的金额，如 1500.00。")
    if day is not None and case is not None and case.valid is not None:
        problems += _in_range(sheet, row, day, case, heads["date"], shown(raw["date"]))
    if problems or day is None or amount is None:
        return None, problems
    return PaymentRow(row, contract, day, amount), problems


def _in_range(
    sheet: str, row: int, day: date, case: CheckedRow, column: str, value: str
) -> list[RowProblem]:
    valid = case.valid
    assert valid is not None
    claim = valid.claim
    if day < valid.disbursement_date:
        reason = f"还款日期（{day}）早于放款日（{valid.disbursement_date}），请核对。"
        return [RowProblem(row, column, value, reason, sheet)]
    if claim is not None and day > claim.as_of:
        reason = (
            f"还款日期（{day}）晚于该案的主张截止日（{claim.as_of}）：请核对，或更新主张截止日。"
        )
        return [RowProblem(row, column, value, reason, sheet)]
    return []
