"""`python -m app demo [--force]`: fill the data folder with realistic demo cases."""

from __future__ import annotations

import argparse
from typing import Any


def run(args: argparse.Namespace) -> int:
    from app.services.demo.service import seed_demo
    from app.services.startup import open_context

    with open_context(args.data_dir, actor="demo") as ctx:
        result = seed_demo(ctx, force=args.force)
        if result.skipped:
            print(
                f"数据目录已有 {result.existing} 个案件，未添加演示案件"
                f"（要再添加一批，请加 --force）：{ctx.data_dir}"
            )
        else:
            first, last = result.created[0], result.created[-1]
            print(f"已添加 {len(result.created)} 个演示案件（{first} … {last}）：{ctx.data_dir}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("demo", help="add 24 realistic demo cases (once, unless --force)")
    parser.add_argument(
        "--force", action="store_true", help="add another batch even when cases exist"
    )
    parser.set_defaults(handler=run)
