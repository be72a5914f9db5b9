"""Locks between processes on one data folder, through `filelock` (fcntl on POSIX, msvcrt on
Windows: the operating system drops the lock when its process dies, even by SIGKILL).

- `setup_lock(folder)`: creating the store's key, encrypting an old plaintext store,
  migrating, the daily backup and a restore's file swap are one exclusive step. Two first
  starts at once (the GUI and a CLI command) used to write two keys; now the second waits
  for the first and then opens what the first made.
- `anchor_lock(db_path)`: the audit anchor (`audit-head.json`) is read, decided and
  written by one writer at a time (see `app.store.audit_anchor`).

The lock files stay in the folder (empty, private to the user); holding one is what counts.
A lock object is shared per path within a process (`is_singleton`), so taking it again
in the same thread nests instead of waiting for itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.store.private import private_dir

SETUP_LOCK_FILE = ".setup.lock"
ANCHOR_LOCK_FILE = "audit-head.lock"
SETUP_WAIT = 180.0  # seconds: a first start on a slow laptop (Argon2id, migrations, backup)
ANCHOR_WAIT = 30.0
PRIVATE_FILE = 0o600

SETUP_BUSY = (
    "另一个程序（可能是另一个调解工作台窗口或命令）正在创建或升级 {folder} 中的案件库，"
    "等了 {seconds:.0f} 秒仍未结束。请等它完成（或关闭它）后再试。\n"
    "Another program is creating or upgrading the case store in {folder}; try again when "
    "it has finished."
)


class FolderBusy(DomainError):
    """Another process holds a data folder's lock for longer than we wait."""


def _lock(path: Path) -> Any:
    from filelock import FileLock

    # Always the same arguments: a singleton refuses to be made again with other ones.
    return FileLock(path, mode=PRIVATE_FILE, is_singleton=True, preserve_lock_file=True)


@contextmanager
def setup_lock(folder: Path, *, timeout: float = SETUP_WAIT) -> Iterator[None]:
    """Hold the data folder's setup lock for the block (waiting up to `timeout` seconds)."""
    from filelock import Timeout

    private_dir(folder)  # the data folder: the user's alone (0700)
    lock = _lock(folder.resolve() / SETUP_LOCK_FILE)
    try:
        lock.acquire(timeout=timeout)
    except Timeout as error:
        raise FolderBusy(SETUP_BUSY.format(folder=folder, seconds=timeout)) from error
    except OSError as error:  # read-only, not ours: named by the folder, not the lock file
        raise OSError(error.errno, error.strerror, str(folder)) from error
    try:
        yield
    finally:
        lock.release()


@contextmanager
def anchor_lock(db_path: Path, *, timeout: float = ANCHOR_WAIT) -> Iterator[None]:
    """Hold the audit anchor's lock (beside the database) for the block."""
    from filelock import Timeout

    from app.store.errors import BUSY_MESSAGE, StoreBusy

    lock = _lock(db_path.resolve().with_name(ANCHOR_LOCK_FILE))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as error:
        raise StoreBusy(BUSY_MESSAGE) from error
    try:
        yield
    finally:
        lock.release()
