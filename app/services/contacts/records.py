"""The contact log as plain data (what the services return), made inside a unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.contacts import CHANNELS, OUTCOMES, TARGETS
from app.store.contacts import RELATIONS

if TYPE_CHECKING:
    from app.store.contacts import ContactAttempt, ContactPerson
    from app.store.models import Party


@dataclass(frozen=True)
class Whom:
    """Someone an attempt is with: a party (`party_id`) or a contact person (`person_id`)."""

    target: str
    name: str
    phone: str
    party_id: int | None = None
    person_id: int | None = None
    id_number: str = ""

    @property
    def label(self) -> str:
        return f"{TARGETS.get(self.target, self.target)}{self.name}"


@dataclass(frozen=True)
class PersonInfo:
    id: int
    relation: str
    relation_label: str
    name: str
    phone: str
    note: str


@dataclass(frozen=True)
class ContactInfo:
    """One logged attempt; `at` UTC-aware (show it in China time)."""

    id: int
    case_no: str
    target: str
    target_label: str
    name: str
    party_id: int | None
    person_id: int | None
    channel: str
    channel_label: str
    at: datetime
    outcome: str
    outcome_label: str
    promise_amount: Decimal | None
    promise_date: date | None
    note: str
    template: str
    message: str
    next_action: str
    next_due: date | None
    recorded_by: str


def whom_of(*, party: Party | None = None, person: ContactPerson | None = None) -> Whom:
    if party is not None:
        return Whom(party.role, party.name, party.phone, party_id=party.id,
                    id_number=party.id_number)  # fmt: skip
    assert person is not None
    return Whom(person.relation, person.name, person.phone, person_id=person.id)


def person_info(row: ContactPerson) -> PersonInfo:
    label = RELATIONS.get(row.relation, row.relation)
    return PersonInfo(row.id, row.relation, label, row.name, row.phone, row.note)


def contact_info(row: ContactAttempt, case_no: str, whom: Whom) -> ContactInfo:
    return ContactInfo(
        id=row.id,
        case_no=case_no,
        target=row.target,
        target_label=TARGETS.get(row.target, row.target),
        name=whom.name,
        party_id=row.party_id,
        person_id=row.person_id,
        channel=row.channel,
        channel_label=CHANNELS.get(row.channel, row.channel),
        at=row.at,
        outcome=row.outcome,
        outcome_label=OUTCOMES.get(row.outcome, row.outcome),
        promise_amount=row.promise_amount,
        promise_date=row.promise_date,
        note=row.note,
        template=row.template,
        message=row.message,
        next_action=row.next_action,
        next_due=row.next_due,
        recorded_by=row.recorded_by,
    )
