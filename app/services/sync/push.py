"""Building what goes to the office from `sync_pending`, and taking in the office's answer.

A push body is built from the *current* rows of cases with pending changes (≤ 500 cases a
push), plus the audit events after the office's head, and stored in `sync_outbox` before it
is sent: a retry after a cut sends the very same body (same `batch_id`), so the office
answers it from its store without applying anything twice. On the answer, pending rows are
cleared only up to the change number that was sent: an edit made meanwhile stays pending.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.sync_wire import PAGE_CASES, PROTOCOL, blob_refs, uuid7
from app.services.sync import rows as wire_rows
from app.store.audit import timestamp
from app.store.records import AuditEvent
from app.store.sync_tables import SyncCase, SyncNote, SyncOutbox, SyncPending

AUDIT_PER_PUSH = 2000


def pending_cases(session: Session) -> list[str]:
    return list(session.scalars(
        select(SyncPending.case_uid).distinct().order_by(SyncPending.case_uid)
    ))


def build(
    session: Session, *, device_id: str, incarnation: str, audit_after: int, actor: str,
    case_uids: list[str] | None = None, with_bytes: bool = True,
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The next push body (and the blobs it refers to, unless `with_bytes` is False), or an
    empty one when nothing waits."""
    wanted = case_uids if case_uids is not None else pending_cases(session)[:PAGE_CASES]
    pend: dict[str, list[SyncPending]] = defaultdict(list)
    if wanted:
        for item in session.scalars(select(SyncPending).where(SyncPending.case_uid.in_(wanted))):
            pend[item.case_uid].append(item)
    case_t = wire_rows.table("case")
    ids = dict(session.execute(
        select(case_t.c.uid, case_t.c.id).where(case_t.c.uid.in_(wanted))).all())
    stored = wire_rows.load_cases(session, list(ids.values()))
    uids = wire_rows.uid_map(stored)
    by_uid = {(e, r["uid"]): r for e, items in stored.items() for r in items}
    leases = {c.case_uid: c for c in session.scalars(
        select(SyncCase).where(SyncCase.case_uid.in_(wanted)))}
    from app.services.sync.erasure import erasure_of

    erased = erasure_of(session, list(ids.values()))
    groups: list[dict[str, Any]] = []
    for case_uid in wanted:
        case_row = by_uid.get(("case", case_uid))
        lease = leases.get(case_uid)
        rows_out = []
        for item in sorted(pend[case_uid], key=lambda p: p.local_seq):
            row = by_uid.get((item.entity, item.uid))
            if item.op == "del" or row is None:
                rows_out.append({"e": item.entity, "uid": item.uid, "op": "del",
                                 "seq": item.local_seq, "body": None})
            else:
                rows_out.append({"e": item.entity, "uid": item.uid, "op": "put",
                                 "seq": item.local_seq,
                                 "body": wire_rows.to_wire(item.entity, row, uids)})
        groups.append({
            "case_uid": case_uid,
            "case_no": lease.server_case_no if lease else (case_row or {}).get("case_no", ""),
            "epoch": lease.epoch if lease else 0,
            "base_version": lease.base_version if lease else 0,
            "legacy": bool(lease.legacy) if lease else False,
            "erasure": erased.get(ids.get(case_uid, -1)),
            "actor": actor,
            "rows": rows_out,
        })
    needed = blob_refs([r for g in groups for r in g["rows"]]) if with_bytes else set()
    blobs = wire_rows.blobs_of(stored) if needed else {}
    if needed - set(blobs):
        from app.services.sync.blobs import local_blobs

        blobs.update(local_blobs(session, needed - set(blobs)))
    body = {
        "batch_id": uuid7(),
        "protocol": PROTOCOL,
        "device": device_id,
        "incarnation": incarnation,
        "groups": groups,
        "audit": audit_events(session, audit_after),
    }
    return body, {sha: blobs[sha] for sha in needed if sha in blobs}


def audit_events(session: Session, after: int, limit: int = AUDIT_PER_PUSH) -> list[Any]:
    events = list(session.scalars(
        select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq).limit(limit)
    ))
    case_t = wire_rows.table("case")
    case_ids = {e.case_id for e in events if e.case_id is not None}
    uids = dict(session.execute(select(case_t.c.id, case_t.c.uid).where(
        case_t.c.id.in_(case_ids))).all()) if case_ids else {}
    return [
        {"seq": e.seq, "at": timestamp(e.at), "actor": e.actor, "case_id": e.case_id,
         "case_uid": uids.get(e.case_id), "action": e.action, "detail": e.detail,
         "prev_hash": e.prev_hash, "hash": e.hash}
        for e in events
    ]


def store_outbox(session: Session, body: dict[str, Any], now: Any) -> None:
    session.add(SyncOutbox(batch_id=body["batch_id"], body=body, created_at=now))


def outbox(session: Session) -> dict[str, Any] | None:
    item = session.scalars(select(SyncOutbox).order_by(SyncOutbox.created_at)).first()
    return dict(item.body) if item is not None else None


def take_answer(session: Session, body: dict[str, Any], answer: dict[str, Any], now: Any) -> int:
    """Record the office's answer to `body`: leases, cleared pending rows, notes.
    Returns the number of conflicts the office recorded for a person."""
    results = {r["case_uid"]: r for r in answer.get("results", [])}
    for group in body.get("groups", []):
        result = results.get(group["case_uid"])
        if result is None:
            continue
        lease = session.get(SyncCase, group["case_uid"])
        if lease is None:
            lease = SyncCase(case_uid=group["case_uid"], server_case_no=group["case_no"],
                             epoch=int(result.get("epoch") or 1), base_version=0, held=True,
                             holder="", legacy=bool(group.get("legacy")))
            session.add(lease)
        lease.base_version = max(int(lease.base_version or 0), int(result.get("version", 0)))
        if int(lease.epoch or 0) < 1:  # new on the office: the first lease is this laptop's
            lease.epoch = int(result.get("epoch") or 1)
        for row in group["rows"]:
            session.execute(delete(SyncPending).where(
                SyncPending.entity == row["e"], SyncPending.uid == row["uid"],
                SyncPending.local_seq <= int(row["seq"])))
        for kind in result.get("conflicts", []):
            session.add(SyncNote(case_uid=group["case_uid"], case_no=group["case_no"],
                                 kind=kind, detail={"batch": body["batch_id"]}, created_at=now))
    head = answer.get("audit_head") or {}
    if head.get("seq"):
        from app.services.sync import state

        state.put(session, "audit_acked", int(head["seq"]))
    if answer.get("audit_problem"):
        session.add(SyncNote(kind="audit_break", detail={"problem": answer["audit_problem"]},
                             created_at=now))
    session.execute(delete(SyncOutbox).where(SyncOutbox.batch_id == body["batch_id"]))
    return int(answer.get("conflicts", 0))
