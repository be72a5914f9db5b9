"""联系记录 of the chosen case: the history of attempts, and the form that logs the next one.

Everything goes through `app.services.contacts` on the task runner's database thread. The
conduct rules are the services': a blocked attempt comes back as `ContactBlocked`, and the
panel lists each rule and its reason under the form, keeping what was typed. Phone
numbers show masked here; the case pane reveals one on purpose.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.contacts import ContactBlocked
from app.services.clock import CHINA_TZ
from ui.ops import contacts
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner
from ui.views.contacts.contact_form import ContactForm
from ui.widgets.hint_stack import install_hint_stack

if TYPE_CHECKING:
    from app.services.contacts.messages import MessagePreview
    from app.services.contacts.records import ContactInfo, PersonInfo
    from ui.ops.contacts import ContactLog
    from ui.services import Core

STYLE = """
QLabel#columnTitle { font-weight: bold; color: #1f3a68; }
QLabel#contactRules { color: #475467; }
QLabel#contactBlocked { background: #fef3f2; color: #b42318; border: 1px solid #fecdca;
    border-radius: 4px; padding: 6px 10px; }
QLabel#contactSaved { color: #05603a; }
QPushButton#submitContact { padding: 5px 14px; font-weight: bold; }
"""


class ContactLogPanel(QWidget):
    """The 联系记录 tab (`show_case_no` / `load`).

    Signals: case_loaded(str), logged(object: ContactInfo), blocked(list: rule codes).
    """

    case_loaded = Signal(str)
    logged = Signal(object)
    blocked = Signal(list)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self._case_no = ""
        self.contacts: list[ContactInfo] = []
        self._just_logged: ContactInfo | None = None
        self.setStyleSheet(STYLE)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.rules = QLabel()
        self.rules.setObjectName("contactRules")
        self.saved = QLabel()
        self.saved.setObjectName("contactSaved")
        top = QHBoxLayout()
        top.addWidget(self.rules, 1)
        top.addWidget(self.saved)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_table())
        self.form = ContactForm()
        splitter.addWidget(self.form)
        splitter.setSizes([820, 480])
        layout.addWidget(splitter, 1)
        self.form.submitted.connect(self.submit)
        self.form.preview_requested.connect(self.preview)
        self.form.export_requested.connect(self.export_with_dialog)
        self.form.person_requested.connect(self.add_person_with_dialog)
        hint = self.tr("在上方列表中选择一个案件，即可在这里查看和记录联系情况。")
        self._stack, self.hint = install_hint_stack(self, hint, page)

    def _build_table(self) -> QTableWidget:
        headers = [self.tr("时间"), self.tr("对象"), self.tr("方式"), self.tr("结果"),
                   self.tr("承诺还款"), self.tr("下一步"), self.tr("备注")]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("contactTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((122, 110, 66, 96, 120, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        return self.table

    # -- loading ---------------------------------------------------------------------------

    def show_case_no(self, case_no: str) -> None:
        self.load(case_no)

    def load(self, case_no: str) -> None:
        self._case_no = case_no
        self._runner.run(contacts.log(self._service, case_no)).success(
            lambda data: self._loaded(case_no, data)
        ).failure(refused(self._failed))

    def _loaded(self, case_no: str, data: ContactLog) -> None:
        if case_no != self._case_no:
            return
        rules = data.rules
        text = self.tr("允许联系时段 %1（北京时间）· 每人每天最多 %2 次 · 要求书面联系的不再致电")
        self.rules.setText(
            text.replace("%1", rules.hours_text()).replace("%2", str(rules.max_per_day))
        )
        self.contacts = list(data.contacts)
        self._fill(self.contacts)
        self.form.set_people(data.people)
        self.form.set_now(data.now)
        self._stack.setCurrentIndex(1)
        self.case_loaded.emit(case_no)
        if self._just_logged is not None:
            info, self._just_logged = self._just_logged, None
            self.logged.emit(info)

    def _fill(self, contacts: list[ContactInfo]) -> None:
        self.table.setRowCount(len(contacts))
        for row, c in enumerate(reversed(contacts)):  # newest first
            for column, value in enumerate(row_texts(c)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    # -- logging an attempt ------------------------------------------------------------------

    def submit(self) -> None:
        if not self._case_no:
            return
        new = self.form.new_contact(self._case_no)
        self.form.submit_button.setEnabled(False)
        self._runner.run(contacts.add_contact(self._service, new)).success(self._logged).failure(
            refused(self._refused)
        )

    def _logged(self, info: ContactInfo) -> None:
        self.form.submit_button.setEnabled(True)
        self.form.clear_after_saving()
        self.saved.setText(self.tr("已记录：%1").replace("%1", f"{info.target_label}{info.name}"))
        self._just_logged = info  # announced once the list shows it
        self.load(self._case_no)

    def _refused(self, refusal: Refusal) -> None:
        self.form.submit_button.setEnabled(True)
        self.saved.setText("")
        error = refusal.error
        if isinstance(error, ContactBlocked):
            lines = [self.tr("此次联系不被允许，未记录：")]
            lines += [f"· {b.label}：{b.reason}" for b in error.blocks]
            self.form.show_blocked(lines)
            self.blocked.emit(error.rules)
        else:
            self.form.show_blocked(refusal.reasons)

    # -- messages ------------------------------------------------------------------------------

    def preview(self, template: str) -> None:
        whom = self.form.chosen()
        if not self._case_no or whom is None:
            return
        self.form.show_blocked([])
        work = contacts.preview_message(self._service, self._case_no, template, whom)
        self._runner.run(work).success(self._previewed).failure(refused(self._preview_refused))

    def _previewed(self, preview: MessagePreview) -> None:
        self.form.show_message(preview.text)

    def _preview_refused(self, refusal: Refusal) -> None:
        self.form.show_message("")
        self.form.show_blocked([refusal.message])

    def export_with_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出给短信平台"), "短信.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        whom, template = self.form.chosen(), self.form.template()
        if whom is None or not template:
            return
        done = self.tr("已导出到 %1（请在中心的短信平台发送）")

        def exported(where: Path) -> None:
            self.saved.setText(done.replace("%1", str(where)))

        work = contacts.export_message(self._service, self._case_no, template, whom, path)
        self._runner.run(work).success(exported).failure(refused(self._refused))

    # -- people ------------------------------------------------------------------------------

    def add_person_with_dialog(self) -> None:
        dialog = PersonDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_person(dialog.name.text(), dialog.phone.text())

    def add_person(self, name: str, phone: str) -> None:
        case_no = self._case_no

        def added(_person: PersonInfo) -> None:
            self.load(case_no)

        work = contacts.add_contact_person(self._service, case_no, name, phone)
        self._runner.run(work).success(added).failure(refused(self._refused))

    def _failed(self, refusal: Refusal) -> None:
        self.hint.setText(refusal.message)
        self._stack.setCurrentIndex(0)


def row_texts(c: ContactInfo) -> list[str]:
    """One attempt as the table's cells (China time)."""
    when = f"{c.at.astimezone(CHINA_TZ):%Y-%m-%d %H:%M}"
    promise = ""
    if c.promise_amount is not None and c.promise_date is not None:
        promise = f"{c.promise_date:%m-%d} 前 {c.promise_amount} 元"
    step = f"{c.next_due:%m-%d} {c.next_action}" if c.next_due else c.next_action
    return [when, f"{c.target_label}{c.name}", c.channel_label, c.outcome_label, promise, step,
            c.note or c.message]  # fmt: skip


class PersonDialog(QDialog):
    """添加紧急联系人: a name and a phone number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加紧急联系人"))
        form = QFormLayout(self)
        self.name, self.phone = QLineEdit(), QLineEdit()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("电话"), self.phone)
        note = QLabel(self.tr("对紧急联系人只能请其转告当事人回电，不得提及债务、债权人或金额。"))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
