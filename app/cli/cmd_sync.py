"""`python -m app sync`: one round with the office — push what waits, then pull.

Exit codes: 0 everything up to date; 1 done, with conflicts recorded for a person (or
cases the office took back); 2 not enrolled / refused; 3 the office cannot be reached now
(nothing lost: the next `sync` goes on where this one stopped).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run_sync(args: argparse.Namespace) -> int:
    from app.services.startup import open_context
    from app.services.sync.client import Unreachable
    from app.services.sync.round import sync_round

    with open_context(args.data_dir) as ctx:
        try:
            result = sync_round(ctx)
        except Unreachable as error:
            print(f"{error} 本机数据没有丢失，下次同步时继续。", file=sys.stderr)
            return 3
    if result.message:
        print(result.message, file=sys.stderr)
    if result.skew_warning:
        print(result.skew_warning, file=sys.stderr)
    print(f"已上传 {result.pushed} 件，已接收 {result.pulled} 件，"
          f"办公室收回 {result.revoked} 件，冲突 {result.conflicts} 项。")
    return result.exit_code


def register(sub: Any) -> None:
    parser = sub.add_parser("sync", help="one sync round with the office (push, then pull)")
    parser.set_defaults(handler=run_sync)
