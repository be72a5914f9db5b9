"""Files the app writes survive a crash or a power cut whole, and stay the user's own.

`write_atomically(path, data)` is the one way the app writes a file: a temporary file of
this writer's own in the same folder (`.<name>.<random>.tmp`, created owner-only, mode
0600 unless told otherwise), flushed and fsynced, moved over `path` with `os.replace`, then
the folder fsynced so the rename itself is durable. A reader sees the old file or the new
one, never half of one. A missing folder is created private to the user (0700).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE = 0o600
PRIVATE_FOLDER = 0o700


def write_atomically(path: Path, data: bytes, *, mode: int = PRIVATE) -> None:
    """`data` into `path` (its folder is created if missing), atomically and durably."""
    folder = path.parent
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(temporary, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_dir(folder)


def fsync_file(path: Path) -> None:
    """Flush a file written by someone else (SQLite, a copy) to the disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
