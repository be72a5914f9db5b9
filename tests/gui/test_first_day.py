"""Issue 13, "Done when": a mediator's whole first day in the GUI alone, from an empty store.

A supervisor account exists (and the organisation's profile, as Settings keeps it); the
mediator signs in, types the small-loan case of the issue into 新建案件 (30,000 lent as
27,000 with 3,000 deducted up front, equal instalments, a late fee, a collection fee and a
lawyer's fee), assigns it in the case pane, enters the acceleration, four payments and the
lender's claim in the debt step, recalculates at the claim's date (the figure the GUI shows
is the one `python -m app recalc` gives on the same facts, run here), settles (a down payment
and ten instalments, how to pay, other terms), renders, signs on the pad, finishes and prints
the agreement to a PDF file through QPrinter; every agreed term is in the printed document.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from app.domain.numerals import format_amount, format_date_cn
from app.domain.plan import PlanMethod
from tests import first_day
from tests.gui.lock_fixtures import MED_PW, add_accounts, make_empty_store
from tests.gui.test_session_wizard import (
    WAIT,
    check_in,
    field,
    fix_parties,
    record,
    render_documents,
    sign_everyone,
    type_into,
)
from tests.store_fixtures import FixedClock
from tests.unit.documents.pdf_checks import all_text

METHOD = "转入债权人账户：滨江小额贷款有限公司，中国银行滨江支行，账号6216600000001234"
CLAUSES = ("债务人提前还清的，债权人不再收取其他费用", "双方确认本协议履行完毕后再无其他纠纷")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    from app.services.context import open_context
    from app.services.organisation.accounts import key_holder
    from app.services.organisation.service import (
        MediatorInfo,
        OrganisationProfile,
        save_profile,
    )

    folder = make_empty_store(tmp_path)
    add_accounts(folder)
    with open_context(folder, actor="准备") as ctx:
        profile = OrganisationProfile(
            name="滨江区金融纠纷人民调解委员会", address="杭州市滨江区江南大道100号",
            phone="0571-88886666", mediators=[MediatorInfo("刘涛")],
        )  # fmt: skip
        save_profile(ctx, profile, by=key_holder(ctx))
    return folder


def set_text(edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def create_the_case(qtbot, window) -> str:
    dialog = window.open_new_case()
    qtbot.waitUntil(lambda: dialog.mediator.count() > 1, timeout=WAIT)
    assert dialog.mediator.currentText() == "王芳"  # who signed in
    texts = {"creditor_name": first_day.CREDITOR, "creditor_credit_code": first_day.GOOD_USCC,
             "debtor_name": first_day.DEBTOR, "debtor_id_number": first_day.GOOD_ID,
             "debtor_phone": first_day.GOOD_MOBILE, "debtor_address": "杭州市滨江区长河路1号",
             "principal": "30000", "disbursed": "27000", "annual_rate": "24%"}  # fmt: skip
    for name, text in texts.items():
        set_text(dialog.edit(name), text)
    dialog.lender_type.setCurrentIndex(dialog.lender_type.findData("small_loan"))
    dialog.contract_date.setDate(QDate(2023, 4, 10))
    dialog.repayment_method.setCurrentIndex(dialog.repayment_method.findData("equal_installment"))
    dialog.term_months.setValue(12)
    for day, amount, kind in first_day.CHARGES:
        dialog.charges.add_row(None, amount, kind)
        dialog.charges.rows[-1][0].setDate(QDate.fromString(day, "yyyy-MM-dd"))
    with qtbot.waitSignal(dialog.case_created, timeout=WAIT) as created:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    summary = created.args[0]
    assert summary.mediator_name == "王芳"
    return str(summary.case_no)


def assign_in_the_case_pane(qtbot, window, case_no: str) -> None:
    def shown() -> bool:
        detail = window.detail.detail()
        return detail is not None and detail.summary.case_no == case_no

    qtbot.waitUntil(shown, timeout=WAIT)
    combo = window.detail.mediator
    qtbot.waitUntil(lambda: combo.findData("刘涛") >= 0, timeout=WAIT)
    with qtbot.waitSignal(window.detail.case_changed, timeout=WAIT):
        combo.setCurrentIndex(combo.findData("刘涛"))
        combo.activated.emit(combo.findData("刘涛"))
    qtbot.waitUntil(lambda: window.detail.detail().summary.mediator_name == "刘涛", timeout=WAIT)


def enter_the_debt(qtbot, wizard) -> None:
    wizard.go(2)
    page = wizard.pages[2]
    type_into(qtbot, wizard, "loan.overdue_rate", "36%")
    accelerated = field(wizard, "loan.accelerated_on")
    with qtbot.waitSignal(wizard.saver.committed, timeout=WAIT):
        accelerated.setDate(QDate(2024, 1, 10))
    for day, amount in first_day.PAYMENTS:
        page.new_date.setDate(QDate.fromString(day, "yyyy-MM-dd"))
        set_text(page.new_amount, amount)
        with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
            qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    as_of = field(wizard, "claim.as_of")
    with qtbot.waitSignal(wizard.saver.committed, timeout=WAIT):
        as_of.setDate(QDate.fromString(first_day.AS_OF, "yyyy-MM-dd"))
    for part, amount in first_day.CLAIM.items():
        field(wizard, f"claim.{part}").clear()
        type_into(qtbot, wizard, f"claim.{part}", amount)
    assert len(wizard.shared.state.payments) == 4
    assert len(wizard.shared.state.case.fees) == 2 and len(wizard.shared.state.case.costs) == 1
    assert wizard.missing.text() == "本步已完成。"


def recalculate(qtbot, wizard, tmp_path: Path) -> str:
    wizard.go(3)
    panel = wizard.pages[3].panel
    qtbot.waitUntil(lambda: panel.result() is not None, timeout=WAIT)
    assert panel.as_of().isoformat() == first_day.AS_OF  # the claim's date
    cli = first_day.cli_recalc(tmp_path)["views"]["lawful"]["total"]
    assert panel.lawful_total_text() == f"{Decimal(cli):,.2f}"
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert wizard.shared.state.snapshot.lawful_total == Decimal(cli)
    assert f"计算日 {first_day.AS_OF}" in wizard.pages[3].captions["lawfulFigure"].text()
    return cli


def settle(qtbot, wizard) -> None:
    wizard.go(4)
    page = wizard.pages[4].page
    qtbot.waitUntil(lambda: page.proposal() is not None, timeout=WAIT)
    for lever in ("waive_penalty", "waive_fees"):
        page.levers.percent[lever].setValue(100)
    qtbot.mouseClick(page.plan.method_buttons[PlanMethod.EQUAL], Qt.MouseButton.LeftButton)
    page.plan.has_down.setChecked(True)
    set_text(page.plan.down_amount, "3000")
    page.plan.down_due.setDate(QDate(2026, 7, 10))
    page.plan.first_due.setDate(QDate(2026, 8, 10))
    page.plan.count.setValue(10)
    page.terms.acceleration.setValue(15)
    page.terms.revives.setChecked(True)
    page.clauses.payment_method.setText(METHOD)
    page.clauses.payment_method.textEdited.emit(METHOD)
    page.clauses.extra_terms.setPlainText("\n".join(CLAUSES))
    with qtbot.waitSignal(wizard.shared.state_changed, timeout=WAIT):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert wizard.shared.state.settlement is not None, page.banner.text()


def print_agreement(qtbot, wizard, out: Path) -> bytes:
    from PySide6.QtPrintSupport import QPrinter

    panel = wizard.finish_page.stored
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 3, timeout=WAIT)
    row = next(r for r in range(panel.table.rowCount())
               if panel.table.item(r, 0).text() == "人民调解协议书")  # fmt: skip
    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: bool(panel._preview and panel._preview.images), timeout=WAIT)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(panel.printed, timeout=WAIT):
        pages = panel.print_to(printer)
    from pypdf import PdfReader

    assert out.exists() and len(PdfReader(out).pages) == pages
    return bytes(panel._preview.pdf)


def test_the_first_day_in_the_gui_alone(qtbot, themed_app, data_dir, tmp_path):
    from app.services.context import open_context
    from app.services.organisation import accounts
    from ui.services import ContextCaseService
    from ui.tasks import InlineTaskRunner
    from ui.views.main_window import MainWindow

    service = ContextCaseService(data_dir, actor="gui", clock=FixedClock(first_day.NOW))
    with open_context(data_dir, actor="登录") as ctx:
        user = accounts.sign_in(ctx, "wangfang", MED_PW)
    runner = InlineTaskRunner()
    window = MainWindow(service, runner, data_dir)
    runner.setParent(window)
    qtbot.addWidget(window)
    window.set_user(user)
    window.show()
    with qtbot.waitSignal(window.cases_loaded, timeout=WAIT):
        window.refresh()
    case_no = create_the_case(qtbot, window)
    assign_in_the_case_pane(qtbot, window, case_no)
    wizard = window.open_session(case_no)
    qtbot.waitUntil(lambda: wizard.shared.state is not None, timeout=WAIT)
    check_in(qtbot, wizard)
    wizard.go(1)
    fix_parties(qtbot, wizard)
    creditor = next(p for p in wizard.shared.state.case.parties if p.role == "creditor")
    type_into(qtbot, wizard, f"parties[{creditor.id}].legal_representative", "陈总")
    enter_the_debt(qtbot, wizard)
    lawful = recalculate(qtbot, wizard, tmp_path)
    settle(qtbot, wizard)
    wizard.go(5)
    record(qtbot, wizard, "agreed")
    wizard.go(6)
    render_documents(qtbot, wizard, ["agreement", "plan", "record"])
    wizard.go(7)
    sign_everyone(qtbot, wizard)
    wizard.go(8)
    page = wizard.finish_page
    page.confirm = lambda _question: True
    with qtbot.waitSignal(wizard.session_closed, timeout=WAIT):
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    printed = all_text(print_agreement(qtbot, wizard, tmp_path / "printed.pdf"))
    info = wizard.shared.state.settlement
    rows = info.terms["installments"]
    assert "首付3,000.00元" in printed and "余款" in printed and "分10期" in printed
    for row in rows:
        assert format_date_cn(QDate.fromString(row["due"], "yyyy-MM-dd").toPython()) in printed
        assert format_amount(Decimal(row["amount"])) in printed
    assert "（四）履行方式：" + METHOD in printed
    for clause in CLAUSES:
        assert clause in printed
    assert "债权人委托代理人：周律师" in printed
    assert "预先扣除的利息不计入本金（《中华人民共和国民法典》第六百七十条）" in printed
    assert "2024年1月10日宣布提前到期" in printed
    assert f"依法尚欠债权人款项合计{format_amount(Decimal(lawful))}元" in printed
    assert "调解员：刘涛" in printed and "年月日" not in printed  # signed, dated
    wizard.close()
    service.close()
