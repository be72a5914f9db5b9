"""Argument parsing and dispatch for `python -m app <command>`.

Each command lives in its own module `app.cli.cmd_<name>` with a `register(subparsers)`
function that adds its parser and sets `handler` to a function `(args) -> int`.
Exit codes: 0 success, 1 the answer is "no" (e.g. a document is not intact),
2 the input or the case store is not usable (the problems go to stderr).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import __version__
from app.domain.errors import DomainError, InputError

COMMAND_MODULES: tuple[str, ...] = (
    "db",
    "demo",
    "cases",
    "recalc",
    "plan",
    "render",
    "sign",
    "verify",
    "audit",
    "backup",
    "key",
    "office",
    "sync",
    "bundle",
)

EXIT_OK = 0
EXIT_NO = 1
EXIT_INPUT = 2

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description="调解工作台 Mediation Desk — command line. Without a command the GUI starts.",
    )
    parser.add_argument("--version", action="version", version=f"Mediation Desk {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder of the case store (default: the platform's user data folder, "
        "or $MEDIATION_DESK_DATA_DIR)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module: Any = importlib.import_module(f"app.cli.cmd_{name}")
        module.register(sub)
    return parser


def wants_gui(argv: list[str]) -> bool:
    """True when no command is named (only global options): the GUI should start."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--data-dir", "--lang"):  # --lang zh_CN|en: the GUI's language
            skip_next = True
            continue
        if arg.startswith(("--data-dir=", "--lang=")):
            continue
        if arg.startswith("-") and arg not in ("-",):
            return False  # --help, --version and the like belong to the CLI
        return False
    return True


def report_input_error(error: InputError) -> None:
    from app.cli.json_input import printable

    for problem in error.problems:
        print(printable(str(problem)), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_INPUT
    from app.cli.passphrase import install_terminal_prompt

    install_terminal_prompt()
    try:
        return handler(args)
    except InputError as error:
        report_input_error(error)
        return EXIT_INPUT
    except DomainError as error:
        print(str(error), file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
