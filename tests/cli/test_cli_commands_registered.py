"""Every command module in app/cli is imported by name in app/cli/main.py (so a frozen
build, which follows static imports, carries it) and registers its command."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

import app.cli.main as cli_main

CLI = Path(cli_main.__file__).parent


def command_files() -> set[str]:
    return {p.stem for p in CLI.glob("cmd_*.py")}


def statically_imported() -> set[str]:
    """The `cmd_*` modules main.py imports with a plain `from app.cli import …`."""
    tree = ast.parse((CLI / "main.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "app.cli" and node.level == 0:
            names.update(a.name for a in node.names if a.name.startswith("cmd_"))
    return names


def test_every_command_module_is_imported_statically_and_registered() -> None:
    files = command_files()
    assert "cmd_key" in files and len(files) >= 11
    assert statically_imported() == files
    assert {m.__name__.rsplit(".", 1)[1] for m in cli_main.COMMANDS} == files
    assert len(cli_main.COMMANDS) == len(files)  # each once


def test_each_command_module_adds_its_own_subcommand() -> None:
    parser = cli_main.build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for module in cli_main.COMMANDS:
        single = argparse.ArgumentParser()
        module.register(single.add_subparsers())
        [action] = [a for a in single._actions if isinstance(a, argparse._SubParsersAction)]
        assert action.choices and set(action.choices) <= set(sub.choices), module.__name__
