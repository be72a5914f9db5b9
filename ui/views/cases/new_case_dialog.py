"""The "New case" dialog: collects a `NewCase`, lets the services validate and store it,
and shows each problem in red under its field. Nothing typed is lost on an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain.errors import Problem
from ui import labels
from ui.ops import cases
from ui.refusal import Refusal, field_name, refused, show_refusal
from ui.tasks import TaskRunner
from ui.views.cases.charges_box import ChargesBox
from ui.widgets.date_field import DateField
from ui.widgets.field_row import FieldRow
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.cases.service import CaseSummary, NewCase
    from ui.services import Core

DATE_FORMAT = "yyyy-MM-dd"
TEXT_FIELDS = (
    "creditor_name",
    "creditor_credit_code",
    "debtor_name",
    "debtor_id_number",
    "debtor_phone",
    "debtor_address",
    "principal",
    "disbursed",
    "annual_rate",
    "batch",
    "court",
)


class NewCaseDialog(QDialog):
    """Creates a case through the services.

    Signals:
        case_created(object): the new case's `CaseSummary`, after it is stored.
    """

    case_created = Signal(object)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self.created: CaseSummary | None = None
        self.setWindowTitle(self.tr("新建案件"))
        self.rows: dict[str, FieldRow] = {}
        self._build()
        self._load_mediators()

    # -- building --------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _text, n=name: self.rows[n].set_error(""))
        return edit

    def _add(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> None:
        row = FieldRow(editor)
        self.rows[name] = row
        form.addRow(label, row)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.general_error = message_label()
        layout.addWidget(self.general_error)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._creditor_box())
        left.addWidget(self._debtor_box())
        left.addWidget(self._mediator_box())
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self._loan_box())
        self.charges = ChargesBox()
        right.addWidget(self.charges)
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        note = QLabel(self.tr("带 * 的为必填项。年利率可写“18%”“年化24%”或“月息1分5”。"))
        note.setObjectName("formNote")
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("创建案件"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(820)

    def _creditor_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("债权人"))
        form = _form(box)
        self._add(
            form,
            "creditor_name",
            self.tr("名称 *"),
            self._line("creditor_name", self.tr("如：某某银行股份有限公司某分行")),
        )
        self.lender_type = QComboBox()
        self.lender_type.setObjectName("lender_type")
        for code, text in labels.lender_types().items():
            self.lender_type.addItem(text, code)
        self._add(form, "lender_type", self.tr("出借人类型 *"), self.lender_type)
        self._add(
            form,
            "creditor_credit_code",
            self.tr("统一社会信用代码"),
            self._line("creditor_credit_code", self.tr("18 位，民间借贷可不填")),
        )
        return box

    def _debtor_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("债务人"))
        form = _form(box)
        self._add(form, "debtor_name", self.tr("姓名 *"), self._line("debtor_name"))
        self._add(
            form,
            "debtor_id_number",
            self.tr("身份证号 *"),
            self._line("debtor_id_number", self.tr("18 位居民身份证号码")),
        )
        self._add(
            form,
            "debtor_phone",
            self.tr("手机号 *"),
            self._line("debtor_phone", self.tr("11 位手机号码")),
        )
        self._add(form, "debtor_address", self.tr("住址"), self._line("debtor_address"))
        return box

    def _mediator_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("承办"))
        form = _form(box)
        self.mediator = QComboBox()
        self.mediator.setObjectName("mediator")
        self.mediator.addItem(self.tr("（暂不指定）"), "")
        self._add(form, "mediator", self.tr("承办调解员"), self.mediator)
        return box

    def _load_mediators(self) -> None:
        """The organisation's mediators and the accounts, the signed-in user first chosen."""
        self._runner.run(cases.mediator_names(self._service)).success(
            self._mediators_arrived
        ).failure(refused(lambda _refusal: None))  # nobody to choose: （暂不指定） stays

    def _mediators_arrived(self, names: list[str]) -> None:
        if not isValid(self.mediator):
            return  # the dialog was closed (and deleted) before the names came
        for name in names:
            if self.mediator.findData(name) < 0:
                self.mediator.addItem(name, name)
        user = self._service.signed_in
        if user is not None and self.mediator.findData(user.display_name) >= 0:
            self.mediator.setCurrentIndex(self.mediator.findData(user.display_name))

    def _loan_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("借款"))
        form = self._loan_form = _form(box)
        self._add(
            form,
            "principal",
            self.tr("借款本金（元）*"),
            self._line("principal", self.tr("如：50000 或 50,000.00")),
        )
        self._add(
            form,
            "disbursed",
            self.tr("实际放款（元）"),
            self._line("disbursed", self.tr("预先扣除利息的，填实际到手金额")),
        )
        self.contract_date = _date_edit("contract_date", QDate.currentDate())
        self._add(form, "contract_date", self.tr("合同日期 *"), self.contract_date)
        self._add(
            form,
            "annual_rate",
            self.tr("年利率"),
            self._line("annual_rate", self.tr("如：18%、月息1分5")),
        )
        self.repayment_method = QComboBox()
        self.repayment_method.setObjectName("repayment_method")
        for code, text in labels.repayment_methods().items():
            if code != "explicit":  # an explicit schedule is entered later, not here
                self.repayment_method.addItem(text, code)
        self._add(form, "repayment_method", self.tr("还款方式"), self.repayment_method)
        self.maturity = _date_edit("maturity", QDate.currentDate().addYears(1))
        self._add(form, "maturity", self.tr("到期日"), self.maturity)
        self.term_months = QSpinBox()
        self.term_months.setObjectName("term_months")
        self.term_months.setRange(1, 600)
        self.term_months.setValue(12)
        self.term_months.setSuffix(self.tr(" 个月"))
        self._add(form, "term_months", self.tr("期数"), self.term_months)
        batch = self._line("batch", self.tr("如：2026年3月委托批次"))
        self._add(form, "batch", self.tr("批次"), batch)
        court = self._line("court", self.tr("如：滨江市滨江区人民法院（申请司法确认用）"))
        self._add(form, "court", self.tr("委派法院"), court)
        self.filing_date = DateField(optional=True, not_set=self.tr("（同计算日）"))
        self.filing_date.setObjectName("filing_date")
        self._add(form, "filing_date", self.tr("起诉（申请）日期"), self.filing_date)
        self.repayment_method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        return box

    def _method_changed(self) -> None:
        bullet = self.repayment_method.currentData() == "bullet"
        self._loan_form.setRowVisible(self.rows["maturity"], bullet)
        self._loan_form.setRowVisible(self.rows["term_months"], not bullet)

    # -- reading and submitting -------------------------------------------------------------

    def edit(self, name: str) -> QLineEdit:
        """The line edit of a text field, by its `NewCase` field name."""
        editor = self.rows[name].editor
        assert isinstance(editor, QLineEdit)
        return editor

    def collect(self) -> NewCase:
        """What the form holds now, as the services take it (strings, validated there)."""
        from app.services.cases.service import NewCase

        text = {name: self.edit(name).text().strip() for name in TEXT_FIELDS}
        bullet = self.repayment_method.currentData() == "bullet"
        extra = {"disbursed": text["disbursed"]} if text["disbursed"] else {}
        mediator = str(self.mediator.currentData() or "")
        if mediator:
            extra["mediator"] = mediator
        filing = self.filing_date.value()
        return NewCase(
            creditor_name=text["creditor_name"],
            lender_type=str(self.lender_type.currentData()),
            debtor_name=text["debtor_name"],
            debtor_id_number=text["debtor_id_number"],
            debtor_phone=text["debtor_phone"],
            principal=text["principal"],
            contract_date=self.contract_date.date().toString(DATE_FORMAT),
            annual_rate=text["annual_rate"],
            creditor_credit_code=text["creditor_credit_code"],
            debtor_address=text["debtor_address"],
            batch=text["batch"],
            court=text["court"],
            repayment_method=str(self.repayment_method.currentData()),
            maturity=self.maturity.date().toString(DATE_FORMAT) if bullet else "",
            term_months="" if bullet else str(self.term_months.value()),
            extra=extra,
            charges=self.charges.values(),
            filing_date=filing.isoformat() if filing else "",
        )

    def submit(self) -> None:
        """Hand the form to the services; OK stays disabled until they answer."""
        new = self.collect()
        self._show_problems({}, "")
        self._set_busy(True)
        self._runner.run(cases.create_case(self._service, new)).success(self._created).failure(
            refused(self._refused, always=lambda: self._set_busy(False))
        )

    def _created(self, summary: CaseSummary) -> None:
        self._set_busy(False)
        self.created = summary
        self.case_created.emit(summary)
        self.accept()

    def _refused(self, refusal: Refusal) -> None:
        charges = [p for p in refusal.problems if field_name(p.path) == "charges"]
        rest = tuple(p for p in refusal.problems if field_name(p.path) != "charges")
        shown = Refusal("" if charges and not rest else refusal.message, rest, refusal.error)
        show_refusal(shown, self.general_error, self.rows, field_of=_field_of)
        self.charges.set_error("\n".join(_charge_problem(p) for p in charges))
        self._grow_to_fit()

    def _show_problems(self, by_field: dict[str, list[str]], general: str) -> None:
        for name, row in self.rows.items():
            row.set_error("；".join(by_field.get(name, [])))
        self.general_error.setText(general)
        self.general_error.setVisible(bool(general))
        first = next((self.rows[name] for name in self.rows if name in by_field), None)
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Make room for the messages (wrapped labels are not counted in a window's minimum)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.ok_button.setText(self.tr("正在保存…") if busy else self.tr("创建案件"))

    def errors(self) -> dict[str, str]:
        """The messages now shown under fields, by field name."""
        return {n: r.error.text() for n, r in self.rows.items() if r.error.isVisibleTo(self)}


def _charge_problem(problem: Problem) -> str:
    """`charges[1].amount: …` as 第 2 笔费用：…"""
    index = problem.path.split("[")[1].split("]")[0]
    which = QCoreApplication.translate("NewCaseDialog", "第 %1 笔费用：")
    return which.replace("%1", str(int(index) + 1)) + problem.reason


def _field_of(path: str) -> str:
    """The form field of a problem's path (`extra.mediator` → `mediator`)."""
    return path.removeprefix("extra.") if path.startswith("extra.") else field_name(path)


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(6)
    return form


def _date_edit(name: str, initial: QDate) -> QDateEdit:
    edit = DateField()
    edit.setDate(initial)
    edit.setObjectName(name)
    return edit
