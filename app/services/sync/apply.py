"""Applying what the office sent (a pulled page or a bundle) to the case store.

One page is one transaction: every case in it, the feed cursor and one audit event, or
nothing (a cut mid-page leaves the cursor where it was). Per case:

- `case` entry: rows upserted by uid in parent-before-child order (Core statements, so the
  change capture does not echo them back); rows with unsent local changes are left alone
  (the holder's edit wins and is pushed next); immutable rows are only ever inserted;
  tombstones delete. An entry not newer than what this laptop last saw is skipped. The
  intake batch a case carries in its body is made here when it is new; the search index of
  the page's cases is rewritten.
- `revoke` entry: the case went back to the office or to another mediator; the local copy
  is kept, marked as not held, and a note says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, delete, insert, null, select, update
from sqlalchemy.orm import Session

from app.domain.sync_wire import CARRIED, ENTITIES, KEY_COLUMNS, erasure_in, row_class
from app.services.sync import rows as wire_rows
from app.store import search
from app.store.models import Mediator
from app.store.sync_tables import SyncCase, SyncNote, SyncPending


@dataclass
class Applied:
    cases: int = 0
    skipped: int = 0
    revoked: int = 0
    case_nos: list[str] = field(default_factory=list)
    notes: int = 0


Erase = Callable[[str, Mapping[str, Any]], bool]
"""Carry out an erasure made elsewhere on the local copy of a case (case uid, erasure)."""


def apply_entries(
    session: Session, entries: list[dict[str, Any]], blobs: dict[str, bytes], now: Any,
    erase: Erase | None = None,
) -> Applied:
    """Apply a page of feed entries (see the module doc) inside the caller's transaction.
    An entry that carries a finished erasure the local copy has not had yet is erased here
    first, by `erase` (the laptop's own erasure code)."""
    done = Applied()
    leases = {c.case_uid: c for c in session.scalars(
        select(SyncCase).where(SyncCase.case_uid.in_([e["case_uid"] for e in entries])))}
    fresh = []
    for entry in entries:
        lease = leases.get(entry["case_uid"])
        erased = entry.get("erasure") or erasure_in(entry.get("rows", []))
        if erased and erase is not None and erase(str(entry["case_uid"]), erased):
            done.notes += 1
            session.add(SyncNote(case_uid=entry["case_uid"], case_no=entry["case_no"],
                                 kind="erased", detail={"erasure": erased.get("uid")},
                                 created_at=now))
        if entry["kind"] == "revoke":
            _revoke(session, entry, lease, now, done)
        elif lease is not None and lease.held and lease.base_version >= int(entry["version"]):
            done.skipped += 1
        else:
            fresh.append(entry)
    if fresh:
        _apply_cases(session, fresh, blobs, leases, now, done)
    return done


def _revoke(session: Session, entry: dict[str, Any], lease: SyncCase | None, now: Any,
            done: Applied) -> None:
    if lease is None or not lease.held:
        return
    lease.held = False
    lease.epoch = max(lease.epoch, int(entry["epoch"]))
    lease.holder = str(entry.get("holder") or "")
    session.add(SyncNote(case_uid=entry["case_uid"], case_no=entry["case_no"], kind="returned",
                         detail={"holder": lease.holder, "epoch": entry["epoch"]},
                         created_at=now))
    done.revoked += 1
    done.notes += 1


def _apply_cases(session: Session, entries: list[dict[str, Any]], blobs: dict[str, bytes],
                 leases: dict[str, SyncCase], now: Any, done: Applied) -> None:
    case_uids = [e["case_uid"] for e in entries]
    pending = {(p.entity, p.uid) for p in session.scalars(
        select(SyncPending).where(SyncPending.case_uid.in_(case_uids)))}
    by_entity: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for entry in entries:
        for row in entry.get("rows", []):
            by_entity[row["e"]].append((entry, row))
    ids: dict[tuple[str, str], int] = {}
    t = wire_rows.table("case")
    wanted = [str(e["case_no"]) for e in entries]
    taken = {no: uid for no, uid in session.execute(
        select(t.c.case_no, t.c.uid).where(t.c.case_no.in_(wanted)))}
    mediators = {name: mid for name, mid in session.execute(select(Mediator.name, Mediator.id))}
    page = _Page(taken, mediators)
    _carried(session, by_entity.get("case", []), ids)
    for entity in ENTITIES:
        items = by_entity.get(entity, [])
        ids.update(wire_rows.local_ids(session, entity, [r["uid"] for _, r in items]))
        _refs_needed(session, entity, items, ids)
        _apply_entity(session, entity, items, ids, blobs, pending, now, done, page)
    _leases(session, entries)
    local = [ids[("case", e["case_uid"])] for e in entries if ("case", e["case_uid"]) in ids]
    search.refresh(session.connection(), local)  # the case list finds what came in
    for lease in leases.values():  # loaded before the upsert: read again when next used
        session.expire(lease)
    for entry in entries:
        done.cases += 1
        done.case_nos.append(str(entry["case_no"]))


def _carried(session: Session, items: list[Any], ids: dict[tuple[str, str], int]) -> None:
    """The batches the cases carry (`CARRIED`) that this laptop does not have yet: made
    here by uid. One it has is left as it is (the importing laptop's own record of its
    file, with counts the copies in older case bodies may not have yet)."""
    for name in CARRIED:
        bodies = {str(b["uid"]): b for _, r in items
                  if isinstance(b := (r.get("body") or {}).get(name), dict) and b.get("uid")}
        if not bodies:
            continue
        known = wire_rows.local_ids(session, name, bodies)
        fresh = [wire_rows.carried_values(name, body) for uid, body in bodies.items()
                 if (name, uid) not in known]
        if fresh:
            session.execute(insert(wire_rows.table(name)), fresh)
            known = wire_rows.local_ids(session, name, bodies)
        ids.update(known)


def _refs_needed(session: Session, entity: str, items: list[Any],
                 ids: dict[tuple[str, str], int]) -> None:
    """Local ids of referenced rows that are not in this page (e.g. a party of an earlier one)."""
    for column, target in wire_rows.REFERENCES.get(entity, {}).items():
        wanted = {str(r["body"][column]) for _, r in items
                  if r.get("body") and r["body"].get(column)} - {u for _, u in ids}
        if wanted:
            ids.update(wire_rows.local_ids(session, target, wanted))


def _apply_entity(session: Session, entity: str, items: list[Any],
                  ids: dict[tuple[str, str], int], blobs: dict[str, bytes],
                  pending: set[tuple[str, str]], now: Any, done: Applied, page: _Page) -> None:
    t = wire_rows.table(entity)
    inserts = []
    for entry, row in items:
        if (entity, row["uid"]) in pending:
            continue  # an unsent local edit wins; it is pushed next
        local = ids.get((entity, row["uid"]))
        if row.get("op") == "del":
            if local is not None:
                session.execute(delete(t).where(wire_rows.key(entity) == local))
            continue
        values = wire_rows.values_from_wire(entity, row["body"], ids, blobs)
        if values is None:
            session.add(SyncNote(case_uid=entry["case_uid"], case_no=entry["case_no"],
                                 kind="incomplete", detail={"entity": entity, "uid": row["uid"]},
                                 created_at=now))
            done.notes += 1
            continue
        if entity == "case":
            values = _case_values(session, entry, values, now, page)
        if local is None:
            inserts.append({**values, "uid": row["uid"]})
        elif row_class(entity, row["body"], str(entry.get("status", ""))) != "immutable" or (
            entity == "document"
        ):
            _update(session, entity, local, values)
    shapes: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for values in inserts:
        shapes[frozenset(values)].append(values)
    stmt = insert(t).prefix_with("OR REPLACE") if entity in KEY_COLUMNS else insert(t)
    for same in shapes.values():
        session.execute(stmt, same)
    if inserts:
        ids.update(wire_rows.local_ids(session, entity, [v["uid"] for v in inserts]))


def _update(session: Session, entity: str, local: int, values: dict[str, Any]) -> None:
    t = wire_rows.table(entity)
    current = session.execute(select(t).where(wire_rows.key(entity) == local)).first()
    if current is None:
        return
    changed: dict[str, Any] = {k: v for k, v in values.items() if current._mapping[k] != v}
    for name, column in t.c.items():  # a JSON column the office has as NULL
        if isinstance(column.type, JSON) and name not in values and name in wire_rows.wire_columns(
            entity
        ) and current._mapping[name] is not None:
            changed[name] = null()
    if entity == "document" and current._mapping["status"] in ("signed", "printed"):
        changed = {k: v for k, v in changed.items() if k in ("status", "signed_via", "signed_at")}
    if changed:
        session.execute(update(t).where(wire_rows.key(entity) == local).values(**changed))


@dataclass
class _Page:
    """Looked up once per page: case numbers in use here (→ uid), mediators (→ id)."""

    taken: dict[str, str]
    mediators: dict[str, int]


def _case_values(session: Session, entry: dict[str, Any], values: dict[str, Any],
                 now: Any, page: _Page) -> dict[str, Any]:
    """The case row: a number already used here by another case gets an alias; the
    mediator is the local mediator of the holder's name, when there is one."""
    t = wire_rows.table("case")
    wanted = str(values.get("case_no") or entry["case_no"])
    owner = page.taken.get(wanted)
    if owner is not None and owner != entry["case_uid"]:
        suffix = 1
        while session.execute(select(t.c.id).where(
                t.c.case_no == f"{wanted}-A{suffix}", t.c.uid != entry["case_uid"])).first():
            suffix += 1
        values["case_no"] = f"{wanted}-A{suffix}"
        session.add(SyncNote(case_uid=entry["case_uid"], case_no=wanted, kind="number_alias",
                             detail={"shown_as": values["case_no"]}, created_at=now))
    holder = entry.get("holder")
    if holder and holder in page.mediators:
        values["mediator_id"] = page.mediators[holder]
    return values


def _leases(session: Session, entries: list[dict[str, Any]]) -> None:
    """This laptop holds these cases now, at their epoch and version (one statement)."""
    from sqlalchemy.dialects.sqlite import insert as upsert

    rows = [{"case_uid": e["case_uid"], "server_case_no": str(e["case_no"]),
             "epoch": int(e["epoch"]), "base_version": int(e["version"]), "held": True,
             "holder": str(e.get("holder") or ""), "legacy": False} for e in entries]
    stmt = upsert(wire_rows.metadata.tables["sync_case"])
    stmt = stmt.on_conflict_do_update(
        index_elements=["case_uid"],
        set_={name: stmt.excluded[name] for name in
              ("server_case_no", "epoch", "base_version", "held", "holder")},
    )
    session.execute(stmt, rows)
