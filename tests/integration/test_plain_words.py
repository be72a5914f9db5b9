"""Words that no longer mislead (issue 14, item 9).

- `demo` stopped by a full disk half-way said 这次修改没有保存 although cases had been
  committed: it now says how many were saved;
- a backup made under another passphrase was reported as 口令不正确，案件库没有打开: it now
  says the backup was made with another passphrase, and how to restore it;
- the recovery code could be given in the process arguments (every local user can read
  them): only the documented `-` (read it from stdin) is accepted.
(Amounts: tests/unit/test_money_text.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError
from app.security import dbkey
from app.security.secrets import PASSPHRASE_ENV
from app.services import unlock
from app.services.cases import service as cases
from app.services.context import open_context
from app.services.demo import service as demo
from app.services.maintenance import backup as bk
from app.services.maintenance import restore as rs
from app.store.errors import FULL_MESSAGE, StoreFull
from tests.security_fixtures import store_key

ROOT = Path(__file__).resolve().parents[2]


def test_a_demo_stopped_by_a_full_disk_says_how_many_were_saved(
    ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_walk = demo._walk
    walks = []

    def walk(*args: Any) -> None:
        walks.append(args[1])
        if len(walks) == 6:  # the disk fills while the sixth case is being worked on
            raise StoreFull(FULL_MESSAGE)
        real_walk(*args)

    monkeypatch.setattr(demo, "_walk", walk)
    with pytest.raises(demo.DemoPartlySaved) as caught:
        demo.seed_demo(ctx)
    stored = cases.list_cases(ctx)
    assert len(stored) == 6
    message = str(caught.value)
    assert message.startswith("已保存 6 个演示案件")
    assert "其余 18 个没有添加" in message and "磁盘空间已满" in message
    assert walks[0] in message and walks[-1] in message


@pytest.fixture
def other_passphrase_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A backup from a store under passphrase 旧口令, and that store's recovery code; this
    process then uses another passphrase (a new laptop)."""
    unlock.lock_all()
    monkeypatch.setenv(PASSPHRASE_ENV, "旧口令")
    with open_context(tmp_path / "old") as ctx:
        with ctx.write() as uow:
            uow.record("test.event")
        saved = bk.create_backup(ctx, to=tmp_path / "usb").path
    code = dbkey.recovery_code(store_key(tmp_path / "old"))
    unlock.lock_all()
    monkeypatch.setenv(PASSPHRASE_ENV, "新口令")
    return saved, code


def test_a_backup_under_another_passphrase_says_so_and_how(
    tmp_path: Path, other_passphrase_backup: tuple[Path, str]
) -> None:
    saved, code = other_passphrase_backup
    with pytest.raises(DomainError) as caught:
        rs.restore_backup(tmp_path / "new", saved)
    message = str(caught.value)
    assert "用另一个口令加密的" in message and "--recovery-code -" in message
    assert "口令不正确，案件库没有打开" not in message
    assert rs.restore_backup(tmp_path / "new", saved, recovery_code=code).cases == 0


def test_a_backup_under_another_passphrase_opens_with_that_passphrase_asked_for(
    tmp_path: Path, other_passphrase_backup: tuple[Path, str]
) -> None:
    saved, _ = other_passphrase_backup
    asked: list[str] = []

    def prompt(message: str, new: bool) -> str:
        asked.append(message)
        return "旧口令"

    result = rs.restore_backup(tmp_path / "new", saved, prompt=prompt)
    assert result.revision is not None
    assert asked == [f"备份 {saved.name} 是用另一个口令加密的，请输入做这份备份时的口令："]


def test_the_recovery_code_is_never_taken_from_the_arguments(
    tmp_path: Path, other_passphrase_backup: tuple[Path, str]
) -> None:
    saved, code = other_passphrase_backup
    new = tmp_path / "new"

    def restore(*extra: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        command = ["--data-dir", str(new), "backup", "restore", str(saved), *extra]
        return subprocess.run(
            [sys.executable, "-m", "app", *command],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    refused = restore("--recovery-code", code)
    assert (refused.returncode, refused.stdout) == (2, "")
    assert "--recovery-code" in refused.stderr and "命令行" in refused.stderr
    assert not (new / "cases.db").exists()
    done = restore("--recovery-code", "-", stdin=code + "\n")
    assert done.returncode == 0, done.stderr
