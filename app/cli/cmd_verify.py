"""`python -m app verify` (placeholder until its issue lands)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run(args: argparse.Namespace) -> int:
    print("verify: not available yet", file=sys.stderr)
    return 2


def register(sub: Any) -> None:
    parser = sub.add_parser("verify", help="verify (not available yet)")
    parser.set_defaults(handler=run)
