"""Step 8, signatures: each party signs in turn on the pad (name and time recorded), or
signs on paper and the scan is attached."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting
from ui.views.session_wizard import words
from ui.views.session_wizard.shared import Shared, StepPage
from ui.views.signature_pad import SignaturePad

if TYPE_CHECKING:
    from app.services.sessions import SessionState


class SignaturesPage(StepPage):
    key = "signatures"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        row = QHBoxLayout()
        self.signers = QListWidget()
        self.signers.setObjectName("signers")
        self.signers.setMaximumWidth(330)
        self.signers.setSpacing(4)
        self.signers.currentRowChanged.connect(self._signer_changed)
        row.addWidget(self.signers)
        row.addLayout(self._build_pad(), 1)
        self.column.addLayout(row, 1)
        self._indexes: list[int] = []
        self.choose_scan = self._ask_scan

    def title(self) -> str:
        return self.tr("签名：各方依次签名，或纸面签名后附扫描件")

    def _build_pad(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.who = QLabel()
        self.who.setObjectName("sectionTitle")
        column.addWidget(self.who)
        self.pad = SignaturePad()
        self.pad.setObjectName("signaturePad")
        self.pad.setMinimumHeight(220)
        self.pad.setMaximumHeight(340)  # a signature box, not a canvas
        column.addWidget(self.pad, 1)
        buttons = QHBoxLayout()
        undo, clear = QPushButton(self.tr("撤销一笔")), QPushButton(self.tr("清除"))
        undo.clicked.connect(self.pad.undo)
        clear.clicked.connect(self.pad.clear)
        self.confirm = QPushButton(self.tr("确认签名(&S)"))
        self.confirm.setObjectName("confirmSignature")
        self.confirm.clicked.connect(self.sign_on_pad)
        self.paper = QPushButton(self.tr("纸面签名，附扫描件(&P)…"))
        self.paper.setObjectName("paperSignature")
        self.paper.clicked.connect(self.sign_on_paper)
        for button in (undo, clear, self.confirm, self.paper):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        hint = QLabel(
            self.tr(
                "签名板：用鼠标、手写笔或触屏签名，按“确认签名”记录签名人和时间。\n"
                "纸面签名：打印文书签字后，拍照或扫描签名页，按“纸面签名，附扫描件”选择文件。"
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addStretch(1)
        self.pad.strokes_changed.connect(lambda: self.confirm.setEnabled(not self.pad.is_empty()))
        self.confirm.setEnabled(False)
        return column

    def refresh(self, state: SessionState) -> None:
        current = self.signers.currentRow()
        self.signers.blockSignals(True)
        self.signers.clear()
        self._indexes = []
        for index, person in enumerate(state.attendees):
            if not person.signs:
                continue
            role = words.capacities().get(person.capacity, person.capacity)
            if person.signature is None:
                status = self.tr("未签名")
            else:
                how = self.tr("签名板") if person.signature.method == "pad" else self.tr("纸面")
                when = formatting.local_time(person.signature.signed_at)
                status = self.tr("已签名（%1，%2）").replace("%1", how).replace("%2", when)
            self.signers.addItem(QListWidgetItem(f"{person.name or '—'}（{role}）\n{status}"))
            self._indexes.append(index)
        self.signers.blockSignals(False)
        wanted = self._next_unsigned(state) if current < 0 else current
        self.signers.setCurrentRow(min(max(wanted, 0), self.signers.count() - 1))
        self._signer_changed(self.signers.currentRow())

    def _next_unsigned(self, state: SessionState) -> int:
        for row, index in enumerate(self._indexes):
            if state.attendees[index].signature is None:
                return row
        return 0

    def _signer_changed(self, row: int) -> None:
        state = self.shared.state
        has = state is not None and 0 <= row < len(self._indexes)
        self.paper.setEnabled(has)
        if not has or state is None:
            self.who.setText(self.tr("没有需要签名的人：请先在“签到”中登记当事人一方。"))
            return
        person = state.attendees[self._indexes[row]]
        self.who.setText(self.tr("请 %1 在下方签名").replace("%1", person.name or "—"))
        self.pad.clear()

    def first_field(self) -> QWidget:
        return self.signers

    def sign_on_pad(self) -> None:
        if not self.pad.is_empty():
            self._record("pad", self.pad.to_png())

    def sign_on_paper(self) -> None:
        path = self.choose_scan()
        if path is not None:
            self._record("paper", Path(path).read_bytes())

    def _ask_scan(self) -> Path | None:
        title = self.tr("选择签名页的扫描件或照片")
        kinds = self.tr("图片或 PDF (*.png *.jpg *.jpeg *.pdf)")
        name, _f = QFileDialog.getOpenFileName(self, title, "", kinds)
        return Path(name) if name else None

    def _record(self, method: str, image: bytes) -> None:
        from app.services import sessions

        row = self.signers.currentRow()
        if not 0 <= row < len(self._indexes):
            return
        self.shared.call(
            sessions.record_signature,
            self.shared.session_id(),
            self._indexes[row],
            method,
            image,
            on_done=lambda state: self._move_on(state),
        )

    def _move_on(self, state: SessionState) -> None:
        self.signers.setCurrentRow(self._next_unsigned(state))
