"""The one way the app writes a file: whole or not at all, owner-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app import fsutil


def test_a_file_is_written_whole_owner_only_and_its_folder_made(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "keyinfo.json"
    fsutil.write_atomically(path, b'{"a": 1}\n')
    assert path.read_bytes() == b'{"a": 1}\n'
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(path.parent) == ["keyinfo.json"]  # no temporary file left behind


def test_an_existing_file_is_replaced_and_a_mode_can_be_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "lpr.csv"
    path.write_bytes(b"old")
    fsutil.write_atomically(path, b"new", mode=0o644)
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "anchor.json"
    path.write_bytes(b"old")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", refuse)
    with pytest.raises(OSError):
        fsutil.write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["anchor.json"]
