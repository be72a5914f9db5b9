"""Screenshots of the first day's new fields: 新建案件 with the mediator, the amount lent, the
filing date and the lender's dated fees (`python -m tools.screenshots.first_day`)."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parents[2] / "docs" / "images"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from ui import theme
    from ui.tasks import InlineTaskRunner
    from ui.views.cases.new_case_dialog import NewCaseDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.load_ui_font(app)
    theme.apply_theme(app)
    dialog = NewCaseDialog(object(), InlineTaskRunner())  # type: ignore[arg-type]
    texts = {"creditor_name": "滨江小额贷款有限公司", "debtor_name": "王建国",
             "debtor_id_number": "11010519491231002X", "debtor_phone": "13912345678",
             "principal": "30000", "disbursed": "27000", "annual_rate": "24%"}  # fmt: skip
    for name, text in texts.items():
        dialog.edit(name).setText(text)
    dialog.mediator.addItem("王芳", "王芳")
    dialog.mediator.setCurrentIndex(1)
    dialog.lender_type.setCurrentIndex(dialog.lender_type.findData("small_loan"))
    dialog.repayment_method.setCurrentIndex(dialog.repayment_method.findData("equal_installment"))
    dialog.contract_date.set_value(date(2023, 4, 10))
    for day, amount, kind in (
        (date(2023, 10, 15), "300.00", "late_fee"),
        (date(2023, 12, 20), "500.00", "collection_fee"),
        (date(2024, 2, 1), "2000.00", "lawyer_fee"),
    ):
        dialog.charges.add_row(day, amount, kind)
    dialog.resize(980, 720)
    dialog.show()
    app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT / "new-case-first-day.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
