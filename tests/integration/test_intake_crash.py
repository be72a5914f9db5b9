"""SIGKILL during a batch import: the store stays consistent (every chunk whole or absent,
the audit chain intact) and a rerun imports the rest without a duplicate."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.services.startup import open_context
from app.store.models import Batch, Case, Claim, LoanTerms, Party
from app.store.records import AuditEvent
from tests.intake_fixtures import row, write_xlsx
from tests.integration.intake_runner import CHUNK

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX"),
]
ROOT = Path(__file__).resolve().parents[2]
ROWS = 1500
KILLS = 4


def run(data_dir: Path, file: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.intake_runner", str(data_dir), str(file)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_after_chunks(proc: subprocess.Popen[str], chunks: int, rng: random.Random) -> int:
    """SIGKILL the import a moment after `chunks` chunks committed; the chunks seen."""
    assert proc.stdout is not None
    seen = 0
    while seen < chunks:
        line = proc.stdout.readline()
        if not line or line.startswith("DONE"):
            break
        seen += line.startswith("W ")
    time.sleep(rng.uniform(0, 0.05))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    return seen


def state(data_dir: Path) -> dict[str, object]:
    with open_context(data_dir, migrate=False) as ctx:
        with ctx.store.engine.connect() as conn:
            integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        with ctx.read() as uow:
            s = uow.session

            def count(model: type) -> int:
                return int(s.scalar(select(func.count()).select_from(model)) or 0)

            contracts = list(s.scalars(select(LoanTerms.contract_no)))
            created = s.scalar(select(func.count()).where(AuditEvent.action == "case.created"))
            batches = [(b.status, b.imported) for b in s.scalars(select(Batch))]
            return {
                "integrity": integrity,
                "chain": uow.audit.verify(),
                "cases": count(Case),
                "debtors": int(s.scalar(select(func.count()).where(Party.role == "debtor")) or 0),
                "claims": count(Claim),
                "contracts": contracts,
                "created_events": created,
                "batches": batches,
            }


def test_sigkill_during_an_import_then_a_rerun_imports_the_rest(tmp_path: Path) -> None:
    file = write_xlsx(tmp_path / "big.xlsx", [row(n) for n in range(1, ROWS + 1)])
    data_dir = tmp_path / "data"
    with open_context(data_dir):
        pass
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    for _ in range(KILLS):
        proc = run(data_dir, file)
        kill_after_chunks(proc, rng.randint(0, 2), rng)
        now = state(data_dir)
        cases = now["cases"]
        assert now["integrity"] == ["ok"] and now["chain"] == []
        assert now["debtors"] == now["claims"] == now["created_events"] == cases
        assert (isinstance(cases, int) and cases % CHUNK == 0) or cases == ROWS  # whole chunks
        contracts = now["contracts"]
        assert isinstance(contracts, list) and len(set(contracts)) == len(contracts)
        batches = now["batches"]
        assert isinstance(batches, list) and len(batches) <= 1  # a rerun resumes the batch
    proc = run(data_dir, file)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    final = state(data_dir)
    assert final["cases"] == ROWS and final["chain"] == []
    assert sorted(final["contracts"]) == sorted(f"HT-{n:03d}" for n in range(1, ROWS + 1))  # type: ignore[arg-type]
    assert final["batches"] == [("complete", ROWS)]
    assert out.splitlines()[-1].startswith("DONE ")
