"""`python -m app plan FILE.json` (`-` for stdin): an instalment plan, exact to the fen.

Needs no case store. The input and output forms are described in `app.domain.plan_input`;
bad input exits 2 with one `field: reason` line per problem on stderr and nothing on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.json_input import parse_json
from app.domain.errors import InputError, Problem


def read_input(source: str) -> Any:
    """The JSON document from a file or stdin; unreadable input is an InputError."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([Problem("", f"无法读取输入文件 {source}：{error}")]) from error
    return parse_json(text)


def run(args: argparse.Namespace) -> int:
    from app.domain.plan_input import plan_from_dict, plan_to_dict

    plan = plan_from_dict(read_input(args.file))
    print(json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2))
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "plan",
        help="instalment plan from a JSON file (- for stdin)",
        description="分期计划：等额分期（可含首付款）、一次性付清或自定义各期。"
        "count 为首付款之后的期数；首付款为第 1 行。",
    )
    parser.add_argument("file", metavar="FILE.json", help="input JSON file, or - for stdin")
    parser.set_defaults(handler=run)
