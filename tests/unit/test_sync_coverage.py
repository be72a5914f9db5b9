"""Guards for change capture: every table that hangs off a case is synced (or declared
local-only here, with the reason), and no service writes around the flush with bulk
UPDATE/DELETE statements (those would never reach sync_pending)."""

from __future__ import annotations

import ast
from pathlib import Path

from app.domain.sync_wire import CARRIED, ENTITIES, REFERENCE_DATA, REFERENCES, row_class

ROOT = Path(__file__).resolve().parents[2]
LOCAL_ONLY = {
    "audit_event": "travels as each device's own chain, not as rows",
    "account": "this laptop's log-in accounts and password hashes never leave it",
    "login_throttle": "failed log-ins on this laptop",
    "app_setting": "this installation's own settings",
    "case_counter": "numbers cases typed in before enrolment; an enrolled laptop numbers from "
                    "the blocks the office hands out (sync_number_block)",
    "intake_mapping": "a lender's headers as the person importing on this laptop mapped them, "
                      "offered again at the next import here; the cases they made travel",
    "case_search": "the case list's FTS5 index, made from the case rows here (rewritten for "
                   "every case a sync or bundle brings in)",
}
REFERENCE = {
    "mandate": "the creditor's mandates (any scope) are office reference data, sent whole",
}
WITH_ITS_CASES = {
    "batch": "a lender's file taken in by intake: shared by many cases, so it travels inside "
             "each of them (the case body's `batch`, `batch_id` = its uid) and a laptop that "
             "receives one of its cases makes it",
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


def test_every_table_is_synced_carried_reference_or_declared_local() -> None:
    """Not only the tables with a case_id: intake's batch, mapping and search index too."""
    from app.store import search
    from app.store.schema import metadata

    tables = set(metadata.tables) | {search.TABLE}
    bookkeeping = {name for name in tables if name.startswith("sync_")}
    declared = set(ENTITIES) | set(REFERENCE_DATA) | set(WITH_ITS_CASES) | set(LOCAL_ONLY)
    assert tables - bookkeeping - declared == set()
    assert set(LOCAL_ONLY).isdisjoint(ENTITIES) and set(WITH_ITS_CASES) == set(CARRIED)
    for name, column in CARRIED.items():
        assert "uid" in metadata.tables[name].c, name
        assert REFERENCES["case"][column] == name


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
