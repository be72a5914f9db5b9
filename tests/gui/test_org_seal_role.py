"""加盖电子签章 by a mediator before any certificate exists: refused before any passphrase."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app.services.organisation.accounts import MEDIATOR, SignedIn
from ui.tasks import InlineTaskRunner
from ui.views.settings.org_seal import seal_in_background


class MediatorService:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.signed_in = SignedIn("wangfang", "王芳", MEDIATOR, datetime(2026, 7, 6, tzinfo=UTC))

    def context(self) -> Any:
        raise AssertionError("nothing may be opened")


def test_a_mediator_is_told_a_supervisor_must_create_the_certificate(qtbot, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []
    refused: list[str] = []

    def ask(_parent: QWidget, message: str, _new: bool) -> str | None:
        asked.append(message)
        return "口令-123456"

    started = seal_in_background(
        parent, MediatorService(tmp_path), InlineTaskRunner(), lambda *_: None, ask=ask,
        on_done=lambda _r: None, on_refused=refused.append,
    )  # fmt: skip
    assert not started and not asked
    assert len(refused) == 1 and "请主管在“设置 → 数字证书”中办理" in refused[0]
