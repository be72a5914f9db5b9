"""Start-up benchmark: a cold start of the app against a bare PySide6 window, same run.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Each start is a new process (`benchmarks/startup_probe.py`), offscreen, timed from the
spawn to the moment the awaited window is first painted:

    bare     a plain PySide6 QMainWindow: the floor
    window   the app's main window (the case store not yet open)
    signin   the 登录 dialog, on a store with the demo cases and a supervisor account
    cases    the case list filled, after signing in at once (the password check included)

The rounds are interleaved (bare, window, signin, cases, bare, …) so a busy machine slows
all of them alike; medians are printed with their ratio to the bare window. The goal is at
most 1.5 × the bare window to the first window and to the sign-in dialog. The store's key
comes from a passphrase (no keyring here), as on a laptop without one. Python's bytecode
is cached (in the temporary folder) by the untimed first start of each kind.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "benchmarks" / "startup_probe.py"
MODES = ("bare", "window", "signin", "cases")
GOAL = 1.5


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        MEDIATION_DESK_PASSPHRASE="startup-benchmark",
        XDG_CONFIG_HOME=str(home / "config"),  # the language setting and Qt's own, fresh
        LANG="C.UTF-8",
        # compiled once, as an installed app is (the frozen bundle ships bytecode): a shell
        # with PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start
        PYTHONPYCACHEPREFIX=str(home / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("MEDIATION_DESK_LANG", None)
    return env


def prepare(data_dir: Path, env: dict[str, str]) -> None:
    """The demo store and the supervisor the probe signs in as (not timed)."""
    python = sys.executable
    subprocess.run([python, "-m", "app", "--data-dir", str(data_dir), "demo"], cwd=ROOT,
                   env=env, check=True, capture_output=True)  # fmt: skip
    code = (
        "import sys; from pathlib import Path\n"
        "from app.services.context import open_context\n"
        "from app.services.organisation.accounts import create_first_supervisor\n"
        "from benchmarks.startup_probe import USERNAME, PASSWORD\n"
        "with open_context(Path(sys.argv[1])) as ctx:\n"
        "    create_first_supervisor(ctx, USERNAME, '张伟', PASSWORD)\n"
    )
    subprocess.run([python, "-c", code, str(data_dir)], cwd=ROOT, env=env, check=True)


def one_start(mode: str, data_dir: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from the spawn to the marker, and what the probe said."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(PROBE), mode, str(data_dir)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    line = child.stdout.readline()
    seconds = time.perf_counter() - started
    child.kill()
    child.wait()
    if not line.startswith(mode):
        raise RuntimeError(f"{mode}: the probe said {line!r}")
    return seconds, line.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        home = Path(tmp)
        env = environment(home)
        data_dir = home / "data"
        prepare(data_dir, env)
        for mode in MODES:  # once each, not timed: files in the page cache, today's backup
            one_start(mode, data_dir, env)
        times: dict[str, list[float]] = {mode: [] for mode in MODES}
        said: dict[str, str] = {}
        for _ in range(args.runs):
            for mode in MODES:
                seconds, said[mode] = one_start(mode, data_dir, env)
                times[mode].append(seconds)
    floor = statistics.median(times["bare"])
    print(f"cold start, median of {args.runs} (offscreen, {os.cpu_count()} cores):")
    for mode in MODES:
        median = statistics.median(times[mode])
        goal = f"  (goal ≤ {GOAL} ×)" if mode in ("window", "signin") else ""
        print(f"  {mode:7s} {median * 1000:7.0f} ms  {median / floor:5.2f} × bare{goal}")
        print(f"          heavy modules loaded: {said[mode].split('modules ')[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
