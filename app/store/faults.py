"""What really went wrong when the store cannot be opened, read or written — said so.

A read-only disk, a folder that belongs to another user, a full disk or a missing file are
not a damaged store: telling the user to restore a backup sends them into a needless (and
risky) restore. `explain_os_error` and `explain_database_error` name the real cause and its
fix; only what SQLite itself calls damaged (`malformed`, `not a database`) is left to the
callers' "damaged" messages.

The cause of an SQLite "unable to open" or "readonly" error is found by trying what SQLite
tried: creating a small file in the folder (`probe_folder`). That works for root too, where
file modes prove nothing.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from app.domain.errors import DomainError

NOT_DAMAGED = "案件库本身没有损坏，不需要从备份恢复。"
READ_ONLY = (
    "{path} 在只读的磁盘或文件夹上（{detail}），调解工作台无法在其中保存任何内容。"
    + NOT_DAMAGED
    + "请取消 U 盘或磁盘的写保护、重新以可写方式挂载，或把整个数据目录复制到可写的位置后"
    "用 --data-dir 指向它。\n"
    "{path} is on a read-only disk or folder ({detail}). The store is not damaged: make "
    "it writable, or copy the data folder somewhere writable and use --data-dir."
)
NO_PERMISSION = (
    "没有权限读写 {path}（{detail}）。"
    + NOT_DAMAGED
    + "请让数据目录及其中的文件属于当前登录的用户（或请管理员修正权限），"
    "或用 --data-dir 选择自己的文件夹。\n"
    "No permission to read or write {path} ({detail}). The store is not damaged: give the "
    "data folder back to the current user, or choose another folder with --data-dir."
)
DISK_FULL = (
    "{path} 所在的磁盘已满（{detail}）。"
    + NOT_DAMAGED
    + "请清理磁盘空间（或换一个有空间的位置）后重试。\n"
    "The disk holding {path} is full ({detail}). The store is not damaged: free some space "
    "and try again."
)
NOT_A_FOLDER = (
    "数据目录 {path} 是一个文件，不是文件夹：请用 --data-dir 指向一个文件夹。\n"
    "The data folder {path} is a file, not a folder: point --data-dir at a folder."
)
DB_IS_FOLDER = (
    "{path} 是一个文件夹，而案件库应是一个文件。本程序没有改动它。请检查其中的内容，"
    "把它移走或改名后重试。\n"
    "{path} is a folder where the case database file should be; it was left as it is. "
    "Move or rename it and try again."
)
MISSING = (
    "找不到 {path}（{detail}）：U 盘或网络磁盘可能已拔出或断开。请接好后重试，"
    "或用 --data-dir 指向正确的数据目录。\n"
    "{path} was not found ({detail}): reconnect the drive or check --data-dir."
)
IO_ERROR = (
    "读写 {path} 时磁盘出错（{detail}）：U 盘可能已拔出，或磁盘有故障。请检查磁盘后重试；"
    "在磁盘恢复正常之前不要从备份恢复。\n"
    "A disk error while reading or writing {path} ({detail}): check the drive."
)
OTHER = (
    "无法读写 {path}（{detail}）。请检查该文件和它所在的磁盘后重试。\n"
    "Cannot use {path} ({detail})."
)

PROBE_BYTES = 8192

BY_ERRNO = {
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.ENOSPC: DISK_FULL,
    errno.EFBIG: DISK_FULL,
    errno.ENOTDIR: NOT_A_FOLDER,
    errno.EISDIR: DB_IS_FOLDER,
    errno.ENOENT: MISSING,
    errno.EIO: IO_ERROR,
}
if hasattr(errno, "EDQUOT"):  # a quota, where the system has them
    BY_ERRNO[errno.EDQUOT] = DISK_FULL


class StorePlaceProblem(DomainError):
    """The store's folder or disk is the problem (read-only, permissions, full, missing)."""


def detail_of(error: BaseException) -> str:
    """The operating system's words for `error`, without the Python wrapping."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(getattr(error, "orig", None) or error)


def explain_os_error(error: OSError, path: Path | None = None) -> StorePlaceProblem:
    """A message naming the cause of `error` (by its errno) and the fix."""
    where = Path(error.filename) if error.filename else path
    template = BY_ERRNO.get(error.errno or 0, OTHER)
    if error.errno == errno.EEXIST and where is not None and where.is_file():
        template = NOT_A_FOLDER  # mkdir on a file: --data-dir names a file
    if template in (READ_ONLY, DISK_FULL) and where is not None and not where.is_dir():
        where = where.parent  # the disk is the problem, not the file being written
    if template is NOT_A_FOLDER and where is not None:
        where = _first_file_on_the_way(where)
    return StorePlaceProblem(template.format(path=where or "", detail=detail_of(error)))


def _first_file_on_the_way(path: Path) -> Path:
    """For ENOTDIR: the part of `path` that is a file where a folder was needed."""
    for parent in [*reversed(path.parents), path]:
        if parent.exists() and not parent.is_dir():
            return parent
    return path


@contextmanager
def calm_os_errors(path: Path) -> Iterator[None]:
    """Turn an `OSError` in the block into `explain_os_error`'s message."""
    try:
        yield
    except OSError as error:
        raise explain_os_error(error, path) from error


def probe_folder(folder: Path) -> OSError | None:
    """Create and remove a small file in `folder`, as SQLite would; the error, or None."""
    name = None
    try:
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
        with os.fdopen(fd, "wb") as handle:  # a page's worth: a full disk shows here
            handle.write(bytes(PROBE_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:  # named by the folder: the probe's own name means nothing
        return OSError(error.errno, error.strerror, str(folder))
    finally:
        if name is not None:
            with suppress(OSError):
                os.unlink(name)
    return None


def place_problem(db_path: Path) -> StorePlaceProblem | None:
    """The folder or disk problem that stops `db_path` being used, if there is one."""
    folder = db_path.parent
    if folder.exists() and not folder.is_dir():
        return StorePlaceProblem(NOT_A_FOLDER.format(path=folder))
    if db_path.is_dir():
        return StorePlaceProblem(DB_IS_FOLDER.format(path=db_path))
    if not folder.exists():
        return StorePlaceProblem(MISSING.format(path=folder, detail="文件夹不存在"))
    problem = probe_folder(folder)
    if problem is not None:
        return explain_os_error(problem, folder)
    try:
        with open(db_path, "rb"):
            pass
    except FileNotFoundError:
        return None
    except OSError as error:
        return explain_os_error(error, db_path)
    return None


def explain_database_error(error: BaseException, db_path: Path) -> StorePlaceProblem | None:
    """The real cause of an SQLite error that is not about the file's content, or None
    (busy, damaged, wrong key: the callers have their own words for those)."""
    text = detail_of(error).lower()
    if "full" in text:
        return StorePlaceProblem(DISK_FULL.format(path=db_path.parent, detail=detail_of(error)))
    if any(
        word in text for word in ("readonly", "read-only", "unable to open", "disk i/o", "access")
    ):
        found = place_problem(db_path)
        if found is not None:
            return found
        if "disk i/o" in text:
            return StorePlaceProblem(IO_ERROR.format(path=db_path, detail=detail_of(error)))
        if "readonly" in text or "read-only" in text:  # the folder is writable: the file is not
            return StorePlaceProblem(READ_ONLY.format(path=db_path, detail=detail_of(error)))
    return None
