"""One row of the case sheet, checked by the new-case dialog's own validation.

The row's cells become a `NewCase` (the dialog's input) and go through
`validate_new_case(..., intake=True)`: the same rules, the same Chinese reasons. Each
problem's field path is turned back into the column the lender wrote, with the cell's
value, so the report can say "row 12, 身份证号, …: reason" for every problem of the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.errors import InputError
from app.services.cases.service import NewCase
from app.services.cases.validation import ValidCase, validate_new_case
from app.services.intake import fields as f
from app.services.intake.cells import CONVERTERS, Converted, Converter, clean, id_hint, shown
from app.services.intake.layout import Layout

PATH_FIELDS = {
    "creditor_name": "creditor",
    "creditor_credit_code": "creditor_code",
    "lender_type": "lender_type",
    "debtor_name": "debtor_name",
    "debtor_id_number": "debtor_id",
    "extra.debtor_kind": "debtor_id",
    "debtor_phone": "debtor_phone",
    "debtor_address": "debtor_address",
    "principal": "principal",
    "contract_date": "contract_date",
    "annual_rate": "rate",
    "repayment_method": "repayment_method",
    "maturity": "maturity",
    "term_months": "term",
    "court": "court",
    "extra.contract_no": "contract_no",
    "extra.disbursed": "disbursed",
    "extra.disbursement_date": "disbursement_date",
    "extra.overdue_rate": "overdue_rate",
    "extra.accelerated_on": "accelerated_on",
    "extra.claim_as_of": "claim_as_of",
    "extra.guarantor_name": "guarantor_name",
    "extra.guarantor_id_number": "guarantor_id",
    "extra.guarantor_phone": "guarantor_phone",
    **{
        f"extra.claimed_{p}": f"claimed_{p}"
        for p in ("principal", "interest", "penalty", "compound", "fees", "costs")
    },
}
EXTRA_KEYS = {
    "contract_no": "contract_no",
    "disbursed": "disbursed",
    "disbursement_date": "disbursement_date",
    "overdue_rate": "overdue_rate",
    "accelerated_on": "accelerated_on",
    "claim_as_of": "claim_as_of",
    "claimed_principal": "claimed_principal",
    "claimed_interest": "claimed_interest",
    "claimed_penalty": "claimed_penalty",
    "claimed_compound": "claimed_compound",
    "claimed_fees": "claimed_fees",
    "claimed_costs": "claimed_costs",
    "guarantor_name": "guarantor_name",
    "guarantor_id": "guarantor_id_number",
    "guarantor_phone": "guarantor_phone",
}
_PERIOD_WORDS = ("年", "月", "日", "天")


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    value: str
    reason: str
    sheet: str = ""


@dataclass
class CheckedRow:
    """A row after checking: the valid case (None when the row has problems)."""

    row: int
    contract_no: str
    creditor: str
    valid: ValidCase | None
    problems: list[RowProblem]
    notes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Defaults:
    """Batch-level values for fields the sheet has no column for."""

    creditor: str = ""
    lender_type: str = ""
    court: str = ""
    batch: str = ""


class RowChecker:
    """Checks the rows of one sheet laid out as `layout`, as of `today`."""

    def __init__(self, layout: Layout, defaults: Defaults, today: date) -> None:
        self.layout = layout
        self.today = today
        self.batch = defaults.batch
        self.defaults = {
            k: v
            for k, v in (
                ("creditor", defaults.creditor),
                ("lender_type", defaults.lender_type),
                ("court", defaults.court),
            )
            if v
        }
        self.plan: list[tuple[str, int, Converter]] = [
            (key, index, _remembering(CONVERTERS[f.BY_KEY[key].kind]))
            for key, index in layout.fields.items()
        ]
        self.keys = tuple(key for key, _, _ in self.plan)
        self.notes = [(c.index, c.header) for c in layout.notes]

    def is_blank(self, cells: list[Any]) -> bool:
        return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)

    def is_total(self, cells: list[Any]) -> bool:
        """A 合计/总计 row at the foot of the list (not a loan)."""
        first = next((c for c in cells if c not in (None, "")), "")
        return isinstance(first, str) and clean(first).replace(" ", "") in f.TOTAL_ROW_WORDS

    def check(self, row_no: int, cells: list[Any]) -> CheckedRow:
        """One row (`check_rows` does many at once, faster, with the same result)."""
        texts: dict[str, str] = {}
        traps: list[tuple[str, str]] = []
        width = len(cells)
        for key, index, convert in self.plan:
            text, trap = convert(cells[index] if index < width else None)
            if trap is not None:
                traps.append((key, trap))
            texts[key] = text
        return self._checked(row_no, cells, texts, traps)

    def check_rows(self, rows: Sequence[tuple[int, list[Any]]]) -> list[CheckedRow]:
        """Rows given as (row number, cells): each column converted in one go (a value
        repeated down the column once), then each row checked."""
        columns: list[list[str]] = []
        traps: dict[int, list[tuple[str, str]]] = {}
        sheet = _columns_of([cells for _, cells in rows])
        for key, index, remembering in self.plan:
            cells = sheet[index] if index < len(sheet) else [None] * len(rows)
            converted = convert_column(CONVERTERS[f.BY_KEY[key].kind], remembering, cells)
            columns.append([text for text, _ in converted])
            for n, (_, trap) in enumerate(converted):
                if trap is not None:
                    traps.setdefault(n, []).append((key, trap))
        texts = zip(*columns, strict=True) if columns else iter(() for _ in rows)
        return [
            self._checked(
                row_no, cells, dict(zip(self.keys, row_texts, strict=True)), traps.get(n, [])
            )
            for n, ((row_no, cells), row_texts) in enumerate(zip(rows, texts, strict=True))
        ]

    def _checked(
        self, row_no: int, cells: list[Any], texts: dict[str, str], traps: list[tuple[str, str]]
    ) -> CheckedRow:
        problems = [
            RowProblem(row_no, self.layout.header_of(key), shown(self._cell(cells, key)), trap)
            for key, trap in traps
        ]
        for key, value in self.defaults.items():
            if not texts.get(key):
                texts[key] = value
        valid = self._validate(row_no, cells, texts, problems)
        notes = self._notes(cells, texts)
        creditor = texts.get("creditor", "")
        return CheckedRow(
            row_no,
            texts.get("contract_no", ""),
            " ".join(creditor.split()),
            None if problems else valid,
            problems,
            notes,
        )

    def _cell(self, cells: list[Any], key: str) -> Any:
        index = self.layout.fields[key]
        return cells[index] if index < len(cells) else None

    def _validate(
        self, row_no: int, cells: list[Any], texts: dict[str, str], problems: list[RowProblem]
    ) -> ValidCase | None:
        trapped = {p.column for p in problems}
        try:
            return validate_new_case(self._new_case(texts), self.today, intake=True)
        except InputError as refused:
            for problem in refused.problems:
                key = PATH_FIELDS.get(problem.path)
                column = self.layout.header_of(key) if key else problem.path
                if column in trapped:
                    continue  # the cell's own trap says it better
                reason = problem.reason
                if key in ("debtor_id", "guarantor_id") and (hint := id_hint(texts.get(key, ""))):
                    reason = f"{reason}{hint}"
                if key in self.layout.fields:
                    value = shown(self._cell(cells, key))
                else:
                    value = texts.get(key or "", "")
                problems.append(RowProblem(row_no, self._column(key, column), value, reason))
            return None

    def _column(self, key: str | None, column: str) -> str:
        if key and key not in self.layout.fields and key in self.defaults:
            return f.FROM_OPTIONS[key]
        return column

    def _new_case(self, t: dict[str, str]) -> NewCase:
        extra = {name: t[key] for key, name in EXTRA_KEYS.items() if t.get(key)}
        number = t.get("debtor_id", "")
        if _looks_like_credit_code(number):
            extra["debtor_kind"] = "organisation"
        return NewCase(
            creditor_name=t.get("creditor", ""),
            lender_type=t.get("lender_type", ""),
            debtor_name=t.get("debtor_name", ""),
            debtor_id_number=number,
            debtor_phone=t.get("debtor_phone", ""),
            principal=t.get("principal", ""),
            contract_date=t.get("contract_date", ""),
            annual_rate=self._rate(t.get("rate", "")),
            creditor_credit_code=t.get("creditor_code", ""),
            debtor_address=t.get("debtor_address", ""),
            batch=self.batch,
            court=t.get("court", ""),
            repayment_method=t.get("repayment_method", ""),
            maturity=t.get("maturity", ""),
            term_months=t.get("term", ""),
            extra=extra,
        )

    def _rate(self, text: str) -> str:
        """A rate under a 月利率 or 日利率 header is monthly or daily unless it says otherwise."""
        period = self.layout.rate_period
        if not text or not period or any(word in text for word in _PERIOD_WORDS):
            return text
        return f"{period}利率{text}"

    def _notes(self, cells: list[Any], texts: dict[str, str]) -> dict[str, Any]:
        notes: dict[str, Any] = {}
        columns = {h: shown(cells[i]) for i, h in self.notes if i < len(cells) and cells[i] != ""}
        if columns:
            notes["columns"] = columns
        if texts.get("emergency_name") or texts.get("emergency_phone"):
            notes["emergency_contact"] = {
                "name": texts.get("emergency_name", ""),
                "phone": texts.get("emergency_phone", ""),
            }
        return notes


MEMO_LIMIT = 4096


def _columns_of(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows' cells column by column (a short row's missing cells are None)."""
    width = max(map(len, rows), default=0)
    if any(len(row) < width for row in rows):
        rows = [row + [None] * (width - len(row)) for row in rows]
    return [list(column) for column in zip(*rows, strict=True)]


def convert_column(convert: Converter, remembering: Converter, cells: list[Any]) -> list[Converted]:
    """`convert` of each cell; a value repeated down the column is converted once (through
    `remembering`, which keeps them from one part of the sheet to the next).

    A column mixing numbers and booleans is converted cell by cell (1, 1.0 and True are
    the same key to a dict, yet not the same cell).
    """
    if len(set(map(type, cells)) & _NUMBERS) > 1:
        return list(map(remembering, cells))
    distinct = set(cells)
    if len(distinct) * 2 > len(cells):
        return list(map(convert, cells))
    table = {value: remembering(value) for value in distinct}
    return list(map(table.__getitem__, cells))


_NUMBERS = {bool, int, float}


def _remembering(convert: Converter) -> Converter:
    """`convert` with a memory of the values it saw, while they are few (a column of
    repeated lender types, dates or rates); a column of unique values stops being kept.
    Kept by type and value: 1, 1.0 and True are one key to a dict, not one cell."""
    memo: dict[tuple[type, Any], tuple[str, str | None]] = {}

    def converted(value: Any) -> tuple[str, str | None]:
        key = (value.__class__, value)
        found = memo.get(key)
        if found is None:
            found = convert(value)
            if len(memo) < MEMO_LIMIT:
                memo[key] = found
        return found

    return converted


def _looks_like_credit_code(number: str) -> bool:
    """An organisation's unified social credit code in the ID column (a company borrower)."""
    if len(number) != 18:
        return False
    body = number[:17].upper()
    if body.isdigit():
        return False  # a resident ID (the common case)
    return any(ch.isalpha() for ch in body)
