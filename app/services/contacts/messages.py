"""Messages for the centre's SMS platform: rendered from a template, previewed, exported.

    preview = preview_message(ctx, "TJ-2026-000001", "session_reminder")   # to the debtor
    export_messages(ctx, [preview, ...], Path("短信.xlsx"))                 # or .csv

The app sends nothing. An export carries full phone numbers (the platform needs them), so
it is logged as `contact.messages_exported` (how many, which template, never the
numbers). A template for parties cannot go to an emergency contact or other third party:
only `callback_request` can, and its text is checked like any message to them.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain import contact_messages as messages
from app.domain.contacts import TARGETS, THIRD_PARTIES, parse_code
from app.domain.errors import DomainError, InputError, Problem
from app.services.contacts.values import message_values

if TYPE_CHECKING:
    from app.services.context import AppContext

EXPORT_HEADERS = ("手机号码", "姓名", "短信内容", "案号", "模板")


@dataclass(frozen=True)
class MessagePreview:
    case_no: str
    template: str
    template_label: str
    target: str
    name: str
    phone: str
    text: str


def preview_message(
    ctx: AppContext,
    case_no: str,
    template: str,
    *,
    to: str = "debtor",
    party_id: int | None = None,
    person_id: int | None = None,
) -> MessagePreview:
    """The message `template` renders for one person of the case (nothing is stored)."""
    from app.services.contacts.log import resolve, third_party_problems

    chosen = messages.template(template)
    target = parse_code(to, TARGETS, "to", "联系对象")
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        whom = resolve(uow, case, target, party_id, person_id)
        if target in THIRD_PARTIES and not chosen.third_party:
            label = messages.TEMPLATES["callback_request"].label
            raise DomainError(
                f"对第三人的信息（third_party_message）：给{whom.label}只能使用“{label}”模板。"
            )
        text = messages.render(chosen.code, message_values(uow, case, whom))
        problems = third_party_problems(case, whom, target, chosen.code, text)
        if problems:
            raise DomainError("对第三人的信息（third_party_message）：" + "；".join(problems))
        return MessagePreview(case.case_no, chosen.code, chosen.label, target, whom.name,
                              whom.phone, text)  # fmt: skip


def export_messages(ctx: AppContext, previews: Sequence[MessagePreview], path: Path) -> Path:
    """Write the messages for the SMS platform: `.csv` (UTF-8 with BOM, opens in Excel) or
    `.xlsx`; audited (count and templates only)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError([Problem("path", "导出文件须为 .csv 或 .xlsx。")])
    if not previews:
        raise InputError([Problem("messages", "没有要导出的短信。")])
    rows = [(p.phone, p.name, p.text, p.case_no, p.template_label) for p in previews]
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(EXPORT_HEADERS)
            writer.writerows(rows)
    else:
        _write_xlsx(path, rows)
    with ctx.write() as uow:
        detail = {"count": len(rows), "templates": sorted({p.template for p in previews}),
                  "format": suffix.lstrip("."),
                  "case_nos": sorted({p.case_no for p in previews})[:20]}  # fmt: skip
        uow.record("contact.messages_exported", detail=detail)
    return path


def _write_xlsx(path: Path, rows: Sequence[tuple[str, ...]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    try:
        sheet = book.add_worksheet("短信")
        text = book.add_format({"num_format": "@"})  # numbers stay text (no 1.39E+10)
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, EXPORT_HEADERS, bold)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                sheet.write_string(r, c, value, text)
        for c, width in enumerate((14, 10, 80, 18, 12)):
            sheet.set_column(c, c, width)
    finally:
        book.close()
