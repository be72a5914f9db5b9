"""Shared by the app-lock GUI tests: an empty encrypted case store made once per module
and copied per test, two accounts (a supervisor and a mediator), and what the store holds."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

WAIT = 5000
BOSS_PW = "主管-密码-2026"
MED_PW = "调解员-密码-2026"


def make_empty_store(folder: Path) -> Path:
    """A migrated, encrypted case store with no account (make it once per module)."""
    from app.services.startup import open_context

    open_context(folder / "data", actor="准备").close()
    return folder / "data"


def copy_store(store: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(store, tmp_path / "data"))


def add_accounts(data_dir: Path) -> None:
    """张伟 (supervisor, zhangwei) and 王芳 (mediator, wangfang)."""
    from app.services.organisation import accounts as accounts
    from app.services.startup import open_context

    with open_context(data_dir, actor="准备") as ctx:
        accounts.create_first_supervisor(ctx, "zhangwei", "张伟", BOSS_PW)
        boss = accounts.sign_in(ctx, "zhangwei", BOSS_PW)
        accounts.create_account(ctx, boss, "wangfang", "王芳", "mediator", MED_PW)


def stored_accounts(data_dir: Path) -> dict[str, Any]:
    from app.services.organisation import accounts as accounts
    from app.services.startup import open_context

    with open_context(data_dir, actor="检查") as ctx:
        return {a.username: a for a in accounts.list_accounts(ctx)}
