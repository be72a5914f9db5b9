"""A spreadsheet cell as the text the new-case form would have received, traps named.

Each converter returns (text, problem): the text goes to the validation the new-case
dialog uses; a problem (a Chinese reason naming the fix) is reported instead when the
cell itself is the trouble — an ID number Excel stored as a number (digits lost), a date
Excel shows as a serial number. Full-width characters, non-breaking and zero-width spaces,
and spaces at either end are cleaned silently: they are typing, not data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

Converted = tuple[str, str | None]
Converter = Callable[[Any], Converted]

_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")
_SCIENTIFIC = re.compile(r"^\d+(?:\.\d+)?[eE][+-]?\d+$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_AMOUNT_MARKS = str.maketrans("", "", "元¥￥ ")
_TERM_WORDS = re.compile(r"(期|个月|月)$")
ID_AS_NUMBER = (
    "身份证号被 Excel 存成了数字（显示为 4.20106E+17 这样的形式，末几位已经丢失）："
    "请把该列设置为“文本”格式，填回完整号码后重新导出。"
)
ID_LOST_DIGITS = (
    "末三位是 000，像是 Excel 把身份证号当成数字后丢了末几位：请把该列设置为“文本”格式，"
    "填回完整号码后重新导出。"
)
LENDER_WORDS = {
    "银行": "bank",
    "商业银行": "bank",
    "消费金融公司": "consumer_finance",
    "消费金融": "consumer_finance",
    "消金公司": "consumer_finance",
    "小额贷款公司": "small_loan",
    "小贷公司": "small_loan",
    "小额贷款": "small_loan",
    "其他持牌金融机构": "financial_other",
    "信用卡": "credit_card",
    "信用卡中心": "credit_card",
    "民间借贷": "private",
    "个人": "private",
}
METHOD_WORDS = {
    "等额本息": "equal_installment",
    "等额本金": "equal_principal",
    "先息后本": "interest_only",
    "按月付息到期还本": "interest_only",
    "按月付息,到期还本": "interest_only",
    "到期一次还本付息": "bullet",
    "到期一次性还本付息": "bullet",
    "一次性还本付息": "bullet",
    "到期还本付息": "bullet",
}


def clean(text: str) -> str:
    """Half-width, no invisible characters, inner runs of spaces made one, ends trimmed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return " ".join(text.split())


def number_text(value: float) -> str:
    """A number as Excel shows it: 15 significant digits, no binary noise, no ".0"."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".15g")


def shown(value: Any) -> str:
    """The cell as a person sees it (for the report's `value`)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, datetime):
        return value.isoformat(" ") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def as_text(value: Any) -> Converted:
    if isinstance(value, str):
        return clean(value), None
    if value is None:
        return "", None
    return clean(shown(value)), None


def as_id(value: Any) -> Converted:
    """An ID number must be text: a number has lost digits already."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "", ID_AS_NUMBER
    text, _ = as_text(value)
    if _SCIENTIFIC.match(text):
        return "", ID_AS_NUMBER
    return text, None


def id_hint(text: str) -> str | None:
    """The extra fix to name when an 18-character ID ending in 000 fails its check."""
    return ID_LOST_DIGITS if len(text) == 18 and text.endswith("000") else None


def as_phone(value: Any) -> Converted:
    if isinstance(value, float) and value == int(value):
        return str(int(value)), None
    return as_text(value)


def as_date(value: Any) -> Converted:
    """Excel dates, or text the form reads (2023-03-10, 2023/3/10, 2023.3.10, 20230310,
    2023年3月10日); a time of day after the date is dropped."""
    if isinstance(value, datetime):
        return value.date().isoformat(), None
    if isinstance(value, date):
        return value.isoformat(), None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value == int(value) and 19000101 <= value <= 29991231:
            return str(int(value)), None  # 20230310 typed as a number
        return "", (
            f"日期“{number_text(float(value))}”是 Excel 的日期序号，不是日期：请把该列设置为"
            "“日期”格式（或写成 2023-03-10）后重新导出。"
        )
    if isinstance(value, (time, timedelta)):
        return "", "这一格只有时间，没有日期：请写成 2023-03-10 这样的日期。"
    text, _ = as_text(value)
    return _TIME_TAIL.sub("", text), None


def as_amount(value: Any) -> Converted:
    if isinstance(value, float):
        return number_text(value), None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), None
    text, _ = as_text(value)
    return text.translate(_AMOUNT_MARKS), None


def as_rate(value: Any) -> Converted:
    if isinstance(value, float):
        return number_text(value), None
    return as_text(value)


def as_term(value: Any) -> Converted:
    if isinstance(value, float) and value == int(value):
        return str(int(value)), None
    text, _ = as_text(value)
    return _TERM_WORDS.sub("", text), None


def as_lender(value: Any) -> Converted:
    text, _ = as_text(value)
    return LENDER_WORDS.get(text, text), None


def as_method(value: Any) -> Converted:
    text, _ = as_text(value)
    return METHOD_WORDS.get(text, text), None


CONVERTERS: dict[str, Converter] = {
    "text": as_text,
    "name": as_text,
    "id": as_id,
    "phone": as_phone,
    "date": as_date,
    "amount": as_amount,
    "rate": as_rate,
    "term": as_term,
    "lender": as_lender,
    "method": as_method,
}
