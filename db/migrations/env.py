"""Alembic environment, configured in code by `app.store.migrate` (no alembic.ini).

The caller passes an open connection in `config.attributes["connection"]`, made by
`app.store.engine.make_engine(..., foreign_keys=False)` with `BEGIN IMMEDIATE`, so the
whole run is one transaction (`transactional_ddl`): a failed batch migration rolls back
cleanly instead of leaving `_alembic_tmp_*` tables behind. Before committing,
`PRAGMA foreign_key_check` must come back empty.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.types import TypeDecorator

from app.store.schema import Base

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render our TypeDecorators as their plain SQL type, so revisions never import app code."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """The full-text index (`case_search` and its shadow tables) is not in the models."""
    return not (type_ == "table" and name is not None and name.startswith("case_search"))


class ForeignKeyViolation(RuntimeError):
    pass


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through app.store.migrate (python -m app db upgrade)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transactional_ddl=True,
        compare_type=True,
        render_item=render_item,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()
        rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if rows:
            raise ForeignKeyViolation(f"foreign keys broken by the migration: {rows[:10]}")


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
