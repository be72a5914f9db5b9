"""Real file system faults for tests, as root: a read-only bind mount and a tiny tmpfs.

Tests run as root here (and in CI), where file modes stop nothing, so a read-only folder
is a read-only *mount* and a full disk is a small tmpfs. Where mounting is not allowed
(not root, a container without the capability) the test is skipped, saying why.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)


def _need_root() -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a read-only folder or a tiny disk needs root")


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """`folder` bind-mounted onto itself read-only for the block."""
    _need_root()
    done = _mount("--bind", str(folder), str(folder))
    if done.returncode != 0:
        pytest.skip(f"bind mounts not allowed here: {done.stderr.strip()}")
    try:
        done = _mount("-o", "remount,bind,ro", str(folder))
        if done.returncode != 0:
            pytest.skip(f"read-only remount not allowed here: {done.stderr.strip()}")
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, timeout=30)


@contextmanager
def tiny_disk(folder: Path, kib: int) -> Iterator[Path]:
    """A tmpfs of `kib` KiB mounted at `folder` for the block."""
    _need_root()
    folder.mkdir(parents=True, exist_ok=True)
    done = _mount("-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"tmpfs mounts not allowed here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def fill(folder: Path, leave_kib: int = 0) -> Path:
    """Fill the disk holding `folder`, leaving about `leave_kib` KiB free; the filler."""
    filler = folder / "filler.bin"
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize - leave_kib * 1024
    with open(filler, "wb") as handle:
        chunk = b"\0" * 65536
        while free > 0:
            try:
                handle.write(chunk[: min(free, len(chunk))])
                handle.flush()
            except OSError:
                break
            free -= len(chunk)
    return filler
