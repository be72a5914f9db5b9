"""Debt recalculation: claimed vs contract vs lawful, line by line (spec: recalculation.md).

    inp = parse_input(json.loads(text), lpr)     # InputError lists every problem
    result = recalculate(inp, lpr)               # pure: no I/O, the LPR table passed in
    print(json.dumps(result_to_json(result), ensure_ascii=False))

Modules: `model` (input), `fields`/`checks`/`parse` (reading and rules), `schedule`,
`regime` (caps), `ledger` (one view's timeline), `allocation` (art. 561 and the cap),
`engine` (the walk), `result`/`output`.
"""

from app.domain.recalc.engine import ENGINE_VERSION, recalculate
from app.domain.recalc.model import RecalcInput
from app.domain.recalc.output import result_to_json
from app.domain.recalc.parse import parse_input
from app.domain.recalc.result import Line, RecalcResult, ViewTotals

__all__ = [
    "ENGINE_VERSION",
    "Line",
    "RecalcInput",
    "RecalcResult",
    "ViewTotals",
    "parse_input",
    "recalculate",
    "result_to_json",
]
