"""The LPR table: the bundled one, and one the user imported into the data folder.

`current_table(data_dir)` prefers an imported table that reaches at least as far as the
bundled one (an import is how a mediator brings the table up to date between releases).
Importing validates the whole file first and replaces the stored copy atomically; it is a
supervisor's change (`by` needs the "lpr" permission; the CLI passes `accounts.key_holder()`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import InputError, Problem
from app.domain.lpr import LprTable, parse_lpr_csv, table_to_csv
from app.fsutil import write_atomically
from app.paths import default_data_dir, resource

if TYPE_CHECKING:
    from app.services.organisation.accounts import SignedIn

IMPORTED_FILE = "lpr.csv"


@functools.lru_cache(maxsize=1)
def load_bundled_table() -> LprTable:
    """The table shipped in `resources/lpr/lpr.csv` (read once per process)."""
    return parse_lpr_csv(resource("lpr", "lpr.csv").read_text(encoding="utf-8"))


def read_table_file(path: Path) -> LprTable:
    """A validated table from a CSV file; unreadable or bad files raise InputError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([Problem("lpr", f"无法读取 LPR 表文件 {path}：{error}")]) from error
    return parse_lpr_csv(text)


def imported_path(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / IMPORTED_FILE


def import_table(path: Path, data_dir: Path | None = None, *, by: SignedIn) -> LprTable:
    """Validate the user's CSV and store it in the data folder; returns the table."""
    from app.services.organisation.accounts import require

    require(by, "lpr")
    table = read_table_file(path)
    write_atomically(imported_path(data_dir), table_to_csv(table).encode("utf-8"))
    return table


def current_table(data_dir: Path | None = None) -> LprTable:
    """The imported table when it exists and reaches as far as the bundled one, else bundled."""
    bundled = load_bundled_table()
    path = imported_path(data_dir)
    if not path.exists():
        return bundled
    try:
        imported = read_table_file(path)
    except InputError:
        return bundled
    last, ours = imported.last_row_date, bundled.last_row_date
    if last is not None and ours is not None and last >= ours:
        return imported
    return bundled
