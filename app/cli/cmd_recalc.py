"""`python -m app recalc FILE.json [FILE2.json …]` (`-` for stdin): the recalculation.

Prints one compact JSON document per line on stdout, one per input, in the order given
(the output object of `shared/design/recalculation.md`). Every input is read and checked
before anything is computed: if any is bad, the command exits 2, prints nothing on
stdout and lists every problem (`field.path: reason`) on stderr, each line prefixed with
the file name when several files were given.

Needs no case store: the LPR table is the bundled one, or `--lpr-table FILE`, or the one
imported into `--data-dir` when that option is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.inputs import read_text
from app.cli.json_input import parse_json, printable
from app.domain.errors import InputError

EXIT_INPUT = 2


def _load(source: str, stdin_cache: list[str]) -> Any:
    """The JSON document of a file or of stdin; problems raise InputError."""
    if source == "-":
        if not stdin_cache:
            stdin_cache.append(read_text("-", ""))
        text = stdin_cache[0]
    else:
        text = read_text(source, "")  # a regular file, bounded (never /dev/zero or a FIFO)
    return parse_json(text)


def _table(args: argparse.Namespace) -> Any:
    from app.services.recalc import lpr as lpr

    if args.lpr_table is not None:
        return lpr.read_table_file(args.lpr_table)
    if args.data_dir is not None:
        return lpr.current_table(args.data_dir)
    return lpr.load_bundled_table()


def run(args: argparse.Namespace) -> int:
    from app.domain.recalc import parse_input, recalculate, result_to_json

    table = _table(args)
    several = len(args.files) > 1
    inputs, problems, stdin_cache = [], [], []  # type: ignore[var-annotated]
    for source in args.files:
        try:
            inputs.append(parse_input(_load(source, stdin_cache), table))
        except InputError as error:
            prefix = f"{'stdin' if source == '-' else source}: " if several else ""
            problems.extend(prefix + str(problem) for problem in error.problems)
    if problems:
        sys.stderr.write(printable("\n".join(problems)) + "\n")
        return EXIT_INPUT
    write, dumps = sys.stdout.write, json.dumps
    for inp in inputs:
        document = result_to_json(recalculate(inp, table))
        write(dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "recalc",
        help="recalculate debts from JSON files (- for stdin), one JSON line per file",
        description="债务重算：合同视图与法定视图（含上限、提前到期、预扣利息），逐行说明。"
        "每个输入文件输出一行 JSON；任何输入有误时不输出结果，在 stderr 列出全部问题并以 2 退出。",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.json", help="input JSON, or - for stdin")
    parser.add_argument(
        "--lpr-table",
        type=Path,
        default=None,
        help="LPR table CSV to use instead of the bundled one",
    )
    parser.set_defaults(handler=run)
