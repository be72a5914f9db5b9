"""Without a keyring the GUI asks for the case store's passphrase itself, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import ui.views.lock.passphrase_dialog as passphrase_dialog
from app.services import unlock
from app.services.startup import open_context
from ui.main import build_main_window, unlock_case_store


def test_the_window_asks_for_a_new_passphrase_and_the_store_then_opens(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDIATION_DESK_PASSPHRASE", raising=False)
    asked: list[tuple[str, bool]] = []

    def fake_ask(parent: object, message: str, confirm: bool) -> str:
        asked.append((message, confirm))
        return "correct horse battery staple"

    monkeypatch.setattr(passphrase_dialog, "ask_passphrase", fake_ask)
    window = build_main_window(tmp_path)
    qtbot.addWidget(window)
    try:
        assert unlock_case_store(window, tmp_path) is True
        assert len(asked) == 1 and asked[0][1] is True  # a new store: set it (asked twice)
        with open_context(tmp_path, actor="测试员") as ctx:  # no prompt, no variable
            assert ctx.db_path.exists()
    finally:
        unlock.lock_all()
