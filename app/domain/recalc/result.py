"""What the engine returns: three views, the reduction, the statement lines, warnings.

Amounts are `Decimal` yuan with two places. Statement lines keep integer fen
(`amount_fen`, `base_fen`) for speed, with `amount` and `base` as Decimal properties.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from app.domain.recalc.arith import fen_decimal
from app.domain.recalc.model import Claimed
from app.domain.recalc.regime import Regime

LINE_KINDS = ("accrual", "due", "fee", "cost", "acceleration", "payment", "cap", "warning")


class Line(NamedTuple):
    """One line of the statement. `start`/`end` are the span's "from"/"to" (days = end − start).

    Amounts are signed: a `cap` line is negative when it cuts a charge and positive when
    it gives one back. A `payment` line's note says where the money went.
    """

    view: str
    date: datetime.date
    kind: str
    start: datetime.date | None
    end: datetime.date | None
    days: int | None
    base_fen: int | None
    rate: Decimal | None
    amount_fen: int
    note: str

    @property
    def amount(self) -> Decimal:
        return fen_decimal(self.amount_fen)

    @property
    def base(self) -> Decimal | None:
        return None if self.base_fen is None else fen_decimal(self.base_fen)


@dataclass(frozen=True)
class ViewTotals:
    """One computed view, all outstanding as of the date, plus how it was reached.

    `lent` is the principal the view lends (art. 670 basis in the lawful view); `charges`
    is every charge the view created (after the cap in the lawful view); `costs_added`
    every cost; `allocated` what payments paid; `budget` the lawful cap budget (None in
    the contract view). Conservation: lent + charges + costs_added − total = paid − overpaid.
    """

    principal_overdue: Decimal
    principal_not_due: Decimal
    interest: Decimal
    penalty: Decimal
    compound: Decimal
    fees: Decimal
    costs: Decimal
    paid: Decimal
    overpaid: Decimal
    lent: Decimal
    charges: Decimal
    costs_added: Decimal
    allocated: Decimal
    budget: Decimal | None

    @property
    def principal(self) -> Decimal:
        return self.principal_overdue + self.principal_not_due

    @property
    def total(self) -> Decimal:
        return (
            self.principal + self.interest + self.penalty + self.compound + self.fees + self.costs
        )


@dataclass(frozen=True)
class Reduction:
    """contract − lawful, per kind."""

    total: Decimal
    interest: Decimal
    penalty: Decimal
    compound: Decimal
    fees: Decimal
    principal: Decimal


@dataclass(frozen=True)
class RecalcResult:
    engine_version: str
    as_of: datetime.date
    day_basis: int
    regime: Regime
    claimed: Claimed | None
    contract: ViewTotals
    lawful: ViewTotals
    lines: tuple[Line, ...]
    warnings: tuple[str, ...]

    @property
    def reduction(self) -> Reduction:
        c, lw = self.contract, self.lawful
        return Reduction(
            total=c.total - lw.total,
            interest=c.interest - lw.interest,
            penalty=c.penalty - lw.penalty,
            compound=c.compound - lw.compound,
            fees=c.fees - lw.fees,
            principal=c.principal - lw.principal,
        )

    @property
    def claim_gap(self) -> Decimal | None:
        """claimed − contract total, when a claim was given."""
        return None if self.claimed is None else self.claimed.total - self.contract.total
