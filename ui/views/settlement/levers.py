"""The levers of a settlement as a grid: each kind's lawful amount, what is given up on it,
the effect in yuan and what is left; then the fixed agreed sum and the totals.

Percentages are spin boxes (0–100, two decimals, read back as their text so no binary float
reaches a figure); amounts are text fields the service parses. The widget computes nothing:
the page gives it the domain's proposal to show.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain.settlement import KINDS, LawfulFigures, Levers, SettlementProposal
from ui import formatting
from ui.widgets.field_row import FieldRow

PERCENT_LEVERS = {
    "interest": "waive_interest",
    "penalty": "waive_penalty",
    "compound": "waive_compound",
    "fees": "waive_fees",
}
COLUMNS = 5


def percent_box(name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setLocale(QLocale.c())  # "50.00": the text is read back as a Decimal
    box.setDecimals(2)
    box.setRange(0, 100)
    box.setSingleStep(10)
    box.setSuffix(" %")
    box.setAccelerated(True)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
    box.setMinimumWidth(96)
    box.setMaximumWidth(120)
    return box


def percent_text(box: QDoubleSpinBox) -> str:
    return box.cleanText().strip()


class LeversBox(QGroupBox):
    """减免与和解金额.

    Signals:
        levers_changed(): any lever was edited.
    """

    levers_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("减免与和解金额"), parent)
        self.setObjectName("leversBox")
        self.field_rows: dict[str, FieldRow] = {}
        self.percent: dict[str, QDoubleSpinBox] = {}
        self._cells: dict[tuple[str, str], QLabel] = {}
        grid = self._grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(COLUMNS, 1)  # figures stay beside their lever; room on the right
        grid.setColumnMinimumWidth(3, 90)
        grid.setColumnMinimumWidth(4, 90)
        heads = [self.tr("项目"), self.tr("依法应还"), self.tr("减免方式"), self.tr("减免金额"),
                 self.tr("和解应还")]  # fmt: skip
        for column, text in enumerate(heads):
            grid.addWidget(self._label(text, "gridHead", column), 0, column)
        for row, kind in enumerate(KINDS, start=1):
            self._kind_row(row, kind)
        self._agreed_row(len(KINDS) + 1)
        self._total_row(len(KINDS) + 2)

    # -- building --------------------------------------------------------------------------

    def _label(self, text: str, name: str, column: int) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        if column in (1, 3, 4):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _figures(self, row: int, key: str, name: str = "figure") -> None:
        for column, part in ((1, "lawful"), (3, "effect"), (4, "settled")):
            cell = self._label("—", name, column)
            self._cells[(key, part)] = cell
            self._grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)

    def _kind_row(self, row: int, kind: str) -> None:
        self._grid.addWidget(QLabel(kind_label(kind)), row, 0, Qt.AlignmentFlag.AlignTop)
        if kind == "principal":
            editor: QWidget = self._principal_editor()
        elif kind in PERCENT_LEVERS:
            name = PERCENT_LEVERS[kind]
            box = self.percent[name] = percent_box(name)
            box.setToolTip(self.tr("减免的比例：100% 为全部减免，0 为不减免"))
            box.valueChanged.connect(lambda _v, n=name: self._edited(n))
            editor = self.field_rows[f"levers.{name}"] = FieldRow(box)
        else:
            editor = QLabel(self.tr("不减免（可通过约定和解金额调整）"))
            editor.setObjectName("quiet")
        self._grid.addWidget(editor, row, 2)
        self._figures(row, kind)

    def _principal_editor(self) -> QWidget:
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(6)
        self.principal_discount = QLineEdit()
        self.principal_discount.setObjectName("principal_discount")
        self.principal_discount.setPlaceholderText(self.tr("减让金额"))
        self.principal_discount.textEdited.connect(lambda _t: self._edited("principal_discount"))
        name = "principal_discount_percent"
        box = self.percent[name] = percent_box(name)
        box.setToolTip(self.tr("或按本金的比例减让（金额与比例只填一项）"))
        box.valueChanged.connect(lambda _v: self._edited(name))
        amount_row = FieldRow(self.principal_discount)
        self.field_rows["levers.principal_discount"] = amount_row
        percent_row = self.field_rows[f"levers.{name}"] = FieldRow(box)
        self.principal_discount.setMaximumWidth(150)
        line.addWidget(amount_row)
        line.addWidget(QLabel(self.tr("或")), 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(percent_row)
        line.addStretch(1)
        return holder

    def _agreed_row(self, row: int) -> None:
        title = QLabel(self.tr("约定和解金额"))
        title.setObjectName("agreedTitle")
        self._grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
        self.agreed_sum = QLineEdit()
        self.agreed_sum.setObjectName("agreed_sum")
        self.agreed_sum.setPlaceholderText(self.tr("双方商定的总额（可不填）"))
        self.agreed_sum.setToolTip(
            self.tr("填写后，和解金额即为此数；超出其他减免的部分依次从费用、复利、罚息、利息、"
                    "本金中减免")
        )  # fmt: skip
        self.agreed_sum.textEdited.connect(lambda _t: self._edited("agreed_sum"))
        self.agreed_sum.setMaximumWidth(220)
        self.field_rows["levers.agreed_sum"] = FieldRow(self.agreed_sum)
        self._grid.addWidget(self.field_rows["levers.agreed_sum"], row, 2)
        self._figures(row, "agreed")
        self._cells[("agreed", "lawful")].setText("")
        self._cells[("agreed", "settled")].setText("")

    def _total_row(self, row: int) -> None:
        title = QLabel(self.tr("合计"))
        title.setObjectName("gridTotal")
        self._grid.addWidget(title, row, 0)
        self._figures(row, "total", "gridTotal")

    def _edited(self, name: str) -> None:
        self.field_rows[f"levers.{name}"].set_error("")
        self.levers_changed.emit()

    # -- values ----------------------------------------------------------------------------

    def levers_data(self) -> dict[str, str]:
        """The levers that are on, in the service's JSON form (texts as typed)."""
        data = {name: percent_text(box) for name, box in self.percent.items()}
        data = {name: text for name, text in data.items() if Decimal(text or "0") != 0}
        for name, edit in (("principal_discount", self.principal_discount),
                           ("agreed_sum", self.agreed_sum)):  # fmt: skip
            if edit.text().strip():
                data[name] = edit.text().strip()
        return data

    def set_levers(self, levers: Levers) -> None:
        """Fill the fields from stored levers (signals blocked: nothing counts as edited)."""
        for name, box in self.percent.items():
            box.blockSignals(True)
            box.setValue(float(getattr(levers, name)))  # two decimals: exact in the box
            box.blockSignals(False)
        amount = levers.principal_discount
        self.principal_discount.setText(formatting.money(amount) if amount else "")
        agreed = levers.agreed_sum
        self.agreed_sum.setText("" if agreed is None else formatting.money(agreed))
        for row in self.field_rows.values():
            row.set_error("")

    def show_lawful(self, lawful: LawfulFigures) -> None:
        for kind in KINDS:
            self._cells[(kind, "lawful")].setText(formatting.money(lawful.of(kind)))
        self._cells[("total", "lawful")].setText(formatting.money(lawful.total))

    def show_proposal(self, proposal: SettlementProposal | None) -> None:
        """Each lever's effect and what is left per kind; dashes when the levers are refused."""
        effects = {e.lever: e for e in proposal.effects} if proposal else {}
        for kind in KINDS:
            lever = PERCENT_LEVERS.get(kind, "principal_discount" if kind == "principal" else "")
            effect = effects.get(lever)
            self._cells[(kind, "effect")].setText(_minus(effect.amount) if effect else "")
            self._cells[(kind, "effect")].setToolTip(effect.label_zh if effect else "")
            settled = proposal.settled.of(kind) if proposal else None
            self._cells[(kind, "settled")].setText(_money_or_dash(settled))
        agreed = effects.get("agreed_sum")
        self._cells[("agreed", "effect")].setText(_minus(agreed.amount) if agreed else "")
        self._cells[("agreed", "effect")].setToolTip(agreed.label_zh if agreed else "")
        waived = proposal.waived_total if proposal else None
        self._cells[("total", "effect")].setText(_minus(waived) if waived else "")
        total = proposal.settled_total if proposal else None
        self._cells[("total", "settled")].setText(_money_or_dash(total))

    def cell_text(self, key: str, part: str) -> str:
        """The text of a figure: key a kind, "agreed" or "total"; part lawful/effect/settled."""
        return self._cells[(key, part)].text()


def kind_label(kind: str) -> str:
    return {
        "principal": QCoreApplication.translate("LeversBox", "本金"),
        "interest": QCoreApplication.translate("LeversBox", "利息"),
        "penalty": QCoreApplication.translate("LeversBox", "罚息"),
        "compound": QCoreApplication.translate("LeversBox", "复利"),
        "fees": QCoreApplication.translate("LeversBox", "费用（违约金等）"),
        "costs": QCoreApplication.translate("LeversBox", "实现债权费用"),
    }[kind]


def _minus(amount: Decimal | None) -> str:
    """−1,000.00 for what a lever takes off; 0.00 (never −0.00) when it takes nothing."""
    if amount is None:
        return ""
    return formatting.money(abs(amount)) if not amount else f"−{formatting.money(amount)}"


def _money_or_dash(amount: Decimal | None) -> str:
    return "—" if amount is None else formatting.money(amount)
