"""The process the crash-safety test kills: `python -m tests.integration.crash_writer DIR`.

It imports the app once, unlocks the store once, then waits for commands on stdin:

    run R    fork a worker that opens the store in DIR and writes until it is killed
    quit     exit

Lines on stdout (the workers share it; each line is one `os.write`, so lines never mix):

    S R PID          worker R started (printed by this process before the worker runs)
    A R N            worker R's audit event N is committed (printed after commit returned)
    K R N CASE_NO    worker R's case N is committed, under CASE_NO
    D R STATUS       worker R is gone (after waitpid: all its lines came before this one)

Forking a warm process keeps each of the 50+ kill cycles to a few tens of milliseconds; the
worker opens its own engine after the fork (no SQLite handle crosses it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def worker(data_dir: Path, run: int) -> None:
    """Open the real store and commit one small transaction after another, forever."""
    from app.services.cases import service as cases
    from app.services.startup import open_context
    from tests.store_fixtures import new_case

    ctx = open_context(data_dir, actor=f"crash-{run}", migrate=False)
    n = 0
    while True:
        n += 1
        if n % 4 == 0:  # a bigger transaction now and then: a case with parties and loan
            created = cases.create_case(ctx, new_case(debtor_name=f"崩溃{run}号{n}"))
            say(f"K {run} {n} {created.case_no}")
        else:
            with ctx.write() as uow:
                uow.record("crash.write", detail={"run": run, "n": n, "pad": "记" * (n % 50)})
            say(f"A {run} {n}")


def main(data_dir: Path) -> None:
    from app.services.startup import open_context  # noqa: F401
    from app.services.unlock import database_key
    from tests.store_fixtures import new_case  # noqa: F401

    database_key(data_dir)  # the key is cached here, so workers derive nothing
    say("READY")
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] == "quit":
            return
        run = int(command[1])
        pid = os.fork()
        if pid == 0:
            try:
                worker(data_dir, run)
            finally:
                os._exit(3)
        say(f"S {run} {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"D {run} {status}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
