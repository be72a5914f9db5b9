"""`run_gui` in a fresh process that hands a document to another program (as
用系统阅读器打开 does, through `ui.private_files`), then quits as a user would, or crashes:

    python -m tests.gui.private_files_driver DATA_DIR quit|crash

Prints `leftovers N` (earlier runs' folders still there once the window is up, i.e. after
the start-up sweep) and `wrote PATH`; then `quit` goes through 创建主管账户 to the case
list and quits (`exit 0`), `crash` dies at once with `os._exit(70)` (no clean-up runs).
"""

from __future__ import annotations

import os
import sys

from tests.gui.run_gui_driver import started


def main(argv: list[str]) -> int:
    from tests.security_fixtures import use_fast_kdf
    from ui.main import run_gui
    from ui.private_files import default_base, session_files

    use_fast_kdf()
    data_dir, mode = argv
    then = started("first")

    def hook(window: object) -> None:
        runs = [p for p in default_base().glob("run-*") if p.is_dir()]
        print("leftovers", len(runs), flush=True)
        path = session_files().write("TJ-2026-000001-XY-01.pdf", b"%PDF-1.7 personal data")
        print("wrote", path, flush=True)
        if mode == "crash":
            os._exit(70)
        then(window)  # type: ignore[operator]

    code = run_gui(["--data-dir", data_dir], started=hook)  # type: ignore[arg-type]
    print("exit", code, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
