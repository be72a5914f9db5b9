"""`python -m app backup` (placeholder until its issue lands)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run(args: argparse.Namespace) -> int:
    print("backup: not available yet", file=sys.stderr)
    return 2


def register(sub: Any) -> None:
    parser = sub.add_parser("backup", help="backup (not available yet)")
    parser.set_defaults(handler=run)
