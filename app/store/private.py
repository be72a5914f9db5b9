"""Everything the app writes is private to the user: folders 0700, files 0600 (POSIX).

The backups' `.keyinfo.json` (salt and check value) and `audit-head.json` let another
local user guess offline or read the chain's head; the backups, the signing key and the
store are the user's alone. New folders and files are made private from the start (never
created readable and closed later; a file is written through `app.fsutil.write_atomically`,
0600 from its creation); folders an older version made 0755 are tightened when
the app opens them, if they belong to this user. On Windows (ACLs, not modes) nothing is
done.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) as a private folder, or tighten it; `path`."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    tighten(path)
    return path


def tighten(path: Path) -> None:
    """Take away group and other access from `path` when it is ours (quietly otherwise:
    a FAT-formatted USB drive has no modes, another user's folder is not ours to change)."""
    if not POSIX:
        return
    try:
        info = path.stat()
        if info.st_uid == os.geteuid() and info.st_mode & 0o077:
            os.chmod(path, stat.S_IMODE(info.st_mode) & 0o700)
    except OSError:
        return


def tighten_tree(folder: Path, depth: int = 1) -> None:
    """Tighten `folder`, its files and (to `depth` levels) its sub-folders: what an older
    version wrote readable by others becomes the user's alone."""
    if not POSIX or not folder.is_dir() or folder.is_symlink():
        return
    tighten(folder)
    for entry in folder.iterdir():
        if entry.is_symlink():
            continue
        if entry.is_file():
            tighten(entry)
        elif entry.is_dir() and depth > 0:
            tighten_tree(entry, depth - 1)


def copy_private(source: Path, dest: Path) -> None:
    """Copy `source` to a new 0600 file `dest` (not the source's mode, as copyfile keeps)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(dest, flags, FILE_MODE)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out)
    tighten(dest)
