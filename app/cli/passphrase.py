"""The terminal prompt for the case store's passphrase (only when stdin is a terminal)."""

from __future__ import annotations

import sys

from app.domain.errors import InputError, Problem


def terminal_passphrase(message: str, new: bool) -> str | None:
    """Ask without echo; a new passphrase is asked twice. Empty input means cancel."""
    import getpass

    answer = getpass.getpass(message)
    if new and answer and getpass.getpass("请再次输入口令：") != answer:
        raise InputError([Problem("passphrase", "两次输入的口令不一致：请重新运行。")])
    return answer or None


def install_terminal_prompt() -> None:
    """Let the store ask on the terminal when no keyring or environment passphrase works;
    without a terminal nothing is installed and the CLI exits 2 instead of waiting."""
    try:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        interactive = False
    if interactive:
        from app.services.unlock import set_interactive_prompt

        set_interactive_prompt(terminal_passphrase)
