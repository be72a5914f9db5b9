"""Choosing the organisation's seal picture: a preview over a checkerboard (transparency
shows), choose / clear buttons, and the reason in red when a picture is refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.ops import organisation
from ui.refusal import Refusal, refused
from ui.tasks import TaskRunner
from ui.widgets.message_label import message_label

PREVIEW = 148
CHECKER = 8


def seal_preview(png: bytes | None, side: int = PREVIEW) -> QPixmap:
    """The seal centred over a light checkerboard, or the board alone."""
    board = QPixmap(side, side)
    board.fill(QColor("#ffffff"))
    painter = QPainter(board)
    for top in range(0, side, CHECKER):
        for left in range(0, side, CHECKER):
            if (top // CHECKER + left // CHECKER) % 2:
                painter.fillRect(left, top, CHECKER, CHECKER, QColor("#eef0f3"))
    image = QPixmap()
    if png and image.loadFromData(png):
        scaled = image.scaled(
            QSize(side - 12, side - 12),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        corner = QPoint((side - scaled.width()) // 2, (side - scaled.height()) // 2)
        painter.drawPixmap(QRect(corner, scaled.size()), scaled)
    painter.end()
    return board


class SealPicker(QGroupBox):
    """Holds the seal the form would save (a normalised PNG) or None.

    Signals:
        changed(): the user chose a new picture or cleared it.
    """

    changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("印章图片"))
        self._runner = runner
        self._png: bytes | None = None
        row = QHBoxLayout(self)
        self.preview = QLabel()
        self.preview.setObjectName("sealPreview")
        self.preview.setFixedSize(PREVIEW + 2, PREVIEW + 2)
        self.preview.setStyleSheet("QLabel#sealPreview { border: 1px solid #dfe3e8; }")
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(self._side(), 1)
        self.set_seal(None)

    def _side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        self.state = QLabel()
        self.state.setWordWrap(True)
        side.addWidget(self.state)
        hint = QLabel(
            self.tr("PNG 或 JPEG。透明背景的 PNG 盖在文字上效果最好；大图会缩小到 1200 像素。")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        side.addWidget(hint)
        self.error = message_label("fieldError")
        side.addWidget(self.error)
        buttons = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("选择图片…"))
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QPushButton(self.tr("清除印章"))
        self.clear_button.clicked.connect(self.clear)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        return side

    def seal_png(self) -> bytes | None:
        return self._png

    def set_seal(self, png: bytes | None) -> None:
        """Show a stored seal (no `changed` signal)."""
        self._png = png
        self.preview.setPixmap(seal_preview(png))
        self.clear_button.setEnabled(png is not None)
        image = QPixmap()
        if png is None or not image.loadFromData(png):
            self.state.setText(self.tr("还没有印章图片：文书上只印组织名称。"))
            return
        size = self.tr("%1 × %2 像素").replace("%1", str(image.width()))
        self.state.setText(size.replace("%2", str(image.height())))

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择印章图片"), "", self.tr("图片 (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Check and normalise the picture in the background; shown once it is good."""
        self.set_error("")
        self._runner.run(organisation.seal_picture(path)).success(self._ready).failure(
            refused(self._refused)
        )

    def clear(self) -> None:
        if self._png is not None:
            self.set_seal(None)
            self.set_error("")
            self.changed.emit()

    def _ready(self, png: bytes) -> None:
        self.set_seal(png)
        self.changed.emit()

    def _refused(self, refusal: Refusal) -> None:
        self.set_error("；".join(refusal.reasons))

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""
