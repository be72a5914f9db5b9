"""`python -m app plan FILE.json` (`-` for stdin): an instalment plan, exact to the fen.

Needs no case store. The input and output forms are described in `app.domain.plan_input`;
bad input exits 2 with one `field: reason` line per problem on stderr and nothing on stdout.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.inputs import read_text
from app.cli.json_input import parse_json


def read_input(source: str) -> Any:
    """The JSON document from a file or stdin; unreadable input is an InputError."""
    return parse_json(read_text(source, ""))  # a regular file or stdin, bounded


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
