"""Kill the app mid-session (SIGKILL) and start it again: every field it reported as
committed is there, and the wizard resumes at the step it was on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.session_fixtures import make_demo, scheduled_case

ROOT = Path(__file__).resolve().parents[2]
DRIVER = "tests.e2e.session_driver"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def driver(mode: str, data_dir: Path, case_no: str) -> list[str]:
    return [sys.executable, "-m", DRIVER, mode, "--data-dir", str(data_dir), "--case", case_no]


def test_a_killed_session_resumes_with_everything_committed(tmp_path):
    from app.services.startup import open_context

    data_dir = make_demo(tmp_path / "data")
    with open_context(data_dir, actor="检查") as ctx:
        case_no = scheduled_case(ctx)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        driver("type", data_dir, case_no), cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    guard = threading.Timer(120, proc.kill)  # never hang the suite
    guard.start()
    committed: dict[str, object] = {}
    step = -1
    assert proc.stdout is not None
    for line in proc.stdout:
        words = line.rstrip("\n").split(" ", 2)
        if words[:2] == ["committed", "step"]:
            step = int(words[2])
        elif words[0] == "committed":
            committed[words[1]] = json.loads(words[2])
        elif words == ["typing", "notes"]:
            break  # mid-session, in the middle of a field
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    guard.cancel()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    assert step == 5
    assert {"place", "attendees[0].id_number", "statements.debtor.ability"} <= set(committed)

    again = subprocess.run(
        driver("check", data_dir, case_no), cwd=ROOT, env=env, text=True,
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    found = json.loads(again.stdout.strip().splitlines()[-1])
    assert found["step"] == step
    for path, value in committed.items():
        assert found["fields"][path] == value, path
    assert found["fields"]["attendees[0].name"] == "周律师"

    with open_context(data_dir, actor="检查") as ctx, ctx.read() as uow:
        assert uow.audit.verify() == []
        case = uow.cases.require(case_no)
        actions = [e.action for e in uow.audit.for_case(case.id)]
    assert actions.count("session.started") == 1 and "session.resumed" in actions
    assert actions.count("session.field_saved") >= len(committed)
