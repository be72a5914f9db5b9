"""The audit anchor moves with what it anchors (issue 14, item 6).

- A kill between a restore's file swap and its `backup.restored` event used to leave the
  anchor on the old, longer chain: `audit verify` then reported a deleted tail.
- Two writers raced on one `audit-head.json.tmp`: one could move the other's half-written
  file into place, and the next write recorded a permanent "deletions cannot be ruled out"
  (`audit.anchor_created`) event.

Real processes: killed at the swap (deterministically, and at random moments), and two
writers released together."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.services.context import open_context
from app.services.maintenance import audit
from app.services.maintenance import backup as bk
from app.services.maintenance import restore as rs
from app.store.audit_anchor import ANCHOR_CREATED
from app.store.records import AuditEvent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX"),
]

ROOT = Path(__file__).resolve().parents[2]
WAIT = 120.0
RESTORE_SPAN = 0.5  # seconds: about what one restore takes here
FALSE_ALARMS = ("truncated", "anchor_mismatch", "anchor_unreadable", "unanchored")


def helper(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.anchor_race", *map(str, args)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def chain_findings(data_dir: Path) -> list[str]:
    with open_context(data_dir, migrate=False) as ctx:
        report = audit.verify_chain(ctx)
        with ctx.store.engine.connect() as conn:
            integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    assert integrity == ["ok"]
    return [p.kind for p in report.problems]


@pytest.fixture
def restorable(ctx: Any) -> tuple[Path, Path]:
    """A store whose chain grew after a backup was made: the backup's chain is shorter."""
    with ctx.write() as uow:
        uow.record("test.before", detail={"n": 0})
    saved = bk.create_backup(ctx, to=ctx.data_dir.parent / "usb").path
    for n in range(5):
        with ctx.write() as uow:
            uow.record("test.after", detail={"n": n})
    ctx.close()
    return ctx.data_dir, saved


@pytest.mark.parametrize("kill", ["after-swap", "before-swap"])
def test_a_kill_at_a_restores_swap_is_no_deleted_tail(
    restorable: tuple[Path, Path], kill: str
) -> None:
    data_dir, saved = restorable
    proc = helper("restore", data_dir, saved, kill)
    proc.communicate(timeout=WAIT)
    assert proc.returncode == -signal.SIGKILL
    assert chain_findings(data_dir) == []
    assert not (data_dir / "cases.db.restoring").exists()  # the next start cleared it
    rs.restore_backup(data_dir, saved)  # and a restore after the crash completes cleanly
    assert chain_findings(data_dir) == []


def test_restores_killed_at_random_moments_never_show_a_deleted_tail(
    restorable: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, saved = restorable
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    kills = completed = 0
    for _ in range(20):
        proc = helper("restore", data_dir, saved, "none")
        assert proc.stdout is not None and proc.stdout.readline().strip() == "START"
        time.sleep(rng.uniform(0, RESTORE_SPAN))  # somewhere inside the restore
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=WAIT)
        kills += proc.returncode == -signal.SIGKILL
        completed += proc.returncode == 0
        assert proc.returncode in (0, -signal.SIGKILL)
        assert chain_findings(data_dir) == [], f"after {kills} kills, {completed} restores"
    with capsys.disabled():
        print(f"\nrestore kills: {kills} SIGKILLs, {completed} restores completed, chain intact")


def test_two_writers_never_leave_a_broken_anchor(
    ctx: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with ctx.write() as uow:
        uow.record("test.start")
    data_dir = ctx.data_dir
    ctx.close()
    writes = 150
    procs = [helper("write", data_dir, name, writes) for name in ("甲", "乙")]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = [proc.communicate(timeout=WAIT) for proc in procs]
    assert [out.strip() for out, _ in outputs] == ["DONE", "DONE"], outputs
    with open_context(data_dir, migrate=False) as check, check.read() as uow:
        marks = uow.session.scalars(
            select(AuditEvent.seq).where(AuditEvent.action == ANCHOR_CREATED)
        ).all()
        written = uow.session.scalars(
            select(AuditEvent.seq).where(AuditEvent.action == "race.write")
        ).all()
    assert marks == []
    assert len(written) == 2 * writes
    found = chain_findings(data_dir)
    assert not set(found) & set(FALSE_ALARMS), found
    assert sorted(p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")) == []
    with capsys.disabled():
        print(f"\nanchor race: 2 writers, {2 * writes} commits, no anchor_created mark")
