"""The process the intake crash test kills: `python -m tests.integration.intake_runner DIR FILE`.

It imports FILE into the store in DIR with chunks of `CHUNK` cases and prints a line
`W done total` after each chunk's commit returned, then `DONE imported` at the end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CHUNK = 250


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def main(data_dir: Path, file: Path) -> None:
    from app.services.intake import writer
    from app.services.intake.service import IntakeOptions, import_file
    from app.services.startup import open_context

    writer.CHUNK = CHUNK

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "write":
            say(f"W {done} {total}")

    with open_context(data_dir, migrate=False) as ctx:
        report = import_file(ctx, file, IntakeOptions(), progress)
    say(f"DONE {report.imported} {len(report.duplicates)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
