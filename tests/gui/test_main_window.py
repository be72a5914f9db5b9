"""The main window over fake services: list, filter, detail pane, New case dialog."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from app.domain.errors import DomainError
from ui.models.case_table import Column
from ui.views.cases.new_case_dialog import NewCaseDialog


def type_chinese(edit: QLineEdit, text: str) -> None:
    """Deliver Chinese as an input method does (keyClicks cannot type it)."""
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def listed(win) -> list[str]:
    proxy = win.proxy
    return [proxy.index(r, Column.DEBTOR).data() for r in range(proxy.rowCount())]


def test_list_shows_every_case_and_the_count(window):
    assert sorted(listed(window)) == sorted(["张三", "李四", "欧阳娜娜"])
    assert window.count_label.text() == "共 3 件案件"
    assert window.windowTitle() == "调解工作台"
    assert window.detail.text().startswith("在上方列表中选择一个案件")


def test_filter_box_finds_by_name_typed_with_an_input_method(window, qtbot):
    type_chinese(window.filter_edit, "欧阳")
    qtbot.waitUntil(lambda: listed(window) == ["欧阳娜娜"])
    assert window.filter_edit.text() == "欧阳"
    assert window.shown_label.text() == "显示 1 / 3 件"


def test_filter_box_finds_by_case_number_id_and_phone(window, qtbot):
    qtbot.keyClicks(window.filter_edit, "tj-2026-000002")
    assert listed(window) == ["李四"]
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "199003071234")  # hidden behind the mask on screen
    assert listed(window) == ["张三"]
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "13900001111")
    assert listed(window) == ["欧阳娜娜"]
    window.filter_edit.clear()
    assert len(listed(window)) == 3
    assert window.shown_label.text() == ""


def test_choosing_a_case_shows_parties_loan_claim_and_payments(window, qtbot):
    with qtbot.waitSignal(window.case_shown, timeout=3000) as shown:
        assert window.select_case("TJ-2026-000001")
    assert shown.args == ["TJ-2026-000001"]
    text = window.detail.text()
    for expected in (
        "TJ-2026-000001",
        "待受理",
        "债权人 · 招商银行股份有限公司武汉分行（单位）",
        "债务人 · 张三（自然人）",
        "4201**********1234",  # a person's numbers masked in the pane
        "138****5678",
        "100,000.00",  # principal with thousands separators
        "18%",  # annual rate as a percentage
        "27%",
        "2021年3月15日",
        "到期一次性还本付息",
        "1,500.00",  # interest of the claim
        "102,000.00",  # claim total: 100,000 + 1,500 + 500
        "5,000.00",
        "已还合计（1 笔）",
    ):
        assert expected in text, expected
    assert "420102199003071234" not in text and "13812345678" not in text
    assert "91420100MA4K0XXX1X" in text  # an organisation's credit code is public


def test_detail_follows_the_selection(window, qtbot):
    with qtbot.waitSignal(window.case_shown, timeout=3000):
        window.select_case("TJ-2026-000002")
    assert "李四" in window.detail.text()
    assert "已违约" in window.detail.text()
    assert "民间借贷" in window.detail.text()
    with qtbot.waitSignal(window.case_shown, timeout=3000):
        window.select_case("TJ-2026-000003")
    assert "欧阳娜娜" in window.detail.text()
    assert "李四" not in window.detail.text()


def open_dialog(window, qtbot) -> NewCaseDialog:
    window.new_action.trigger()
    dialog = window.findChild(NewCaseDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill(dialog: NewCaseDialog, qtbot, id_number: str) -> None:
    dialog.edit("creditor_name").setText("湖北消费金融股份有限公司")
    dialog.lender_type.setCurrentIndex(dialog.lender_type.findData("consumer_finance"))
    dialog.edit("debtor_name").setText("周芷若")
    qtbot.keyClicks(dialog.edit("debtor_id_number"), id_number)
    qtbot.keyClicks(dialog.edit("debtor_phone"), "13612345678")
    qtbot.keyClicks(dialog.edit("principal"), "50,000.00")
    dialog.contract_date.setDate(QDate(2023, 5, 8))
    qtbot.keyClicks(dialog.edit("annual_rate"), "18%")


def test_new_case_through_the_dialog_appears_in_the_list(window, qtbot, fake_service):
    dialog = open_dialog(window, qtbot)
    fill(dialog, qtbot, "11010519491231002X")
    with qtbot.waitSignal(window.case_shown, timeout=3000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    new = fake_service.created[-1]
    assert (new.debtor_name, new.lender_type, new.principal) == (
        "周芷若",
        "consumer_finance",
        "50,000.00",
    )
    assert (new.contract_date, new.annual_rate, new.repayment_method) == (
        "2023-05-08",
        "18%",
        "bullet",
    )
    qtbot.waitUntil(lambda: window.findChild(NewCaseDialog) is None)  # closed and deleted
    assert "周芷若" in listed(window)
    assert window.count_label.text() == "共 4 件案件"
    assert window.current_case_no() == "TJ-2026-000004"
    assert "湖北消费金融股份有限公司" in window.detail.text()
    assert "50,000.00" in window.detail.text()


def test_bad_id_number_is_shown_by_its_field_and_nothing_typed_is_lost(window, qtbot, fake_service):
    dialog = open_dialog(window, qtbot)
    fill(dialog, qtbot, "110105194912310021")  # wrong check character
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors() != {} and dialog.buttons.isEnabled())
    assert dialog.errors() == {"debtor_id_number": "身份证号校验位不对，请核对第 18 位。"}
    assert dialog.isVisible()
    assert dialog.rows["debtor_id_number"].editor.property("invalid") is True
    assert dialog.edit("debtor_id_number").text() == "110105194912310021"
    assert dialog.edit("debtor_name").text() == "周芷若"
    assert dialog.edit("principal").text() == "50,000.00"
    assert dialog.contract_date.date() == QDate(2023, 5, 8)
    assert fake_service.created == []
    # Fixing the field clears its message; OK then creates the case.
    dialog.edit("debtor_id_number").clear()
    qtbot.keyClicks(dialog.edit("debtor_id_number"), "11010519491231002X")
    assert dialog.errors() == {}
    with qtbot.waitSignal(dialog.case_created, timeout=3000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(fake_service.created) == 1


def test_instalment_loans_ask_for_a_term_instead_of_a_maturity(window, qtbot, fake_service):
    dialog = open_dialog(window, qtbot)
    assert dialog.rows["maturity"].isVisibleTo(dialog)
    assert not dialog.rows["term_months"].isVisibleTo(dialog)
    method = dialog.repayment_method
    method.setCurrentIndex(method.findData("equal_installment"))
    assert not dialog.rows["maturity"].isVisibleTo(dialog)
    assert dialog.rows["term_months"].isVisibleTo(dialog)
    dialog.term_months.setValue(24)
    new = dialog.collect()
    assert (new.repayment_method, new.term_months, new.maturity) == ("equal_installment", "24", "")


def test_a_store_problem_is_shown_calmly_in_the_window(window, qtbot, fake_service, monkeypatch):
    def locked(query: str = "") -> list:
        raise DomainError("案件库正被另一个程序使用，请关闭它后点“刷新”。")

    monkeypatch.setattr(fake_service, "list_cases", locked)
    window.refresh()
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert "请关闭它后点“刷新”" in window.banner.text()
    assert window.count_label.text() == "未能读取案件"
    assert window.refresh_action.isEnabled()
    monkeypatch.undo()
    with qtbot.waitSignal(window.cases_loaded, timeout=3000):
        window.refresh()
    assert not window.banner.isVisible()


def test_a_new_case_shows_even_when_the_filter_would_hide_it(window, qtbot):
    window.filter_edit.setText("李四")
    dialog = open_dialog(window, qtbot)
    fill(dialog, qtbot, "11010519491231002X")
    with qtbot.waitSignal(window.case_shown, timeout=3000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.filter_edit.text() == ""
    assert window.current_case_no() == "TJ-2026-000004"


def test_refresh_leaves_the_filter_alone(window, qtbot):
    window.filter_edit.setText("李四")
    with qtbot.waitSignal(window.cases_loaded, timeout=3000):
        window.refresh_action.trigger()
    assert window.filter_edit.text() == "李四"
    assert listed(window) == ["李四"]
