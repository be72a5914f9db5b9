"""The bundled UI font (Chinese renders with no system font) and the app's light style."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from app.paths import resource

UI_FONT_FILE = ("fonts", "wqy-microhei.ttc")
BUNDLED_FAMILY = "WenQuanYi Micro Hei"

STYLE_SHEET = """
QMainWindow, QDialog { background: #f5f6f8; }
QToolBar#mainToolbar { background: #ffffff; border: none; border-bottom: 1px solid #dfe3e8;
    padding: 3px 6px; spacing: 4px; }
QToolBar#mainToolbar QToolButton { padding: 4px 10px; border-radius: 4px; }
QToolBar#mainToolbar QToolButton:hover { background: #eef2f7; }
QLabel#sectionTitle { font-weight: bold; font-size: 11pt; color: #1f2937; }
QLabel#shownCount { color: #6b7280; }
QLineEdit#filter { padding: 4px 6px; border: 1px solid #c9ced6; border-radius: 4px;
    background: #ffffff; }
QLineEdit#filter:focus { border-color: #2f6fda; }
QTableView#caseTable { background: #ffffff; alternate-background-color: #f7f9fc;
    border: 1px solid #dfe3e8; selection-background-color: #dbe8fd; selection-color: #111827; }
QTableView#caseTable::item { padding: 0 6px; }
QHeaderView::section { background: #eef1f5; color: #374151; padding: 5px 6px; border: none;
    border-right: 1px solid #dfe3e8; border-bottom: 1px solid #dfe3e8; font-weight: bold; }
QFrame#card { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px; }
QWidget#cardBody { background: #ffffff; }
QLabel#cardTitle { font-weight: bold; font-size: 10.5pt; color: #1f3a68;
    padding-bottom: 4px; border-bottom: 1px solid #e5e8ec; }
QLabel#rowHeading { font-weight: bold; color: #1f2937; padding-top: 4px; }
QLabel#rowLabel { color: #6b7280; }
QLabel#rowValue { color: #111827; }
QLabel#rowTotalLabel, QLabel#rowTotal { font-weight: bold; color: #111827;
    border-top: 1px solid #e5e8ec; padding-top: 3px; }
QLabel#rowSummaryLabel, QLabel#rowSummary { font-weight: bold; color: #111827;
    border-bottom: 1px solid #e5e8ec; padding-bottom: 3px; }
QLabel#caseTitle { font-size: 13pt; font-weight: bold; color: #111827; }
QLabel#caseSubtitle { color: #4b5563; }
QLabel#statusChip { padding: 2px 10px; border-radius: 9px; background: #e0eafc;
    color: #1f3a68; }
QLabel#statusChip[tone="alert"] { background: #fde4e1; color: #b42318; }
QLabel#statusChip[tone="done"] { background: #dcf5e7; color: #067647; }
QLabel#hint { color: #6b7280; font-size: 10.5pt; }
QLabel#errorBanner, QLabel#formError { background: #fef3f2; color: #b42318;
    border: 1px solid #fecdca; border-radius: 4px; padding: 6px 10px; }
QLabel#fieldError { color: #d92d20; font-size: 9pt; }
QLabel#formNote { color: #6b7280; }
QGroupBox { font-weight: bold; border: 1px solid #dfe3e8; border-radius: 6px;
    margin-top: 10px; padding: 12px 8px 6px 8px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1f3a68; }
QGroupBox QLabel { font-weight: normal; }
QLineEdit[invalid="true"], QDateEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 1px solid #d92d20; }
"""


def load_ui_font(app: QApplication) -> list[str]:
    """Register the bundled font and put it behind the default family as the fallback for
    Chinese. Returns the families it added (empty when the file is missing)."""
    font_id = QFontDatabase.addApplicationFont(str(resource(*UI_FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return []
    font = QFont(app.font())
    primary = font.family()
    chain = [primary, families[0]] if primary and primary != families[0] else [families[0]]
    font.setFamilies(chain)
    app.setFont(font)
    return list(families)


def app_icon() -> QIcon:
    """The app's icon at every size drawn for it (tools/make_icon.py): sharp at any scale."""
    icon = QIcon()
    for path in sorted(resource("icons").glob("mediation-desk-*.png")):
        icon.addFile(str(path))
    return icon


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
