"""Reading the files a user names on the command line, bounded.

Only regular files are read (a device such as /dev/zero would fill memory, a FIFO would
hang the command), and only up to a size no real input reaches. The file is opened without
blocking and checked on the open descriptor, so it cannot be swapped for a FIFO between a
check and the read. Standard input (`-`) is read up to the same limit.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from app.domain.errors import InputError, Problem

MIB = 1024 * 1024
JSON_LIMIT = 16 * MIB  # a recalculation or plan input (real ones are a few KB)
PDF_LIMIT = 64 * MIB  # a signed agreement is well under 1 MB
SMALL_LIMIT = 8 * MIB  # a seal image, a certificate

NOT_A_FILE = "{path} 不是普通文件（是文件夹、设备或管道），没有读取：请指定一个文件。"
TOO_BIG = "{path} 太大（{size}），超过 {limit} 的上限，没有读取：请检查是否选错了文件。"
CANNOT_READ = "cannot read the file（无法读取输入文件 {path}：{reason}）"


def _size(n: int) -> str:
    return f"{n / MIB:.1f} MB" if n >= MIB else f"{n} 字节"


def _unreadable(path: Path, what: str, error: OSError) -> InputError:
    reason = error.strerror or str(error)
    return InputError([Problem(what, CANNOT_READ.format(path=path, reason=reason))])


def read_file(path: Path, what: str, limit: int) -> bytes:
    """The bytes of the regular file `path` (at most `limit`); InputError naming `what`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _unreadable(path, what, error) from error
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError([Problem(what, NOT_A_FILE.format(path=path))])
        if info.st_size > limit:
            message = TOO_BIG.format(path=path, size=_size(info.st_size), limit=_size(limit))
            raise InputError([Problem(what, message)])
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise _unreadable(path, what, error) from error
    if len(data) > limit:  # it grew while being read
        raise InputError([Problem(what, TOO_BIG.format(path=path, size="", limit=_size(limit)))])
    return data


def read_stdin(what: str, limit: int) -> bytes:
    """Standard input, at most `limit` bytes."""
    buffer = getattr(sys.stdin, "buffer", None)  # None: a text stream put in its place
    if buffer is not None:
        data: bytes = buffer.read(limit + 1)
    else:  # a lone surrogate stays a problem of the text, not a crash here
        data = sys.stdin.read(limit + 1).encode("utf-8", "surrogatepass")
    if len(data) > limit:
        message = TOO_BIG.format(path="标准输入", size=f"超过 {_size(limit)}", limit=_size(limit))
        raise InputError([Problem(what, message)])
    return data


def read_text(source: str, what: str, limit: int = JSON_LIMIT) -> str:
    """A UTF-8 text file, or stdin for `-`, bounded; InputError when unreadable."""
    data = read_stdin(what, limit) if source == "-" else read_file(Path(source), what, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = "标准输入" if source == "-" else source
        reason = f"{where} 不是 UTF-8 文本（第 {error.start} 字节）：请另存为 UTF-8 后重试。"
        raise InputError([Problem(what, reason)]) from error
