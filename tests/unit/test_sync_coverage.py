"""Guards for change capture: every table that hangs off a case is synced (or declared
local-only here, with the reason), and no service writes around the flush with bulk
UPDATE/DELETE statements (those would never reach sync_pending)."""

from __future__ import annotations

import ast
from pathlib import Path

from app.domain.sync_wire import ENTITIES, REFERENCE_DATA, row_class

ROOT = Path(__file__).resolve().parents[2]
LOCAL_ONLY = {
    "audit_event": "travels as each device's own chain, not as rows",
}
REFERENCE = {
    "mandate": "the creditor's mandates (any scope) are office reference data, sent whole",
}


def test_every_table_with_a_case_is_synced_or_declared_local() -> None:
    from app.store.schema import metadata

    hanging = {
        name for name, table in metadata.tables.items()
        if "case_id" in table.c or any(fk.column.table.name == "document"
                                       for fk in table.foreign_keys)
    }
    assert hanging - set(ENTITIES) - set(LOCAL_ONLY) - set(REFERENCE) == set()
    assert set(REFERENCE) <= set(REFERENCE_DATA)
    for entity in ENTITIES:
        assert "uid" in metadata.tables[entity].c, entity
        assert row_class(entity, {}) in ("holder", "fact", "immutable"), entity


def test_services_issue_no_bulk_update_or_delete_of_synced_tables() -> None:
    """Bulk statements on mapped classes are captured (sync_capture._bulk); on a plain table
    or in raw SQL they would not be, so services use neither for synced tables."""
    found = []
    for path in sorted((ROOT / "app" / "services").rglob("*.py")):
        if "sync" in path.parts:
            continue  # the sync's own apply writes with Core on purpose (no echo)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("update", "delete") and node.args:
                target = ast.unparse(node.args[0])
                if target[:1].isupper() and "table" not in target.lower():
                    continue  # a mapped class: captured
                if any(e.replace("_", "") in target.lower().replace("_", "") for e in ENTITIES):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.id}({target})")
    assert found == []
