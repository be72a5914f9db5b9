"""The process the first-start race test starts several of at once:
`python -m tests.integration.first_start NAME`.

It imports the app and says `READY`; then, for each line `go DATA_DIR` on stdin (sent to
every process at the same moment), it opens the store in DATA_DIR as the app does at start
(`open_context`: key, migrations, daily backup), commits one audit event naming NAME and
prints `OK NAME` only after that commit returned. A refusal prints `NO` and the message,
as the CLI would say it. `quit` ends it. A warm process per racer keeps the rounds quick.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path


def first_start(data_dir: Path, name: str) -> str:
    from app.domain.errors import DomainError
    from app.services.context import open_context

    try:
        with open_context(data_dir, actor=name) as ctx, ctx.write() as uow:
            uow.record("first_start.write", detail={"name": name})
    except DomainError as error:
        return "NO " + " ".join(str(error).split())
    except Exception:  # a traceback is a finding of the test, not the end of the racer
        return "CRASH " + " | ".join(traceback.format_exc().splitlines()[-3:])
    return f"OK {name}"


def main(name: str) -> int:
    import app.services.context  # noqa: F401  (imports done before the race starts)
    from tests.security_fixtures import use_fast_kdf

    use_fast_kdf()  # as in the test process: the race is in the files, not in Argon2id
    print("READY", flush=True)
    for line in sys.stdin:
        command = line.split(maxsplit=1)
        if not command or command[0] != "go":
            return 0
        print(first_start(Path(command[1].strip()), name), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
