"""What an intake run reports: the spec's JSON object, plus what the GUI shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.services.intake.rows import RowProblem

EXIT_OK, EXIT_SOME, EXIT_REFUSED = 0, 1, 2


@dataclass(frozen=True)
class Duplicate:
    row: int
    contract_no: str
    of: str
    """"row 5" (earlier in the file) or the case number already in the store."""


@dataclass(frozen=True)
class MatchedColumn:
    """A column of the file and the template field it was read as ("" = kept as a note)."""

    letter: str
    header: str
    field: str
    field_label: str


@dataclass
class IntakeReport:
    file: str
    sheet: str
    rows: int
    valid: int
    imported: int
    batch: str
    duplicates: list[Duplicate] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    batch_id: int | None = None
    encoding: str = ""
    columns: list[MatchedColumn] = field(default_factory=list)
    cancelled: bool = False
    bad_rows: list[int] = field(default_factory=list)
    """The rows (numbers as in the sheet) that have problems, in order."""
    creditors: list[str] = field(default_factory=list)
    """The creditors the rows name (a saved column mapping is kept per creditor)."""

    @property
    def exit_code(self) -> int:
        """0 when every row was (or, on a dry run, would be) imported; else 1."""
        return EXIT_SOME if self.problems or self.duplicates or self.cancelled else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        """The spec's report object (and `warnings`, `dry_run`, `batch_id`, `encoding`)."""
        problems = []
        for p in self.problems:
            item: dict[str, Any] = {
                "row": p.row,
                "column": p.column,
                "value": p.value,
                "reason": p.reason,
            }
            if p.sheet:
                item["sheet"] = p.sheet
            problems.append(item)
        out: dict[str, Any] = {
            "file": self.file,
            "sheet": self.sheet,
            "rows": self.rows,
            "valid": self.valid,
            "imported": self.imported,
            "batch": self.batch,
            "duplicates": [
                {"row": d.row, "contract_no": d.contract_no, "of": d.of} for d in self.duplicates
            ],
            "problems": problems,
            "warnings": list(self.warnings),
            "dry_run": self.dry_run,
            "batch_id": self.batch_id,
        }
        if self.encoding:
            out["encoding"] = self.encoding
        if self.cancelled:
            out["cancelled"] = True
        return out
