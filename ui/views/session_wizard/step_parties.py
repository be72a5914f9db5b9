"""Step 2, parties: confirm or correct each party's details; add co-debtors and guarantors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.ops import sessions
from ui.refusal import Refusal
from ui.views.session_wizard.fields import FieldGrid, chain, clear_layout, error_label, fill
from ui.views.session_wizard.shared import Shared, StepPage

if TYPE_CHECKING:
    from app.services.cases.service import PartyInfo
    from app.services.sessions.service import SessionState


class PartiesPage(StepPage):
    key = "parties"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        self.cards = QVBoxLayout()
        self.cards.setSpacing(8)
        self.column.addLayout(self.cards)
        self.column.addWidget(self._build_adder())
        self.column.addWidget(self._build_court())
        self.column.addStretch(1)
        self._shown: list[int] = []
        self._first: QWidget | None = None

    def title(self) -> str:
        return self.tr("当事人：核对信息，添加共同债务人和保证人")

    def _build_adder(self) -> QGroupBox:
        box = QGroupBox(self.tr("添加共同债务人或保证人"))
        row = QHBoxLayout(box)
        self.new_role = QComboBox()
        self.new_role.setObjectName("newPartyRole")
        roles = labels.party_roles()
        for code in ("co_debtor", "guarantor"):
            self.new_role.addItem(roles[code], code)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newPartyName")
        self.new_name.setPlaceholderText(self.tr("姓名或名称"))
        self.new_name.returnPressed.connect(self._add)
        self.add_button = QPushButton(self.tr("添加当事人"))
        self.add_button.setObjectName("addParty")
        self.add_button.clicked.connect(self._add)
        self.add_error = error_label()
        role_label = QLabel(self.tr("身份"))
        role_label.setBuddy(self.new_role)
        for widget in (role_label, self.new_role, self.new_name, self.add_button):
            row.addWidget(widget)
        row.addWidget(self.add_error, 1)
        return box

    def _build_court(self) -> QGroupBox:
        box = QGroupBox(self.tr("受理法院"))
        layout = QVBoxLayout(box)
        form = FieldGrid(self.saver, columns=1)
        hint = self.tr("如：滨江市滨江区人民法院（司法确认申请书写给这家法院）")
        self.court = form.line("case.court", self.tr("委派法院"), placeholder=hint)
        form.stretch()
        layout.addWidget(form)
        return box

    def load(self, state: SessionState) -> None:
        with self.saver.loading():
            fill(self.court, state.case.summary.court)
        self._rebuild(state)

    def refresh(self, state: SessionState) -> None:
        if [p.id for p in state.case.parties] != self._shown:
            self._rebuild(state)

    def first_field(self) -> QWidget | None:
        return self._first

    def _add(self) -> None:
        name = self.new_name.text()
        self.saver.flush()
        shared = self.shared
        work = sessions.add_party(
            shared.service, shared.case_no, shared.session_id(),
            str(self.new_role.currentData()), name,
        )  # fmt: skip
        shared.call(work, on_done=lambda _s: self.new_name.clear(), on_error=self._add_refused)

    def _add_refused(self, refusal: Refusal) -> None:
        self.add_error.setText("；".join(refusal.reasons))
        self.add_error.setVisible(True)

    def _rebuild(self, state: SessionState) -> None:
        self.saver.unbind("parties[")
        clear_layout(self.cards)
        self._shown = [p.id for p in state.case.parties]
        self._first = None
        self.add_error.setVisible(False)
        self._focus: list[QWidget] = []
        for party in state.case.parties:
            self.cards.addWidget(self._card(party))
        chain([*self._focus, self.new_role, self.new_name, self.add_button])

    def _card(self, party: PartyInfo) -> QGroupBox:
        roles = labels.party_roles()
        box = QGroupBox(f"{roles.get(party.role, party.role)} · {party.name}")
        layout = QVBoxLayout(box)
        form = FieldGrid(self.saver, columns=3)
        base = f"parties[{party.id}]."
        organisation = party.kind == "organisation"
        name = form.line(base + "name", self.tr("名称") if organisation else self.tr("姓名"))
        form.choice(base + "id_type", self.tr("证件类型"), labels.id_types(), blank="—")
        form.line(base + "id_number", self.tr("证件号码"))
        form.line(base + "phone", self.tr("联系电话"))
        form.line(base + "address", self.tr("住所地") if organisation else self.tr("住址"), span=2)
        if organisation:
            form.line(base + "legal_representative", self.tr("法定代表人"))
        form.stretch()
        with self.saver.loading():
            for path, editor in form.editors.items():
                fill(editor, getattr(party, path.removeprefix(base)))
        layout.addWidget(form)
        self._focus += list(form.editors.values())
        if party.role in ("co_debtor", "guarantor"):
            remove = QPushButton(self.tr("删除此当事人"))
            remove.setObjectName(f"removeParty{party.id}")
            remove.clicked.connect(lambda: self._remove(party.id))
            layout.addWidget(remove)
            self._focus.append(remove)
        if self._first is None:
            self._first = name
        return box

    def _remove(self, party_id: int) -> None:
        self.saver.flush()
        shared = self.shared
        shared.call(
            sessions.remove_party(shared.service, shared.case_no, shared.session_id(), party_id)
        )
