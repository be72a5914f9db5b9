"""Plaintext copies the GUI must hand to another program (用系统阅读器打开), kept in one
private folder and removed when the app quits, or at the next start after a crash.

    files = session_files()
    files.sweep()                                  # at start: leftovers of dead runs
    path = files.write("TJ-2026-000001-XY-01.pdf", pdf)  # 0600, in a 0700 folder
    files.clear()                                  # at quit

The folder is `<temp>/mediation-desk-<user>` (0700, owned by the user: refused otherwise).
Each running app writes into its own `run-*` subfolder and holds a lock on `run-*.lock`
beside it for as long as it runs; a sweep removes only the runs whose lock is free, so a
second app window's open documents are left alone.
"""

from __future__ import annotations

import atexit
import getpass
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO

PREFIX = "run-"


def default_base() -> Path:
    """`<temp>/mediation-desk-<user>` (`TMPDIR`/`TEMP` choose the temp folder)."""
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    return Path(tempfile.gettempdir()) / f"mediation-desk-{safe_name(user)}"


def safe_name(name: str) -> str:
    """A file name without path separators or characters Windows refuses."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned or "document"


class PrivateFiles:
    """One app run's private folder for plaintext handed to other programs."""

    def __init__(self, base: Path | None = None) -> None:
        self.base = base if base is not None else default_base()
        self._run: Path | None = None
        self._lock: IO[bytes] | None = None

    @property
    def run_folder(self) -> Path | None:
        return self._run

    def write(self, name: str, data: bytes) -> Path:
        """`data` as `name` in this run's folder, readable by the user only."""
        path = self._ensure_run() / safe_name(name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        return path

    def sweep(self) -> int:
        """Remove what earlier runs left behind (those no longer running); how many."""
        if not self.base.exists():
            return 0
        _check_private(self.base)
        removed = 0
        for lock_path in sorted(self.base.glob(PREFIX + "*.lock")):
            if lock_path == self._lock_path():
                continue
            handle = _try_lock(lock_path)
            if handle is None:
                continue  # that run is still going
            shutil.rmtree(lock_path.with_suffix(""), ignore_errors=True)
            _unlock(handle)
            lock_path.unlink(missing_ok=True)
            removed += 1
        for folder in self.base.glob(PREFIX + "*"):
            if folder.is_dir() and not folder.with_suffix(".lock").exists():
                shutil.rmtree(folder, ignore_errors=True)  # its lock was already removed
                removed += 1
        return removed

    def clear(self) -> None:
        """Remove this run's folder and its lock (at quit)."""
        if self._run is None or self._lock is None:
            return
        shutil.rmtree(self._run, ignore_errors=True)
        lock_path = self._lock_path()
        _unlock(self._lock)
        if lock_path is not None:
            lock_path.unlink(missing_ok=True)
        self._run = self._lock = None

    def _lock_path(self) -> Path | None:
        return None if self._run is None else self._run.with_suffix(".lock")

    def _ensure_run(self) -> Path:
        if self._run is not None:
            return self._run
        self.base.mkdir(mode=0o700, parents=True, exist_ok=True)
        _check_private(self.base)
        fd, lock_name = tempfile.mkstemp(prefix=PREFIX, suffix=".lock", dir=self.base)
        handle = os.fdopen(fd, "r+b")
        if not _lock_held(handle):
            handle.close()
            raise OSError(f"无法锁定临时文件夹 {lock_name}")
        run = Path(lock_name).with_suffix("")
        run.mkdir(mode=0o700)
        self._run, self._lock = run, handle
        return run


_BINARY = getattr(os, "O_BINARY", 0)


def _check_private(folder: Path) -> None:
    """The folder is a real directory of this user, and nobody else may enter it."""
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode):
        raise OSError(f"临时文件夹 {folder} 不是文件夹（可能是链接）：请删除后重试。")
    if hasattr(os, "getuid"):
        if info.st_uid != os.getuid():
            raise OSError(f"临时文件夹 {folder} 属于其他用户：请删除后重试。")
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(folder, 0o700)


def _try_lock(path: Path) -> IO[bytes] | None:
    """The lock file opened and locked, or None while its run holds it."""
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - kept open while locked
    except OSError:
        return None
    if _lock_held(handle):
        return handle
    handle.close()
    return None


if sys.platform == "win32":
    import msvcrt

    def _lock_held(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        finally:
            handle.close()

else:
    import fcntl

    def _lock_held(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.close()  # closing releases the lock


def remove_legacy_folder() -> bool:
    """Remove `<temp>/mediation-desk`, where versions before the private folder left the
    PDFs they opened; only when it is this user's real folder. True when removed."""
    legacy = Path(tempfile.gettempdir()) / "mediation-desk"
    try:
        info = legacy.lstat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    if not stat.S_ISDIR(info.st_mode) or not mine:
        return False
    shutil.rmtree(legacy, ignore_errors=True)
    return not legacy.exists()


_session: PrivateFiles | None = None


def session_files() -> PrivateFiles:
    """This process's private files (removed at exit too, should `clear` not be reached)."""
    global _session
    if _session is None:
        _session = PrivateFiles()
        atexit.register(_session.clear)
    return _session
