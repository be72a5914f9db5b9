"""The session wizard over a real demo store (inline runner, fixed clock): autosave, keys,
resuming, and two whole sessions driven through the widgets — one ends in a signed
agreement whose PDF carries the agreed amounts and dates, one in a termination record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWidget

from app.domain.numerals import format_amount, format_date_cn, rmb_upper
from app.domain.plan import PlanMethod
from tests.session_fixtures import (
    AGENT_ID,
    CREDITOR_ADDRESS,
    SESSION_START,
    copy_demo,
    make_demo,
    scheduled_case,
)
from tests.store_fixtures import FixedClock
from tests.unit.documents.pdf_checks import all_text
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.session_wizard import SessionWizard
from ui.views.session_wizard.autosave import DELAY_MS

WAIT = 10_000


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("wizard") / "data")


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    return copy_demo(demo_template, tmp_path / "data")


@pytest.fixture
def case_no(data_dir: Path) -> str:
    from app.services.context import open_context

    with open_context(data_dir, actor="准备") as ctx:
        return scheduled_case(ctx)


def make_wizard(qtbot, data_dir: Path, case_no: str) -> SessionWizard:
    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(SESSION_START))
    runner = InlineTaskRunner()
    wizard = SessionWizard(service, runner, case_no)
    runner.setParent(wizard)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.session_loaded, timeout=WAIT):
        wizard.open()
    return wizard


@pytest.fixture
def wizard(qtbot, themed_app, data_dir, case_no) -> Iterator[SessionWizard]:
    wiz = make_wizard(qtbot, data_dir, case_no)
    yield wiz
    wiz.shared.service.close()


def stored(data_dir: Path, case_no: str) -> Any:
    from app.services.context import open_context
    from app.services.sessions import service as sessions

    with open_context(data_dir, actor="检查", clock=FixedClock(SESSION_START)) as ctx:
        return sessions.start_or_resume(ctx, case_no)


# -- typing as a mediator does ---------------------------------------------------------------


def field(wizard: SessionWizard, path: str) -> Any:
    found = wizard.findChild(QWidget, path)
    assert found is not None, path
    return found


def type_into(qtbot, wizard: SessionWizard, path: str, text: str) -> None:
    """Type like a person (ASCII as keys, Chinese as input-method commits), then leave the
    field with Tab, which commits it at once."""
    widget = field(wizard, path)
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
    with qtbot.waitSignal(wizard.saver.committed, timeout=WAIT):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def tick(qtbot, wizard: SessionWizard, path: str) -> None:
    box = field(wizard, path)
    assert isinstance(box, QCheckBox)
    with qtbot.waitSignal(wizard.saver.committed, timeout=WAIT):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def choose(qtbot, wizard: SessionWizard, path: str, code: str) -> None:
    box = field(wizard, path)
    assert isinstance(box, QComboBox)
    with qtbot.waitSignal(wizard.saver.committed, timeout=WAIT):
        box.setCurrentIndex(box.findData(code))


def add_attendee(qtbot, wizard: SessionWizard, code_prefix: str) -> None:
    page = wizard.pages[0]
    index = next(
        i for i in range(page.add_choice.count())
        if str(page.add_choice.itemData(i)).startswith(code_prefix)
    )  # fmt: skip
    page.add_choice.setCurrentIndex(index)
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def check_in(qtbot, wizard: SessionWizard) -> None:
    type_into(qtbot, wizard, "place", "青山村村民委员会调解室")
    add_attendee(qtbot, wizard, "debtor|")
    tick(qtbot, wizard, "attendees[0].identity_checked")
    add_attendee(qtbot, wizard, "creditor_agent|")
    type_into(qtbot, wizard, "attendees[1].name", "周律师")
    type_into(qtbot, wizard, "attendees[1].id_number", AGENT_ID)
    type_into(qtbot, wizard, "attendees[1].authorisation", "授权委托书一份，特别授权")
    tick(qtbot, wizard, "attendees[1].identity_checked")
    assert wizard.missing.text() == "本步已完成。"


def fix_parties(qtbot, wizard: SessionWizard) -> None:
    state = wizard.shared.state
    for party in state.case.parties:
        if not party.address:
            type_into(qtbot, wizard, f"parties[{party.id}].address", CREDITOR_ADDRESS)


def save_recalculation(qtbot, wizard: SessionWizard) -> None:
    page = wizard.pages[3]
    qtbot.waitUntil(lambda: page.panel.result() is not None, timeout=WAIT)
    claim = wizard.shared.state.case.claim
    assert page.panel.as_of() == claim.as_of  # the claim's date, not today (issue 13, item 4)
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        qtbot.mouseClick(page.panel.save_button, Qt.MouseButton.LeftButton)
    assert wizard.shared.state.snapshot is not None
    assert page.lawful.text().endswith(" 元")


def record(qtbot, wizard: SessionWizard, outcome: str, notes: str = "") -> None:
    type_into(qtbot, wizard, "statements.creditor.claim", "请求偿还借款本息。")
    type_into(qtbot, wizard, "statements.debtor.ability", "收入不稳定，希望分期。")
    if notes:
        type_into(qtbot, wizard, "notes", notes)
    choose(qtbot, wizard, "outcome", outcome)


def finish(qtbot, wizard: SessionWizard) -> Any:
    page = wizard.finish_page
    page.confirm = lambda _question: True
    with qtbot.waitSignal(wizard.session_closed, timeout=WAIT) as closed:
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    return closed.args[0]


# -- autosave, keys, resuming -----------------------------------------------------------------


def test_a_field_is_committed_after_a_pause_without_any_save_button(qtbot, wizard, data_dir):
    place = field(wizard, "place")
    assert isinstance(place, QLineEdit)
    place.selectAll()  # the demo planned the session in a room: type over it
    qtbot.keyClicks(place, "Room 3")
    assert wizard.save_state.text() == "正在保存…"
    with qtbot.waitSignal(wizard.saver.committed, timeout=DELAY_MS + 1000) as saved:
        pass
    assert saved.args == ["place"]
    assert wizard.save_state.text().startswith("已自动保存")
    assert stored(data_dir, wizard.shared.case_no).place == "Room 3"


def test_a_refused_value_shows_its_reason_and_stays_as_typed(qtbot, wizard, data_dir):
    wizard.go(2)
    rate = field(wizard, "loan.annual_rate")
    rate.clear()
    with qtbot.waitSignal(wizard.saver.refused, timeout=WAIT) as refused:
        qtbot.keyClicks(rate, "18")
        wizard.saver.flush()
    assert refused.args[0] == "loan.annual_rate"
    assert rate.text() == "18" and rate.property("invalid") is True
    type_into(qtbot, wizard, "loan.annual_rate", "%")
    assert rate.property("invalid") is False
    assert "年利率 18%" in wizard.pages[2].rate_note.text()


def test_the_contracts_order_of_allocation_is_picked_and_typed_on_the_debt_step(
    qtbot, wizard, data_dir
):
    """Art. 561's order by default; picking the contract's order starts from it, the
    mediator types the contract's order, a wrong one is refused and stays as typed."""
    wizard.go(2)
    line = field(wizard, "loan.allocation")
    assert not line.isEnabled() and line.text() == ""
    choose(qtbot, wizard, "loan.allocation_agreed", "contract")
    assert line.isEnabled() and line.text() == "实现债权费用→利息→罚息→复利→费用→本金"
    loan = stored(data_dir, wizard.shared.case_no).case.loan
    assert loan.allocation == ("costs", "interest", "penalty", "compound", "fees", "principal")
    line.clear()
    type_into(qtbot, wizard, "loan.allocation", "费用→罚息→复利→利息→本金→实现债权费用")
    loan = stored(data_dir, wizard.shared.case_no).case.loan
    assert loan.allocation == ("fees", "penalty", "compound", "interest", "principal", "costs")
    line.clear()
    with qtbot.waitSignal(wizard.saver.refused, timeout=WAIT) as refused:
        qtbot.keyClicks(line, "fees, costs")
        wizard.saver.flush()
    assert refused.args[0] == "loan.allocation" and "全部六项" in refused.args[1]
    assert line.text() == "fees, costs" and line.property("invalid") is True
    loan = stored(data_dir, wizard.shared.case_no).case.loan
    assert loan.allocation == ("fees", "penalty", "compound", "interest", "principal", "costs")
    choose(qtbot, wizard, "loan.allocation_agreed", "")
    assert stored(data_dir, wizard.shared.case_no).case.loan.allocation is None
    assert not line.isEnabled()


def test_enter_moves_to_the_next_field_but_makes_a_new_line_in_notes(qtbot, wizard):
    place = field(wizard, "place")
    place.setFocus()
    qtbot.keyClick(place, Qt.Key.Key_Return)
    assert not place.hasFocus()
    wizard.go(5)
    notes = field(wizard, "notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "a")
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, "b")
    assert notes.toPlainText() == "a\nb" and notes.hasFocus()


def test_tab_goes_through_the_attendee_rows_before_the_add_button(qtbot, wizard):
    add_attendee(qtbot, wizard, "debtor|")
    add_attendee(qtbot, wizard, "creditor_agent|")
    order, widget = [], field(wizard, "place")
    for _ in range(16):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isEnabled():
            widget = widget.nextInFocusChain()
        order.append(widget.objectName())
    assert order[:6] == [
        "attendees[0].name",
        "attendees[0].capacity",
        "attendees[0].id_type",
        "attendees[0].id_number",
        "attendees[0].identity_checked",
        "removeAttendee0",
    ]  # the authorisation is for agents only
    assert order[6] == "attendees[1].name"
    assert order.index("addAttendeeChoice") > order.index("attendees[1].authorisation")


def test_the_main_window_opens_the_wizard_on_the_chosen_case(qtbot, themed_app, data_dir, case_no):
    from ui.views.main_window import MainWindow

    service = ContextCaseService(data_dir, actor="测试调解员", clock=FixedClock(SESSION_START))
    runner = InlineTaskRunner()
    window = MainWindow(service, runner, data_dir)
    runner.setParent(window)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        window.refresh()
    window.select_case(case_no)
    wizard = window.open_session()
    assert isinstance(wizard, SessionWizard)
    qtbot.waitUntil(lambda: wizard.shared.state is not None, timeout=WAIT)
    assert wizard.shared.state.status == "in_session" and wizard.isVisible()
    assert window.open_session(case_no) is wizard  # one window per case
    qtbot.waitUntil(
        lambda: window.model.case_at(window.model.row_of(case_no)).status == "in_session",
        timeout=WAIT,
    )
    wizard.close()
    service.close()


def test_steps_move_by_keyboard_and_the_case_remembers_the_step(qtbot, wizard, data_dir):
    qtbot.keyClick(wizard, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert wizard.current == 1
    qtbot.keyClick(wizard, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert wizard.current == 5 and wizard.step_title.text().startswith("6. 调解笔录")
    wizard.close()
    again = make_wizard(qtbot, data_dir, wizard.shared.case_no)
    assert again.current == 5 and again.shared.state.resumed


def test_the_court_shows_on_the_parties_step_and_a_correction_is_kept(qtbot, wizard, data_dir):
    wizard.go(1)
    court = field(wizard, "case.court")
    assert court.text().endswith("人民法院")  # the demo's entrusting court
    court.clear()
    type_into(qtbot, wizard, "case.court", "滨江市中级人民法院")
    assert stored(data_dir, wizard.shared.case_no).case.summary.court == "滨江市中级人民法院"


def test_closing_the_window_commits_what_was_still_waiting(qtbot, wizard, data_dir):
    field(wizard, "place").selectAll()
    qtbot.keyClicks(field(wizard, "place"), "Hall B")
    wizard.close()  # before the pause is over
    assert stored(data_dir, wizard.shared.case_no).place == "Hall B"


def test_every_step_fits_a_1366_by_768_screen_without_sideways_scrolling(qtbot, wizard):
    assert (wizard.width(), wizard.height()) == (1366, 768)
    for step, page in enumerate(wizard.pages):
        wizard.go(step)
        QApplication.processEvents()
        assert not page.horizontalScrollBar().isVisible(), step


# -- two whole sessions --------------------------------------------------------------------------


def test_a_whole_session_ends_in_a_signed_agreement_with_its_pdf(qtbot, wizard, data_dir, tmp_path):
    from app.services.cases.service import get_case
    from app.services.context import open_context
    from app.services.settlement.service import get_settlement

    check_in(qtbot, wizard)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    fix_parties(qtbot, wizard)
    assert wizard.missing.text() == "本步已完成。"
    wizard.next()
    wizard.next()
    save_recalculation(qtbot, wizard)
    wizard.next()
    settle(qtbot, wizard)
    wizard.next()
    record(qtbot, wizard, "agreed")
    wizard.next()
    render_documents(qtbot, wizard, ["agreement", "plan", "record"])
    wizard.next()
    sign_everyone(qtbot, wizard)
    wizard.next()
    closed = finish(qtbot, wizard)
    assert closed.result.status == "signed"
    saved = wizard.finish_page.save_all_to(tmp_path / "out")
    agreement = next(p for p in saved if "-XY-" in p.name)
    assert agreement.exists() and agreement.read_bytes().startswith(b"%PDF")
    text = all_text(agreement.read_bytes())
    with open_context(data_dir, actor="检查") as ctx:
        assert get_case(ctx, wizard.shared.case_no).summary.status == "signed"
        info = get_settlement(ctx, wizard.shared.case_no)
    total = info.proposal.settled_total
    assert total == wizard.shared.state.settlement.settled_total
    assert format_amount(total) in text and rmb_upper(total) in text
    rows = info.plan.installments
    assert [r.due for r in rows] == [date(2026, m, 15) for m in range(8, 13)] + [date(2027, 1, 15)]
    for row in rows:
        assert format_date_cn(row.due) in text and format_amount(row.amount) in text
    assert not wizard.pages[0].isEnabled()
    pages = len(PdfReader(agreement).pages)
    print_the_stored_agreement(qtbot, wizard, tmp_path / "printed.pdf", pages)


def print_the_stored_agreement(qtbot, wizard: SessionWizard, out: Path, pages: int) -> None:
    """The stored versions are listed; printing one (to a PDF file) is recorded."""
    from PySide6.QtPrintSupport import QPrinter

    panel = wizard.finish_page.stored
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=WAIT)
    panel.table.selectRow(
        next(r for r in range(3) if panel.table.item(r, 0).text() == "人民调解协议书")
    )
    qtbot.waitUntil(lambda: bool(panel._preview and panel._preview.images), timeout=WAIT)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(panel.printed, timeout=WAIT) as printed:
        assert panel.print_to(printer) == pages
    assert out.exists() and printed.args[0].status == "signed"  # signed stays signed
    assert printed.args[0].printed == 1  # and the print is on record


def settle(qtbot, wizard: SessionWizard) -> None:
    """Waive the charges, pay in 6 monthly instalments from 15 August, 15 days' grace."""
    page = wizard.pages[4].page
    qtbot.waitUntil(lambda: page.case_no() == wizard.shared.case_no and page.proposal() is not None,
                    timeout=WAIT)  # fmt: skip
    for lever in ("waive_penalty", "waive_compound", "waive_fees"):
        page.levers.percent[lever].setValue(100)
    qtbot.mouseClick(page.plan.method_buttons[PlanMethod.EQUAL], Qt.MouseButton.LeftButton)
    page.plan.first_due.setDate(QDate(2026, 8, 15))
    page.plan.count.setValue(6)
    page.terms.acceleration.setValue(15)
    page.terms.revives.setChecked(True)
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert wizard.shared.state.settlement is not None
    assert wizard.missing.text() == "本步已完成。"


def render_documents(qtbot, wizard: SessionWizard, kinds: list[str]) -> None:
    page = wizard.pages[6]
    qtbot.mouseClick(page.render_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.list.documents) == len(kinds), timeout=WAIT)
    assert [d.kind for d in page.list.documents] == kinds
    assert not page.progress.isVisible()
    qtbot.waitUntil(lambda: page.shown_pages > 0, timeout=WAIT)  # the first one's pages


def sign_everyone(qtbot, wizard: SessionWizard) -> None:
    """The agreement is made final on entering the step; each signer signs on the pad."""
    page = wizard.pages[7]
    qtbot.waitUntil(lambda: page.progress is not None, timeout=WAIT)
    assert page.progress.document.status == "final"
    required = page.progress.required
    assert required[-1].role == "mediator" and page.signers.count() == len(required)
    for row, signer in enumerate(required):
        assert page.signers.currentRow() == row
        if signer.role == "creditor":
            assert page.name.text() == "周律师"  # the company signs through its agent
        pad = page.pad
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
        for x in range(50, 200, 15):
            qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40)))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(200, 80))
        before = page.progress
        qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda b=before: page.progress is not b, timeout=WAIT)
    assert page.progress.complete and page.progress.document.status == "signed"
    assert "已签名：" in page.signers.item(0).text()
    qtbot.waitUntil(lambda: wizard.missing.text() == "本步已完成。", timeout=WAIT)


def test_a_session_without_agreement_ends_with_the_termination_record(qtbot, wizard, data_dir):
    from app.services.cases.service import get_case
    from app.services.context import open_context

    check_in(qtbot, wizard)
    wizard.go(1)
    fix_parties(qtbot, wizard)
    wizard.go(3)
    save_recalculation(qtbot, wizard)
    wizard.go(5)
    reason = "债务人否认借款事实，双方分歧较大，无法达成协议。"
    record(qtbot, wizard, "not_agreed", notes=reason)
    wizard.go(8)
    assert "调解中 → 调解终结" in wizard.finish_page.summary.text()
    closed = finish(qtbot, wizard)
    assert closed.result.status == "terminated"
    kinds = [d.kind for d in wizard.finish_page.documents]
    assert kinds == ["termination", "record"]
    termination = all_text(wizard.finish_page.documents[0].pdf)
    assert "调解终结书" in termination.replace(" ", "") and "债务人否认借款事实" in termination
    with open_context(data_dir, actor="检查") as ctx:
        assert get_case(ctx, wizard.shared.case_no).summary.status == "terminated"


def test_rendering_too_early_lists_what_is_missing_and_the_button_comes_back(qtbot, wizard):
    wizard.go(5)
    record(qtbot, wizard, "agreed")  # agreed, but nothing recalculated or settled yet
    wizard.go(6)
    page = wizard.pages[6]
    assert page.render_button.isEnabled()
    qtbot.mouseClick(page.render_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.problems.isVisible(), timeout=WAIT)
    text = page.problems.text()
    assert text.startswith("还不能生成：\n") and "调解方案：尚未保存" in text
    assert page.render_button.isEnabled() and not page.progress.isVisible()
