"""Step 9, finish: what the session comes to, then 完成调解 — the case moves on (agreed →
已签署, not agreed → 调解终结, adjourned → 已排期) and the documents are rendered, to open,
print or save.

An agreement signed on the pad then gets the organisation's digital signature (PAdES) on
the signed PDF: the passphrase is had on the GUI thread (asked only when no keyring and no
`MEDIATION_DESK_PASSPHRASE` have it), the signing runs on the task runner. When that fails
(cancelled, wrong passphrase) the finished session and the signed agreement stay as they
are, and the page says how to seal it later from the 文书 tab."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ui import formatting, labels
from ui.ops import sessions
from ui.views.lock.passphrase_dialog import ask_passphrase
from ui.views.session_wizard import words
from ui.views.session_wizard.doc_list import save_documents
from ui.views.session_wizard.shared import Shared, StepPage
from ui.views.session_wizard.slow_action import SlowAction
from ui.views.settings.org_seal import PassphraseAsker, seal_failed_text, seal_in_background

if TYPE_CHECKING:
    from app.services.documents.records import DocumentInfo
    from app.services.documents.service import RenderedDocument
    from app.services.sessions.close import ClosedSession
    from app.services.sessions.service import SessionState
    from ui.views.documents.panel import DocumentsPanel

NEXT_STATUS = {"agreed": "signed", "not_agreed": "terminated", "adjourned": "scheduled"}


def needs_seal(closed: ClosedSession) -> bool:
    from app.services.sessions.close import agreement_to_seal

    return agreement_to_seal(closed) is not None


def _sealed(version: DocumentInfo) -> bool:
    from app.services.sessions.signing import is_sealed

    return is_sealed(version)


class FinishPage(StepPage):
    """Signals:
    closed(object): the session ended; a `ClosedSession` (status, documents), its
        agreement sealed by the organisation when that could be done.
    """

    key = "finish"
    closed = Signal(object)

    def __init__(self, shared: Shared, parent: QWidget | None = None) -> None:
        super().__init__(shared, parent)
        self.summary = QLabel()
        self.summary.setObjectName("finishSummary")
        self.summary.setWordWrap(True)
        self.column.addWidget(self.summary)
        row = QHBoxLayout()
        self.finish_button = QPushButton(self.tr("完成调解并生成文书(&F)"))
        self.finish_button.setObjectName("finishSession")
        self.finish_button.clicked.connect(self.finish)
        self.action = SlowAction(self, self.finish_button, self.tr("还不能完成："))
        self.progress, self.problems = self.action.progress, self.action.problems
        self.save_all = QPushButton(self.tr("全部保存到文件夹…"))
        self.save_all.setObjectName("saveAllDocuments")
        self.save_all.setVisible(False)
        row.addWidget(self.finish_button)
        row.addWidget(self.progress)
        row.addWidget(self.save_all)
        row.addStretch(1)
        self.column.addLayout(row)
        self.column.addWidget(self.problems)
        self.seal_problem = QLabel()
        self.seal_problem.setObjectName("sealProblem")
        self.seal_problem.setWordWrap(True)
        self.seal_problem.setVisible(False)
        self.column.addWidget(self.seal_problem)
        self.save_all.clicked.connect(self.ask_save_all)
        self.stored: DocumentsPanel | None = None  # the 文书 panel, once documents are stored
        self.column.addStretch(1)
        self.documents: list[RenderedDocument] = []
        self.previewed = False
        self.confirm: Callable[[str], bool] = self._ask
        self.ask_passphrase: PassphraseAsker = ask_passphrase
        self.result: ClosedSession | None = None

    def title(self) -> str:
        return self.tr("完成：结束调解，案件进入下一状态，打印文书")

    def refresh(self, state: SessionState) -> None:
        if self.result is not None:
            return
        outcome = words.outcomes().get(state.outcome, self.tr("（尚未选择）"))
        lines = [self.tr("调解结果：%1").replace("%1", outcome)]
        if state.snapshot is not None:
            lawful = formatting.money(state.snapshot.lawful_total)
            lines.append(self.tr("依法应还：%1 元").replace("%1", lawful))
        if state.settlement is not None and state.outcome == "agreed":
            total = formatting.money(state.settlement.settled_total)
            lines.append(self.tr("调解确定的还款总额：%1 元").replace("%1", total))
        target = NEXT_STATUS.get(state.outcome)
        if target is not None:
            now, then = labels.status_label(state.status), labels.status_label(target)
            lines.append(self.tr("案件状态：%1 → %2").replace("%1", now).replace("%2", then))
        self.summary.setText("\n".join(lines))
        self.finish_button.setEnabled(target is not None)

    def first_field(self) -> QWidget:
        return self.finish_button

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("完成调解"), text)
        return answer == QMessageBox.StandardButton.Yes

    def finish(self) -> None:
        state = self.shared.state
        if state is None or state.outcome not in NEXT_STATUS:
            return
        question = self.tr("完成后本次调解的记录不能再修改，案件将改为“%1”。确定完成吗？")
        if not self.confirm(
            question.replace("%1", labels.status_label(NEXT_STATUS[state.outcome]))
        ):
            return
        work = sessions.close(self.shared.service, self.shared.case_no, state.outcome)
        self.action.start(work, on_done=self._closed)

    def _closed(self, closed: ClosedSession) -> None:
        self.result = closed
        if needs_seal(closed):
            self._seal(closed)
        else:
            self._show_closed(closed)

    def _seal(self, closed: ClosedSession) -> None:
        """The organisation's PAdES signature on the pad-signed agreement: the passphrase
        here on the GUI thread, the signing on the task runner."""
        self.action.busy()  # hidden again when the page shows the outcome
        service = self.shared.service
        seal_in_background(
            self, service, self.shared.runner,
            lambda passphrase, user: sessions.seal_closed(service, closed, passphrase, user),
            ask=self.ask_passphrase,
            on_done=self._show_closed, on_refused=lambda why: self._show_closed(closed, why),
        )  # fmt: skip

    def _show_closed(self, closed: ClosedSession, seal_problem: str = "") -> None:
        self.result = closed
        self.progress.setVisible(False)
        status = labels.status_label(closed.result.status)
        done = self.tr("调解已完成，案件状态：%1。请打开文书打印，或保存到文件夹。")
        figures = self.summary.text().split("\n")[1:-1]  # outcome and amounts, not the move
        lines = [done.replace("%1", status), *figures]
        if any(_sealed(version) for version in closed.versions):
            lines.append(self.tr("调解协议书已加盖组织电子签章（数字签名）。"))
        self.summary.setText("\n".join(lines))
        self.seal_problem.setText(seal_failed_text(seal_problem) if seal_problem else "")
        self.seal_problem.setVisible(bool(seal_problem))
        self.documents = list(closed.documents)
        self.save_all.setVisible(True)
        self._show_stored()
        self.closed.emit(closed)

    def _show_stored(self) -> None:
        """The stored versions with their pages, 打印… and 另存为 (the case's 文书 panel)."""
        from ui.views.documents.panel import DocumentsPanel

        self.stored = DocumentsPanel(self.shared.service, self.shared.runner)
        self.stored.setObjectName("storedDocuments")
        self.stored.setMinimumHeight(430)
        self.column.insertWidget(self.column.count() - 1, self.stored, 1)
        self.stored.preview_shown.connect(self._previewed)
        self.stored.sealed.connect(self._sealed_later)
        self.stored.load(self.shared.case_no)

    def _sealed_later(self, _document_id: int) -> None:
        """Sealed from the panel below after a failed attempt: keep the sealed agreement."""
        if self.result is None:
            return
        work = sessions.seal_closed(self.shared.service, self.result)
        self.shared.runner.run(work).success(self._resealed)

    def _resealed(self, closed: ClosedSession) -> None:
        self.result, self.documents = closed, list(closed.documents)
        self.seal_problem.setVisible(False)
        self.summary.setText(
            self.summary.text() + "\n" + self.tr("调解协议书已加盖组织电子签章（数字签名）。")
        )

    def _previewed(self, _document_id: int) -> None:
        self.previewed = True

    def save_all_to(self, folder: Path) -> list[Path]:
        return save_documents(self.documents, folder)

    def ask_save_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存文书的文件夹"))
        if folder:
            self.save_all_to(Path(folder))
