"""Column types that keep money exact and timestamps in UTC.

- `Money`: `Decimal` yuan in Python, INTEGER fen in SQLite (never REAL). Refuses floats and
  amounts with fractions of a fen rather than rounding them silently.
- `DecimalText`: `Decimal` stored as its TEXT form (rates such as "0.18"), never REAL.
- `UTCDateTime`: timezone-aware datetimes only; stored as UTC, read back as UTC-aware.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from app.domain.money import from_fen, to_fen


class Money(TypeDecorator[Decimal]):
    """Decimal yuan ↔ INTEGER fen."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"Money columns take a finite Decimal, not {value!r}")
        return to_fen(value)  # ValueError on fractions of a fen

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_fen(int(value))

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal kept as TEXT exactly as given (e.g. an annual rate "0.18")."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"DecimalText columns take a finite Decimal, not {value!r}")
        return str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation as error:  # only a hand-edited database gets here
            raise ValueError(f"not a decimal in the database: {value!r}") from error

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetime ↔ naive UTC in SQLite; naive datetimes are refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise TypeError(f"UTCDateTime columns take an aware datetime, not {value!r}")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)

    @property
    def python_type(self) -> type[datetime]:
        return datetime
