"""Store errors a mediator can meet (all `DomainError`s, with Chinese messages).

Kept free of SQLAlchemy imports so services can re-export them cheaply.
"""

from __future__ import annotations

from app.domain.errors import DomainError

BUSY_MESSAGE = "案件库正被另一个程序（可能是另一个调解工作台窗口）占用，请关闭它或稍后再试。"
FULL_MESSAGE = "磁盘空间已满，这次修改没有保存（之前保存的内容完好）。请清理磁盘后再试。"

DAMAGED_MESSAGE = (
    "案件库 {path} 的部分内容已损坏（{reason}），这次操作没有完成，也没有改动任何内容。"
    "请运行 python -m app db check 查看；用 python -m app backup list 找到最近的备份，"
    "用 python -m app backup restore <备份文件> 恢复。\n"
    "Part of the case database {path} is damaged ({reason}); nothing was changed. Run "
    "db check, then restore a backup (backup list, backup restore FILE)."
)


class CaseNotFound(DomainError):
    """No case has the number asked for."""

    def __init__(self, case_no: str) -> None:
        self.case_no = case_no
        super().__init__(
            f"找不到案件“{case_no}”。请检查案号（形如 TJ-2026-000123），或用 cases list 查找。"
        )


class StoreBusy(DomainError):
    """Another window or program holds the write lock for longer than the busy timeout."""


class StoreFull(DomainError):
    """The disk is full."""


class StoreDamaged(DomainError):
    """A page of the database that a query reached is damaged."""
