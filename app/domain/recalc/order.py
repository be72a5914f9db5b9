"""An order of allocation in words: the six kinds' Chinese names, and reading an order as a
mediator types it from the contract ("费用→罚息→复利→利息→本金→实现债权费用").

Each kind may be written by its code (`costs`) or a Chinese name; names are separated by
→, >, 、, commas, semicolons or spaces. 费用 alone means fees (违约金、服务费等); the costs of
realising the claim are 实现债权费用 (or 实现债权的费用). The order must name all six kinds,
each once (`checks.allocation_problems`).
"""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import InputError, Problem
from app.domain.recalc.checks import allocation_problems
from app.domain.recalc.model import ALLOCATION_KINDS

ORDER_LABELS = {
    "costs": "实现债权费用",
    "interest": "利息",
    "penalty": "罚息",
    "compound": "复利",
    "fees": "费用",
    "principal": "本金",
}
ALIASES = {
    **{label: kind for kind, label in ORDER_LABELS.items()},
    **{kind: kind for kind in ALLOCATION_KINDS},
    "实现债权的费用": "costs",
    "逾期利息": "penalty",
    "其他费用": "fees",
}
SEPARATORS = re.compile(r"[→>、,，;；\s]+|->")


def order_words(order: tuple[str, ...]) -> str:
    """"实现债权费用→利息→罚息→复利→费用→本金"."""
    return "→".join(ORDER_LABELS[kind] for kind in order)


def parse_order(text: str, path: str = "allocation") -> tuple[str, ...]:
    """The order written in `text`, or InputError at `path` saying how to write it."""
    parts = [p for p in SEPARATORS.split(unicodedata.normalize("NFKC", text)) if p]
    kinds = [ALIASES.get(part.lower(), part) for part in parts]
    problems = allocation_problems(kinds)
    if problems:
        unknown = [p for p in parts if p.lower() not in ALIASES]
        head = f"无法识别“{'、'.join(unknown)}”；" if unknown else ""
        reason = (f"{head}请按合同约定的顺序写出全部六项，各一次，用“→”或顿号分开，如："
                  f"{order_words(ALLOCATION_KINDS)}")  # fmt: skip
        raise InputError([Problem(path, reason)])
    return tuple(kinds)
