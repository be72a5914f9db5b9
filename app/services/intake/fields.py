"""The standard template's fields: their keys, the names a mapping may use, accepted headers.

Headers are compared after `normal_header`: full-width characters made half-width, every
space removed, a trailing "*" (a required-field mark) dropped. A header with a unit in
brackets ("借款本金（元）") also matches without it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    name: str
    """The English name a `--mapping` file may use (the spec's words)."""
    headers: tuple[str, ...]
    kind: str
    """text / id / phone / date / amount / rate / term / lender / method / name."""


FIELDS: tuple[Field, ...] = (
    Field("contract_no", "contract number", ("合同编号", "借款合同编号", "合同号"), "text"),
    Field("creditor", "creditor", ("债权人", "出借人", "贷款机构"), "name"),
    Field("creditor_code", "creditor credit code", ("统一社会信用代码",), "text"),
    Field("debtor_name", "debtor name", ("借款人姓名", "借款人", "债务人", "客户姓名"), "name"),
    Field("debtor_id", "debtor ID", ("身份证号", "身份证号码", "证件号码"), "id"),
    Field("debtor_phone", "debtor phone", ("手机号", "手机号码", "联系电话"), "phone"),
    Field("debtor_address", "debtor address", ("地址", "联系地址", "户籍地址"), "text"),
    Field("lender_type", "lender type", ("出借人类型", "机构类型"), "lender"),
    Field("contract_date", "contract date", ("合同日期", "借款日期", "签约日期"), "date"),
    Field("disbursement_date", "disbursement date", ("放款日期", "放款日"), "date"),
    Field("principal", "principal", ("借款本金", "合同金额", "贷款金额"), "amount"),
    Field("disbursed", "disbursed", ("实际放款金额", "到账金额"), "amount"),
    Field("rate", "rate", ("年利率", "月利率", "日利率", "利率"), "rate"),
    Field("overdue_rate", "overdue rate", ("逾期利率", "罚息利率"), "rate"),
    Field("repayment_method", "repayment method", ("还款方式",), "method"),
    Field("term", "term", ("期数", "借款期限(月)"), "term"),
    Field("maturity", "maturity", ("到期日",), "date"),
    Field("accelerated_on", "accelerated on", ("加速到期日", "宣布提前到期日"), "date"),
    Field("claim_as_of", "claim as of", ("主张截止日", "计算截止日", "统计日期"), "date"),
    Field("claimed_principal", "claimed principal", ("剩余本金", "欠款本金"), "amount"),
    Field("claimed_interest", "claimed interest", ("欠息", "利息"), "amount"),
    Field("claimed_penalty", "claimed penalty", ("罚息",), "amount"),
    Field("claimed_compound", "claimed compound", ("复利",), "amount"),
    Field("claimed_fees", "claimed fees", ("费用", "违约金"), "amount"),
    Field("claimed_costs", "claimed costs", ("实现债权费用", "律师费"), "amount"),
    Field("guarantor_name", "guarantor name", ("担保人姓名",), "name"),
    Field("guarantor_id", "guarantor ID", ("担保人身份证号",), "id"),
    Field("guarantor_phone", "guarantor phone", ("担保人手机号",), "phone"),
    Field("emergency_name", "emergency contact", ("紧急联系人",), "name"),
    Field("emergency_phone", "emergency contact phone", ("紧急联系人电话",), "phone"),
    Field("court", "court", ("委派法院", "管辖法院", "受理法院"), "text"),
)
BY_KEY = {f.key: f for f in FIELDS}
REQUIRED = (
    "contract_no",
    "creditor",
    "debtor_name",
    "debtor_id",
    "lender_type",
    "contract_date",
    "principal",
    "repayment_method",
    "claim_as_of",
    "claimed_principal",
)
FROM_OPTIONS = {"creditor": "--creditor", "lender_type": "--lender-type", "court": "--court"}
"""Fields a batch-level option can give when the sheet has no such column."""

PAYMENT_SHEETS = ("还款明细", "还款记录")
PAYMENT_HEADERS = {
    "contract_no": ("合同编号", "借款合同编号", "合同号"),
    "date": ("还款日期", "还款日", "实还日期"),
    "amount": ("还款金额", "实还金额"),
}
TOTAL_ROW_WORDS = ("合计", "总计", "小计")

_UNIT = re.compile(r"\((元|万元|%|月|个月|天|日)\)$")


def normal_header(text: str) -> str:
    """The header as compared: half-width, no spaces, no trailing "*" or ":"."""
    cleaned = unicodedata.normalize("NFKC", text)
    cleaned = "".join(cleaned.split()).rstrip("*:：")
    return cleaned.lstrip("*")


def _index() -> dict[str, str]:
    found: dict[str, str] = {}
    for item in FIELDS:
        for header in item.headers:
            found[normal_header(header)] = item.key
    return found


HEADER_INDEX = _index()
NAME_INDEX = {
    **{f.name.casefold(): f.key for f in FIELDS},
    **{f.key: f.key for f in FIELDS},
}


def field_for_header(header: str) -> str | None:
    """The field a header names, or None (an unknown column, kept as a case note)."""
    normal = normal_header(header)
    if normal in HEADER_INDEX:
        return HEADER_INDEX[normal]
    bare = _UNIT.sub("", normal)
    return HEADER_INDEX.get(bare)


def field_for_name(name: str) -> str | None:
    """A mapping's target: the English name, the key, or one of the accepted headers."""
    cleaned = name.strip()
    return NAME_INDEX.get(cleaned.casefold()) or field_for_header(cleaned)


def label(key: str) -> str:
    """The template's first header for a field (the name people know it by)."""
    return BY_KEY[key].headers[0]
