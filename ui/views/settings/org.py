"""Settings → 调解组织: the organisation's name, address, registration, phone, seal and
mediators, saved together through `app.services.organisation.service.save_profile`.

Problems come back with field paths and are shown under their fields (mediator problems in
their table cells and under the table); nothing typed is lost on an error. Only a
supervisor changes the profile (the services check it): a mediator sees the form read-only
with a note saying so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.ops import organisation
from ui.refusal import Refusal, refused
from ui.services import acting_user
from ui.tasks import TaskRunner
from ui.views.settings.cert import role_note
from ui.views.settings.seal_picker import SealPicker
from ui.widgets.field_row import FieldRow
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.organisation.service import MediatorInfo, OrganisationProfile
    from ui.services import Core

TEXT_FIELDS = ("name", "address", "registration_no", "phone")
MEDIATOR_PATH = re.compile(r"^mediators\[(\d+)\]\.(\w+)$")
COLUMNS = ("name", "phone", "role")
BAD_CELL = QColor("#fde4e1")


class OrganisationTab(QWidget):
    """Edits the organisation's profile.

    Signals:
        profile_loaded(object): the stored `OrganisationProfile` was read into the form.
        profile_saved(object): the profile was saved; the stored `OrganisationProfile`.
        save_failed(str): saving was refused; the message shown.
    """

    profile_loaded = Signal(object)
    profile_saved = Signal(object)
    save_failed = Signal(str)

    def __init__(self, service: Core, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._filling = False
        self._editable = True
        self.dirty = False
        self.saved: OrganisationProfile | None = None
        self.rows: dict[str, FieldRow] = {}
        self._build()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.role_note = role_note(self.tr("只有主管可以修改调解组织的资料；您可以查看。"))
        layout.addWidget(self.role_note)
        self.general_error = message_label()
        layout.addWidget(self.general_error)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._details_box())
        self.seal = SealPicker(self._runner)
        self.seal.changed.connect(lambda: self._edited("seal_png"))
        left.addWidget(self.seal)
        left.addStretch(1)
        columns.addLayout(left, 5)
        columns.addWidget(self._mediator_box(), 4)
        layout.addLayout(columns, 1)
        bottom = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        bottom.addWidget(self.status_label, 1)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("saveOrganisation")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _text, n=name: self._edited(n))
        return edit

    def _details_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("基本信息（用于每份文书的抬头和落款）"))
        form = _form(box)
        fields = (
            ("name", self.tr("组织名称 *"), self.tr("如：滨江市金融纠纷人民调解委员会")),
            ("address", self.tr("地址"), self.tr("办公地址，文书落款和通知书中使用")),
            ("registration_no", self.tr("统一社会信用代码"), self.tr("18 位，可不填")),
            ("phone", self.tr("联系电话"), self.tr("如：0571-88881234")),
        )
        for name, label, placeholder in fields:
            row = FieldRow(self._line(name, placeholder))
            self.rows[name] = row
            form.addRow(label, row)
        note = QLabel(self.tr("组织名称也是本机数字证书的主体名称（最多 64 个字符）。"))
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow("", note)
        return box

    def _mediator_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("调解员名单"))
        layout = QVBoxLayout(box)
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("mediatorTable")
        table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("电话"), self.tr("职务")])
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(2, 110)
        table.itemChanged.connect(lambda _item: self._mediators_edited())
        self.mediator_table = table
        layout.addWidget(table, 1)
        self.mediator_error = message_label("fieldError")
        layout.addWidget(self.mediator_error)
        buttons = QHBoxLayout()
        self.add_mediator_button = QPushButton(self.tr("添加调解员"))
        self.add_mediator_button.clicked.connect(lambda: self.add_mediator_row())
        self.remove_mediator_button = QPushButton(self.tr("删除所选"))
        self.remove_mediator_button.clicked.connect(self.remove_selected_mediator)
        buttons.addWidget(self.add_mediator_button)
        buttons.addWidget(self.remove_mediator_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        note = QLabel(self.tr("承办着案件的调解员不能删除；改名不影响其承办的案件。"))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        return box

    # -- the mediator table ----------------------------------------------------------------

    def add_mediator_row(self, info: MediatorInfo | None = None) -> int:
        """Append a row (empty, or showing `info`) and return its index."""
        table = self.mediator_table
        filling, self._filling = self._filling, True
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(info.name if info else "")
        name.setData(Qt.ItemDataRole.UserRole, info.id if info else None)
        table.setItem(row, 0, name)
        table.setItem(row, 1, QTableWidgetItem(info.phone if info else ""))
        role = QComboBox()
        for code, label in labels.mediator_roles().items():
            role.addItem(label, code)
        role.setCurrentIndex(max(role.findData(info.role if info else "mediator"), 0))
        role.currentIndexChanged.connect(lambda _index: self._mediators_edited())
        role.setEnabled(self._editable)
        table.setCellWidget(row, 2, role)
        self._filling = filling
        if info is None:
            self._mediators_edited()
            table.setCurrentCell(row, 0)
            table.editItem(name)
        return row

    def remove_selected_mediator(self) -> None:
        row = self.mediator_table.currentRow()
        if row >= 0:
            self.mediator_table.removeRow(row)
            self._mediators_edited()

    def mediators(self) -> list[MediatorInfo]:
        """The table as the services take it (rows with nothing typed are left out)."""
        from app.services.organisation.service import MediatorInfo

        found = []
        table = self.mediator_table
        for row in range(table.rowCount()):
            name_item, phone_item = table.item(row, 0), table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            phone = phone_item.text().strip() if phone_item else ""
            role = table.cellWidget(row, 2)
            code = str(role.currentData()) if isinstance(role, QComboBox) else "mediator"
            ident = name_item.data(Qt.ItemDataRole.UserRole) if name_item else None
            if name or phone or ident is not None:
                found.append(MediatorInfo(name, phone, code, ident))
        return found

    # -- loading and saving ------------------------------------------------------------------

    # -- who may change it --------------------------------------------------------------------

    def apply_role(self) -> None:
        """Editable for a supervisor; read-only, with the note, for a mediator."""
        editable = acting_user(self._service).can("organisation")
        self._editable = editable
        self.role_note.setVisible(not editable)
        for name in TEXT_FIELDS:
            self.edit(name).setReadOnly(not editable)
        self.seal.setEnabled(editable)
        table = self.mediator_table
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for row in range(table.rowCount()):
            widget = table.cellWidget(row, 2)
            if widget is not None:
                widget.setEnabled(editable)
        for button in (self.add_mediator_button, self.remove_mediator_button, self.save_button):
            button.setEnabled(editable)

    def load(self) -> None:
        """Read the stored profile in the background and show it."""
        self.apply_role()
        self.status_label.setText(self.tr("正在读取…"))
        self._runner.run(organisation.profile(self._service)).success(self._loaded).failure(
            refused(self._refused, always=lambda: self._set_busy(False))
        )

    def _loaded(self, profile: OrganisationProfile) -> None:
        self.fill(profile)
        self.status_label.setText(
            "" if profile.is_set else self.tr("还没有填写调解组织的资料：请填写后保存。")
        )
        self.profile_loaded.emit(profile)

    def fill(self, profile: OrganisationProfile) -> None:
        """Show `profile` in the form; the form is then clean (nothing unsaved)."""
        self._filling = True
        for name in TEXT_FIELDS:
            self.edit(name).setText(getattr(profile, name))
        self.seal.set_seal(profile.seal_png)
        self.mediator_table.setRowCount(0)
        for info in profile.mediators:
            self.add_mediator_row(info)
        self._filling = False
        self.saved = profile
        self.dirty = False
        self._show_problems({}, "")

    def edit(self, name: str) -> QLineEdit:
        editor = self.rows[name].editor
        assert isinstance(editor, QLineEdit)
        return editor

    def collect(self) -> OrganisationProfile:
        """What the form holds now, as the services take it."""
        from app.services.organisation.service import OrganisationProfile

        return OrganisationProfile(
            **{name: self.edit(name).text() for name in TEXT_FIELDS},
            seal_png=self.seal.seal_png(),
            mediators=self.mediators(),
        )

    def save(self) -> None:
        """Hand the form to the services; the button waits for their answer."""
        work = organisation.save_profile(
            self._service, self.collect(), acting_user(self._service)
        )
        self._set_busy(True)
        self._runner.run(work).success(self._saved).failure(
            refused(self._refused, always=lambda: self._set_busy(False))
        )

    def _saved(self, profile: OrganisationProfile) -> None:
        self._set_busy(False)
        self.fill(profile)
        when = QTime.currentTime().toString("HH:mm")
        self.status_label.setText(self.tr("已保存（%1）").replace("%1", when))
        self.profile_saved.emit(profile)

    def _refused(self, refusal: Refusal) -> None:
        if refusal.problems:
            self._show_problems({p.path: p.reason for p in refusal.problems}, "")
            message = self.tr("未保存：请按红色提示修改后再保存。")
        else:
            message = refusal.message
            self._show_problems({}, message)
        self.status_label.setText(message)
        self.save_failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy and self._editable)
        self.save_button.setText(self.tr("正在保存…") if busy else self.tr("保存"))

    # -- problems --------------------------------------------------------------------------

    def _show_problems(self, by_path: dict[str, str], general: str) -> None:
        for name, row in self.rows.items():
            row.set_error(by_path.get(name, ""))
        self.seal.set_error(by_path.get("seal_png", ""))
        self._mark_mediators(by_path)
        known = {*self.rows, "seal_png", "mediators"}
        other = [
            reason
            for path, reason in by_path.items()
            if path not in known and not MEDIATOR_PATH.match(path)
        ]
        text = "\n".join([general, *other] if general else other)
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))
        first = next((self.rows[n] for n in TEXT_FIELDS if n in by_path), None)
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mark_mediators(self, by_path: dict[str, str]) -> None:
        table = self.mediator_table
        filling, self._filling = self._filling, True
        for row in range(table.rowCount()):
            for col in (0, 1):
                item = table.item(row, col)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
        lines = [by_path["mediators"]] if "mediators" in by_path else []
        for path, reason in by_path.items():
            match = MEDIATOR_PATH.match(path)
            if not match:
                continue
            row, column = int(match.group(1)), match.group(2)
            lines.append(self.tr("第 %1 行：%2").replace("%1", str(row + 1)).replace("%2", reason))
            col = COLUMNS.index(column) if column in COLUMNS else 0
            item = table.item(row, col) if row < table.rowCount() else None
            if item is not None:
                item.setBackground(BAD_CELL)
                item.setToolTip(reason)
        self._filling = filling
        self.mediator_error.setText("\n".join(lines))
        self.mediator_error.setVisible(bool(lines))

    def errors(self) -> dict[str, str]:
        """The messages now shown, by field (`seal_png`, `mediators` for the table)."""
        found = {n: r.error.text() for n, r in self.rows.items() if r.error.isVisibleTo(self)}
        if self.seal.error_text():
            found["seal_png"] = self.seal.error_text()
        if self.mediator_error.isVisibleTo(self):
            found["mediators"] = self.mediator_error.text()
        return found

    # -- edits ---------------------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        if self._filling:
            return
        if name in self.rows:
            self.rows[name].set_error("")
        self._mark_dirty()

    def _mediators_edited(self) -> None:
        if not self._filling:
            self._mark_dirty()

    def _mark_dirty(self) -> None:
        self.dirty = True
        self.status_label.setText(self.tr("有未保存的修改。"))


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(6)
    return form
