"""Words for the codes the services use (lender types, roles, methods…), through Qt's
translation mechanism: the codes and their Chinese labels live in `app.domain.vocab`,
`mediation_desk_en.ts` holds the English.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain import case_status, vocab
from ui import i18n


def translated(table: Mapping[str, str], context: str = vocab.LABELS) -> dict[str, str]:
    """A vocabulary of `app.domain.vocab` (or `session_record`) in the UI language."""
    return {code: QCoreApplication.translate(context, label) for code, label in table.items()}


def lender_types() -> dict[str, str]:
    """The six lender types of `recalculation.md`, in the order a mediator expects."""
    return translated(vocab.LENDER_TYPES)


def repayment_methods() -> dict[str, str]:
    return translated(vocab.REPAYMENT_METHODS)


def party_roles() -> dict[str, str]:
    return translated(vocab.PARTY_ROLES)


def party_kinds() -> dict[str, str]:
    return translated(vocab.PARTY_KINDS)


def id_types() -> dict[str, str]:
    return translated(vocab.ID_TYPES)


def charge_kinds() -> dict[str, str]:
    """Fee kinds and cost kinds (costs of realising the claim)."""
    return translated({**vocab.FEE_KINDS, **vocab.COST_KINDS})


def mediator_roles() -> dict[str, str]:
    """The organisation's mediators: 调解员, 主任调解员."""
    return translated(vocab.MEDIATOR_ROLES)


def account_roles() -> dict[str, str]:
    """Who may sign in: 调解员, 主管."""
    return translated(vocab.ACCOUNT_ROLES, vocab.ROLES)


def document_kinds() -> dict[str, str]:
    return translated(vocab.DOCUMENT_KINDS)


def document_statuses() -> dict[str, str]:
    return translated(vocab.DOCUMENT_STATUSES)


def lookup(table: dict[str, str], code: str) -> str:
    """The word for `code`, or the code itself when it is new to this version."""
    return table.get(code, code)


def status_label(status: str, service_label: str = "") -> str:
    """A case status in the UI language; the services give the Chinese label."""
    if i18n.current_language() == "en":
        try:
            return case_status.LABELS_EN[case_status.CaseStatus(status)]
        except ValueError:
            return service_label or status
    return service_label or _status_zh(status)


def status_tone(status: str) -> str:
    """`alert` for statuses that need attention, `done` for settled ones, else `normal`."""
    if status in ("defaulted", "litigation", "terminated"):
        return "alert"
    if status in ("fulfilled", "confirmed"):
        return "done"
    return "normal"


def _status_zh(status: str) -> str:
    try:
        return case_status.label(status)
    except ValueError:
        return status


def date_text(day: date | None) -> str:
    """`2021-03-05` → `2021年3月5日` (English: `2021-03-05`)."""
    if day is None:
        return ""
    pattern = QCoreApplication.translate("labels", "{year}年{month}月{day}日")
    return pattern.format(year=day.year, month=day.month, day=day.day)


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("labels", "是")
    return QCoreApplication.translate("labels", "否")
