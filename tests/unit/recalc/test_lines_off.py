"""`recalculate(..., with_lines=False)` (a batch summary's totals) gives exactly the figures
of the full statement, over 1,500 generated loans of every method, regime and history."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from app.domain.recalc import parse_input, recalculate
from tests.unit.recalc.helpers import LPR
from tests.unit.recalc.test_properties import loans


@settings(max_examples=1500, deadline=None)
@given(loans())
def test_totals_without_lines_are_the_totals_with_lines(case: dict[str, Any]) -> None:
    inp = parse_input(case, LPR)
    full = recalculate(inp, LPR)
    bare = recalculate(inp, LPR, with_lines=False)
    assert bare.lines == ()
    assert (bare.contract, bare.lawful, bare.claimed) == (full.contract, full.lawful, full.claimed)
    assert bare.reduction == full.reduction and bare.warnings == full.warnings
