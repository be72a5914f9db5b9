"""Contacts: a case's contact log (the attempts, who may be contacted, the conduct rules),
an attempt logged, a message template previewed and exported for the SMS platform, an
emergency contact added, and the day's worklist across the cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ui.ops import in_store
from ui.tasks import Op

if TYPE_CHECKING:
    from app.domain.contacts import ConductSettings
    from app.services.contacts.log import NewContact
    from app.services.contacts.messages import MessagePreview
    from app.services.contacts.records import ContactInfo, PersonInfo, Whom
    from app.services.contacts.worklist import WorkItem
    from app.services.context import AppContext
    from ui.services import Core


@dataclass(frozen=True)
class ContactLog:
    """What the 联系记录 tab shows of a case."""

    contacts: list[ContactInfo]
    people: list[Whom]
    rules: ConductSettings
    now: datetime


def log(core: Core, case_no: str) -> Op[ContactLog]:
    """The case's attempts (oldest first), who may be contacted, and the rules."""

    def work(ctx: AppContext) -> ContactLog:
        from app.services.contacts import log
        from app.services.contacts.settings import conduct_settings

        people = log.contactable(ctx, case_no)
        return ContactLog(log.list_contacts(ctx, case_no), people, conduct_settings(ctx), ctx.now())

    return in_store(core, work)


def add_contact(core: Core, new: NewContact) -> Op[ContactInfo]:
    """Check and log one attempt: `ContactBlocked` (a rule) or `InputError` (a field)."""

    def work(ctx: AppContext) -> ContactInfo:
        from app.services.contacts.log import add_contact

        return add_contact(ctx, new)

    return in_store(core, work)


def preview_message(core: Core, case_no: str, template: str, whom: Whom) -> Op[MessagePreview]:
    """The message `template` renders for `whom` (nothing is stored)."""

    def work(ctx: AppContext) -> MessagePreview:
        from app.services.contacts.messages import preview_message

        return preview_message(ctx, case_no, template, to=whom.target,
                               party_id=whom.party_id, person_id=whom.person_id)  # fmt: skip

    return in_store(core, work)


def export_message(
    core: Core, case_no: str, template: str, whom: Whom, path: Path
) -> Op[Path]:
    """The message for `whom` written for the SMS platform (.csv or .xlsx); where it went."""

    def work(ctx: AppContext) -> Path:
        from app.services.contacts import messages

        preview = messages.preview_message(
            ctx, case_no, template, to=whom.target, party_id=whom.party_id,
            person_id=whom.person_id,
        )  # fmt: skip
        return messages.export_messages(ctx, [preview], path)

    return in_store(core, work)


def add_contact_person(core: Core, case_no: str, name: str, phone: str) -> Op[PersonInfo]:
    """An emergency contact of the case (a name and a phone number)."""

    def work(ctx: AppContext) -> PersonInfo:
        from app.services.contacts.log import add_contact_person

        return add_contact_person(ctx, case_no, name, phone)

    return in_store(core, work)


def worklist(core: Core, day: date) -> Op[list[WorkItem]]:
    """Who to contact on `day` and why, across the cases."""

    def work(ctx: AppContext) -> list[WorkItem]:
        from app.services.contacts.worklist import worklist

        return worklist(ctx, day)

    return in_store(core, work)
