"""The contact log over a real store: each conduct rule blocks in the service, says which
rule, and writes nothing (no row, no audit event)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.contacts import ContactBlocked
from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.contacts import log as contacts
from app.services.contacts.log import NewContact
from app.services.organisation.accounts import key_holder
from app.services.organisation.service import MediatorInfo, OrganisationProfile, save_profile
from app.store.contacts import ContactAttempt, PrivacyNotice
from app.store.records import AuditEvent
from tests.store_fixtures import FixedClock, new_case

ORG = OrganisationProfile(
    name="滨江市金融纠纷人民调解委员会",
    phone="0571-88881234",
    mediators=[MediatorInfo("王芳", "13912345678", "supervisor")],
)


@pytest.fixture
def case_no(ctx: Any, clock: FixedClock) -> str:
    save_profile(ctx, ORG, by=key_holder("gui:王主任"))
    clock.advance(days=1)  # 2026-03-03 09:00 China time
    return str(cases.create_case(ctx, new_case(extra={"mediator": "王芳"})).case_no)


def counts(ctx: Any) -> tuple[int, int]:
    with ctx.read() as uow:
        rows = uow.session.scalar(select(func.count(ContactAttempt.id)))
        events = uow.session.scalar(select(func.count(AuditEvent.seq)))
        return int(rows or 0), int(events or 0)


def blocked(ctx: Any, new: NewContact) -> ContactBlocked:
    before = counts(ctx)
    with pytest.raises(ContactBlocked) as caught:
        contacts.add_contact(ctx, new)
    assert counts(ctx) == before  # nothing written
    return caught.value


def call(case_no: str, when: str, **more: Any) -> NewContact:
    return NewContact(case_no, "phone", "debtor", when, more.pop("outcome", "no_answer"), **more)


def test_an_attempt_is_logged_with_who_when_and_what_came_of_it(ctx: Any, case_no: str) -> None:
    info = contacts.add_contact(
        ctx,
        NewContact(case_no, "电话", "债务人", "2026-03-03T08:30", "承诺还款",
                   note="同意先还一部分", promise_amount="2000", promise_date="2026-03-15",
                   next_action="核实是否到账", next_due="2026-03-16", notice=True),
    )  # fmt: skip
    assert (info.channel, info.target, info.outcome) == ("phone", "debtor", "promise_to_pay")
    assert (info.name, info.promise_amount, str(info.promise_date)) == (
        "王建国", Decimal("2000.00"), "2026-03-15",
    )  # fmt: skip
    assert info.at.isoformat() == "2026-03-03T00:30:00+00:00"  # China time in, UTC kept
    listed = contacts.list_contacts(ctx, case_no)
    assert [c.id for c in listed] == [info.id] and listed[0].next_action == "核实是否到账"
    with ctx.read() as uow:
        notice = uow.session.scalars(select(PrivacyNotice)).one()
        assert (notice.notice_version, notice.how, notice.consent) == (1, "phone", "not_needed")
        event = uow.audit.for_case(uow.cases.require(case_no).id)[-1]
        assert event.action == "contact.logged" and event.detail["notice_version"] == 1
        assert "王建国" not in str(event.detail) and "同意" not in str(event.detail)


def test_outside_the_allowed_hours_is_blocked(ctx: Any, case_no: str) -> None:
    error = blocked(ctx, call(case_no, "2026-03-03T21:15"))
    assert error.rules == ["allowed_hours"]
    assert "联系时段" in str(error) and "21:15（北京时间）" in str(error)


def test_a_fourth_attempt_on_one_day_is_blocked_even_in_another_case(
    ctx: Any, case_no: str
) -> None:
    for hour in ("09", "12", "15"):
        contacts.add_contact(ctx, call(case_no, f"2026-03-03T{hour}:00"))
    other = cases.create_case(ctx, new_case(creditor_name="另一家银行")).case_no  # same debtor
    error = blocked(ctx, call(other, "2026-03-03T17:00"))
    assert error.rules == ["daily_limit"]
    assert "已联系此人 3 次" in str(error)
    contacts.add_contact(ctx, call(other, "2026-03-04T09:00"))  # the next day is fine


def test_no_call_after_asking_for_written_contact_only(
    ctx: Any, case_no: str, clock: FixedClock
) -> None:
    contacts.add_contact(ctx, call(case_no, "2026-03-03T09:00", outcome="written_only"))
    clock.advance(days=1)
    error = blocked(ctx, call(case_no, "2026-03-04T10:00"))
    assert error.rules == ["written_only"] and "书面" in str(error)
    letter = NewContact(case_no, "letter", "debtor", "2026-03-04T10:00", "reached")
    assert contacts.add_contact(ctx, letter).channel == "letter"


def test_a_third_party_only_hears_a_call_back_request(ctx: Any, case_no: str) -> None:
    person = contacts.add_contact_person(ctx, case_no, "李梅", "13900001111")
    plain = contacts.add_contact(
        ctx, NewContact(case_no, "phone", "emergency_contact", "2026-03-03T10:00", "reached")
    )
    assert plain.person_id == person.id and "请转告其方便时回电" in plain.message
    assert (
        plain.message
        == "您好，我是王芳，有事需与王建国联系，请转告其方便时回电0571-88881234。谢谢！"
    )
    for message, why in (("请转告王建国尽快还款", "债务"), ("他还有3000元没还", "金额"),
                         ("滨江农商行在找他", "债权人")):  # fmt: skip
        error = blocked(ctx, NewContact(case_no, "sms", "紧急联系人", "2026-03-03T11:00",
                                        "reached", message=message))  # fmt: skip
        assert error.rules == ["third_party_message"] and why in str(error)
    error = blocked(ctx, NewContact(case_no, "sms", "emergency_contact", "2026-03-03T11:00",
                                    "reached", template="instalment_reminder"))  # fmt: skip
    assert error.rules == ["third_party_message"] and "请转告回电" in str(error)


def test_bad_fields_are_named_and_nothing_is_written(ctx: Any, case_no: str) -> None:
    before = counts(ctx)
    with pytest.raises(InputError) as caught:
        contacts.add_contact(ctx, NewContact(case_no, "fax", "debtor", "3 March", "promise_to_pay"))
    assert [p.path for p in caught.value.problems] == ["channel", "at"]
    with pytest.raises(InputError) as caught:
        contacts.add_contact(ctx, call(case_no, "2026-03-03T10:00", outcome="promise_to_pay",
                                       promise_date="2026-03-01"))  # fmt: skip
    assert {p.path: p.reason for p in caught.value.problems} == {
        "promise_amount": "请填写承诺还款的金额（大于 0 的元数，如 2000.00）。",
        "promise_date": "承诺还款日期 2026-03-01 早于联系当天 2026-03-03。",
    }
    with pytest.raises(DomainError, match="没有这样的保证人"):
        contacts.add_contact(ctx, NewContact(case_no, "phone", "guarantor", "2026-03-03T10:00",
                                             "reached"))  # fmt: skip
    assert counts(ctx) == before
