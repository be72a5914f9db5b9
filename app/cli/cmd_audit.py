"""`python -m app audit` (placeholder until its issue lands)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run(args: argparse.Namespace) -> int:
    print("audit: not available yet", file=sys.stderr)
    return 2


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="audit (not available yet)")
    parser.set_defaults(handler=run)
