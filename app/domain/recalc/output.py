"""`result_to_json`: the exact output object of the spec (amounts as two-decimal strings).

`views.claimed` and `claim_gap` appear only when a claim was given. Rates are written
without trailing zeros ("0.24", "0.154"); statement lines always carry every key, with
null where a key does not apply (e.g. no span on a payment line).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.domain.recalc.arith import fen_text, rate_text
from app.domain.recalc.model import CLAIM_PARTS, Claimed
from app.domain.recalc.result import Line, RecalcResult, ViewTotals

VIEW_KEYS = (
    "principal", "principal_overdue", "principal_not_due", "interest", "penalty", "compound",
    "fees", "costs", "total", "paid", "overpaid",
)  # fmt: skip
REDUCTION_KEYS = ("total", "interest", "penalty", "compound", "fees", "principal")


def money(value: Decimal) -> str:
    return f"{value:.2f}"


def result_to_json(result: RecalcResult) -> dict[str, Any]:
    views: dict[str, Any] = {}
    if result.claimed is not None:
        views["claimed"] = claimed_json(result.claimed)
    views["contract"] = view_json(result.contract)
    views["lawful"] = view_json(result.lawful)
    reduction = result.reduction
    out: dict[str, Any] = {
        "as_of": result.as_of.isoformat(),
        "day_basis": result.day_basis,
        "regime": {
            "lender_class": result.regime.lender_class,
            "caps": [
                {
                    "from": None if p.start is None else p.start.isoformat(),
                    "to": None if p.end is None else p.end.isoformat(),
                    "annual_rate": rate_text(p.annual_rate),
                    "basis": p.basis,
                }
                for p in result.regime.caps
            ],
        },
        "views": views,
        "reduction": {key: money(getattr(reduction, key)) for key in REDUCTION_KEYS},
    }
    if result.claim_gap is not None:
        out["claim_gap"] = {"total": money(result.claim_gap)}
    out["lines"] = [line_json(line) for line in result.lines]
    out["warnings"] = list(result.warnings)
    return out


def claimed_json(claimed: Claimed) -> dict[str, str]:
    out = {part: money(getattr(claimed, part)) for part in CLAIM_PARTS}
    out["total"] = money(claimed.total)
    return out


def view_json(view: ViewTotals) -> dict[str, str]:
    return {key: money(getattr(view, key)) for key in VIEW_KEYS}


def line_json(line: Line) -> dict[str, Any]:
    return {
        "view": line.view,
        "date": line.date.isoformat(),
        "kind": line.kind,
        "from": None if line.start is None else line.start.isoformat(),
        "to": None if line.end is None else line.end.isoformat(),
        "days": line.days,
        "base": None if line.base_fen is None else fen_text(line.base_fen),
        "rate": None if line.rate is None else rate_text(line.rate),
        "amount": fen_text(line.amount_fen),
        "note": line.note,
    }
