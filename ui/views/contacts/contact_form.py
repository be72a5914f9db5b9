"""The form that logs one contact attempt: whom, how, when (China time), what came of it, a
promise to pay, a note, the next action with its reminder, the personal-data notice, and
the message (a template previewed, copied, exported for the SMS platform).

It only collects values (`new_contact`) and shows what the services answered: a blocked
attempt lists each rule that blocked it (`show_blocked`) and keeps everything typed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.contact_messages import TEMPLATES
from app.domain.contacts import CHANNELS, OUTCOMES
from app.domain.privacy_notice import CURRENT_NOTICE
from app.services.clock import CHINA_TZ, china_today
from ui.views.settlement.plan import date_edit, day_of, set_day
from ui.widgets.message_label import message_label

NO_TEMPLATE = ""


class ContactForm(QWidget):
    """记录一次联系. Signals: submitted() (记录), preview_requested(str template code),
    export_requested(), person_requested() (添加紧急联系人)."""

    submitted = Signal()
    preview_requested = Signal(str)
    export_requested = Signal()
    person_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whom: list[Any] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("记录一次联系"))
        title.setObjectName("columnTitle")
        layout.addWidget(title)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.whom_box = QComboBox()
        self.whom_box.setObjectName("contactWhom")
        self.whom_box.currentIndexChanged.connect(lambda _i: self._whom_changed())
        add_person = QPushButton(self.tr("添加紧急联系人…"))
        add_person.setObjectName("addPerson")
        add_person.clicked.connect(self.person_requested)
        form.addRow(self.tr("联系对象"), _row(self.whom_box, add_person))
        self.channel_box = _combo("contactChannel", CHANNELS)
        form.addRow(self.tr("方式"), self.channel_box)
        self.when_edit = QDateTimeEdit()
        self.when_edit.setObjectName("contactWhen")
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setCalendarPopup(True)
        form.addRow(self.tr("时间（北京时间）"), self.when_edit)
        self.outcome_box = _combo("contactOutcome", OUTCOMES)
        self.outcome_box.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        form.addRow(self.tr("结果"), self.outcome_box)
        self.promise_amount = QLineEdit()
        self.promise_amount.setObjectName("promiseAmount")
        self.promise_amount.setPlaceholderText(self.tr("金额（元）"))
        self.promise_date = date_edit("promiseDate", china_today())
        self.promise_row = _row(self.promise_amount, QLabel(self.tr("于")), self.promise_date)
        form.addRow(self.tr("承诺还款"), self.promise_row)
        self._form, self._promise_index = form, form.rowCount() - 1
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("contactNote")
        self.note_edit.setPlaceholderText(self.tr("对方说了什么、约定了什么"))
        self.note_edit.setFixedHeight(54)
        form.addRow(self.tr("备注"), self.note_edit)
        self.next_edit = QLineEdit()
        self.next_edit.setObjectName("nextAction")
        self.next_edit.setPlaceholderText(self.tr("下一步做什么（如：寄送调解通知）"))
        self.next_due = date_edit("nextDue", china_today())
        self.next_on = QCheckBox(self.tr("提醒"))
        self.next_on.setObjectName("nextOn")
        form.addRow(self.tr("下一步"), _row(self.next_edit, self.next_on, self.next_due))
        self.template_box = QComboBox()
        self.template_box.setObjectName("templateBox")
        self.template_box.addItem(self.tr("（不发送信息）"), NO_TEMPLATE)
        for code, template in TEMPLATES.items():
            self.template_box.addItem(template.label, code)
        self.template_box.currentIndexChanged.connect(lambda _i: self._template_changed())
        form.addRow(self.tr("信息模板"), self.template_box)
        layout.addLayout(form)
        self.message = QPlainTextEdit()
        self.message.setObjectName("messagePreview")
        self.message.setReadOnly(True)
        self.message.setPlaceholderText(self.tr("选择模板后在此预览；本软件不发送短信。"))
        self.message.setFixedHeight(62)
        layout.addWidget(self.message)
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.setObjectName("copyMessage")
        self.copy_button.clicked.connect(self._copy)
        self.export_button = QPushButton(self.tr("导出给短信平台…"))
        self.export_button.setObjectName("exportMessage")
        self.export_button.clicked.connect(self.export_requested)
        self.notice_box = QCheckBox(
            self.tr("已告知个人信息处理事项（告知书第 %1 版）").replace("%1", str(CURRENT_NOTICE))
        )
        self.notice_box.setObjectName("noticeGiven")
        layout.addWidget(_row(self.copy_button, self.export_button))
        layout.addWidget(self.notice_box)
        self.blocked = message_label("contactBlocked")
        layout.addWidget(self.blocked)
        self.submit_button = QPushButton(self.tr("记录"))
        self.submit_button.setObjectName("submitContact")
        self.submit_button.clicked.connect(self.submitted)
        layout.addWidget(self.submit_button)
        layout.addStretch(1)
        self._outcome_changed()
        self._template_changed()

    # -- values ---------------------------------------------------------------------------------

    def set_people(self, whom: list[Any]) -> None:
        """The people of the case who may be contacted (`Whom` values)."""
        current = self.whom_box.currentIndex()
        self._whom = list(whom)
        self.whom_box.blockSignals(True)
        self.whom_box.clear()
        for person in self._whom:
            self.whom_box.addItem(person.label)
        self.whom_box.setCurrentIndex(min(max(current, 0), len(self._whom) - 1))
        self.whom_box.blockSignals(False)
        self._whom_changed()

    def set_now(self, moment: datetime) -> None:
        """Start the form at `moment` (the services' now): time, promise and reminder days."""
        local = moment.astimezone(CHINA_TZ)
        for edit in (self.promise_date, self.next_due):
            set_day(edit, local.date())
        self.when_edit.setDateTime(
            QDateTime(local.date(), QTime(local.hour, local.minute))  # type: ignore[call-overload]
        )

    def chosen(self) -> Any:
        index = self.whom_box.currentIndex()
        return self._whom[index] if 0 <= index < len(self._whom) else None

    def new_contact(self, case_no: str) -> Any:
        from app.services.contacts.log import NewContact

        whom = self.chosen()
        promised = self.outcome_box.currentData() == "promise_to_pay"
        return NewContact(
            case_no=case_no,
            channel=str(self.channel_box.currentData()),
            to=whom.target if whom else "debtor",
            at=self.when(),
            outcome=str(self.outcome_box.currentData()),
            note=self.note_edit.toPlainText(),
            party_id=whom.party_id if whom else None,
            person_id=whom.person_id if whom else None,
            promise_amount=self.promise_amount.text() if promised else None,
            promise_date=day_of(self.promise_date) if promised else None,
            message=self.message.toPlainText() if self.template() else "",
            template=self.template(),
            next_action=self.next_edit.text() if self.next_on.isChecked() else "",
            next_due=day_of(self.next_due) if self.next_on.isChecked() else None,
            notice=self.notice_box.isChecked() and bool(whom and whom.party_id),
        )

    def when(self) -> datetime:
        value = self.when_edit.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=CHINA_TZ)

    def template(self) -> str:
        return str(self.template_box.currentData() or "")

    # -- what the services said --------------------------------------------------------------

    def show_blocked(self, lines: list[str]) -> None:
        self.blocked.setText("\n".join(lines))
        self.blocked.setVisible(bool(lines))

    def show_message(self, text: str) -> None:
        self.message.setPlainText(text)
        has = bool(text)
        self.copy_button.setEnabled(has)
        self.export_button.setEnabled(has)

    def clear_after_saving(self) -> None:
        for edit in (self.note_edit, self.message):
            edit.clear()
        self.promise_amount.clear()
        self.next_edit.clear()
        self.next_on.setChecked(False)
        self.notice_box.setChecked(False)
        self.template_box.setCurrentIndex(0)
        self.show_blocked([])

    # -- reacting -----------------------------------------------------------------------------

    def _whom_changed(self) -> None:
        whom = self.chosen()
        third = whom is not None and whom.person_id is not None
        self.notice_box.setEnabled(not third)
        if third:
            self.notice_box.setChecked(False)
        self._template_changed()

    def _outcome_changed(self) -> None:
        promised = self.outcome_box.currentData() == "promise_to_pay"
        self._form.setRowVisible(self._promise_index, promised)

    def _template_changed(self) -> None:
        code = self.template()
        if code:
            self.preview_requested.emit(code)
        else:
            self.show_message("")

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.message.toPlainText())


def _combo(name: str, vocabulary: dict[str, str]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for code, label in vocabulary.items():
        box.addItem(label, code)
    return box


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    box = QHBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(6)
    for widget in widgets:
        box.addWidget(widget)
    return holder


__all__ = ["ContactForm", "QDateEdit"]
