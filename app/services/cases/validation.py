"""Checking what the "New case" form (or an import row) typed, field by field.

Every problem is collected with the `NewCase` field name as its path and a Chinese reason
that says how to fix it; the input is refused whole (`InputError`) or accepted whole
(`ValidCase`). Identifiers are checked by `app.domain.identifiers`, rates read by
`app.domain.rates.parse_rate` (day basis 360, the form's default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.dates import parse_date as parse_date
from app.domain.errors import InputError, Problem
from app.domain.money import parse_money
from app.domain.rates import parse_rate
from app.domain.vocab import LENDER_TYPES, REPAYMENT_METHODS
from app.services.cases.charges import CheckedCharge, check_charge

if TYPE_CHECKING:
    from app.services.cases.service import NewCase

MAX_PRINCIPAL = Decimal("10000000000")  # 100 亿元: anything larger is a typo
EARLIEST_CONTRACT = date(1980, 1, 1)
EXTRA_FIELDS = {
    "contract_no": "合同编号",
    "disbursed": "实际放款金额",
    "disbursement_date": "放款日期",
    "overdue_rate": "逾期利率",
    "debtor_kind": "债务人类型（person / organisation）",
    "mediator": "承办调解员姓名",
}


@dataclass(frozen=True)
class ValidCase:
    """A `NewCase` after checking: typed values, normalised identifiers."""

    creditor_name: str
    creditor_kind: str
    creditor_credit_code: str
    lender_type: str
    debtor_name: str
    debtor_kind: str
    debtor_id_type: str
    debtor_id_number: str
    debtor_phone: str
    debtor_address: str
    principal: Decimal
    disbursed: Decimal
    contract_date: date
    disbursement_date: date
    contract_no: str
    annual_rate: Decimal
    overdue_rate: Decimal | None
    repayment_method: str
    maturity: date | None
    term_months: int | None
    batch: str
    mediator: str
    court: str = ""
    charges: tuple[CheckedCharge, ...] = ()
    filing_date: date | None = None


def normalise_id(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def normalise_phone(text: str) -> str:
    digits = re.sub(r"[\s\-()（）]", "", text)
    return digits[3:] if digits.startswith("+86") else digits


class _Checker:
    """Collects problems while converting fields."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, reason: str) -> None:
        self.problems.append(Problem(path, reason))

    def text(self, path: str, value: str, label: str, *, required: bool, limit: int) -> str:
        cleaned = " ".join(value.split())
        if required and not cleaned:
            self.fail(path, f"请填写{label}。")
        elif len(cleaned) > limit:
            self.fail(path, f"{label}太长（{len(cleaned)} 个字），最多 {limit} 个字。")
        return cleaned

    def money(self, path: str, value: str, label: str) -> Decimal | None:
        if not value.strip():
            self.fail(path, f"请填写{label}（元），如 50000 或 50,000.00。")
            return None
        amount = parse_money(value)
        if amount is None:
            self.fail(
                path,
                f"{label}“{value}”不是金额：请只用阿拉伯数字 0–9 和小数点（千位分隔符每三位一个），"
                "最多两位小数，如 50000.00 或 50,000.00。",
            )
        elif amount <= 0:
            self.fail(path, f"{label}必须大于 0。")
        elif amount > MAX_PRINCIPAL:
            self.fail(path, f"{label}超过 100 亿元，请检查是否多写了位数。")
        else:
            return amount
        return None

    def day(self, path: str, value: str, label: str, today: date) -> date | None:
        if not value.strip():
            self.fail(path, f"请填写{label}，格式如 2021-03-15。")
            return None
        found = parse_date(value)
        if found is None:
            self.fail(path, f"{label}“{value}”不是有效日期，请写成 2021-03-15 这样的格式。")
        elif found > today:
            self.fail(path, f"{label}（{found}）晚于今天，请检查。")
        elif found < EARLIEST_CONTRACT:
            self.fail(path, f"{label}（{found}）早于 1980 年，请检查年份。")
        else:
            return found
        return None

    def rate(self, path: str, value: str, label: str) -> Decimal | None:
        """The annual fraction; a refusal names the field (`逾期利率“2分”…`), not just 利率."""
        try:
            return parse_rate(value, path=path)
        except InputError as refused:
            for problem in refused.problems:
                reason = problem.reason
                named = label + reason.removeprefix("利率") if reason.startswith("利率") else reason
                self.fail(problem.path, named)
            return None

    def identifier(self, path: str, value: str, check: str, label: str) -> str:
        from app.domain import identifiers

        number = normalise_id(value)
        reason = getattr(identifiers, check)(number)
        if reason:
            self.fail(path, f"{label}有误：{reason}")
        return number


def _creditor(c: _Checker, new: NewCase) -> dict[str, Any]:
    name = c.text("creditor_name", new.creditor_name, "债权人名称", required=True, limit=200)
    if new.lender_type not in LENDER_TYPES:
        known = "、".join(f"{code}（{word}）" for code, word in LENDER_TYPES.items())
        c.fail("lender_type", f"出借人类型“{new.lender_type}”无法识别，请选择：{known}。")
    code = ""
    if new.creditor_credit_code.strip():
        code = c.identifier(
            "creditor_credit_code",
            new.creditor_credit_code,
            "check_credit_code",
            "统一社会信用代码",
        )
    is_person = new.lender_type == "private" and not code
    return {
        "creditor_name": name,
        "creditor_kind": "person" if is_person else "organisation",
        "creditor_credit_code": code,
        "lender_type": new.lender_type,
    }


def _debtor_id(c: _Checker, new: NewCase, person: bool) -> str:
    if not new.debtor_id_number.strip():
        what = "18 位居民身份证号码" if person else "18 位统一社会信用代码"
        c.fail("debtor_id_number", f"请填写债务人的{what}。")
        return ""
    if person:
        return c.identifier(
            "debtor_id_number", new.debtor_id_number, "check_resident_id", "身份证号"
        )
    return c.identifier(
        "debtor_id_number", new.debtor_id_number, "check_credit_code", "统一社会信用代码"
    )


def _debtor_phone(c: _Checker, new: NewCase) -> str:
    phone = normalise_phone(new.debtor_phone)
    if not phone:
        c.fail("debtor_phone", "请填写债务人的 11 位手机号码，调解员需要用它联系。")
        return phone
    from app.domain.identifiers import check_mobile

    reason = check_mobile(phone)
    if reason:
        c.fail("debtor_phone", f"手机号有误：{reason}")
    return phone


def _debtor(c: _Checker, new: NewCase) -> dict[str, Any]:
    kind = new.extra.get("debtor_kind", "person").strip() or "person"
    if kind not in ("person", "organisation"):
        c.fail("extra.debtor_kind", "债务人类型只能是 person（自然人）或 organisation（单位）。")
        kind = "person"
    person = kind == "person"
    label = "债务人姓名" if person else "债务人名称"
    return {
        "debtor_name": c.text(
            "debtor_name", new.debtor_name, label, required=True, limit=50 if person else 200
        ),
        "debtor_kind": kind,
        "debtor_id_type": "resident_id" if person else "uscc",
        "debtor_id_number": _debtor_id(c, new, person),
        "debtor_phone": _debtor_phone(c, new),
        "debtor_address": c.text(
            "debtor_address", new.debtor_address, "住址", required=False, limit=300
        ),
    }


def _schedule(c: _Checker, new: NewCase, start: date | None) -> dict[str, Any]:
    method = new.repayment_method.strip() or "bullet"
    found: dict[str, Any] = {"repayment_method": method, "maturity": None, "term_months": None}
    if method not in REPAYMENT_METHODS or method == "explicit":
        known = "、".join(f"{k}（{v}）" for k, v in REPAYMENT_METHODS.items() if k != "explicit")
        c.fail("repayment_method", f"还款方式“{method}”无法识别，请选择：{known}。")
    elif method == "bullet":
        maturity = parse_date(new.maturity)
        if not new.maturity.strip():
            c.fail("maturity", "到期一次性还本付息的借款，请填写到期日，如 2022-03-15。")
        elif maturity is None:
            c.fail(
                "maturity", f"到期日“{new.maturity}”不是有效日期，请写成 2022-03-15 这样的格式。"
            )
        elif start is not None and maturity <= start:
            c.fail("maturity", f"到期日（{maturity}）必须晚于放款日（{start}）。")
        found["maturity"] = maturity
    elif not new.term_months.strip().isdigit() or not 1 <= int(new.term_months) <= 600:
        c.fail("term_months", "请填写还款期数：1 到 600 之间的整数（月），如 12。")
    else:
        found["term_months"] = int(new.term_months)
    return found


def _loan(c: _Checker, new: NewCase, today: date) -> dict[str, Any]:
    extra = {k: v.strip() for k, v in new.extra.items()}
    principal = c.money("principal", new.principal, "借款本金")
    contract_date = c.day("contract_date", new.contract_date, "合同日期", today)
    disbursed, start = principal, contract_date
    if extra.get("disbursed"):
        disbursed = c.money("extra.disbursed", extra["disbursed"], "实际放款金额")
        if disbursed is not None and principal is not None and disbursed > principal:
            reason = f"实际放款金额（{disbursed}）不能大于合同本金（{principal}）。"
            c.fail("extra.disbursed", reason)
    if extra.get("disbursement_date"):
        start = c.day("extra.disbursement_date", extra["disbursement_date"], "放款日期", today)
    annual = c.rate("annual_rate", new.annual_rate, "年利率") if new.annual_rate.strip() else None
    overdue = None
    if extra.get("overdue_rate"):
        overdue = c.rate("extra.overdue_rate", extra["overdue_rate"], "逾期利率")
    return {
        "principal": principal,
        "disbursed": disbursed,
        "contract_date": contract_date,
        "disbursement_date": start,
        "contract_no": extra.get("contract_no", "")[:64],
        "annual_rate": annual if annual is not None else Decimal("0"),
        "overdue_rate": overdue,
        **_schedule(c, new, start),
    }


def _unknown_extras(c: _Checker, new: NewCase) -> None:
    for key in new.extra:
        if key not in EXTRA_FIELDS:
            known = "、".join(f"{k}（{v}）" for k, v in EXTRA_FIELDS.items())
            c.fail(f"extra.{key}", f"不认识的附加字段“{key}”。可用的附加字段：{known}。")


def _court(c: _Checker, value: str) -> str:
    """The court's full name (it goes on the application for judicial confirmation)."""
    court = c.text("court", value, "委派法院", required=False, limit=100)
    if court and not court.endswith("法院"):
        c.fail("court", f"委派法院“{court}”请写全称，以“法院”结尾，如：滨江市滨江区人民法院。")
    return court


def clean_court(path: str, value: str) -> str:
    """The court as it is stored; InputError (at `path`) when it is not a court's full name."""
    c = _Checker()
    court = _court(c, value)
    if c.problems:
        raise InputError([Problem(path, p.reason) for p in c.problems])
    return court


def _charges(c: _Checker, new: NewCase, today: date) -> tuple[CheckedCharge, ...]:
    found = []
    for i, (day, amount, kind) in enumerate(new.charges):
        try:
            found.append(check_charge(f"charges[{i}]", day, amount, kind, today))
        except InputError as error:
            c.problems += error.problems
    return tuple(found)


def _filing_date(c: _Checker, new: NewCase, today: date) -> date | None:
    if not new.filing_date.strip():
        return None
    return c.day("filing_date", new.filing_date, "起诉（申请）日期", today)


def validate_new_case(new: NewCase, today: date) -> ValidCase:
    """The checked case, or `InputError` listing every problem (paths = field names)."""
    c = _Checker()
    fields = {
        **_creditor(c, new),
        **_debtor(c, new),
        **_loan(c, new, today),
        "batch": c.text("batch", new.batch, "批次", required=False, limit=100),
        "court": _court(c, new.court),
        "mediator": new.extra.get("mediator", "").strip(),
        "charges": _charges(c, new, today),
        "filing_date": _filing_date(c, new, today),
    }
    _unknown_extras(c, new)
    if c.problems:
        raise InputError(c.problems)
    return ValidCase(**fields)
