"""The declarative base and its `MetaData` naming convention.

Named constraints let later Alembic batch migrations drop or alter them by name on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import CheckConstraint, MetaData, String
from sqlalchemy.orm import DeclarativeBase, mapped_column

from app.domain.sync_wire import uuid7

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, values: Iterable[object], name: str) -> CheckConstraint:
    """CHECK that `column` holds one of `values` (strings quoted, numbers as they are)."""
    items = ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in values)
    return CheckConstraint(f"{column} IN ({items})", name=name)


def uid_column() -> Any:
    """The row's id across laptops and the office (UUIDv7, made when the row is created);
    the local INTEGER keys stay what every foreign key and the audit chain use."""
    return mapped_column(String(36), unique=True, index=True, default=uuid7)
