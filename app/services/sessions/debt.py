"""The debt step of a session, field by field: loan terms, the creditor's claim, payments.

`apply_debt_change(case, path, value, today)` runs inside a write unit of work. Paths:

- `loan.<field>`: lender_type, contract_no, contract_date, disbursement_date, principal,
  disbursed, annual_rate, overdue_rate, compound, repayment_method, term_months,
  maturity, accelerated_on, day_basis, filing_date; `allocation_agreed` ("contract": the
  contract agreed an order of allocation, which starts as the page's order for the mediator
  to edit; "": the order of Civil Code art. 561) and `allocation` (the agreed order as the
  contract writes it, "费用→罚息→复利→利息→本金→实现债权费用"; empty: art. 561's);
- `claim.<field>`: as_of, principal, interest, penalty, compound, fees, costs, floor (the
  creditor's latest statement; the first edit creates one dated today);
- `payments[<payment id>].<field>`: date, amount, note;
- `charges[<charge id>].<field>`: date, amount, kind (a fee or a cost, `cases.charges`).

Rates are typed as contracts write them ("月息1分5", "日万5", "年利率18%") and stored as
the annual fraction (`app.domain.rates.parse_rate`). A value that cannot be stored raises
`InputError` with the path; a value that can be stored but leaves the case incomplete
(a bullet loan with no maturity) is stored and listed by `missing_for_step` instead.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.errors import InputError, Problem
from app.domain.money import ZERO, parse_money
from app.domain.rates import parse_rate
from app.domain.vocab import LENDER_TYPES, REPAYMENT_METHODS

if TYPE_CHECKING:
    from app.store.models import Case, Claim, LoanTerms, Payment

LOAN_FIELDS = {
    "lender_type": "出借人类型",
    "contract_no": "合同编号",
    "contract_date": "合同日期",
    "disbursement_date": "放款日期",
    "principal": "借款本金",
    "disbursed": "实际放款金额",
    "annual_rate": "约定利率",
    "overdue_rate": "逾期利率",
    "compound": "是否计收复利",
    "repayment_method": "还款方式",
    "term_months": "还款期数",
    "maturity": "到期日",
    "accelerated_on": "宣布提前到期日",
    "day_basis": "计息天数基准",
    "allocation_agreed": "还款冲抵顺序",
    "allocation": "约定的冲抵顺序",
    "filing_date": "起诉（申请）日期",
}
CLAIM_FIELDS = {
    "as_of": "主张截止日",
    "principal": "主张本金",
    "interest": "主张利息",
    "penalty": "主张罚息",
    "compound": "主张复利",
    "fees": "主张费用",
    "costs": "实现债权费用",
    "floor": "债权人可接受的最低金额",
}
PAYMENT_FIELDS = {"date": "还款日期", "amount": "还款金额", "note": "备注"}
PAST_ONLY = {"contract_date", "disbursement_date", "accelerated_on", "as_of", "date"}
OPTIONAL_DATES = {"maturity", "accelerated_on", "filing_date"}
MAX_AMOUNT = Decimal("10000000000")
_PAYMENT = re.compile(r"^payments\[(\d+)\]\.(\w+)$")


def refuse(path: str, reason: str) -> InputError:
    return InputError([Problem(path, reason)])


def parse_day(path: str, label: str, value: str, today: date, field: str) -> date | None:
    """A date from "2026-03-15" / "2026/3/15" / "2026年3月15日"; None for "" when optional."""
    from app.domain.dates import parse_date

    text = value.strip()
    if not text and field in OPTIONAL_DATES:
        return None
    found = parse_date(text)
    if found is None:
        raise refuse(path, f"{label}“{text}”不是有效日期，请写成 2026-03-15 这样的格式。")
    if field in PAST_ONLY and found > today:
        raise refuse(path, f"{label}（{found}）晚于今天，请检查。")
    return found


def parse_amount(path: str, label: str, value: str, *, positive: bool) -> Decimal:
    text = value.strip()
    if not text and not positive:
        return ZERO
    amount = parse_money(text)
    if amount is None:
        raise refuse(path, f"{label}“{text}”不是金额：请写数字，最多两位小数，如 5000.00。")
    if amount < 0 or (positive and amount == 0):
        raise refuse(path, f"{label}必须大于 0。" if positive else f"{label}不能为负数。")
    if amount > MAX_AMOUNT:
        raise refuse(path, f"{label}超过 100 亿元，请检查是否多写了位数。")
    return amount


def as_text(value: str | bool) -> str:
    return ("1" if value else "0") if isinstance(value, bool) else value


def apply_debt_change(case: Case, path: str, value: str | bool, today: date) -> None:
    """Store one debt field of `case`; InputError (with `path`) when it cannot be stored."""
    head, _, field = path.partition(".")
    if head == "loan":
        _loan_change(case, path, field, value, today)
    elif head == "claim":
        _claim_change(case, path, field, as_text(value), today)
    elif head.startswith("charges["):
        from app.services.cases.charges import apply_charge_change

        apply_charge_change(case, path, as_text(value), today)
    else:
        found = _PAYMENT.match(path)
        if not found:
            raise refuse(path, "无法识别要保存的字段。")
        payment = find_payment(case, int(found[1]))
        _payment_change(payment, path, found[2], as_text(value), today)


def _loan_change(case: Case, path: str, field: str, value: str | bool, today: date) -> None:
    loan = case.loan
    if loan is None:
        raise refuse("loan", "案件还没有借款合同信息，请先在新建案件时录入。")
    if field not in LOAN_FIELDS:
        raise refuse(path, f"借款合同没有“{field}”这一项。")
    label = LOAN_FIELDS[field]
    if field == "compound":
        loan.compound = value is True or value in ("1", "true", "True")
        return
    text = as_text(value).strip()
    if field in ("allocation_agreed", "allocation"):
        _loan_allocation(loan, path, field, text)
        return
    if field in ("contract_date", "disbursement_date", "maturity", "accelerated_on", "filing_date"):
        setattr(loan, field, parse_day(path, label, text, today, field))
    elif field in ("principal", "disbursed"):
        _loan_amount(loan, path, field, parse_amount(path, label, text, positive=True))
    elif field in ("annual_rate", "overdue_rate"):
        _loan_rate(loan, path, field, text)
    else:
        _loan_choice(loan, path, field, label, text)


def _loan_amount(loan: LoanTerms, path: str, field: str, amount: Decimal) -> None:
    if field == "principal":
        if loan.disbursed == loan.principal or loan.disbursed > amount:
            loan.disbursed = amount  # fully disbursed stays fully disbursed
        loan.principal = amount
    elif amount > loan.principal:
        raise refuse(path, "实际放款金额不能大于借款本金。")
    else:
        loan.disbursed = amount


def _loan_rate(loan: LoanTerms, path: str, field: str, text: str) -> None:
    if field == "overdue_rate" and not text:
        loan.overdue_rate = None
        return
    setattr(loan, field, parse_rate(text, loan.day_basis, path=path))


def _loan_choice(loan: LoanTerms, path: str, field: str, label: str, text: str) -> None:
    if field == "lender_type":
        if text not in LENDER_TYPES:
            raise refuse(path, f"{label}无法识别。")
        loan.lender_type = text
    elif field == "repayment_method":
        if text not in REPAYMENT_METHODS:
            raise refuse(path, f"{label}无法识别。")
        if text == "explicit" and not loan.schedule:
            raise refuse(path, "按约定还款计划须逐期录入计划，暂不能在此选择。")
        loan.repayment_method = text
        if text != "explicit":
            loan.schedule = None
    elif field == "term_months":
        loan.term_months = _months(path, text)
    elif field == "day_basis":
        if text not in ("360", "365"):
            raise refuse(path, "计息天数基准只能是 360 或 365。")
        loan.day_basis = int(text)
    else:  # contract_no
        if len(text) > 64:
            raise refuse(path, "合同编号太长，最多 64 个字符。")
        loan.contract_no = text


def _loan_allocation(loan: LoanTerms, path: str, field: str, text: str) -> None:
    """The order of allocation: art. 561's (None) or the order the contract agreed."""
    from app.domain.recalc.model import ALLOCATION_KINDS
    from app.domain.recalc.order import parse_order

    if field == "allocation_agreed":
        if text not in ("", "contract"):
            raise refuse(path, "还款冲抵顺序只能是法定顺序或合同约定的顺序。")
        agreed = text == "contract"
        loan.allocation = (loan.allocation or list(ALLOCATION_KINDS)) if agreed else None
    else:
        loan.allocation = list(parse_order(text, path)) if text else None


def _months(path: str, text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 600:
        raise refuse(path, "还款期数应为 1–600 之间的整数（月）。")
    return int(text)


def latest_claim(case: Case, today: date) -> Claim:
    """The creditor's latest statement, made (all zero, dated today) when there is none."""
    from app.store.models import Claim

    if case.claims:
        return case.claims[-1]
    claim = Claim(
        as_of=today,
        principal=ZERO,
        interest=ZERO,
        penalty=ZERO,
        compound=ZERO,
        fees=ZERO,
        costs=ZERO,
    )
    case.claims.append(claim)
    return claim


def _claim_change(case: Case, path: str, field: str, text: str, today: date) -> None:
    if field not in CLAIM_FIELDS:
        raise refuse(path, f"债权主张没有“{field}”这一项。")
    label = CLAIM_FIELDS[field]
    if field == "as_of":
        found = parse_day(path, label, text, today, field)
        latest_claim(case, today).as_of = found or today
    elif field == "floor":
        amount = parse_amount(path, label, text, positive=False) if text.strip() else None
        latest_claim(case, today).floor = amount
    else:
        amount = parse_amount(path, label, text, positive=False)
        setattr(latest_claim(case, today), field, amount)


def find_payment(case: Case, payment_id: int) -> Payment:
    for payment in case.payments:
        if payment.id == payment_id:
            return payment
    raise refuse(f"payments[{payment_id}]", "找不到这笔还款记录（可能已被删除），请刷新。")


def _payment_change(payment: Payment, path: str, field: str, text: str, today: date) -> None:
    if field not in PAYMENT_FIELDS:
        raise refuse(path, f"还款记录没有“{field}”这一项。")
    label = PAYMENT_FIELDS[field]
    if field == "date":
        found = parse_day(path, label, text, today, field)
        assert found is not None
        payment.date = found
    elif field == "amount":
        payment.amount = parse_amount(path, label, text, positive=True)
    else:
        payment.note = " ".join(text.split())[:200]


def insert_payment(case: Case, day: str, amount: str, note: str, today: date) -> Payment:
    """A new payment made by the debtor side; InputError naming `payment.date`/`.amount`."""
    from app.store.models import Payment

    problems: list[Problem] = []
    found: date | None = None
    money = ZERO
    try:
        found = parse_day("payment.date", "还款日期", day, today, "date")
    except InputError as error:
        problems += error.problems
    try:
        money = parse_amount("payment.amount", "还款金额", amount, positive=True)
    except InputError as error:
        problems += error.problems
    if problems or found is None:
        raise InputError(problems)
    payment = Payment(date=found, amount=money, note=" ".join(note.split())[:200])
    case.payments.append(payment)
    return payment
