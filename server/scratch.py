"""Cases made by the laptop's own code on a scratch store, turned into wire groups.

Office intake uses the very importer and validation the laptop uses (intake.md: "the same
validation code, not a copy of it"): they run on a throwaway case store in a private
temporary folder, encrypted with a random key that only this process knows, and what they
built is read back as wire groups for `office.ingest`. The office then gives the cases its
own numbers; the scratch store is deleted.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def scratch_context() -> Iterator[Any]:
    from app.services.startup import open_context

    folder = Path(tempfile.mkdtemp(prefix="md-office-intake-"))
    os.chmod(folder, 0o700)
    try:
        ctx = open_context(folder, actor="office", key=os.urandom(32))
        try:
            yield ctx
        finally:
            ctx.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def groups_of(ctx: Any) -> list[dict[str, Any]]:
    """Every case of a store as a wire group (all rows, as `put`)."""
    from app.domain.sync_wire import ENTITIES
    from app.services.sync import rows as wire_rows

    with ctx.store.read() as uow:
        t = wire_rows.table("case")
        ids = [r[0] for r in uow.session.execute(t.select().with_only_columns(t.c.id))]
        stored = wire_rows.load_cases(uow.session, ids)
        uids = wire_rows.uid_map(stored)
        groups: dict[str, dict[str, Any]] = {
            r["uid"]: {"case_uid": r["uid"], "case_no": r["case_no"], "rows": []}
            for r in stored["case"]
        }
        doc_case = {r["id"]: uids[("case", r["case_id"])] for r in stored.get("document", [])}
        for entity in ENTITIES:
            for row in stored.get(entity, []):
                if entity == "case":
                    owner = row["uid"]
                elif "case_id" in row:
                    owner = uids[("case", row["case_id"])]
                else:
                    owner = doc_case[row["document_id"]]
                groups[owner]["rows"].append({"e": entity, "uid": row["uid"], "op": "put",
                                              "body": wire_rows.to_wire(entity, row, uids)})
    return list(groups.values())


def build_groups(make: Callable[[Any], Any]) -> list[dict[str, Any]]:
    """Run `make(ctx)` on a scratch store and return what it created as wire groups."""
    with scratch_context() as ctx:
        make(ctx)
        return groups_of(ctx)
