"""Instalment reminders go through the contact log's message templates: the worklist's text
is the template's, the export is the contact messages' export, and a reminder becomes a
contact attempt (SMS) only when the mediator marks it sent, held to the conduct rules."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.session_fixtures import make_demo

ON = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("reminders") / "data")


@pytest.fixture
def ctx(demo: Path) -> Iterator[Any]:
    from app.services.startup import open_context

    with open_context(demo, actor="检查", migrate=False) as context:
        yield context


def attempts(ctx: Any, case_no: str) -> list[Any]:
    from app.services.contacts.log import list_contacts

    return list_contacts(ctx, case_no)


def instalment_item(ctx: Any) -> Any:
    """An instalment of a defaulted demo plan, on the day it fell due (before the default)."""
    from app.services.performance.worklist import worklist
    from app.services.settlement.plan_tracking import plan_status

    for broken in worklist(ctx, ON).of("defaulted"):
        for row in plan_status(ctx, broken.case_no, ON).installments:
            found = [i for i in worklist(ctx, row.due).of("today") if i.case_no == broken.case_no]
            if found:
                return found[0]
    raise AssertionError("no instalment falls due in the demo")


def test_the_reminders_are_the_contact_logs_templates(ctx: Any) -> None:
    from app.domain import contact_messages as messages
    from app.services.organisation.service import get_profile
    from app.services.performance.worklist import worklist
    from app.services.settlement.plan_tracking import plan_status

    found = worklist(ctx, ON)
    profile = get_profile(ctx)
    org = {"org": profile.name, "org_phone": profile.phone}
    (broken, *_) = found.of("defaulted")
    claimable = plan_status(ctx, broken.case_no, ON).claimable
    values = org | {"name": broken.debtor, "case_no": broken.case_no,
                    "claimable": f"{claimable:,.2f}"}  # fmt: skip
    assert broken.template == "default_notice"
    assert broken.reminder == messages.render("default_notice", values)
    assert f"{claimable:,.2f}元" in broken.reminder
    late = instalment_item(ctx)
    assert late.template == "instalment_reminder" and late.n is not None and late.due
    due = f"{late.due.year}年{late.due.month}月{late.due.day}日"
    values = org | {"name": late.debtor, "case_no": late.case_no, "due": due,
                    "n": str(late.n), "amount": f"{late.amount:,.2f}"}  # fmt: skip
    assert late.reminder == messages.render("instalment_reminder", values)


def test_the_reminders_export_like_contact_messages(ctx: Any, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook
    from sqlalchemy import func, select

    from app.services.contacts.messages import EXPORT_HEADERS
    from app.services.performance.reminders import export_reminders
    from app.services.performance.worklist import worklist
    from app.store.contacts import ContactAttempt
    from app.store.records import AuditEvent

    items = worklist(ctx, ON).items
    with ctx.read() as uow:
        before = uow.session.scalar(select(func.count(ContactAttempt.id)))
    path = export_reminders(ctx, items, tmp_path / "还款提醒.xlsx")
    book = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    rows = book.get_sheet_by_name("短信").to_python()
    assert tuple(rows[0]) == EXPORT_HEADERS and len(rows) == len(items) + 1
    for row, item in zip(rows[1:], items, strict=True):
        label = "违约提醒" if item.group == "defaulted" else "还款提醒"
        assert list(row) == [item.debtor_phone, item.debtor, item.reminder, item.case_no, label]
    with ctx.read() as uow:
        assert uow.session.scalar(select(func.count(ContactAttempt.id))) == before
        kinds = list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert kinds[-1] == "contact.messages_exported"


def test_a_reminder_is_logged_only_when_marked_sent(ctx: Any) -> None:
    from app.domain.contacts import ContactBlocked
    from app.services.performance.reminders import mark_reminder_sent

    item = instalment_item(ctx)
    before = attempts(ctx, item.case_no)
    with pytest.raises(ContactBlocked) as blocked:
        mark_reminder_sent(ctx, item, f"{item.due}T22:30")
    assert blocked.value.rules == ["allowed_hours"]
    assert attempts(ctx, item.case_no) == before
    info = mark_reminder_sent(ctx, item, f"{item.due}T10:00")
    assert (info.channel, info.target, info.outcome) == ("sms", "debtor", "reached")
    assert info.message == item.reminder and info.template == "instalment_reminder"
    assert f"第{item.n}期" in info.note
    assert attempts(ctx, item.case_no) == [*before, info]
