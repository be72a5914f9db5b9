"""Smaller things of a mediator's first day in the wizard (issue 13 item 10): step 7 is
marked done only once its documents can be rendered; a finished case reopens on its
session, read-only, with its real dates (not an empty wizard dated 2000-01-01); error lines
and the to-do box keep their room, so no field moves under the mouse as one types."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.test_session_wizard import (
    WAIT,
    add_attendee,
    choose,
    field,
    make_wizard,
    type_into,
)
from tests.session_fixtures import (
    PLACE,
    SESSION_START,
    agree,
    copy_demo,
    make_demo,
    scheduled_case,
)
from tests.store_fixtures import FixedClock
from ui.views.session_wizard import SessionWizard


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("firstday") / "data")


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    return copy_demo(demo_template, tmp_path / "data")


def mark(wizard: SessionWizard, step: int) -> str:
    return wizard.step_list.item(step).text().split()[0]


def state_next_date(wizard: SessionWizard) -> object:
    state = wizard.shared.state
    return None if state is None else state.next_date


def test_step_7_is_done_only_once_its_documents_can_be_rendered(qtbot, themed_app, data_dir):
    from app.services.startup import open_context

    with open_context(data_dir, actor="准备") as ctx:
        case_no = scheduled_case(ctx)
    wizard = make_wizard(qtbot, data_dir, case_no)
    try:
        wizard.go(5)
        type_into(qtbot, wizard, "statements.creditor.claim", "请求偿还借款本息。")
        type_into(qtbot, wizard, "statements.debtor.ability", "希望分期。")
        choose(qtbot, wizard, "outcome", "agreed")
        assert mark(wizard, 5) == "✓"  # the record itself is complete
        assert mark(wizard, 6) == "·"  # but nothing can be rendered: no settlement yet
        wizard.go(6)
        missing = wizard.missing.text()
        assert "文书还不能生成：请先完成第 1 步“签到”。" in missing
        assert "请先完成第 5 步“调解方案”" in missing
        assert "第 8 步" not in missing  # the signatures come after the documents
        wizard.go(5)
        choose(qtbot, wizard, "outcome", "adjourned")  # needs the record alone
        qtbot.waitUntil(lambda: state_next_date(wizard) is not None, timeout=WAIT)
        assert mark(wizard, 5) == "✓" and mark(wizard, 6) == "✓"
    finally:
        wizard.close()
        wizard.shared.service.close()


def test_a_finished_case_reopens_on_its_session_read_only_with_its_dates(
    qtbot, themed_app, data_dir
):
    from app.services.sessions.close import close_session
    from app.services.sessions.service import start_or_resume
    from app.services.startup import open_context

    clock = FixedClock(SESSION_START)
    with open_context(data_dir, actor="准备", clock=clock) as ctx:
        case_no = scheduled_case(ctx)
        agree(ctx, case_no, start_or_resume(ctx, case_no).session_id)
        clock.advance(hours=2)
        close_session(ctx, case_no, "agreed")
    wizard = make_wizard(qtbot, data_dir, case_no)  # opened a month later (the test's clock)
    try:
        state = wizard.shared.state
        assert state is not None and not state.is_open and state.status == "signed"
        assert wizard.current == 8 and wizard.banner.isHidden()
        heading = wizard.heading.text()
        assert "已签署" in heading and "开始于 2026-07-06 10:00" in heading
        assert "结束于 2026-07-06 12:00" in heading
        held_on = field(wizard, "held_on")
        assert held_on.date() == QDate(2026, 7, 6)  # not 2000-01-01
        assert field(wizard, "place").text() == PLACE
        assert all(not page.isEnabled() for page in wizard.pages[:8])
        page = wizard.finish_page
        assert page.finish_button.isHidden()
        summary = page.summary.text()
        assert "本次调解已于 2026-07-06 12:00 结束（开始于 2026-07-06 10:00）" in summary
        assert "案件状态：已签署" in summary
        qtbot.waitUntil(lambda: page.stored is not None and page.stored.table.rowCount() == 3,
                        timeout=WAIT)  # fmt: skip
        wizard.go(2)  # steps can be read
        assert field(wizard, "loan.principal").text()
        assert SESSION_START + timedelta(hours=2) == state.ended_at
    finally:
        wizard.close()
        wizard.shared.service.close()


# -- fields stay where they are as problems come and go -----------------------------------------


def where(widget: QWidget) -> QRect:
    """The widget's rectangle in its window's coordinates."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def test_error_lines_and_the_to_do_box_never_move_a_field(qtbot, themed_app, data_dir):
    from app.services.startup import open_context

    with open_context(data_dir, actor="准备") as ctx:
        case_no = scheduled_case(ctx)
    wizard = make_wizard(qtbot, data_dir, case_no)
    try:
        wizard.go(1)
        QApplication.processEvents()  # rows rebuilt at opening are gone
        debtor = next(p for p in wizard.shared.state.case.parties if p.role == "debtor")
        id_number = field(wizard, f"parties[{debtor.id}].id_number")
        below = field(wizard, f"parties[{debtor.id}].phone")
        before, box = where(below), wizard.missing.height()
        id_number.setText(debtor.id_number[:-1] + ("1" if debtor.id_number[-1] != "1" else "2"))
        with qtbot.waitSignal(wizard.saver.refused, timeout=WAIT):
            wizard.saver.flush()
        error = wizard.saver.binding(id_number.objectName()).error
        assert error.isVisible() and "校验码" in error.text()
        QApplication.processEvents()
        assert where(below) == before  # the error appeared under the ID: nothing moved
        id_number.setText(debtor.id_number)  # typed back as stored: the error goes
        wizard.saver.flush()
        QApplication.processEvents()
        assert not error.isVisible() and where(below) == before  # and went: still nothing
        wizard.go(0)  # several things missing, then fewer, then none
        place = field(wizard, "place")
        top = where(place)
        assert wizard.missing.text().count("•") >= 1 and wizard.missing.height() == box
        add_attendee(qtbot, wizard, "creditor_agent|")  # name, ID, authorisation … missing
        QApplication.processEvents()
        assert wizard.missing.text().count("•") >= 4
        assert where(place) == top and wizard.missing.height() == box
        wizard.go(2)
        assert wizard.missing.text() == "本步已完成。" and wizard.missing.height() == box
    finally:
        wizard.close()
        wizard.shared.service.close()


def test_the_to_do_box_shows_what_fits_and_counts_the_rest(qtbot, themed_app):
    from ui.views.session_wizard.todo_box import TodoBox

    box = TodoBox()
    qtbot.addWidget(box)
    box.resize(600, box.height())
    box.show()
    height = box.height()
    items = [f"第 {n} 位出席人员：请核对身份证件后勾选“已核对身份”。" for n in range(1, 9)]
    box.show_missing(items)
    assert box.height() == height
    assert box.text() == "\n".join(["还需要：", *(f"• {i}" for i in items)])
    shown = box.shown()
    assert shown.startswith("• 第 1 位") and "项（指向此处可看全部）" in shown
    count = int(shown.split("另有 ")[1].split(" 项")[0])
    assert shown.count("• ") + count == len(items)  # each item shown or counted
    assert box.toolTip() == box.text()
    box.show_missing(items[:1])
    assert box.shown() == f"• {items[0]}" and box.height() == height


def test_a_dialog_field_stays_put_when_the_one_above_gets_or_loses_its_error(qtbot, themed_app):
    from tests.gui.fakes import FakeCaseService
    from ui.tasks import InlineTaskRunner
    from ui.views.cases.new_case_dialog import NewCaseDialog

    dialog = NewCaseDialog(FakeCaseService(), InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    below = dialog.edit("debtor_name")
    before = where(below)
    long = "统一社会信用代码中不能有“O”（只用数字和大写字母，不用 I、O、Z、S、V），请核对。" * 2
    dialog.rows["creditor_credit_code"].set_error(long)
    QApplication.processEvents()
    assert where(below) == before
    error = dialog.rows["creditor_credit_code"].error
    assert error.text() == long and error.toolTip() == long  # cut on screen, whole on hover
    dialog.edit("creditor_credit_code").textEdited.emit("9")  # typing clears it
    QApplication.processEvents()
    assert not error.isVisible() and where(below) == before
