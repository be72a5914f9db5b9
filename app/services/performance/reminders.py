"""Instalment reminders from the plans' worklist, through the contact log's messages.

    found = worklist(ctx, today)
    export_reminders(ctx, found.items, Path("还款提醒.xlsx"))     # for the SMS platform
    mark_reminder_sent(ctx, found.items[0], "2026-06-30T10:00")   # the mediator sent it

The worklist renders each reminder with the contact log's templates (`instalment_reminder`,
`default_notice`); the export is the contact messages' export (same columns, audited as
`contact.messages_exported`). The app sends nothing, so nothing is logged on export: an
attempt (channel SMS, to the debtor) is logged only when the mediator marks a reminder
sent, through `add_contact` and so held to the conduct rules (allowed hours, attempts a
day, written-only requests).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain import contact_messages as messages
from app.domain.errors import InputError, Problem

if TYPE_CHECKING:
    from app.services.contacts.messages import MessagePreview
    from app.services.contacts.records import ContactInfo
    from app.services.context import AppContext
    from app.services.performance.worklist import WorkItem

SENT_NOTE = "已通过短信平台发送{label}（第{n}期）"


def reminder_messages(items: Sequence[WorkItem]) -> list[MessagePreview]:
    """The items' reminders as contact messages to each debtor; InputError naming the cases
    whose reminder could not be written (and why)."""
    from app.services.contacts.messages import MessagePreview

    missing = [i for i in items if not i.reminder]
    if missing:
        raise InputError(
            [Problem("reminder", f"{i.case_no}：{i.reminder_problem}") for i in missing[:10]]
        )
    return [
        MessagePreview(
            i.case_no,
            i.template,
            messages.template(i.template).label,
            "debtor",
            i.debtor,
            i.debtor_phone,
            i.reminder,
        )
        for i in items
    ]


def export_reminders(ctx: AppContext, items: Sequence[WorkItem], path: Path) -> Path:
    """The reminders written for the SMS platform (`.csv` or `.xlsx`), as contact messages."""
    from app.services.contacts.messages import export_messages

    return export_messages(ctx, reminder_messages(items), path)


def mark_reminder_sent(ctx: AppContext, item: WorkItem, at: str | datetime) -> ContactInfo:
    """Log the reminder the mediator sent at `at` as an SMS to the debtor; `ContactBlocked`
    when a conduct rule forbids it (nothing is written)."""
    from app.services.contacts.log import NewContact, add_contact

    (preview,) = reminder_messages([item])
    note = SENT_NOTE.format(label=preview.template_label, n=item.n) if item.n else (
        f"已通过短信平台发送{preview.template_label}")  # fmt: skip
    new = NewContact(item.case_no, "sms", "debtor", at, "reached", note=note,
                     message=item.reminder, template=item.template)  # fmt: skip
    return add_contact(ctx, new)
