"""The settlement page of a case: levers with live totals, the instalment plan, the default
terms, and 保存 storing it as the case's one settlement.

Loading and saving go through the task runner (`ui.ops.settlement`, on the database
thread). Live figures are computed on the GUI thread by
the same pure functions `save_settlement` uses (`app.services.settlement.terms`), from the
lawful figures loaded once, so typing never waits for the database. A problem shows next to
its field; a required value left empty is only pointed out once 保存 was pressed. Nothing
typed is changed or lost on an error. The page is self-contained (`load(case_no)`, the
`saved` signal) so the session wizard can embed it as a step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InputError, Problem
from app.domain.plan import Plan
from app.domain.settlement import Levers, SettlementProposal
from app.services.clock import china_today
from app.services.settlement.terms import (
    SettlementInfo,
    build_plan,
    clause_problems,
    default_terms,
    proposal_for,
)
from ui import formatting
from ui.ops import settlement
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.views.settlement.levers import LeversBox
from ui.views.settlement.mandate_room import MandateRoomBox
from ui.views.settlement.plan import PlanBox
from ui.views.settlement.terms_box import ClausesBox, TermsBox
from ui.widgets.hint_stack import install_hint_stack
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.settlement.service import SettlementBasis
    from ui.ops.settlement import MandateState
    from ui.services import Core

STYLE = """
QFrame#settledBar { background: #eff6ff; border: 1px solid #bfd4fb; border-radius: 6px; }
QLabel#barText { color: #1f3a68; font-size: 11pt; font-weight: bold; }
QLabel#lawfulAmount { color: #344054; font-size: 14pt; font-weight: bold; }
QLabel#settledTotal { color: #1849a9; font-size: 22pt; font-weight: bold; }
QLabel#waivedNote, QLabel#basisNote, QLabel#savedNote, QLabel#quiet { color: #4b5563; }
QLabel#floorNote { color: #067647; }
QLabel#floorNote[tone="alert"] { background: #fef3f2; color: #b42318; border: 1px solid #fecdca;
    border-radius: 4px; padding: 2px 8px; font-weight: bold; }
QLabel#lockedBanner { background: #f2f4f7; color: #344054; border: 1px solid #d0d5dd;
    border-radius: 4px; padding: 5px 10px; }
QLabel#gridHead { color: #6b7280; font-weight: bold; }
QLabel#gridTotal, QLabel#agreedTitle { font-weight: bold; color: #111827; }
QLabel#remainder[tone="done"] { color: #067647; }
QLabel#remainder[tone="warn"] { color: #b54708; font-weight: bold; }
QLabel#remainder[tone="alert"] { color: #b42318; font-weight: bold; }
QLabel#planDescription { color: #1f2937; }
QPushButton#saveSettlement { padding: 5px 18px; font-weight: bold; }
QDoubleSpinBox[invalid="true"], QSpinBox[invalid="true"] { border: 1px solid #d92d20; }
"""
MISSING = "缺少此项"


def _clause_path(problem: Problem) -> Problem:
    """`extra_terms[2]: …` is shown under the clauses field as 第 3 条：…"""
    head = "extra_terms["
    if not problem.path.startswith(head):
        return problem
    number = problem.path[len(head) :].split("]")[0]
    which = QCoreApplication.translate("SettlementPage", "第 %1 条：")
    which = which.replace("%1", str(int(number) + 1) if number.isdigit() else number)
    return Problem("extra_terms", which + problem.reason)


class _FitRow(QHBoxLayout):
    """A row that fills its scroll area whenever its minimum fits, without scrolling (word-
    wrapped labels would otherwise make the scroll area size it to its preferred height)."""

    def hasHeightForWidth(self) -> bool:
        return False


class SettlementPage(QWidget):
    """The settlement of one case (`load` / `show_case_no`).

    Signals:
        case_loaded(str): the case's basis is on screen (figures, draft or signed terms).
        saved(object): a `SettlementInfo` was stored.
        save_failed(str): saving was refused; the reasons are on screen.
    """

    case_loaded = Signal(str)
    saved = Signal(object)
    save_failed = Signal(str)

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = china_today,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._today = service, runner, today
        self._case_no = ""
        self._filled_case = ""
        self._basis: SettlementBasis | None = None
        self._proposal: SettlementProposal | None = None
        self._plan: Plan | None = None
        self._tried = False
        self._generation = 0
        self.setStyleSheet(STYLE)
        self._stack, self.hint = install_hint_stack(
            self,
            self.tr("在上方列表中选择一个案件，即可在这里确定调解方案。"),
            self._build_content(),
        )

    # -- building --------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        column.addWidget(self._build_bar())
        self.banner = self._banner("errorBanner")
        self.locked = self._banner("lockedBanner")
        column.addWidget(self.banner)
        column.addWidget(self.locked)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._build_form())
        column.addWidget(scroll, 1)
        return content

    def _banner(self, name: str) -> QLabel:
        return message_label(name)

    def _build_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("settledBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 4, 14, 4)
        row.setSpacing(8)
        row.addWidget(self._text(self.tr("依法应还"), "barText"))
        self.lawful_total = self._text("—", "lawfulAmount")
        row.addWidget(self.lawful_total)
        row.addWidget(self._text(self.tr("元 → 和解金额"), "barText"))
        self.settled_total = self._text("—", "settledTotal")
        row.addWidget(self.settled_total)
        row.addWidget(self._text(self.tr("元"), "barText"))
        row.addSpacing(12)
        notes = QVBoxLayout()
        notes.setSpacing(1)
        self.waived_note = self._text("", "waivedNote")
        self.floor_note = self._text("", "floorNote")
        self.basis_note = self._text("", "basisNote")
        for label in (self.waived_note, self.floor_note, self.basis_note):
            notes.addWidget(label, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(notes, 1)
        save = QVBoxLayout()
        save.setSpacing(2)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("saveSettlement")
        self.save_button.setToolTip(self.tr("保存调解方案（签署前可修改，签署后不可更改）"))
        self.save_button.clicked.connect(self.save)
        self.saved_note = self._text("", "savedNote")
        self.saved_note.setAlignment(Qt.AlignmentFlag.AlignRight)
        save.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        save.addWidget(self.saved_note)
        row.addLayout(save)
        return bar

    def _text(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        return label

    def _build_form(self) -> QWidget:
        form = self.form = QWidget()
        row = _FitRow(form)
        row.setContentsMargins(0, 0, 4, 0)
        row.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(6)
        today = self._today()
        self.levers = LeversBox()
        self.terms = TermsBox(today)
        self.mandate_room = MandateRoomBox(self._service, self._runner)
        left.addWidget(self.levers)
        left.addWidget(self.mandate_room)
        left.addWidget(self.terms)
        left.addStretch(1)
        self.plan = PlanBox(today)
        self.clauses = ClausesBox()
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.plan, 1)
        right.addWidget(self.clauses)
        row.addLayout(left, 11)
        row.addLayout(right, 10)
        self.levers.levers_changed.connect(self._recompute)
        self.plan.plan_changed.connect(self._recompute)
        self.terms.terms_changed.connect(self._recompute)
        self.clauses.clauses_changed.connect(self._recompute)
        return form

    # -- loading ---------------------------------------------------------------------------

    def show_case_no(self, case_no: str) -> None:
        """Load the case (the main window calls this when a case is chosen)."""
        self.load(case_no)

    def load(self, case_no: str) -> None:
        """Load the case's figures and its saved settlement; what is typed for the same case
        stays on screen."""
        self._case_no = case_no
        self._generation += 1
        generation = self._generation
        self._runner.run(settlement.basis(self._service, case_no)).success(
            lambda basis: self._arrived(generation, basis)
        ).failure(refused(lambda refusal: self._load_failed(generation, refusal)))
        self._load_mandate(case_no, failed=True)

    def _load_mandate(self, case_no: str, *, failed: bool) -> None:
        """The mandate that applies; with `failed`, a refusal is shown as the basis's is."""
        generation = self._generation
        task = self._runner.run(settlement.mandate(self._service, case_no)).success(
            lambda found: self._mandate_arrived(generation, found)
        )
        if failed:
            task.failure(refused(lambda refusal: self._load_failed(generation, refusal)))

    def _mandate_arrived(self, generation: int, found: MandateState) -> None:
        if generation == self._generation:
            self.mandate_room.set_view(found)
            self._recompute()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page picks up a newer recalculation (fields stay as typed)."""
        super().showEvent(event)
        if self._case_no and self._basis is not None:
            self.load(self._case_no)

    def _arrived(self, generation: int, basis: SettlementBasis) -> None:
        if generation != self._generation:
            return
        self._basis = basis
        self.banner.setVisible(False)
        if basis.lawful is None:
            self._show_no_snapshot(basis)
            return
        self._stack.setCurrentIndex(1)
        if basis.case_no != self._filled_case:
            self._fill(basis)
        self.levers.show_lawful(basis.lawful)
        self.terms.set_cap(basis.cap_rate)
        self._show_state(basis)
        self._recompute()
        self.case_loaded.emit(basis.case_no)

    def _fill(self, basis: SettlementBasis) -> None:
        saved: SettlementInfo | None = basis.saved
        self._filled_case, self._tried = basis.case_no, False
        self.levers.set_levers(saved.levers if saved else Levers())
        self.plan.set_spec(saved.plan_input if saved else {}, basis.today)
        if saved is None:
            self.terms.set_terms(None, 0, None, basis.today)
            self.clauses.set_clauses("", ())
        else:
            self.terms.set_terms(saved.terms, saved.grace_days, saved.plan_interest, basis.today)
            self.clauses.set_clauses(saved.payment_method, saved.extra_terms)

    def _show_no_snapshot(self, basis: SettlementBasis) -> None:
        self._filled_case = ""
        text = self.tr(
            "案件 %1 还没有保存的计算结果。调解方案以依法应还金额为基础：请先在“重新计算”中"
            "计算并保存计算结果，再回到这里。"
        )
        self.hint.setText(text.replace("%1", basis.case_no))
        self._stack.setCurrentIndex(0)
        self.case_loaded.emit(basis.case_no)

    def _show_state(self, basis: SettlementBasis) -> None:
        editable = bool(basis.editable)
        self.form.setEnabled(editable)
        self.save_button.setVisible(editable)
        text = self.tr("依据第 %1 号计算结果（计算日 %2）")
        note = text.replace("%1", str(basis.snapshot_id)).replace("%2", str(basis.snapshot_as_of))
        saved = basis.saved
        if saved is not None and saved.snapshot_id != basis.snapshot_id and editable:
            older = self.tr("；已保存的方案依据第 %1 号，保存后改用本结果")
            note += older.replace("%1", str(saved.snapshot_id))
        self.basis_note.setText(note)
        self.basis_note.setToolTip(f"SHA-256: {basis.snapshot_sha256}")
        self._show_saved(saved)
        if editable:
            self.locked.setVisible(False)
            return
        if basis.signed:
            text = self.tr("调解协议已签署（%1），以下条款不可更改。履行情况见“履行情况”。")
        else:
            text = self.tr("案件当前为“%1”，不能再修改调解方案。")
        self.locked.setText(text.replace("%1", basis.status_label))
        self.locked.setVisible(True)

    def _show_saved(self, saved: SettlementInfo | None) -> None:
        if saved is None:
            self.saved_note.setText(self.tr("尚未保存"))
            return
        text = self.tr("已保存 %1").replace("%1", formatting.local_time(saved.updated_at))
        self.saved_note.setText(text)

    def _load_failed(self, generation: int, refusal: Refusal) -> None:
        if generation != self._generation:
            return
        self._basis = None
        show_refusal(refusal, self.hint)
        self._stack.setCurrentIndex(0)

    # -- live figures ----------------------------------------------------------------------

    def plan_spec(self) -> dict[str, Any]:
        return {**self.plan.spec(), **self.terms.plan_extras()}

    def _recompute(self) -> None:
        basis = self._basis
        if basis is None or basis.lawful is None:
            return
        problems: list[Problem] = []
        proposal = plan = None
        try:
            proposal = proposal_for(basis.lawful, self.levers.levers_data(), basis.creditor_floor)
        except InputError as error:
            problems += error.problems
        if proposal is not None:
            try:
                plan = build_plan(proposal.settled_total, self.plan_spec(), basis.cap_rate)
            except InputError as error:
                problems += error.problems
        problems += clause_problems(self.clauses.method_text(), self.clauses.clauses())
        if self._tried:
            try:
                default_terms(self.terms.terms_data())
            except InputError as error:
                problems += error.problems
        self._proposal, self._plan = proposal, plan
        self.levers.show_proposal(proposal)
        self.mandate_room.show_room(proposal, plan, basis.today)
        self.plan.show_plan(plan, proposal.settled_total if proposal else None)
        self._show_totals(proposal)
        self._show_problems(problems, live=True)

    def _show_totals(self, proposal: SettlementProposal | None) -> None:
        basis = self._basis
        assert basis is not None and basis.lawful is not None  # only once figures are shown
        self.lawful_total.setText(formatting.money(basis.lawful.total))
        if proposal is None:
            self.settled_total.setText("—")
            self.waived_note.setText(self.tr("减免项有误，请看标红的项目"))
        else:
            self.settled_total.setText(formatting.money(proposal.settled_total))
            text = self.tr("共减免 %1 元").replace("%1", formatting.money(proposal.waived_total))
            self.waived_note.setText(text)
        self._show_floor(proposal)

    def _show_floor(self, proposal: SettlementProposal | None) -> None:
        floor = self._basis.creditor_floor if self._basis is not None else None
        tone = ""
        if floor is None:
            text = self.tr("债权人未提出最低可接受金额")
        elif proposal is not None and proposal.below_floor:
            text = self.tr("⚠ 低于债权人可接受的最低金额 %1 元（差 %2 元），请与债权人确认")
            text = text.replace("%1", formatting.money(floor))
            text = text.replace("%2", formatting.money(proposal.floor_shortfall))
            tone = "alert"
        else:
            text = self.tr("债权人可接受的最低金额 %1 元").replace("%1", formatting.money(floor))
        self.floor_note.setText(text)
        self.floor_note.setProperty("tone", tone)
        self.floor_note.style().unpolish(self.floor_note)
        self.floor_note.style().polish(self.floor_note)

    def _show_problems(self, problems: list[Problem], *, live: bool) -> None:
        if live and not self._tried:
            problems = [p for p in problems if not p.reason.startswith(MISSING)]
            problems = [p for p in problems if p.path != "plan.installments"]  # see 尚余
        fields = {**self.levers.field_rows, **self.plan.field_rows, **self.terms.field_rows,
                  **self.clauses.field_rows}  # fmt: skip
        problems = [_clause_path(p) for p in problems]
        shown = {p.path: p.reason for p in problems if p.path in fields}
        for path, field in fields.items():
            field.set_error(shown.get(path, ""))
        aliases = {"plan.down_payment": "plan.down_payment.amount"}
        rest = []
        for problem in problems:
            if problem.path in aliases and aliases[problem.path] in fields:
                fields[aliases[problem.path]].set_error(problem.reason)
            elif problem.path not in fields:
                rest.append(problem)
        self.plan.show_problems([p for p in rest if p.path.startswith("plan.installments")])
        general = [str(p) for p in rest if not p.path.startswith("plan.installments")]
        if not live and problems:
            general.insert(0, self.tr("未保存：请按标红的提示修改后再保存。"))
        if general or not problems:  # a save's message stays while its problems remain
            self.banner.setText("\n".join(general))
            self.banner.setVisible(bool(general))

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        """Store the settlement on screen (on the database thread)."""
        basis = self._basis
        if basis is None or basis.lawful is None or not basis.editable:
            return
        self._tried = True
        terms = settlement.Terms(
            self.levers.levers_data(),
            self.plan_spec(),
            self.terms.terms_data(),
            self.clauses.method_text(),
            self.clauses.clauses(),
        )
        self.save_button.setEnabled(False)
        self.saved_note.setText(self.tr("正在保存…"))
        work = settlement.save(self._service, basis.case_no, terms, basis.snapshot_id)
        self._runner.run(work).success(self._saved).failure(
            refused(self._save_failed, always=self._save_over)
        )

    def _saved(self, info: SettlementInfo) -> None:
        self.save_button.setEnabled(True)
        if self._basis is not None and self._basis.case_no == info.case_no:
            self._basis = replace(self._basis, saved=info)
            self._tried = False
            self.banner.setVisible(False)
            self._show_state(self._basis)
            self._load_mandate(info.case_no, failed=False)
        self.saved.emit(info)

    def _save_over(self) -> None:
        self.save_button.setEnabled(True)
        self._show_saved(self._basis.saved if self._basis is not None else None)

    def _save_failed(self, refusal: Refusal) -> None:
        if refusal.problems:
            self._show_problems(list(refusal.problems), live=False)
        else:
            show_refusal(refusal, self.banner)
        self.save_failed.emit(self.banner.text())

    # -- for tests and the wizard ------------------------------------------------------------

    def proposal(self) -> SettlementProposal | None:
        """The proposal on screen (None while a lever is refused)."""
        return self._proposal

    def current_plan(self) -> Plan | None:
        return self._plan

    def case_no(self) -> str:
        return self._case_no
