"""Two (or three) first starts on a new data folder at the same moment: the GUI and a CLI
command, or two commands. Each used to create its own key and salt and replace
keyinfo.json; one then wrote its cases under a key whose salt was gone, reported success,
and every later start said the store was damaged. Now creating the key and the store is
one exclusive step: whoever comes second waits and opens what the first made.

Real processes (`tests.integration.first_start`, kept warm), released together, many rounds."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.context import open_context
from app.store.records import AuditEvent

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20
STARTS = 3
WAIT = 120.0  # seconds for one round: only reached when something hangs


class Racer:
    """One warm `first_start` process: `go DIR` in, one result line out."""

    def __init__(self, name: str) -> None:
        env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.first_start", name],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next() == "READY"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def go(self, data_dir: Path) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"go {data_dir}\n")
        self.proc.stdin.flush()

    def next(self) -> str:
        return self.lines.get(timeout=WAIT)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=WAIT)


@pytest.fixture
def racers() -> Iterator[list[Racer]]:
    started = [Racer(f"p{i}") for i in range(STARTS)]
    yield started
    for racer in started:
        racer.close()


def one_round(racers: list[Racer], data_dir: Path) -> tuple[set[str], list[str]]:
    """(names reported committed, other answers) for one simultaneous first start."""
    for racer in racers:  # released together: every one is past its imports already
        racer.go(data_dir)
    said = [racer.next() for racer in racers]
    committed = {line.split()[1] for line in said if line.startswith("OK ")}
    return committed, [line for line in said if not line.startswith("OK ")]


def stored_names(data_dir: Path) -> set[str]:
    with open_context(data_dir, migrate=False) as ctx, ctx.read() as uow:
        details = uow.session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "first_start.write")
        )
        return {detail["name"] for detail in details}


def test_simultaneous_first_starts_keep_every_reported_write(
    tmp_path: Path, racers: list[Racer], capsys: pytest.CaptureFixture[str]
) -> None:
    bad: list[str] = []
    committed_total = refused_total = 0
    for n in range(ROUNDS):
        data_dir = tmp_path / f"round{n}"
        committed, others = one_round(racers, data_dir)
        committed_total += len(committed)
        refused_total += sum(line.startswith("NO ") for line in others)
        problems = [line for line in others if not line.startswith("NO ")]
        try:
            lost = committed - stored_names(data_dir)
        except Exception as error:  # the store no longer opens at all (or not calmly)
            lost, problems = committed, [*problems, f"{type(error).__name__}: {error}"]
        if lost or problems:
            bad.append(f"round {n}: lost {sorted(lost)}; {others}; {problems}")
    with capsys.disabled():
        print(
            f"\nfirst-start race: {ROUNDS - len(bad)} of {ROUNDS} rounds of {STARTS} "
            f"simultaneous first starts fine; {committed_total} writes reported committed, "
            f"{refused_total} refused with a message"
        )
    assert bad == []
