"""The case detail pane: parties, loan terms, the creditor's claim and payments of one case.

It only shows a `CaseDetail` it is given; the main window fetches it through the services.
A person's ID and phone numbers show masked (4201**********1234); "显示完整号码" beside
each asks the services for the full number (`ui.ops.cases.reveal`, on the task runner), which
records who looked at which field in the audit log. Choosing a case masks them again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.cases.privacy import masked_party
from ui import formatting, labels
from ui.ops import cases
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.cases.privacy import Revealed
    from app.services.cases.service import (
        CaseDetail,
        CaseSummary,
        ClaimInfo,
        LoanInfo,
        PartyInfo,
        PaymentInfo,
    )
    from app.services.cases.status import StatusOption
    from ui.services import Core

RevealKey = tuple[int, str]  # (party id, "id_number" | "phone")
REVEAL_STYLE = (
    "QPushButton { border: none; color: #2f6fda; padding: 0 2px; text-align: left; }"
    "QPushButton:hover { text-decoration: underline; }"
    "QPushButton:disabled { color: #9ca3af; }"
)


@dataclass(frozen=True)
class Row:
    """One line of a card: a label and a value.

    `kind`: plain, amount, heading, total (a sum under its parts) or summary (a sum above
    a long list, so it shows without scrolling).
    """

    label: str
    value: str = ""
    kind: str = "plain"
    reveal: RevealKey | None = None  # a masked number the user may ask to see in full


class Card(QFrame):
    """A titled white panel listing rows of label/value pairs, scrolling when long."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 10, 8)
        outer.setSpacing(4)
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        outer.addWidget(heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._body.setObjectName("cardBody")
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(0, 0, 4, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(3)
        scroll.setWidget(self._body)
        outer.addWidget(scroll, 1)
        self._on_reveal: Callable[[RevealKey], None] | None = None
        self.masked: dict[RevealKey, tuple[QLabel, QPushButton]] = {}

    def set_rows(
        self, rows: Iterable[Row], on_reveal: Callable[[RevealKey], None] | None = None
    ) -> None:
        """Show `rows`; masked numbers get a "显示完整号码" button calling `on_reveal`."""
        self._on_reveal = on_reveal
        self.masked = {}
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        line = 0
        for row in rows:
            line = self._add_row(line, row)
        self._grid.setRowStretch(line, 1)
        self._grid.setColumnStretch(1, 1)

    def _add_row(self, line: int, row: Row) -> int:
        if row.kind == "heading":
            heading = QLabel(row.label)
            heading.setObjectName("rowHeading")
            heading.setWordWrap(True)
            self._grid.addWidget(heading, line, 0, 1, 2)
            return line + 1
        name = QLabel(row.label)
        name.setObjectName("rowLabel")
        name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        value = QLabel(row.value)
        names = {"total": "rowTotal", "summary": "rowSummary"}
        value.setObjectName(names.get(row.kind, "rowValue"))
        value.setWordWrap(row.kind == "plain")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = row.kind in ("amount", "total", "summary")
        value.setAlignment(
            (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignTop
        )
        if row.kind in names:
            name.setObjectName(names[row.kind] + "Label")
        self._grid.addWidget(name, line, 0)
        if row.reveal is not None and self._on_reveal is not None:
            self._grid.addWidget(self._with_reveal(value, row.reveal), line, 1)
        else:
            self._grid.addWidget(value, line, 1)
        return line + 1

    def _with_reveal(self, value: QLabel, key: RevealKey) -> QWidget:
        holder = QWidget()
        box = QHBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        value.setWordWrap(False)
        button = QPushButton(self.tr("显示完整号码"))
        button.setObjectName("revealButton")
        button.setStyleSheet(REVEAL_STYLE)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(self.tr("查看完整号码会记入审计日志（谁、何时、哪个字段）"))
        on_reveal = self._on_reveal
        assert on_reveal is not None
        button.clicked.connect(lambda: on_reveal(key))
        box.addWidget(value)
        box.addWidget(button)
        box.addStretch(1)
        self.masked[key] = (value, button)
        return holder

    def show_full(self, key: RevealKey, value: str) -> bool:
        """Put the full number in place of the masked one; False when it is not shown."""
        found = self.masked.get(key)
        if found is None:
            return False
        label, button = found
        label.setText(value)
        button.setVisible(False)
        return True

    def texts(self) -> list[str]:
        """Every label's text, in order (for tests and copy)."""
        found = []
        for i in range(self._grid.count()):
            item = self._grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                found.append(widget.text())
            elif widget is not None:
                found += [label.text() for label in widget.findChildren(QLabel)]
        return found


class CaseDetailView(QStackedWidget):
    """Shows one case, or a hint to pick one.

    With `service` (the core) and `runner`, each
    masked number has a "显示完整号码" button.

    Signals:
        number_revealed(str): the full number of this field is now shown.
        reveal_failed(str): the services refused to show it; the message shown.
    """

    number_revealed = Signal(str)
    reveal_failed = Signal(str)
    status_dialog_opened = Signal(object)
    case_changed = Signal(str)
    """The case's mediator or status was changed here (the list should refresh)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        service: Core | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._detail: CaseDetail | None = None
        hint = self.tr("在上方列表中选择一个案件，即可在这里查看当事人、借款、主张和还款。")
        self._hint = QLabel(hint)
        self._hint.setObjectName("hint")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        self.addWidget(self._hint)
        self.addWidget(self._build_page())

    def _build_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        header = QHBoxLayout()
        self._title = QLabel()
        self._title.setObjectName("caseTitle")
        self._status = QLabel()
        self._status.setObjectName("statusChip")
        self._subtitle = QLabel()
        self._subtitle.setObjectName("caseSubtitle")
        self._subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(self._title)
        header.addWidget(self._status)
        header.addSpacing(12)
        header.addWidget(self._subtitle, 1)
        header.addWidget(QLabel(self.tr("承办调解员")))
        self.mediator = QComboBox()
        self.mediator.setObjectName("caseMediator")
        self.mediator.setMinimumWidth(110)
        self.mediator.activated.connect(self._mediator_chosen)
        header.addWidget(self.mediator)
        self.status_button = QPushButton(self.tr("更改状态…"))
        self.status_button.setObjectName("changeStatus")
        self.status_button.clicked.connect(self.open_status_dialog)
        header.addWidget(self.status_button)
        layout.addLayout(header)
        self.reveal_error = message_label("fieldError")
        layout.addWidget(self.reveal_error)
        cards = QHBoxLayout()
        cards.setSpacing(10)
        self.parties = Card(self.tr("当事人"))
        self.loan = Card(self.tr("借款信息"))
        self.claim = Card(self.tr("债权人主张（元）"))
        self.payments = Card(self.tr("还款记录（元）"))
        for card, stretch in ((self.parties, 5), (self.loan, 4), (self.claim, 4)):
            cards.addWidget(card, stretch)
        cards.addWidget(self.payments, 4)
        layout.addLayout(cards, 1)
        return page

    def detail(self) -> CaseDetail | None:
        return self._detail

    def clear(self) -> None:
        self._detail = None
        self.setCurrentIndex(0)

    def show_case(self, detail: CaseDetail) -> None:
        self._detail = detail
        summary = detail.summary
        self._title.setText(summary.case_no)
        self._status.setText(labels.status_label(summary.status, summary.status_label))
        self._status.setProperty("tone", labels.status_tone(summary.status))
        self._status.style().unpolish(self._status)
        self._status.style().polish(self._status)
        self._subtitle.setText(self._subtitle_text(detail))
        self.reveal_error.setVisible(False)
        can_reveal = self._service is not None and self._runner is not None
        on_reveal = self.reveal if can_reveal else None
        self.parties.set_rows(self._party_rows(detail.parties), on_reveal)
        self.loan.set_rows(self._loan_rows(detail.loan))
        self.claim.set_rows(self._claim_rows(detail))
        self.payments.set_rows(self._payment_rows(detail.payments))
        self._show_mediator(summary.mediator_name)
        self.setCurrentIndex(1)

    # -- mediator and status ---------------------------------------------------------------

    def _can_write(self) -> bool:
        return self._service is not None and self._runner is not None

    def _show_mediator(self, name: str) -> None:
        self.mediator.blockSignals(True)
        self.mediator.clear()
        self.mediator.addItem(name or self.tr("（未指定）"), name)
        self.mediator.blockSignals(False)
        self.mediator.setEnabled(self._can_write())
        self.status_button.setEnabled(self._can_write())
        if self._service is None or self._runner is None:
            return
        self._runner.run(cases.mediator_names(self._service)).success(self._names_arrived).failure(
            refused(lambda _refusal: None)  # nobody else to choose: the current name stays
        )

    def _names_arrived(self, names: list[str]) -> None:
        for name in names:
            if self.mediator.findData(name) < 0:
                self.mediator.addItem(name, name)

    def _mediator_chosen(self, index: int) -> None:
        name = str(self.mediator.itemData(index) or "")
        if self._detail is None or not name or name == self._detail.summary.mediator_name:
            return
        if self._service is None or self._runner is None:
            return
        work = cases.assign_mediator(self._service, self._detail.summary.case_no, name)
        self._runner.run(work).success(self._changed).failure(refused(self._write_refused))

    def open_status_dialog(self) -> None:
        """更改状态: the moves allowed now are asked of the services, then offered."""
        if self._detail is None or self._service is None or self._runner is None:
            return
        case_no = self._detail.summary.case_no
        self._runner.run(cases.status_options(self._service, case_no)).success(
            lambda found: self._offer_statuses(case_no, found)
        ).failure(refused(self._write_refused))

    def _offer_statuses(self, case_no: str, options: list[StatusOption]) -> None:
        from ui.views.cases.status_dialog import StatusDialog

        if not options:
            self.reveal_error.setText(self.tr("案件当前状态之后不能再更改。"))
            self.reveal_error.setVisible(True)
            return
        assert self._service is not None and self._runner is not None
        dialog = StatusDialog(self._service, self._runner, case_no, options, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.status_changed.connect(self._changed)
        dialog.open()
        self.status_dialog = dialog
        self.status_dialog_opened.emit(dialog)

    def _changed(self, summary: CaseSummary) -> None:
        self.case_changed.emit(summary.case_no)

    def _write_refused(self, refusal: Refusal) -> None:
        show_refusal(refusal, self.reveal_error, separator="；")
        if self._detail is not None:
            self._show_mediator(self._detail.summary.mediator_name)

    def text(self) -> str:
        """Everything the pane shows, one label per line."""
        if self._detail is None:
            return self._hint.text()
        head = [self._title.text(), self._status.text(), self._subtitle.text()]
        cards = (self.parties, self.loan, self.claim, self.payments)
        return "\n".join(head + [t for card in cards for t in card.texts()])

    def _subtitle_text(self, detail: CaseDetail) -> str:
        s = detail.summary
        parts = [self.tr("债权人：%1").replace("%1", s.creditor_name)]
        if s.mediator_name:
            parts.append(self.tr("调解员：%1").replace("%1", s.mediator_name))
        if s.batch:
            parts.append(self.tr("批次：%1").replace("%1", s.batch))
        if s.court:
            parts.append(self.tr("委派法院：%1").replace("%1", s.court))
        parts.append(self.tr("更新于 %1").replace("%1", formatting.local_time(s.updated_at)))
        return "    ".join(parts)

    # -- the full number, on purpose -----------------------------------------------------------

    def reveal(self, key: RevealKey) -> None:
        """Ask the services for one full number (audited); it shows when it arrives."""
        if self._detail is None or self._service is None or self._runner is None:
            return
        party_id, field = key
        case_no, service = self._detail.summary.case_no, self._service
        found = self.parties.masked.get(key)
        if found is not None:
            found[1].setEnabled(False)
        self._runner.run(cases.reveal(service, case_no, party_id, field)).success(
            self._revealed
        ).failure(refused(self._reveal_refused, always=self._reveal_done))

    def _revealed(self, revealed: Revealed) -> None:
        if self._detail is None or revealed.case_no != self._detail.summary.case_no:
            return  # another case is shown now: it stays masked
        if self.parties.show_full((revealed.party_id, revealed.field), revealed.value):
            self.number_revealed.emit(revealed.field)

    def _reveal_done(self) -> None:
        for _label, button in self.parties.masked.values():
            button.setEnabled(True)

    def _reveal_refused(self, refusal: Refusal) -> None:
        self.reveal_failed.emit(show_refusal(refusal, self.reveal_error))

    def _party_rows(self, parties: Iterable[PartyInfo]) -> list[Row]:
        roles, kinds, ids = labels.party_roles(), labels.party_kinds(), labels.id_types()
        rows: list[Row] = []
        for full in parties:
            party = masked_party(full)  # a person's numbers masked; an organisation's not
            role = labels.lookup(roles, party.role)
            kind = labels.lookup(kinds, party.kind)
            heading = self.tr("%1 · %2（%3）").replace("%1", role).replace("%2", party.name)
            rows.append(Row(heading.replace("%3", kind), kind="heading"))
            if party.id_number:
                masked = party.id_number != full.id_number
                key = (party.id, "id_number") if masked else None
                id_label = labels.lookup(ids, party.id_type or "other")
                rows.append(Row(id_label, party.id_number, reveal=key))
            if party.legal_representative:
                rows.append(Row(self.tr("法定代表人"), party.legal_representative))
            if party.phone:
                key = (party.id, "phone") if party.phone != full.phone else None
                rows.append(Row(self.tr("电话"), party.phone, reveal=key))
            if party.address:
                rows.append(Row(self.tr("地址"), party.address))
        return rows or [Row(self.tr("暂无当事人信息"), kind="heading")]

    def _loan_rows(self, loan: LoanInfo | None) -> list[Row]:
        if loan is None:
            return [Row(self.tr("尚未录入借款信息"), kind="heading")]
        rows = [
            Row(self.tr("出借人类型"), labels.lookup(labels.lender_types(), loan.lender_type)),
            Row(self.tr("合同编号"), loan.contract_no or "—"),
            Row(self.tr("合同日期"), labels.date_text(loan.contract_date)),
            Row(self.tr("放款日期"), labels.date_text(loan.disbursement_date)),
            Row(self.tr("借款本金"), self._with_unit(loan.principal)),
        ]
        if loan.disbursed != loan.principal:
            rows.append(Row(self.tr("实际放款"), self._with_unit(loan.disbursed)))
        rows.append(Row(self.tr("年利率"), formatting.percent(loan.annual_rate) or "—"))
        if loan.overdue_rate is not None:
            rows.append(Row(self.tr("逾期年利率"), formatting.percent(loan.overdue_rate)))
        rows.append(Row(self.tr("计收复利"), labels.yes_no(loan.compound)))
        method = labels.lookup(labels.repayment_methods(), loan.repayment_method)
        rows.append(Row(self.tr("还款方式"), method))
        if loan.term_months:
            rows.append(Row(self.tr("期限"), self.tr("%n 个月", "", loan.term_months)))
        if loan.maturity is not None:
            rows.append(Row(self.tr("到期日"), labels.date_text(loan.maturity)))
        if loan.accelerated_on is not None:
            rows.append(Row(self.tr("宣布提前到期"), labels.date_text(loan.accelerated_on)))
        basis = self.tr("一年按 %1 天").replace("%1", str(loan.day_basis))
        rows.append(Row(self.tr("计息天数"), basis))
        return rows

    def _with_unit(self, amount: Decimal) -> str:
        return self.tr("%1 元").replace("%1", _yuan(amount))

    def _claim_rows(self, detail: CaseDetail) -> list[Row]:
        claim: ClaimInfo | None = detail.claim
        if claim is None:
            return [Row(self.tr("债权人尚未提出主张"), kind="heading")]
        rows = [
            Row(self.tr("计算截至"), labels.date_text(claim.as_of)),
            Row(self.tr("本金"), _yuan(claim.principal), "amount"),
            Row(self.tr("利息"), _yuan(claim.interest), "amount"),
            Row(self.tr("罚息"), _yuan(claim.penalty), "amount"),
            Row(self.tr("复利"), _yuan(claim.compound), "amount"),
            Row(self.tr("费用"), _yuan(claim.fees), "amount"),
            Row(self.tr("实现债权费用"), _yuan(claim.costs), "amount"),
            Row(self.tr("合计"), _yuan(claim.total), "total"),
        ]
        charges = list(detail.fees) + list(detail.costs)
        if charges:
            kinds = labels.charge_kinds()
            rows.append(Row(self.tr("费用明细"), kind="heading"))
            for charge in charges:
                name = f"{labels.date_text(charge.date)} {labels.lookup(kinds, charge.kind)}"
                rows.append(Row(name, _yuan(charge.amount), "amount"))
        return rows

    def _payment_rows(self, payments: Iterable[PaymentInfo]) -> list[Row]:
        listed = sorted(payments, key=lambda p: p.date)
        if not listed:
            return [Row(self.tr("暂无还款记录"), kind="heading")]
        total = sum((p.amount for p in listed), Decimal("0"))
        count = self.tr("已还合计（%n 笔）", "", len(listed))
        rows = [Row(count, _yuan(total), "summary")]
        for payment in listed:
            name = labels.date_text(payment.date)
            if payment.note:
                name = f"{name}  {payment.note}"
            rows.append(Row(name, _yuan(payment.amount), "amount"))
        return rows


def _yuan(amount: Decimal) -> str:
    return formatting.money(amount)
