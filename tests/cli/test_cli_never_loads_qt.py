"""The CLI must start without Qt: it runs on servers and in scripts."""

from __future__ import annotations

import subprocess
import sys


def test_cli_help_does_not_import_qt() -> None:
    code = (
        "import sys; from app.cli.main import build_parser; build_parser(); "
        "print(any(m.startswith(('PySide6', 'ui')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_command_means_gui_and_a_command_means_cli() -> None:
    from app.cli.main import wants_gui

    assert wants_gui([])
    assert wants_gui(["--data-dir", "/tmp/x"])
    assert not wants_gui(["--data-dir", "/tmp/x", "cases", "list"])
    assert not wants_gui(["--help"])
