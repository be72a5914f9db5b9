"""The daily worklist (who to contact today and why) and messages for the SMS platform."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.services.cases import service as cases
from app.services.contacts import log as contacts
from app.services.contacts import messages
from app.services.contacts.log import NewContact
from app.services.contacts.worklist import worklist
from app.services.organisation.accounts import key_holder
from app.services.organisation.service import MediatorInfo, OrganisationProfile, save_profile
from app.store.records import AuditEvent
from tests.store_fixtures import GOOD_ID_2, FixedClock, new_case

ORG = OrganisationProfile(name="滨江市金融纠纷人民调解委员会", phone="0571-88881234",
                          mediators=[MediatorInfo("王芳", "", "supervisor")])  # fmt: skip


@pytest.fixture
def two(ctx: Any, clock: FixedClock) -> tuple[str, str]:
    save_profile(ctx, ORG, by=key_holder("gui:王主任"))
    clock.advance(days=1)  # 2026-03-03
    first = cases.create_case(ctx, new_case(extra={"mediator": "王芳"})).case_no
    second = cases.create_case(
        ctx, new_case(debtor_name="李红", debtor_id_number=GOOD_ID_2, debtor_phone="13800001234")
    ).case_no
    return first, second


def test_who_to_contact_today_and_why(ctx: Any, two: tuple[str, str]) -> None:
    first, second = two
    day = date(2026, 3, 3)
    items = worklist(ctx, day)
    assert [(i.case_no, i.kind) for i in items] == [(first, "first_contact"),
                                                     (second, "first_contact")]  # fmt: skip
    assert items[0].whom == "债务人王建国" and items[0].phone == "139****5678"
    assert "首次联系" in items[0].why and "个人信息" in items[0].why
    contacts.add_contact(ctx, NewContact(
        first, "phone", "debtor", "2026-03-03T09:30", "promise_to_pay", promise_amount="2000",
        promise_date="2026-03-05", next_action="寄送调解通知", next_due="2026-03-04",
    ))  # fmt: skip
    for hour in ("10", "11"):
        contacts.add_contact(ctx, NewContact(first, "phone", "debtor", f"2026-03-03T{hour}:00",
                                             "no_answer"))  # fmt: skip
    assert [(i.case_no, i.kind) for i in worklist(ctx, day)] == [(second, "first_contact")]
    later = worklist(ctx, date(2026, 3, 5))
    # the latest attempt set no next action, so the one of 4 March no longer stands
    assert [(i.case_no, i.kind) for i in later] == [(first, "promise_check"),
                                                     (second, "first_contact")]  # fmt: skip
    assert later[0].why == "承诺 03月05日 还款 2,000.00 元：核实是否到账"


def test_the_next_action_and_the_limit_of_the_day(ctx: Any, two: tuple[str, str]) -> None:
    first, _ = two
    for hour in ("09", "10", "11"):
        contacts.add_contact(ctx, NewContact(first, "phone", "debtor", f"2026-03-03T{hour}:00",
                                             "no_answer", next_action="下午再打",
                                             next_due="2026-03-03"))  # fmt: skip
    [item] = [i for i in worklist(ctx, date(2026, 3, 3)) if i.case_no == first]
    assert (item.kind, item.why) == ("next_action", "约定的下一步：下午再打")
    assert item.blocked_text == "今天已联系 3 次（上限 3 次），请明天再联系"
    [item] = [i for i in worklist(ctx, date(2026, 3, 4)) if i.case_no == first]
    assert item.overdue and item.blocked_text == ""


def test_messages_preview_and_export_for_the_sms_platform(
    ctx: Any, two: tuple[str, str], tmp_path: Path
) -> None:
    first, _ = two
    notice = messages.preview_message(ctx, first, "notice_of_mediation")
    assert notice.phone == "13912345678" and notice.name == "王建国"
    assert notice.text.startswith("【滨江市金融纠纷人民调解委员会】王建国您好：滨江农村商业银行")
    with pytest.raises(DomainError, match="调解时间"):
        messages.preview_message(ctx, first, "session_reminder")
    contacts.add_contact_person(ctx, first, "李梅", "13900001111")
    with pytest.raises(DomainError, match="third_party_message"):
        messages.preview_message(ctx, first, "notice_of_mediation", to="emergency_contact")
    callback = messages.preview_message(ctx, first, "callback_request", to="紧急联系人")
    assert callback.name == "李梅" and "王建国" in callback.text
    out = messages.export_messages(ctx, [notice, callback], tmp_path / "短信.csv")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["手机号码", "姓名", "短信内容", "案号", "模板"]
    assert rows[1][:2] == ["13912345678", "王建国"] and rows[2][4] == "请转告回电"
    xlsx = messages.export_messages(ctx, [notice], tmp_path / "短信.xlsx")
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("短信").to_python()
    assert sheet[1][0] == "13912345678" and sheet[1][2] == notice.text
    with ctx.read() as uow:
        events = [e for e in uow.session.scalars(select(AuditEvent))
                  if e.action == "contact.messages_exported"]  # fmt: skip
        assert [e.detail["count"] for e in events] == [2, 1]
        assert all("13912345678" not in str(e.detail) for e in events)
