"""`python -m app bundle export --to FILE` and `bundle import FILE`: sync by USB stick.

Exit codes: 0 done; 1 imported, with conflicts for a person or cases taken back; 2 the
file is damaged, not for this laptop, not from its office, or already imported (nothing
changed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def run_export(args: argparse.Namespace) -> int:
    from app.services.startup import open_context
    from app.services.sync.bundle import export_bundle

    with open_context(args.data_dir) as ctx:
        data, done = export_bundle(ctx)
    tmp = args.to.with_name(args.to.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(args.to)
    print(f"已导出 {done.cases} 件、{done.audit_events} 条操作记录、{done.blobs} 个文件"
          f"到 {args.to}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from app.services.startup import open_context
    from app.services.sync.bundle import BadBundle, import_bundle

    try:
        data = args.file.read_bytes()
    except OSError as error:
        print(f"无法读取 {args.file}：{error}", file=sys.stderr)
        return 2
    with open_context(args.data_dir) as ctx:
        try:
            done = import_bundle(ctx, data)
        except BadBundle as error:
            print(f"{error} 本机数据没有改动。", file=sys.stderr)
            return 2
    print(f"已导入 {done.cases} 件，办公室收回 {done.revoked} 件，冲突 {done.conflicts} 项。")
    return done.exit_code


def register(sub: Any) -> None:
    parser = sub.add_parser("bundle", help="sync by file (USB stick) when there is no link")
    actions = parser.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    exp = actions.add_parser("export", help="what the office has not seen yet")
    exp.add_argument("--to", type=Path, required=True, metavar="FILE")
    exp.set_defaults(handler=run_export)
    imp = actions.add_parser("import", help="what the office sent")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(handler=run_import)
