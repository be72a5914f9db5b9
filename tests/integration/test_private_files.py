"""Everything the app writes is private to the user (issue 14, item 8): the data folder,
backups/ and signing/ are 0700, the files in them 0600 — the backups' .keyinfo.json (salt
and check value) and audit-head.json included — whatever the umask, and still so after a
restore, into the same folder or a fresh one. Folders an older version left 0755 are
tightened when the store is opened. (POSIX modes; Windows is skipped.)"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.cases import service as cases
from app.services.context import open_context
from app.services.maintenance import backup as bk
from app.services.maintenance import restore as rs
from app.services.organisation.signing import ensure_identity
from tests.store_fixtures import new_case

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(autouse=True)
def loose_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # the usual desktop default: new files 0644, folders 0755
    yield
    os.umask(previous)


def loose(folder: Path) -> list[str]:
    """Every folder or file under `folder` that someone else could read."""
    found = []
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            if stat.S_IMODE(path.lstat().st_mode) & 0o077:
                found.append(f"{path.relative_to(folder)} {oct(path.stat().st_mode)}")
    if stat.S_IMODE(folder.stat().st_mode) & 0o077:
        found.append(f". {oct(folder.stat().st_mode)}")
    return found


def used_store(data_dir: Path, usb: Path) -> Path:
    """A store that has been through what a laptop does: cases, settings, the signing
    identity, a backup to a chosen folder and one to backups/; returns the first."""
    with open_context(data_dir) as ctx:
        cases.create_case(ctx, new_case())
        bk.save_backup_settings(data_dir, bk.BackupSettings(keep_daily=5))
        ensure_identity(data_dir, "滨江调解委员会", passphrase="签名口令")
        saved = bk.create_backup(ctx, to=usb).path
        bk.create_backup(ctx)  # and one in <data dir>/backups
        with ctx.write() as uow:
            uow.record("test.after")
    return saved


def test_what_the_app_writes_is_private(tmp_path: Path) -> None:
    data_dir, usb = tmp_path / "data", tmp_path / "usb"
    used_store(data_dir, usb)
    assert {p.name for p in data_dir.iterdir()} >= {"backups", "signing", "audit-head.json"}
    assert loose(data_dir) == []
    assert loose(usb) == []


def test_a_restore_keeps_it_private_here_and_in_a_fresh_folder(tmp_path: Path) -> None:
    data_dir, usb = tmp_path / "data", tmp_path / "usb"
    saved = used_store(data_dir, usb)
    rs.restore_backup(data_dir, saved)
    assert loose(data_dir) == []
    fresh = tmp_path / "fresh"
    rs.restore_backup(fresh, saved)
    assert loose(fresh) == []


def test_folders_an_older_version_left_open_are_tightened(tmp_path: Path) -> None:
    data_dir, usb = tmp_path / "data", tmp_path / "usb"
    used_store(data_dir, usb)
    for path in [data_dir, *data_dir.iterdir(), *(data_dir / "backups").iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    with open_context(data_dir):
        pass
    assert loose(data_dir) == []
