"""The case detail pane: parties, loan terms, the creditor's claim and payments of one case.

It only shows a `CaseDetail` it is given; the main window fetches it through the services.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import formatting, labels

if TYPE_CHECKING:
    from app.services.cases import CaseDetail, ClaimInfo, LoanInfo, PartyInfo, PaymentInfo


@dataclass(frozen=True)
class Row:
    """One line of a card: a label and a value.

    `kind`: plain, amount, heading, total (a sum under its parts) or summary (a sum above
    a long list, so it shows without scrolling).
    """

    label: str
    value: str = ""
    kind: str = "plain"


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

    def set_rows(self, rows: Iterable[Row]) -> None:
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
        self._grid.addWidget(value, line, 1)
        return line + 1

    def texts(self) -> list[str]:
        """Every label's text, in order (for tests and copy)."""
        found = []
        for i in range(self._grid.count()):
            item = self._grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                found.append(widget.text())
        return found


class CaseDetailView(QStackedWidget):
    """Shows one case, or a hint to pick one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout.addLayout(header)
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
        self.parties.set_rows(self._party_rows(detail.parties))
        self.loan.set_rows(self._loan_rows(detail.loan))
        self.claim.set_rows(self._claim_rows(detail))
        self.payments.set_rows(self._payment_rows(detail.payments))
        self.setCurrentIndex(1)

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
        parts.append(self.tr("更新于 %1").replace("%1", formatting.local_time(s.updated_at)))
        return "    ".join(parts)

    def _party_rows(self, parties: Iterable[PartyInfo]) -> list[Row]:
        roles, kinds, ids = labels.party_roles(), labels.party_kinds(), labels.id_types()
        rows: list[Row] = []
        for party in parties:
            role = labels.lookup(roles, party.role)
            kind = labels.lookup(kinds, party.kind)
            heading = self.tr("%1 · %2（%3）").replace("%1", role).replace("%2", party.name)
            rows.append(Row(heading.replace("%3", kind), kind="heading"))
            if party.id_number:
                rows.append(Row(labels.lookup(ids, party.id_type or "other"), party.id_number))
            if party.legal_representative:
                rows.append(Row(self.tr("法定代表人"), party.legal_representative))
            if party.phone:
                rows.append(Row(self.tr("电话"), party.phone))
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
