"""A process for the audit-anchor tests: `python -m tests.integration.anchor_race MODE DIR …`.

    write DIR NAME N       say READY, wait for `go` on stdin, then commit N audit events
                           one transaction each (two of these race on the anchor file)
    restore DIR BACKUP K   restore BACKUP into DIR; K is `after-swap` or `before-swap`:
                           SIGKILL this process right after (or right before) cases.db is
                           replaced, or `none`
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any


def write(data_dir: Path, name: str, count: int) -> None:
    from app.services.context import open_context

    print("READY", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    with open_context(data_dir, actor=name, migrate=False) as ctx:
        for n in range(count):
            with ctx.write() as uow:
                uow.record("race.write", detail={"name": name, "n": n})
    print("DONE", flush=True)


def restore(data_dir: Path, backup: Path, kill: str) -> None:
    from app.services.maintenance.restore import restore_backup

    real_replace = os.replace

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        if Path(dst).name == "cases.db" and kill == "before-swap":
            os.kill(os.getpid(), signal.SIGKILL)
        real_replace(src, dst, **kwargs)
        if Path(dst).name == "cases.db" and kill == "after-swap":
            os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace  # type: ignore[assignment]
    import app.services.context
    import app.store.migrate  # noqa: F401

    print("START", flush=True)
    restore_backup(data_dir, backup)
    print("RESTORED", flush=True)


if __name__ == "__main__":
    mode, folder = sys.argv[1], Path(sys.argv[2])
    if mode == "write":
        write(folder, sys.argv[3], int(sys.argv[4]))
    else:
        restore(folder, Path(sys.argv[3]), sys.argv[4])
