"""`python -m app office join URL CODE`: enrol this laptop with the office.

Exit codes: 0 enrolled; 2 the code is wrong, expired or used, or the office's certificate
cannot be verified with it; 3 the office cannot be reached now.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run_join(args: argparse.Namespace) -> int:
    from app.services.startup import open_context
    from app.services.sync.client import Unreachable
    from app.services.sync.enrol import join

    with open_context(args.data_dir) as ctx:
        try:
            joined = join(ctx, args.url, args.code)
        except Unreachable as error:
            print(str(error), file=sys.stderr)
            return 3
    print(f"已登记：本机为 {joined.mediator} 的设备 {joined.device_code}。"
          f"本机已有的 {joined.adopted} 件案件将在下次同步时交给办公室。")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("office", help="this laptop and the office server")
    actions = parser.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    join = actions.add_parser("join", help="enrol this laptop with a one-time code")
    join.add_argument("url", metavar="URL", help="the address `python -m server` printed")
    join.add_argument("code", metavar="CODE", help="the code from admin enroll")
    join.set_defaults(handler=run_join)
