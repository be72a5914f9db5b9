"""What the court papers add to a document's data: evidence, the court's ruling, the claim
as of the filing date with its calculation, and the outcome of a broken plan.

Plain frozen data like `model`; a `DocumentData` carries it as `papers` (None for the six
mediation documents).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app.domain.vocab import COURT_DOCUMENT_KINDS

COURT_KINDS = COURT_DOCUMENT_KINDS
COURT_KIND_CODES: dict[str, str] = {
    "complaint": "QS",
    "calculation": "JS",
    "evidence": "ML",
    "certificate": "CZ",
    "enforcement": "ZX",
}


@dataclass(frozen=True)
class EvidenceEntry:
    """One item of the evidence list and of the certificate, numbered from 1."""

    n: int
    title: str
    kind_label: str
    source: str
    purpose: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str
    for_batch: bool = False


@dataclass(frozen=True)
class Ruling:
    """The court's ruling that confirmed the mediation agreement."""

    number: str
    ruled_on: date
    court: str


@dataclass(frozen=True)
class ClaimPart:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class CalcLine:
    """One line of the lawful recalculation, as the calculation statement prints it."""

    date: dt.date
    kind_label: str
    start: dt.date | None
    end: dt.date | None
    days: int | None
    base: Decimal | None
    rate: Decimal | None
    amount: Decimal
    note: str


@dataclass(frozen=True)
class CourtClaim:
    """What the complaint claims as of the filing date, computed, never typed.

    `basis` "loan": the lawful recalculation of the loan (payments under a broken
    agreement counted as payments); "agreement": what the agreement leaves claimable after
    its default (its waivers do not revive). `parts` are the lawful outstanding amounts per
    kind (zeros left out); `total` is what is claimed."""

    as_of: date
    basis: str
    parts: tuple[ClaimPart, ...]
    total: Decimal
    principal: Decimal
    paid: Decimal
    claimed_total: Decimal | None
    caps: tuple[str, ...]
    lines: tuple[CalcLine, ...]
    calc_sha256: str
    engine_version: str


@dataclass(frozen=True)
class InstalmentOutcome:
    n: int
    due: date
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    state_label: str


@dataclass(frozen=True)
class PlanOutcome:
    """A signed plan on a date, as the plan tracker computed it."""

    as_of: date
    agreed_total: Decimal
    paid_total: Decimal
    remaining: Decimal
    revived: Decimal
    claimable: Decimal
    defaulted_on: date | None
    default_installment: int | None
    acceleration_days: int
    revival: bool
    lawful_total: Decimal
    agreed_on: date | None = None
    installments: tuple[InstalmentOutcome, ...] = ()


@dataclass(frozen=True)
class CourtPapers:
    """The parts of a case the court papers need (each None or empty when it lacks them)."""

    cause: str = ""
    evidence: tuple[EvidenceEntry, ...] = ()
    ruling: Ruling | None = None
    claim: CourtClaim | None = None
    outcome: PlanOutcome | None = None
    failed_on: date | None = None
    """The day mediation ended without agreement (调解终结), when it did."""
    issued_at: datetime | None = None
    """The certificate's time: when the list of evidence was sealed."""
