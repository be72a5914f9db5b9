"""Shared helpers for the recalculation tests: run a JSON case through parse and engine."""

from __future__ import annotations

from typing import Any

from app.domain.recalc import parse_input, recalculate, result_to_json
from app.domain.recalc.result import RecalcResult
from app.services.recalc.lpr import load_bundled_table

LPR = load_bundled_table()


def result_of(case: dict[str, Any]) -> RecalcResult:
    return recalculate(parse_input(case, LPR), LPR)


def run(case: dict[str, Any]) -> dict[str, Any]:
    """The output object of the spec for `case`."""
    return result_to_json(result_of(case))


def view(out: dict[str, Any], name: str) -> dict[str, str]:
    return out["views"][name]


def lines(out: dict[str, Any], view_name: str, kind: str) -> list[dict[str, Any]]:
    return [ln for ln in out["lines"] if ln["view"] == view_name and ln["kind"] == kind]


def case(**fields: Any) -> dict[str, Any]:
    """A bank loan of 10000.00 from 2023-01-01 with the given fields on top."""
    base: dict[str, Any] = {
        "lender_type": "bank",
        "contract_date": "2023-01-01",
        "principal": "10000.00",
        "as_of": "2023-06-30",
        "repayment": {"method": "bullet", "maturity": "2023-07-01"},
    }
    base.update(fields)
    return base
