"""The wizard's vocabularies in the UI language: the codes and Chinese labels of
`app.domain.session_record` (and `app.domain.vocab`), the English in the .ts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain import session_record as record
from ui import labels
from ui.labels import translated

CONTEXT = "session_wizard"


def steps() -> list[str]:
    return [QCoreApplication.translate(CONTEXT, label) for _key, label in record.STEPS]


def capacities() -> dict[str, str]:
    return translated(record.CAPACITIES, CONTEXT)


def attendee_id_types() -> dict[str, str]:
    return translated(record.ATTENDEE_ID_TYPES)


def outcomes() -> dict[str, str]:
    return translated(record.OUTCOMES, CONTEXT)


def sides() -> dict[str, str]:
    return translated(record.SIDES, CONTEXT)


def prompts() -> dict[str, list[tuple[str, str]]]:
    return {
        side: [(key, QCoreApplication.translate(CONTEXT, label)) for key, label in asked]
        for side, asked in record.STATEMENT_PROMPTS.items()
    }


def attendee_headings() -> list[str]:
    return [
        QCoreApplication.translate("session_wizard", "姓名"),
        QCoreApplication.translate("session_wizard", "出席身份"),
        QCoreApplication.translate("session_wizard", "证件类型"),
        QCoreApplication.translate("session_wizard", "证件号码"),
        QCoreApplication.translate("session_wizard", "身份核对"),
        QCoreApplication.translate("session_wizard", "授权委托情况"),
        "",
    ]


def document_kinds() -> dict[str, str]:
    return labels.document_kinds()
