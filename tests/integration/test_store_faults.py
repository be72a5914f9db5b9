"""Faults of the place the store lives in, each told by its real cause (issue 14, items 5
and 7): a read-only folder, a folder of another user, a full disk, a missing
keyinfo.json, an empty cases.db beside backups, cases.db a folder, --data-dir a file, a
damaged page reached by a query. Each ends in exit 2 with a message naming the cause and
the fix — never a traceback, and never "damaged, restore a backup" when nothing is damaged.

Run as the CLI runs, in a subprocess. Read-only folders and full disks are real (a
read-only bind mount, a tiny tmpfs; skipped where mounting is not allowed); the other
user is `nobody`, because root passes every permission check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.cases import service as cases
from app.services.context import open_context
from app.services.maintenance.backup import create_backup
from tests.damage import damage_a_table
from tests.fs_faults import fill, read_only, tiny_disk
from tests.store_fixtures import new_case

ROOT = Path(__file__).resolve().parents[2]
DAMAGED_ADVICE = "请从 backups 文件夹恢复备份"  # the old advice for every failure


NO_OVERRIDE = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--")
"""Root without the capabilities that let it pass every permission check."""


def app(
    data_dir: Path, *args: str | Path, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "app", "--data-dir", str(data_dir), *map(str, args)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2, nothing on stdout, no traceback, and each of `words` in the message."""
    assert "Traceback" not in done.stderr, done.stderr
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    for word in words:
        assert word in done.stderr, (word, done.stderr)


def make_store(data_dir: Path, *, backup: bool = False) -> None:
    with open_context(data_dir) as ctx:
        cases.create_case(ctx, new_case())
        if backup:
            create_backup(ctx)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    make_store(data_dir, backup=True)
    return data_dir


def test_a_read_only_folder_is_named_as_such(store: Path) -> None:
    with read_only(store):
        for command in (("cases", "list"), ("db", "check"), ("backup", "create")):
            done = app(store, *command)
            refused(done, "只读", str(store), "不需要从备份恢复")
            assert DAMAGED_ADVICE not in done.stderr


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs util-linux setpriv")
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_folder_of_another_user_is_a_permission_problem(store: Path) -> None:
    os.chown(store, 65534, 65534)  # nobody's folder, private to nobody
    store.chmod(0o700)
    done = app(store, "cases", "list", prefix=NO_OVERRIDE)
    refused(done, "没有权限", str(store), "不需要从备份恢复")
    assert DAMAGED_ADVICE not in done.stderr


def test_a_missing_keyinfo_is_named_with_its_fix(store: Path) -> None:
    (store / "keyinfo.json").unlink()
    for command in (("cases", "list"), ("db", "check"), ("audit", "verify")):
        done = app(store, *command)
        refused(done, "keyinfo.json", ".keyinfo.json", "不需要从备份恢复")
    assert not (store / "keyinfo.json").exists()  # no new key was made over the old store


def test_an_empty_store_beside_backups_is_not_started_over(store: Path) -> None:
    (store / "cases.db").write_bytes(b"")
    newest = max((store / "backups").glob("*.db"))
    done = app(store, "cases", "list")
    refused(done, "0 字节", "backup restore", str(newest))
    assert (store / "cases.db").stat().st_size == 0
    restored = app(store, "backup", "restore", newest)  # the command offered works
    assert restored.returncode == 0, restored.stderr
    assert "王建国" in app(store, "cases", "list").stdout


def test_an_empty_store_without_backups_starts_afresh(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "cases.db").write_bytes(b"")
    assert app(data_dir, "cases", "list").returncode == 0


def test_cases_db_that_is_a_folder_and_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "d" / "cases.db").mkdir(parents=True)
    for command in (("cases", "list"), ("db", "check"), ("db", "upgrade")):
        refused(app(tmp_path / "d", *command), "是一个文件夹", str(tmp_path / "d" / "cases.db"))
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for command in (("cases", "list"), ("db", "upgrade"), ("backup", "create")):
        refused(app(tmp_path / "file", *command), "是一个文件，不是文件夹")


def test_a_damaged_page_reached_by_a_query_is_a_message(store: Path) -> None:
    damage_a_table(store, "party")
    done = app(store, "cases", "list")
    refused(done, "已损坏", "db check", "backup restore")


def test_a_full_backup_target_is_a_message_and_leaves_nothing_half_written(
    store: Path, tmp_path: Path
) -> None:
    with tiny_disk(tmp_path / "usb", 64) as usb:
        done = app(store, "backup", "create", "--to", usb)
        refused(done, "磁盘", "空间", str(usb))
        assert [p.name for p in usb.iterdir() if not p.name.startswith("lost+found")] == []


def test_a_full_disk_under_the_store_is_named(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", 4096) as disk:
        data_dir = disk / "data"
        make_store(data_dir)
        fill(disk)
        done = app(data_dir, "demo")
        refused(done, "磁盘已满")
        assert DAMAGED_ADVICE not in done.stderr


def test_a_backup_of_a_store_with_a_damaged_page_is_a_message(store: Path) -> None:
    damage_a_table(store, "party")
    done = app(store, "backup", "create")
    refused(done, "已损坏", "备份")
    assert len(list((store / "backups").glob("*.db"))) == 1  # the good one from before
