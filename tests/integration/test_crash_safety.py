"""Crash safety: SIGKILL the app's process at random moments during bursts of writes through
the real store, 60 times, then check `PRAGMA integrity_check`, the audit chain, and that
every write reported as committed (reported only after its commit returned) is there."""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import select

from app.services.startup import open_context
from app.store.audit import AuditLog
from app.store.models import Case
from app.store.records import AuditEvent

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX"),
    pytest.mark.skipif(
        __import__("importlib.util").util.find_spec("app.domain.identifiers") is None,
        reason="case creation validates IDs with app.domain.identifiers",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
KILLS = 60
WAIT = 20.0  # seconds for any one line: only reached when something is broken


@dataclass
class Tally:
    audits: set[tuple[int, int]] = field(default_factory=set)
    cases: dict[str, str] = field(default_factory=dict)  # case_no -> debtor name
    during_open: int = 0


class Writer:
    """The crash_writer process: commands in, report lines out (through a reader thread)."""

    def __init__(self, data_dir: Path, errors: IO[bytes]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.crash_writer", str(data_dir)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def next(self) -> list[str]:
        return self.lines.get(timeout=WAIT).split()

    def close(self) -> None:
        self.send("quit")
        self.proc.wait(timeout=WAIT)


def note(tally: Tally, parts: list[str]) -> bool:
    """Record a commit report; True when it was one."""
    if parts[0] == "A":
        tally.audits.add((int(parts[1]), int(parts[2])))
        return True
    if parts[0] == "K":
        run, n, case_no = int(parts[1]), int(parts[2]), parts[3]
        tally.cases[case_no] = f"崩溃{run}号{n}"
        return True
    return False


def one_kill(writer: Writer, run: int, rng: random.Random, tally: Tally) -> None:
    writer.send(f"run {run}")
    started = writer.next()
    assert started[:2] == ["S", str(run)], started
    pid = int(started[2])
    if rng.random() < 0.2:  # while it opens the store (and recovers the last crash)
        time.sleep(rng.uniform(0, 0.03))
    else:  # after a few commits, at a random moment within the next ones
        wanted = rng.randint(1, 12)
        seen = 0
        while seen < wanted:
            parts = writer.next()
            assert parts[0] in ("A", "K"), parts
            seen += note(tally, parts)
        time.sleep(rng.uniform(0, 0.004))
    os.kill(pid, signal.SIGKILL)
    while (parts := writer.next())[0] != "D":
        note(tally, parts)
    status = int(parts[2])
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status


@pytest.fixture
def errors(tmp_path: Path) -> Iterator[IO[bytes]]:
    with open(tmp_path / "writer-stderr.txt", "wb") as handle:
        yield handle


def test_sigkill_during_writes_loses_nothing_committed(
    tmp_path: Path, errors: IO[bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    with open_context(data_dir):
        pass  # created and migrated before the first kill
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    tally = Tally()
    writer = Writer(data_dir, errors)
    try:
        assert writer.next() == ["READY"]
        for run in range(1, KILLS + 1):
            one_kill(writer, run, rng, tally)
    finally:
        writer.close()
    errors.flush()
    assert (tmp_path / "writer-stderr.txt").read_text(encoding="utf-8", errors="replace") == ""

    with open_context(data_dir, migrate=False) as ctx:
        with ctx.store.engine.connect() as conn:
            integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        with ctx.read() as uow:
            events = uow.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "crash.write")
            ).all()
            stored_audits = {(e.detail["run"], e.detail["n"]) for e in events}
            stored_cases = {
                c.case_no: next(p.name for p in c.parties if p.role == "debtor")
                for c in uow.session.scalars(select(Case)).all()
            }
            chain = AuditLog(uow.session).verify()

    lost_audits = tally.audits - stored_audits
    lost_cases = {k: v for k, v in tally.cases.items() if stored_cases.get(k) != v}
    assert integrity == ["ok"]
    assert chain == []
    assert lost_audits == set() and lost_cases == {}
    assert len(tally.audits) + len(tally.cases) >= KILLS  # real bursts, not empty runs
    with capsys.disabled():
        print(
            f"\ncrash safety: {KILLS} SIGKILLs, {len(tally.audits) + len(tally.cases)} writes "
            f"confirmed ({len(tally.cases)} cases), "
            f"{len(stored_audits) + len(stored_cases)} stored, lost 0, integrity ok"
        )
