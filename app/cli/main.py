"""Argument parsing and dispatch for `python -m app <command>`.

Each command lives in its own module `app.cli.cmd_<name>` with a `register(subparsers)`
function that adds its parser and sets `handler` to a function `(args) -> int`. The modules
are imported by name below (`COMMANDS`), so a frozen build, which follows imports, carries
every one of them; they import nothing heavy at module level (`tests/cli`).
Exit codes: 0 success, 1 the answer is "no" (e.g. a document is not intact),
2 the input or the case store is not usable (the problems go to stderr).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from app import __version__
from app.cli import (
    cmd_audit,
    cmd_backup,
    cmd_batch,
    cmd_bundle,
    cmd_cases,
    cmd_contact,
    cmd_court,
    cmd_db,
    cmd_demo,
    cmd_evidence,
    cmd_import,
    cmd_key,
    cmd_mandate,
    cmd_office,
    cmd_plan,
    cmd_privacy,
    cmd_recalc,
    cmd_render,
    cmd_report,
    cmd_selftest,
    cmd_sign,
    cmd_sync,
    cmd_verify,
)
from app.domain.errors import DomainError, InputError, Problem
from app.i18n import language_from_environment, set_language, tr

COMMANDS: tuple[ModuleType, ...] = (  # in the order `--help` lists them
    cmd_db,
    cmd_demo,
    cmd_cases,
    cmd_import,
    cmd_batch,
    cmd_contact,
    cmd_privacy,
    cmd_mandate,
    cmd_recalc,
    cmd_plan,
    cmd_render,
    cmd_sign,
    cmd_verify,
    cmd_evidence,
    cmd_court,
    cmd_report,
    cmd_audit,
    cmd_backup,
    cmd_key,
    cmd_selftest,
    cmd_office,
    cmd_sync,
    cmd_bundle,
)

GUI_FLAGS = ("--smoke-test",)  # the GUI's own flags (see ui.main.parse_options)

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
    parser.add_argument(
        "--lang",
        default=None,
        help="zh_CN or en: the language of the errors printed (default: $MEDIATION_DESK_LANG, "
        "else Chinese); documents stay Chinese",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
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
        if arg.startswith(("--data-dir=", "--lang=")) or arg in GUI_FLAGS:
            continue
        if arg.startswith("-") and arg not in ("-",):
            return False  # --help, --version and the like belong to the CLI
        return False
    return True


def report_input_error(error: InputError) -> None:
    from app.cli.json_input import printable

    for problem in error.problems:
        print(printable(str(Problem(problem.path, tr(problem.reason)))), file=sys.stderr)


def quiet_dependency_warnings() -> None:
    """pyhanko imports cryptography's DSA type, which recent cryptography releases report as
    deprecated on stderr at import; the app never signs with DSA, and stderr is for the
    user's problems."""
    warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")


def main(argv: list[str] | None = None) -> int:
    quiet_dependency_warnings()
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_INPUT
    from app.cli.passphrase import install_terminal_prompt

    set_language(args.lang or language_from_environment())

    # cryptography deprecates DSA; pyHanko still imports it. Not the user's concern.
    warnings.filterwarnings("ignore", message="DSA is deprecated")
    install_terminal_prompt()
    try:
        code = handler(args)
    except InputError as error:
        report_input_error(error)
        return EXIT_INPUT
    except DomainError as error:
        print(tr(str(error)), file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # a file or disk problem no command foresaw: its cause, no traceback
        from app.services.context import describe_os_error

        print(tr(describe_os_error(error)), file=sys.stderr)
        return EXIT_INPUT
    return _with_notices(code)


def _with_notices(code: int) -> int:
    """Problems met while opening the store (a daily backup that failed its check) go to
    stderr, and a command that otherwise succeeded exits 2: scripts notice too."""
    from app.services import notices

    found = notices.take()
    for message in found:
        print(tr(f"注意 (warning): {message}"), file=sys.stderr)
    return EXIT_INPUT if found and code == EXIT_OK else code


if __name__ == "__main__":
    sys.exit(main())
