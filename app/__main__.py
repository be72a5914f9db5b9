"""Entry point: `python -m app` starts the GUI; `python -m app <command>` runs the CLI.

This is the only module in `app` that touches `ui`, and it does so lazily, so the CLI
never loads Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the CLI when a command is given, else start the GUI."""
    args = sys.argv[1:] if argv is None else argv
    from app.cli.main import wants_gui

    frozen_cli = Path(sys.executable).stem.endswith("-cli") and getattr(sys, "frozen", False)
    if wants_gui(args) and not frozen_cli:
        from ui.main import run_gui  # type: ignore[import-not-found,unused-ignore]

        return int(run_gui(args))
    from app.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
