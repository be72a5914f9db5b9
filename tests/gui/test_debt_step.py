"""The debt step (issue 13 item 9): a payment or a fee dated after the claim's as-of date is
flagged at its own row, saying why and what to check; moving the as-of date past it clears
the warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from tests.gui.test_session_wizard import WAIT, field, make_wizard
from tests.session_fixtures import copy_demo, make_demo, scheduled_case
from ui.views.session_wizard import SessionWizard


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("debt") / "data")


@pytest.fixture
def wizard(qtbot, themed_app, tmp_path, demo_template) -> Iterator[SessionWizard]:
    from app.services.startup import open_context

    data_dir = copy_demo(demo_template, tmp_path / "data")
    with open_context(data_dir, actor="准备") as ctx:
        case_no = scheduled_case(ctx)
    wiz = make_wizard(qtbot, data_dir, case_no)
    wiz.go(2)
    yield wiz
    wiz.close()
    wiz.shared.service.close()


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def add_payment(qtbot, wizard: SessionWizard, day: date) -> int:
    page = wizard.pages[2]
    page.new_date.setDate(qdate(day))
    page.new_amount.setText("100")
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    return next(p.id for p in wizard.shared.state.payments if p.date == day)


def add_fee(qtbot, wizard: SessionWizard, day: date) -> int:
    page = wizard.pages[2]
    page.new_charge_date.setDate(qdate(day))
    page.new_charge_amount.setText("50")
    page.new_charge_kind.setCurrentIndex(page.new_charge_kind.findData("late_fee"))
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        qtbot.mouseClick(page.add_charge_button, Qt.MouseButton.LeftButton)
    return next(c.id for c in wizard.shared.state.case.fees if c.date == day)


def test_a_payment_or_fee_after_the_claims_date_is_flagged_at_its_row(qtbot, wizard):
    page = wizard.pages[2]
    as_of = wizard.shared.state.case.claim.as_of
    before = add_payment(qtbot, wizard, as_of - timedelta(days=3))
    after = add_payment(qtbot, wizard, as_of + timedelta(days=10))
    fee = add_fee(qtbot, wizard, as_of + timedelta(days=20))
    warning = f"晚于主张截至日期 {as_of.isoformat()}：计算日须不早于这一天，请核对日期。"
    assert page.pay_errors[after].text() == warning and page.pay_errors[after].isVisible()
    assert page.charge_errors[fee].text() == warning and page.charge_errors[fee].isVisible()
    assert not page.pay_errors[before].isVisible()
    later = as_of + timedelta(days=15)  # after the payment, before the fee
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        field(wizard, "claim.as_of").setDate(qdate(later))
    assert not page.pay_errors[after].isVisible()
    moved = f"晚于主张截至日期 {later.isoformat()}："
    assert page.charge_errors[fee].text().startswith(moved)
