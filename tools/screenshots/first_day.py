"""Pictures of the first day's new fields (issue 13), for `docs/images/`.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.first_day [--lang en]

- `new-case-first-day.png`: 新建案件 with the mediator, the amount lent, the filing date and
  the lender's dated fees and costs;
- `debt-step-charges.png`: the wizard's debt step (the whole step) on that case once typed in:
  the filing date, four payments and the fees and costs table, one fee dated after the
  claim's as-of date and flagged at its row;
- `case-pane-first-day.png`: the main window on that case, its pane with 承办调解员 and
  更改状态…;
- `status-dialog.png`: 更改状态 on a demo case whose confirmation was applied for,
  已司法确认 chosen: the ruling's date and the court's ruling number asked for.

It makes a throw-away demo data folder (passphrase from the environment, as with no
keyring) on a fixed day, 6 July 2026, and grabs each picture offscreen with the bundled font.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from tools.screenshots.dialogs import PASSPHRASE, wait_until

AT = datetime(2026, 7, 6, 2, 0, tzinfo=UTC)  # 10:00 in China
CHARGES = (
    ("2023-10-15", "300.00", "late_fee"),
    ("2023-12-20", "500.00", "collection_fee"),
    ("2024-02-01", "2000.00", "lawyer_fee"),
    ("2024-04-20", "150.00", "late_fee"),  # after the claim's as-of date: flagged
)
PAYMENTS = (("2023-05-10", "2836.00"), ("2023-06-10", "2836.00"), ("2023-07-10", "2836.00"),
            ("2023-09-20", "1000.00"))  # fmt: skip
CLAIM = {"as_of": "2024-03-31", "principal": "21000.00", "interest": "3200.00",
         "penalty": "2600.00", "fees": "800.00", "costs": "2000.00"}  # fmt: skip


def grab(widget: QWidget, out: Path) -> None:
    widget.grab().save(str(out))
    print(out)


def prepare(folder: Path) -> tuple[Any, str]:
    """The demo cases and the first day's small-loan case, its session's debt step typed in."""
    from app.services.cases.assign import assign_mediator
    from app.services.cases.service import NewCase, create_case
    from app.services.demo.service import seed_demo
    from app.services.sessions import service as sessions
    from ui.services import ContextCaseService

    service = ContextCaseService(folder / "data", actor="演示", clock=lambda: AT)
    ctx = service.context()
    seed_demo(ctx)
    new = NewCase(
        creditor_name="滨江小额贷款有限公司", lender_type="small_loan", debtor_name="王建国",
        debtor_id_number="11010519491231002X", debtor_phone="13912345678", principal="30000",
        contract_date="2023-04-10", annual_rate="24%", creditor_credit_code="91350100M000100Y43",
        debtor_address="杭州市滨江区长河路1号", repayment_method="equal_installment",
        term_months="12", extra={"disbursed": "27000", "overdue_rate": "36%"},
        charges=CHARGES[:3], filing_date="2024-04-15",
    )  # fmt: skip
    case_no = str(create_case(ctx, new).case_no)
    assign_mediator(ctx, case_no, "刘涛")
    sid = sessions.start_or_resume(ctx, case_no).session_id
    sessions.save_field(ctx, sid, "loan.accelerated_on", "2024-01-10")
    for day, amount in PAYMENTS:
        sessions.add_payment(ctx, sid, day, amount, "银行转账")
    for part, value in CLAIM.items():
        sessions.save_field(ctx, sid, f"claim.{part}", value)
    sessions.add_charge(ctx, sid, *CHARGES[3])
    sessions.set_step(ctx, case_no, 2)
    return service, case_no


def shoot_debt_step(service: Any, case_no: str, out: Path) -> None:
    from ui.tasks import InlineTaskRunner
    from ui.views.session_wizard import SessionWizard

    wizard = SessionWizard(service, InlineTaskRunner(), case_no)
    wizard.show()
    wizard.open()
    wait_until(lambda: wizard.shared.state is not None and wizard.current == 2)
    page = wizard.pages[2]
    wizard.resize(1366, 768 + page.widget().sizeHint().height() - page.viewport().height())
    wait_until(lambda: True, rounds=10)
    page.widget().setFocus()
    grab(wizard, out / "debt-step-charges.png")
    wizard.close()


def shoot_case_pane(service: Any, case_no: str, out: Path) -> None:
    from ui.tasks import InlineTaskRunner
    from ui.views.main_window import MainWindow

    window = MainWindow(service, InlineTaskRunner(), service.data_dir)
    window.resize(1366, 768)
    window.show()
    window.refresh()
    wait_until(lambda: window.model.rowCount() > 0)
    window.select_case(case_no)
    wait_until(lambda: window.detail.mediator.count() > 1)
    window.table.setFocus()
    grab(window, out / "case-pane-first-day.png")
    applied = next(c.case_no for c in window.model._cases if c.status == "confirmation_applied")
    window.select_case(applied)
    wait_until(lambda: window.detail.detail() is not None
               and window.detail.detail().summary.case_no == applied)  # fmt: skip
    window.detail.open_status_dialog()
    wait_until(lambda: getattr(window.detail, "status_dialog", None) is not None)
    dialog = window.detail.status_dialog
    dialog.target.setCurrentIndex(dialog.target.findData("confirmed"))
    dialog.day.setDate(QDate(2026, 7, 3))
    dialog.ruling.setText("（2026）浙0108民特123号")
    wait_until(lambda: True, rounds=10)
    grab(dialog, out / "status-dialog.png")
    dialog.reject()
    window.close()


def shoot_new_case(service: Any, out: Path) -> None:
    from ui.tasks import InlineTaskRunner
    from ui.views.cases.new_case_dialog import NewCaseDialog

    dialog = NewCaseDialog(service, InlineTaskRunner())
    texts = {"creditor_name": "滨江小额贷款有限公司", "debtor_name": "王建国",
             "debtor_id_number": "11010519491231002X", "debtor_phone": "13912345678",
             "principal": "30000", "disbursed": "27000", "annual_rate": "24%"}  # fmt: skip
    for name, text in texts.items():
        dialog.edit(name).setText(text)
    if dialog.mediator.findData("王芳") < 0:
        dialog.mediator.addItem("王芳", "王芳")
    dialog.mediator.setCurrentIndex(dialog.mediator.findData("王芳"))
    dialog.lender_type.setCurrentIndex(dialog.lender_type.findData("small_loan"))
    dialog.repayment_method.setCurrentIndex(dialog.repayment_method.findData("equal_installment"))
    dialog.contract_date.set_value(date(2023, 4, 10))
    for day, amount, kind in CHARGES[:3]:
        dialog.charges.add_row(date.fromisoformat(day), amount, kind)
    dialog.resize(980, 720)
    dialog.show()
    wait_until(lambda: True, rounds=10)
    grab(dialog, out / "new-case-first-day.png")
    dialog.close()


def main(argv: list[str]) -> int:
    from ui.main import create_application, parse_options

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    known, rest = parser.parse_known_args(argv)
    os.environ["MEDIATION_DESK_PASSPHRASE"] = PASSPHRASE
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    create_application(parse_options(rest))
    known.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="md-first-day-") as tmp:
        service, case_no = prepare(Path(tmp))
        shoot_new_case(service, known.out)
        shoot_debt_step(service, case_no, known.out)
        shoot_case_pane(service, case_no, known.out)
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
