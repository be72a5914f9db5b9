"""Personal-information duties (PIPL, 个人信息保护法): the notice a debtor is given, consent,
how long a closed case's personal data is kept.

- The notice (告知) says what is processed and why (PIPL arts. 14, 17). Its text is
  versioned: a new wording is a new entry in `NOTICES`, never an edit of an old one, so
  what a person was told stays provable by its version number.
- Consent (同意) where it is needed: mediation itself rests on the parties' agreement to
  mediate and on the mediation law (art. 13 (1)–(3) PIPL), but sensitive information
  (financial accounts, art. 28) and giving data to anyone beyond the case need separate
  consent (单独同意). `CONSENTS` records which applies.
- Retention (保存期限): the centre's setting, in years after the case is closed; a closed
  case past it is due for erasure (`erasure_due`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.errors import DomainError


@dataclass(frozen=True)
class Notice:
    version: int
    since: date
    text: str


NOTICES: dict[int, Notice] = {
    1: Notice(
        1,
        date(2026, 11, 1),
        "本调解组织为调解您与债权人之间的借款合同纠纷，处理您的姓名、身份证件号码、联系电话、"
        "地址、借款及还款情况、调解过程中的陈述和签名。处理目的仅限于组织调解、制作调解文书、"
        "申请司法确认及跟踪协议履行；信息不用于催收，不向与案件无关的任何人提供。"
        "案件办结后保存至本组织规定的保存期限届满，届满或经您申请后删除或匿名化，"
        "依法须归档的调解文书除外。您有权查阅、复制、更正您的个人信息，并可申请删除；"
        "如有疑问可向承办调解员或本组织提出。",
    ),
}
CURRENT_NOTICE = max(NOTICES)

CONSENTS: dict[str, str] = {
    "not_needed": "无需单独同意（调解所必需）",
    "given": "已同意",
    "refused": "不同意",
}
HOW_TOLD: dict[str, str] = {
    "phone": "电话告知",
    "sms": "短信告知",
    "letter": "书面告知",
    "visit": "上门告知",
    "check_in": "调解签到时告知",
    "other": "其他方式",
}
CLOSED_STATUSES = ("fulfilled", "terminated", "litigation")
DEFAULT_RETENTION_YEARS = 3
MIN_RETENTION_YEARS, MAX_RETENTION_YEARS = 1, 30
ERASED_NAME = "（已删除）"


def notice(version: int | None = None) -> Notice:
    """The notice text of `version` (the current one by default)."""
    chosen = CURRENT_NOTICE if version is None else version
    found = NOTICES.get(chosen)
    if found is None:
        raise DomainError(
            f"notice_version：告知书没有第 {chosen} 版；现行为第 {CURRENT_NOTICE} 版。"
        )
    return found


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def erasure_due(closed_on: date, years: int, today: date) -> bool:
    """The retention of a case closed on `closed_on` has run out by `today`."""
    return today >= add_years(closed_on, years)
