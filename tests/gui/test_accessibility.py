"""Every control of the main window (its case panels included) has a name a screen reader
can say; the wizard's are checked in test_session_wizard.py. And the labels' words become
names the way a sighted user reads a form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from tests.gui.accessibility import nameless
from ui.widgets.accessible import label_words, name_inputs
from ui.widgets.field_row import FieldRow


def test_every_control_of_the_main_window_has_a_name(qtbot: Any, themed_app: Any, tmp_path: Path):
    from ui.main import build_main_window

    window = build_main_window(tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert nameless(window) == []
    assert window.filter_edit.accessibleName() == "搜索案件"


def test_names_come_from_buddies_rows_grids_and_headings(qtbot: Any) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    grid = QGridLayout(root)
    by_buddy, in_row, left, below = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
    buddy = QLabel("债务人姓名(&N)：")
    buddy.setBuddy(FieldRow(in_row))  # the row holding it, with its error line
    grid.addWidget(buddy, 0, 0)
    grid.addWidget(buddy.buddy(), 0, 1)
    grid.addWidget(QLabel("加速到期 *"), 1, 0)
    holder = QWidget()
    line = QHBoxLayout(holder)
    days = QSpinBox()
    line.addWidget(QLabel("任一期逾期超过"))
    line.addWidget(days)
    grid.addWidget(holder, 1, 1)
    grid.addWidget(QLabel("证件号码"), 0, 2)
    grid.addWidget(below, 2, 2)  # under its column's heading
    grid.addWidget(left, 3, 1)
    own = QLabel("手机")
    own.setBuddy(by_buddy)
    grid.addWidget(own, 4, 0)
    grid.addWidget(by_buddy, 4, 1)
    name_inputs(root)
    assert in_row.accessibleName() == "债务人姓名"
    assert days.accessibleName() == "加速到期"  # the row's label, not the words around it
    assert below.accessibleName() == "证件号码"
    assert left.accessibleName() == ""  # nothing stands for it: the test above would say so
    assert nameless(root) == ["QLineEdit ''"]
    assert label_words("约定 && 和解：") == "约定 & 和解"
