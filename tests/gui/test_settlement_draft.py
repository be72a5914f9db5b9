"""Issue 13 item 3: a settlement typed on step 5 is never lost. Every lever, plan and clause
edit is autosaved as the case's draft (a pause after typing, through the service); closing
the wizard without 保存 and reopening it brings every value back; 保存 makes the draft the
settlement and clears it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from app.domain.plan import PlanMethod
from tests.gui.test_session_wizard import WAIT, make_wizard
from tests.session_fixtures import SESSION_START, copy_demo, make_demo, scheduled_case
from tests.store_fixtures import FixedClock
from ui.views.session_wizard import SessionWizard
from ui.views.session_wizard.autosave import DELAY_MS

METHOD = "转入债权人账户：中国银行滨江支行，账号6216600000001234"
CLAUSES = "债务人提前还清的，债权人不再收取其他费用\n本协议一式三份"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("draft") / "data")


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    return copy_demo(demo_template, tmp_path / "data")


@pytest.fixture
def case_no(data_dir: Path) -> str:
    """A scheduled demo case, recalculated at its claim's date (step 5 can be used)."""
    from app.services.recalc.service import as_of_for, recalculate
    from app.services.sessions.service import set_step, start_or_resume
    from app.services.startup import open_context

    with open_context(data_dir, actor="准备", clock=FixedClock(SESSION_START)) as ctx:
        number = scheduled_case(ctx)
        start_or_resume(ctx, number)
        recalculate(ctx, number, as_of_for(ctx, number))
        set_step(ctx, number, 4)
        return number


def opened(qtbot, data_dir: Path, case_no: str) -> tuple[SessionWizard, Any]:
    wizard = make_wizard(qtbot, data_dir, case_no)
    assert wizard.current == 4  # resumed at the settlement step
    page = wizard.pages[4].page
    qtbot.waitUntil(lambda: page.case_no() == case_no and page.proposal() is not None,
                    timeout=WAIT)  # fmt: skip
    return wizard, page


def type_text(edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def type_a_settlement(page: Any) -> None:
    """A value in every box, one of them not a valid amount yet."""
    page.levers.percent["waive_penalty"].setValue(100)
    page.levers.percent["waive_interest"].setValue(12.5)
    type_text(page.levers.principal_discount, "1,000")
    page.plan.method_buttons[PlanMethod.EQUAL].click()
    page.plan.first_due.setDate(QDate(2026, 8, 15))
    page.plan.count.setValue(7)
    page.plan.frequency.setCurrentIndex(page.plan.frequency.findData("biweekly"))
    page.plan.round_to.setCurrentIndex(page.plan.round_to.findData("0.01"))
    page.plan.has_down.setChecked(True)
    type_text(page.plan.down_amount, "3,0O0")  # a letter O: refused at 保存, kept as typed
    page.plan.down_due.setDate(QDate(2026, 7, 20))
    page.terms.acceleration.setValue(20)
    page.terms.no_revival.setChecked(True)
    page.terms.grace.setValue(5)
    page.terms.has_interest.setChecked(True)
    type_text(page.terms.rate, "6%")
    page.terms.start.setDate(QDate(2026, 7, 1))
    type_text(page.clauses.payment_method, METHOD)
    page.clauses.extra_terms.setPlainText(CLAUSES)


def stored(data_dir: Path, case_no: str) -> tuple[Any, Any]:
    from app.services.settlement.draft import get_draft
    from app.services.settlement.service import get_settlement
    from app.services.startup import open_context

    with open_context(data_dir, actor="检查") as ctx:
        return get_draft(ctx, case_no), get_settlement(ctx, case_no)


def test_a_settlement_typed_and_left_without_saving_is_all_back_on_reopening(
    qtbot, themed_app, data_dir, case_no
):
    wizard, page = opened(qtbot, data_dir, case_no)
    type_a_settlement(page)
    typed = page.form_now()
    assert wizard.save_state.text() == "正在保存…"  # the draft waits for the pause
    wizard.close()  # before the pause is over, without 保存
    wizard.shared.service.close()
    draft, settlement = stored(data_dir, case_no)
    assert settlement is None and draft is not None and draft.form == typed

    wizard, page = opened(qtbot, data_dir, case_no)
    assert page.form_now() == typed
    assert page.levers.percent["waive_penalty"].value() == 100
    assert page.levers.percent["waive_interest"].cleanText() == "12.50"
    assert page.levers.principal_discount.text() == "1,000"
    assert page.plan.method() is PlanMethod.EQUAL
    assert page.plan.first_due.date() == QDate(2026, 8, 15) and page.plan.count.value() == 7
    assert page.plan.frequency.currentData() == "biweekly"
    assert page.plan.round_to.currentData() == "0.01"
    assert page.plan.has_down.isChecked() and page.plan.down_amount.text() == "3,0O0"
    assert page.plan.down_due.date() == QDate(2026, 7, 20)
    assert page.terms.acceleration.value() == 20 and page.terms.no_revival.isChecked()
    assert not page.terms.revives.isChecked() and page.terms.grace.value() == 5
    assert page.terms.has_interest.isChecked() and page.terms.rate.text() == "6%"
    assert page.terms.start.date() == QDate(2026, 7, 1)
    assert page.clauses.payment_method.text() == METHOD
    assert page.clauses.extra_terms.toPlainText() == CLAUSES
    assert page.saved_note.text().startswith("草稿已自动保存")

    with qtbot.waitSignal(page.save_failed, timeout=WAIT):  # the draft does not check out
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.plan.field_rows["plan.down_payment.amount"].error.text()
    assert stored(data_dir, case_no)[0] is not None  # refused: still the draft
    type_text(page.plan.down_amount, "3,000")
    with qtbot.waitSignal(page.saved, timeout=WAIT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    draft, settlement = stored(data_dir, case_no)
    assert draft is None and settlement is not None
    assert settlement.plan.installments[0].due == date(2026, 7, 20)
    assert settlement.payment_method == METHOD
    assert settlement.extra_terms == tuple(CLAUSES.splitlines())
    assert page.saved_note.text().startswith("已保存")
    wizard.close()
    wizard.shared.service.close()


def test_each_edit_is_kept_a_pause_later_through_the_service(qtbot, themed_app, data_dir, case_no):
    wizard, page = opened(qtbot, data_dir, case_no)
    page.plan.method_buttons[PlanMethod.CUSTOM].click()
    page.plan.add_row()
    with qtbot.waitSignal(page.drafts.kept, timeout=DELAY_MS + WAIT) as kept:
        pass
    rows = kept.args[0].form["plan"]["rows"]
    assert len(rows) == 2 and kept.args[0].form["plan"]["method"] == "custom"
    assert wizard.save_state.text().startswith("已自动保存")
    assert stored(data_dir, case_no)[0].form["plan"]["rows"] == rows
    page.clauses.extra_terms.setPlainText("第一条")
    wizard.go(5)  # leaving the step keeps it at once
    assert stored(data_dir, case_no)[0].form["clauses"]["extra_terms"] == "第一条"
    wizard.close()
    wizard.shared.service.close()
