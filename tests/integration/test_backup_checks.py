"""Every backup is checked after it is written, as a restore would check it (issue 14,
item 2). A store with a silently damaged page used to write a damaged daily backup at each
start, and rotation deleted the oldest good one: after a week no good backup was left.
Now a backup that fails its check is deleted, every older backup is kept (no rotation),
and the user is told at once: the CLI's exit code and message, the GUI's start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError
from app.services.cases import service as cases
from app.services.context import open_context
from app.services.maintenance import backup as bk
from tests.damage import damage_silently
from tests.store_fixtures import FixedClock, new_case

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def week_of_backups(ctx: Any, clock: FixedClock) -> Any:
    """A store with a case and seven good daily backups, one per day."""
    cases.create_case(ctx, new_case())
    cases.create_case(ctx, new_case(debtor_name="李芳"))
    for _ in range(7):
        clock.advance(days=1)
        assert bk.daily_backup(ctx) is not None
    return ctx


def dailies(data_dir: Path) -> list[Path]:
    return [e.path for e in bk.list_backups(data_dir / "backups") if e.label == "daily"]


def test_a_damaged_store_keeps_every_good_backup_day_after_day(
    week_of_backups: Any, clock: FixedClock
) -> None:
    data_dir = week_of_backups.data_dir
    good = dailies(data_dir)
    week_of_backups.close()
    damage_silently(data_dir)
    for _day in range(8):  # more days than backups kept: rotation would have eaten them all
        clock.advance(days=1)
        with open_context(data_dir, clock=clock) as ctx:
            assert len(ctx.notices) == 1 and "没有通过完整性检查" in ctx.notices[0]
    assert dailies(data_dir) == good
    assert not list((data_dir / "backups").glob("*.partial"))


def test_a_manual_backup_of_a_damaged_store_is_refused_and_deleted(
    week_of_backups: Any, tmp_path: Path
) -> None:
    damage_silently(week_of_backups.data_dir)
    with pytest.raises(DomainError, match="没有通过完整性检查"):
        bk.create_backup(week_of_backups, to=tmp_path / "usb")
    assert [p.name for p in (tmp_path / "usb").iterdir()] == []


def run_app(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_cli_says_so_with_its_exit_code(week_of_backups: Any) -> None:
    data_dir = week_of_backups.data_dir
    week_of_backups.close()
    damage_silently(data_dir)
    done = run_app(data_dir, "backup", "create")
    assert done.returncode == 2 and "没有通过完整性检查" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    listed = run_app(data_dir, "cases", "list")  # today's automatic backup fails its check
    assert "王建国" in listed.stdout  # what could be read is shown,
    assert listed.returncode == 2 and "没有通过完整性检查" in listed.stderr  # and it is said


@pytest.mark.parametrize("keep", [0, -3, 9999, "七"])
def test_a_bad_keep_daily_in_the_file_never_deletes_every_backup(
    week_of_backups: Any, clock: FixedClock, keep: object
) -> None:
    data_dir = week_of_backups.data_dir
    (data_dir / bk.SETTINGS_FILE).write_text(json.dumps({"keep_daily": keep}), encoding="utf-8")
    assert bk.backup_settings(data_dir).keep_daily == bk.DEFAULT_KEEP_DAILY
    clock.advance(days=1)
    assert bk.daily_backup(week_of_backups) is not None
    assert len(dailies(data_dir)) == bk.DEFAULT_KEEP_DAILY
