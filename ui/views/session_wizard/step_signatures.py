"""Step 8, signatures: the agreement is made final, then every party (a company through its
agent) and the mediator sign it in turn on the pad — name and time recorded — or it is
signed on paper and the scan attached (see `app.services.sessions.signing`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting
from ui.ops import sessions
from ui.refusal import Refusal
from ui.views.documents.signature_pad import SignaturePad
from ui.views.session_wizard.shared import Shared, StepPage

if TYPE_CHECKING:
    from app.services.documents.signatures import Signer, SigningProgress
    from app.services.sessions.service import SessionState


class SignaturesPage(StepPage):
    key = "signatures"

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        top = QHBoxLayout()
        self.version_note = QLabel()
        self.version_note.setObjectName("sectionTitle")
        self.prepare_button = QPushButton(self.tr("生成协议书定稿(&G)"))
        self.prepare_button.setObjectName("prepareAgreement")
        self.prepare_button.clicked.connect(self.prepare)
        top.addWidget(self.version_note, 1)
        top.addWidget(self.prepare_button)
        self.column.addLayout(top)
        row = QHBoxLayout()
        self.signers = QListWidget()
        self.signers.setObjectName("signers")
        self.signers.setMaximumWidth(330)
        self.signers.setSpacing(4)
        self.signers.currentRowChanged.connect(self._signer_changed)
        row.addWidget(self.signers)
        row.addLayout(self._build_pad(), 1)
        self.column.addLayout(row, 1)
        self.progress: SigningProgress | None = None
        self.choose_scan = self._ask_scan

    def title(self) -> str:
        return self.tr("签名：协议书定稿后各方依次签名，或纸面签名后附扫描件")

    def _build_pad(self) -> QVBoxLayout:
        column = QVBoxLayout()
        who = QHBoxLayout()
        self.who = QLabel()
        self.name = QLineEdit()
        self.name.setObjectName("signerName")
        self.name.setMaximumWidth(220)
        self.who.setBuddy(self.name)
        who.addWidget(self.who)
        who.addWidget(self.name)
        who.addStretch(1)
        column.addLayout(who)
        self.pad = SignaturePad()
        self.pad.setObjectName("signaturePad")
        self.pad.setMinimumHeight(220)
        self.pad.setMaximumHeight(320)  # a signature box, not a canvas
        column.addWidget(self.pad, 1)
        column.addLayout(self._build_buttons())
        hint = QLabel(
            self.tr(
                "签名板：用鼠标、手写笔或触屏签名，按“确认签名”记录签名人和时间。\n"
                "纸面签名：打印协议书签字后，拍照或扫描签名页，按“纸面签名，附扫描件”选择文件。"
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addStretch(1)
        return column

    def _build_buttons(self) -> QHBoxLayout:
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
        self.pad.strokes_changed.connect(self._update_buttons)
        return buttons

    # -- the version to sign ----------------------------------------------------------------

    def entered(self) -> None:
        state = self.shared.state
        if state is not None and state.outcome == "agreed" and state.is_open:
            self.prepare()

    def refresh(self, state: SessionState) -> None:
        agreed = state.outcome == "agreed"
        self.prepare_button.setEnabled(agreed and state.is_open)
        if not agreed:
            self.version_note.setText(self.tr("只有达成协议时才需要签名：本次调解不需要。"))
        self._update_buttons()

    def prepare(self) -> None:
        """Make the agreement final as the case stands (or find that version again)."""
        self.saver.flush()
        self.prepare_button.setEnabled(False)
        self.version_note.setText(self.tr("正在生成协议书定稿…"))
        work = sessions.prepare_agreement(self.shared.service, self.shared.case_no)
        self.shared.call(work, on_done=self._show, on_error=self._refused)

    def _refused(self, refusal: Refusal) -> None:
        self.version_note.setText(self.tr("还不能定稿：") + "；".join(refusal.reasons))
        self.prepare_button.setEnabled(True)

    def _show(self, progress: SigningProgress) -> None:
        self.progress = progress
        doc = progress.document
        status = self.tr("已签署") if doc.status == "signed" else self.tr("待签名")
        text = self.tr("人民调解协议书第 %1 版（%2）").replace("%1", str(doc.version))
        self.version_note.setText(text.replace("%2", status))
        self.prepare_button.setEnabled(True)
        signed = {s.party_id: s for s in progress.signatures}
        self.signers.blockSignals(True)
        self.signers.clear()
        for signer in progress.required:
            done = signed.get(signer.party_id)
            if done is None:
                state = self.tr("已签署（纸面）") if doc.status == "signed" else self.tr("未签名")
            else:
                when = formatting.local_time(done.signed_at)
                state = self.tr("已签名：%1，%2").replace("%1", done.signer_name)
                state = state.replace("%2", when)
            self.signers.addItem(QListWidgetItem(f"{signer.label}\n{state}"))
        self.signers.blockSignals(False)
        self.signers.setCurrentRow(self._next_unsigned())
        self._signer_changed(self.signers.currentRow())
        self.shared.refreshed()

    def _next_unsigned(self) -> int:
        if self.progress is None:
            return 0
        signed = {s.party_id for s in self.progress.signatures}
        for row, signer in enumerate(self.progress.required):
            if signer.party_id not in signed:
                return row
        return 0

    def _signer_changed(self, row: int) -> None:
        signer = self._signer(row)
        self.pad.clear()
        if signer is None:
            self.who.setText(self.tr("签名人"))
            self.name.clear()
            return
        self.who.setText(self.tr("请 %1 签名，签名人：").replace("%1", signer.label))
        self.name.setText(self._default_name(signer))
        self._update_buttons()

    def _signer(self, row: int) -> Signer | None:
        if self.progress is None or not 0 <= row < len(self.progress.required):
            return None
        return self.progress.required[row]

    def _default_name(self, signer: Signer) -> str:
        """A company signs through its agent at the session: the agent's name."""
        state = self.shared.state
        if signer.role == "creditor" and state is not None:
            kinds: dict[int | None, str] = {p.id: p.kind for p in state.case.parties}
            if kinds.get(signer.party_id) == "organisation":
                agents = [a.name for a in state.attendees if a.capacity == "creditor_agent"]
                return agents[0] if agents else ""
        return str(signer.name)

    def _update_buttons(self) -> None:
        open_version = self.progress is not None and self.progress.document.status != "signed"
        has_signer = self._signer(self.signers.currentRow()) is not None
        self.confirm.setEnabled(open_version and has_signer and not self.pad.is_empty())
        self.paper.setEnabled(open_version)

    def first_field(self) -> QWidget:
        return self.signers

    # -- signing ----------------------------------------------------------------------------

    def sign_on_pad(self) -> None:
        signer = self._signer(self.signers.currentRow())
        if signer is None or self.pad.is_empty() or self.progress is None:
            return
        work = sessions.sign_on_pad(
            self.shared.service, self.progress.document.id, signer.party_id,
            self.name.text(), self.pad.to_png(), self.pad.strokes_data(),
        )  # fmt: skip
        self.shared.call(work, on_done=self._show, on_error=self._refused)

    def sign_on_paper(self) -> None:
        path = self.choose_scan()
        if path is None or self.progress is None:
            return
        scan = Path(path).read_bytes()
        doc_id = self.progress.document.id
        work = sessions.sign_on_paper(self.shared.service, doc_id, scan, Path(path).name)
        self.shared.call(work, on_done=self._show, on_error=self._refused)

    def _ask_scan(self) -> Path | None:
        title = self.tr("选择签名页的扫描件或照片")
        kinds = self.tr("图片或 PDF (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.pdf)")
        name, _f = QFileDialog.getOpenFileName(self, title, "", kinds)
        return Path(name) if name else None
