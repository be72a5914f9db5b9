"""Step 3, debt: the loan's terms, the creditor's claim as a breakdown, payments made.

Rates are typed as the contract writes them (年利率18%、月息1分5、日万5); the line under
the field says what the service read (年利率 18%（月利率 1.5%，日利率 0.05%）). The order
of allocation is art. 561's unless the mediator picks the contract's order: it then starts
as art. 561's, for the mediator to edit as the contract writes it (费用→罚息→…).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import fmt
from app.domain.rates import describe_rate
from ui import formatting, labels
from ui.ops import sessions
from ui.refusal import Refusal
from ui.views.session_wizard.fields import (
    FieldGrid,
    chain,
    clear_layout,
    date_edit,
    error_label,
    fill,
    qdate,
)
from ui.views.session_wizard.shared import Shared, StepPage

if TYPE_CHECKING:
    from app.services.cases.service import ChargeInfo, ClaimInfo, LoanInfo
    from app.services.sessions.service import SessionState

CLAIM_PARTS = ("principal", "interest", "penalty", "compound", "fees", "costs")


def money_text(amount: Any) -> str:
    return "" if amount is None else fmt(amount)


class DebtPage(StepPage):
    key = "debt"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self._build_loan(), 3)
        top.addWidget(self._build_claim(), 2)
        self.column.addLayout(top)
        self.column.addWidget(self._build_payments())
        self.column.addWidget(self._build_charges())
        self.column.addStretch(1)
        self._payment_ids: list[int] = []
        self._charge_ids: list[int] = []

    def title(self) -> str:
        return self.tr("债权债务：借款合同、债权人主张和已还款")

    def _build_loan(self) -> QGroupBox:
        box = QGroupBox(self.tr("借款合同"))
        form = FieldGrid(self.saver, columns=2)
        form.choice("loan.lender_type", self.tr("出借人类型"), labels.lender_types())
        form.line("loan.contract_no", self.tr("合同编号"))
        form.date("loan.contract_date", self.tr("合同日期"))
        form.date("loan.disbursement_date", self.tr("放款日期"))
        form.line("loan.principal", self.tr("借款本金（元）"))
        form.line("loan.disbursed", self.tr("实际放款（元）"))
        self.rate = form.line("loan.annual_rate", self.tr("约定利率"), placeholder="月息1分5")
        self.overdue = form.line("loan.overdue_rate", self.tr("逾期利率"), placeholder="日万5")
        methods = {k: v for k, v in labels.repayment_methods().items() if k != "explicit"}
        self.method = form.choice("loan.repayment_method", self.tr("还款方式"), methods)
        form.line("loan.term_months", self.tr("期数（月）"))
        not_set = self.tr("（未填）")
        form.date("loan.maturity", self.tr("到期日"), optional=True, not_set=not_set)
        form.date("loan.accelerated_on", self.tr("宣布提前到期"), optional=True, not_set=not_set)
        form.check("loan.compound", self.tr("复利"), self.tr("合同约定计收复利"))
        form.choice("loan.day_basis", self.tr("计息基准"), {"360": "360 天/年", "365": "365 天/年"})
        orders = {
            "": self.tr("法定顺序（民法典第五百六十一条）"),
            "contract": self.tr("合同约定的顺序"),
        }
        self.allocation_agreed = form.choice("loan.allocation_agreed", self.tr("还款冲抵"), orders)
        example = "费用→罚息→复利→利息→本金→实现债权费用"
        self.allocation = form.line("loan.allocation", self.tr("约定顺序"), placeholder=example)
        self.allocation.setToolTip(
            self.tr("按合同写明的顺序列出全部六项，各一次：实现债权费用、利息、罚息、复利、费用、本金")
        )
        self._allocation_shown: tuple[str, ...] | None = None
        filing = form.date(
            "loan.filing_date", self.tr("起诉（申请）日期"), optional=True,
            not_set=self.tr("（同计算日）"),
        )  # fmt: skip
        filing.setToolTip(self.tr("决定民间借贷过渡期的利率上限；未起诉的不填"))
        form.stretch()
        self.loan_form = form
        self.rate_note = QLabel()
        self.rate_note.setObjectName("formNote")
        self.rate_note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(form)
        layout.addWidget(self.rate_note)
        return box

    def _build_claim(self) -> QGroupBox:
        box = QGroupBox(self.tr("债权人主张"))
        form = FieldGrid(self.saver, columns=1)
        form.date("claim.as_of", self.tr("截至日期"), optional=True, not_set=self.tr("（未填）"))
        for part, text in zip(CLAIM_PARTS, self._part_labels(), strict=True):
            form.line(f"claim.{part}", text)
        form.line("claim.floor", self.tr("可接受最低额"), placeholder=self.tr("债权人未说明可不填"))
        form.stretch()
        self.claim_form = form
        self.claim_total = QLabel()
        self.claim_total.setObjectName("rowTotal")
        layout = QVBoxLayout(box)
        layout.addWidget(form)
        layout.addWidget(self.claim_total)
        layout.addStretch(1)
        return box

    def _part_labels(self) -> list[str]:
        return [
            self.tr("本金"),
            self.tr("利息"),
            self.tr("罚息"),
            self.tr("复利"),
            self.tr("费用"),
            self.tr("实现债权费用"),
        ]

    def _build_payments(self) -> QGroupBox:
        box = QGroupBox(self.tr("债务人已还款"))
        layout = QVBoxLayout(box)
        self.pay_grid = QGridLayout()
        self.pay_grid.setHorizontalSpacing(8)
        self.pay_grid.setVerticalSpacing(2)
        layout.addLayout(self.pay_grid)
        adder = QHBoxLayout()
        self.new_date = date_edit()
        self.new_date.setObjectName("newPaymentDate")
        self.new_amount = QLineEdit()
        self.new_amount.setObjectName("newPaymentAmount")
        self.new_amount.setPlaceholderText(self.tr("金额（元）"))
        self.new_note = QLineEdit()
        self.new_note.setObjectName("newPaymentNote")
        self.new_note.setPlaceholderText(self.tr("备注，如：微信转账"))
        self.new_note.returnPressed.connect(self._add_payment)
        add = self.add_button = QPushButton(self.tr("记录一笔还款"))
        add.setObjectName("addPayment")
        add.clicked.connect(self._add_payment)
        self.pay_error = error_label()
        for widget in (self.new_date, self.new_amount):
            adder.addWidget(widget)
        adder.addWidget(self.new_note, 1)
        adder.addWidget(add)
        self.paid_total = QLabel()
        self.paid_total.setObjectName("rowTotal")
        layout.addWidget(self.paid_total)
        layout.addLayout(adder)
        layout.addWidget(self.pay_error)
        return box

    def _build_charges(self) -> QGroupBox:
        from ui.views.cases.charges_box import kind_combo

        box = QGroupBox(self.tr("费用与实现债权费用（逾期费、违约金、催收费、律师费等，逐笔）"))
        layout = QVBoxLayout(box)
        self.charge_grid = QGridLayout()
        self.charge_grid.setHorizontalSpacing(8)
        self.charge_grid.setVerticalSpacing(2)
        layout.addLayout(self.charge_grid)
        adder = QHBoxLayout()
        self.new_charge_date = date_edit()
        self.new_charge_date.setObjectName("newChargeDate")
        self.new_charge_amount = QLineEdit()
        self.new_charge_amount.setObjectName("newChargeAmount")
        self.new_charge_amount.setPlaceholderText(self.tr("金额（元）"))
        self.new_charge_kind = kind_combo()
        self.new_charge_kind.setObjectName("newChargeKind")
        add = self.add_charge_button = QPushButton(self.tr("记录一笔费用"))
        add.setObjectName("addCharge")
        add.clicked.connect(self._add_charge)
        for widget in (self.new_charge_date, self.new_charge_amount, self.new_charge_kind):
            adder.addWidget(widget)
        adder.addWidget(add)
        adder.addStretch(1)
        layout.addLayout(adder)
        self.charge_error = error_label()
        layout.addWidget(self.charge_error)
        return box

    # -- state ------------------------------------------------------------------------------

    def load(self, state: SessionState) -> None:
        loan, claim = state.case.loan, state.case.claim
        with self.saver.loading():
            if loan is not None:
                self._fill_loan(loan)
            self._fill_claim(claim)
            self.new_date.setDate(QDate(state.today.year, state.today.month, state.today.day))
            self.new_charge_date.setDate(self.new_date.date())
        self._rebuild_payments(state)
        self._rebuild_charges(state)
        self.refresh(state)

    def _fill_loan(self, loan: LoanInfo) -> None:
        editors = self.loan_form.editors
        for path, editor in editors.items():
            if path in ("loan.allocation_agreed", "loan.allocation"):
                continue
            value = getattr(loan, path.removeprefix("loan."))
            if path in ("loan.principal", "loan.disbursed"):
                value = money_text(value)
            elif path in ("loan.annual_rate", "loan.overdue_rate"):
                value = formatting.percent(value)
            elif path in ("loan.term_months", "loan.day_basis"):
                value = "" if value is None else str(value)
            fill(editor, value)
        fill(self.allocation_agreed, "contract" if loan.allocation else "")
        self._show_allocation(loan, force=True)

    def _show_allocation(self, loan: LoanInfo, force: bool = False) -> None:
        """The agreed order in words, when the stored order changed (never over the
        mediator's typing: a refused order stays as typed)."""
        from app.domain.recalc.order import order_words

        self.allocation.setEnabled(loan.allocation is not None)
        if not force and (loan.allocation == self._allocation_shown or self.allocation.hasFocus()):
            return
        with self.saver.loading():
            fill(self.allocation, order_words(loan.allocation) if loan.allocation else "")
            if not force:
                fill(self.allocation_agreed, "contract" if loan.allocation else "")
        self._allocation_shown = loan.allocation

    def _fill_claim(self, claim: ClaimInfo | None) -> None:
        for path, editor in self.claim_form.editors.items():
            field = path.removeprefix("claim.")
            value = None if claim is None else getattr(claim, field)
            fill(editor, value if field == "as_of" else money_text(value))

    def refresh(self, state: SessionState) -> None:
        loan, claim = state.case.loan, state.case.claim
        if loan is not None:
            text = self.tr("约定利率：%1").replace(
                "%1", describe_rate(loan.annual_rate, loan.day_basis)
            )
            if loan.overdue_rate is not None:
                overdue = describe_rate(loan.overdue_rate, loan.day_basis)
                text += "\n" + self.tr("逾期利率：%1").replace("%1", overdue)
            self.rate_note.setText(text)
            self._show_allocation(loan)
        total = formatting.money(claim.total) if claim is not None else "0.00"
        self.claim_total.setText(self.tr("主张合计：%1 元").replace("%1", total))
        if [p.id for p in state.payments] != self._payment_ids:
            self._rebuild_payments(state)
        if [c.id for c in _charges(state)] != self._charge_ids:
            self._rebuild_charges(state)
        self._warn_after_as_of(state)
        paid = sum((p.amount for p in state.payments), Decimal(0))
        text = self.tr("共 %1 笔，合计 %2 元").replace("%1", str(len(state.payments)))
        self.paid_total.setText(text.replace("%2", formatting.money(paid)))

    def first_field(self) -> QWidget:
        return self.loan_form.editors["loan.lender_type"]

    # -- payments ---------------------------------------------------------------------------

    def _rebuild_payments(self, state: SessionState) -> None:
        self.saver.unbind("payments[")
        clear_layout(self.pay_grid)
        self._payment_ids = [p.id for p in state.payments]
        self.pay_errors: dict[int, QLabel] = {}
        headings = (self.tr("还款日期"), self.tr("金额（元）"), self.tr("备注"))
        for col, text in enumerate(headings if state.payments else ()):
            heading = QLabel(text)
            heading.setObjectName("gridHead")
            self.pay_grid.addWidget(heading, 0, col)
        focus: list[QWidget] = []
        for line, payment in enumerate(state.payments, start=1):
            base = f"payments[{payment.id}]."
            day, amount, note = date_edit(), QLineEdit(), QLineEdit()
            error = error_label()
            with self.saver.loading():
                for col, (widget, field, value) in enumerate(
                    (
                        (day, "date", qdate(payment.date)),
                        (amount, "amount", money_text(payment.amount)),
                        (note, "note", payment.note),
                    )
                ):
                    self.saver.bind(widget, base + field, error)
                    fill(widget, value)
                    self.pay_grid.addWidget(widget, line * 2, col)
            self.pay_errors[payment.id] = error
            remove = QPushButton(self.tr("删除"))
            remove.clicked.connect(lambda _c=False, pid=payment.id: self._remove_payment(pid))
            self.pay_grid.addWidget(remove, line * 2, 3)
            self.pay_grid.addWidget(error, line * 2 + 1, 0, 1, 4)
            focus += [day, amount, note, remove]
        self.pay_grid.setColumnStretch(2, 1)
        editors = [*self.loan_form.editors.values(), *self.claim_form.editors.values()]
        chain([*editors, *focus, self.new_date, self.new_amount, self.new_note, self.add_button])

    # -- charges ----------------------------------------------------------------------------

    def _rebuild_charges(self, state: SessionState) -> None:
        from ui.views.cases.charges_box import kind_combo

        self.saver.unbind("charges[")
        clear_layout(self.charge_grid)
        charges = _charges(state)
        self._charge_ids = [c.id for c in charges]
        self.charge_errors: dict[int, QLabel] = {}
        for line, charge in enumerate(charges):
            base = f"charges[{charge.id}]."
            day, amount, kind = date_edit(), QLineEdit(), kind_combo()
            error = error_label()
            with self.saver.loading():
                for col, (widget, field, value) in enumerate(
                    ((day, "date", qdate(charge.date)),
                     (amount, "amount", money_text(charge.amount)), (kind, "kind", charge.kind))
                ):  # fmt: skip
                    self.saver.bind(widget, base + field, error)
                    fill(widget, value)
                    self.charge_grid.addWidget(widget, line * 2, col)
            remove = QPushButton(self.tr("删除"))
            remove.clicked.connect(lambda _c=False, cid=charge.id: self._remove_charge(cid))
            self.charge_grid.addWidget(remove, line * 2, 3)
            self.charge_grid.addWidget(error, line * 2 + 1, 0, 1, 4)
            self.charge_errors[charge.id] = error
        self.charge_grid.setColumnStretch(4, 1)

    def _add_charge(self) -> None:
        from ui.views.session_wizard.autosave import date_value

        self.charge_error.setVisible(False)
        work = sessions.add_charge(
            self.shared.service, self.shared.session_id(), date_value(self.new_charge_date),
            self.new_charge_amount.text(), str(self.new_charge_kind.currentData()),
        )  # fmt: skip
        self.shared.call(
            work, on_done=lambda _s: self.new_charge_amount.clear(), on_error=self._charge_refused
        )

    def _charge_refused(self, refusal: Refusal) -> None:
        self.charge_error.setText("；".join(refusal.reasons))
        self.charge_error.setVisible(True)

    def _remove_charge(self, charge_id: int) -> None:
        self.saver.flush()
        self.shared.call(
            sessions.remove_charge(self.shared.service, self.shared.session_id(), charge_id)
        )

    def _warn_after_as_of(self, state: SessionState) -> None:
        """A payment or charge dated after the claim's as-of date: said at its row."""
        claim = state.case.claim
        if claim is None:
            return
        text = self.tr("晚于主张截至日期 %1：计算日须不早于这一天，请核对日期。")
        text = text.replace("%1", claim.as_of.isoformat())
        rows = [(p.date, self.pay_errors.get(p.id)) for p in state.payments]
        rows += [(c.date, self.charge_errors.get(c.id)) for c in _charges(state)]
        for day, label in rows:
            if label is None:
                continue
            late = day > claim.as_of
            if late or label.property("warning"):
                label.setText(text if late else "")
                label.setVisible(late)
                label.setProperty("warning", late)

    def _add_payment(self) -> None:
        from ui.views.session_wizard.autosave import date_value

        self.pay_error.setVisible(False)
        work = sessions.add_payment(
            self.shared.service, self.shared.session_id(), date_value(self.new_date),
            self.new_amount.text(), self.new_note.text(),
        )  # fmt: skip
        self.shared.call(
            work, on_done=lambda _s: self._payment_added(), on_error=self._payment_refused
        )

    def _payment_added(self) -> None:
        self.new_amount.clear()
        self.new_note.clear()
        self.new_amount.setFocus()

    def _payment_refused(self, refusal: Refusal) -> None:
        self.pay_error.setText("；".join(refusal.reasons))
        self.pay_error.setVisible(True)

    def _remove_payment(self, payment_id: int) -> None:
        self.saver.flush()
        self.shared.call(
            sessions.remove_payment(self.shared.service, self.shared.session_id(), payment_id)
        )


def _charges(state: SessionState) -> list[ChargeInfo]:
    """The case's fees and costs, by date."""
    found = [*state.case.fees, *state.case.costs]
    return sorted(found, key=lambda c: (c.date, c.id))
