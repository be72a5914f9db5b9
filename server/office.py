"""The office's side: mediators, intake of cases, handing them out, taking them back, lists.

Every change is logged in `office_event` (who, what, which case) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from app.domain.sync_wire import canonical, row_hash
from server import feed, numbers


class OfficeError(Exception):
    """A request the office cannot carry out (unknown case, unknown batch …)."""


def log(conn: psycopg.Connection[Any], actor: str, action: str, case_uid: Any,
        detail: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO office_event (actor, action, case_uid, detail) VALUES (%s, %s, %s, %s)",
        (actor, action, case_uid, Jsonb(detail)),
    )


def mediator_id(conn: psycopg.Connection[Any], name: str, *, create: bool = False) -> int:
    name = name.strip()
    if not name:
        raise OfficeError("调解员姓名不能为空。")
    if create:
        conn.execute("INSERT INTO mediator (name) VALUES (%s) ON CONFLICT DO NOTHING", (name,))
    row = conn.execute("SELECT id FROM mediator WHERE name = %s", (name,)).fetchone()
    if row is None:
        raise OfficeError(f"没有名为“{name}”的调解员。先用 admin enroll --mediator {name} 登记。")
    return int(row["id"])


def mediator_name(conn: psycopg.Connection[Any], mid: int) -> str:
    row = conn.execute("SELECT name FROM mediator WHERE id = %s", (mid,)).fetchone()
    return str(row["name"]) if row else ""


# -- intake ------------------------------------------------------------------------------------


def ingest(
    conn: psycopg.Connection[Any], groups: Iterable[dict[str, Any]], *, actor: str = "admin",
    year: int | None = None,
) -> list[str]:
    """Store new cases (wire groups, e.g. from the intake importer run on a scratch store),
    numbered by the office. Returns their case numbers. One transaction."""
    groups = list(groups)
    year = year or dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).year
    first = numbers.take(conn, year, len(groups)) if groups else 0
    records, rows, numbers_given = [], [], []
    for index, group in enumerate(groups):
        case_no = numbers.format_no(year, first + index)
        numbers_given.append(case_no)
        case_body: dict[str, Any] = {}
        for row in group["rows"]:
            body = dict(row["body"])
            if row["e"] == "case":
                body["case_no"] = case_no
                case_body = body
            text = canonical(body).decode()
            rows.append((row["uid"], group["case_uid"], row["e"], text, row_hash(body)))
        records.append((group["case_uid"], case_no, case_body.get("status", "intake"),
                        case_body.get("source_batch", "")))
    with conn.cursor() as cur:
        with cur.copy("COPY case_record (uid, case_no, status, batch) FROM STDIN") as copy:
            for record in records:
                copy.write_row(record)
        with cur.copy(
            "COPY case_row (uid, case_uid, entity, body, sha256, version) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row((*row, 1))
    log(conn, actor, "cases.imported", None, {"count": len(groups)})
    return numbers_given


# -- leases ------------------------------------------------------------------------------------


def assign(conn: psycopg.Connection[Any], batch: str, mediator: str, count: int | None) -> int:
    """Hand unassigned cases of `batch` to `mediator` (oldest numbers first)."""
    with conn.transaction():
        mid = mediator_id(conn, mediator, create=True)
        exists = conn.execute(
            "SELECT 1 FROM case_record WHERE batch = %s LIMIT 1", (batch,)
        ).fetchone()
        if exists is None:
            raise OfficeError(f"没有批次“{batch}”的案件。")
        chosen = conn.execute(
            "SELECT uid FROM case_record WHERE batch = %s AND holder_id IS NULL"
            " ORDER BY case_no LIMIT %s FOR UPDATE SKIP LOCKED",
            (batch, count if count is not None else None),
        ).fetchall()
        uids = [r["uid"] for r in chosen]
        conn.execute(
            "UPDATE case_record SET holder_id = %s, epoch = epoch + 1, version = version + 1,"
            " updated_at = now() WHERE uid = ANY(%s)",
            (mid, uids),
        )
        feed.append(conn, [(mid, uid, "grant") for uid in uids])
        log(conn, "admin", "cases.assigned", None,
            {"batch": batch, "mediator": mediator, "count": len(uids)})
    return len(uids)


def reassign(conn: psycopg.Connection[Any], case_no: str, mediator: str) -> dict[str, Any]:
    """Give one case to another mediator: epoch + 1, a revoke for the old holder."""
    with conn.transaction():
        mid = mediator_id(conn, mediator, create=True)
        record = conn.execute(
            "SELECT uid, holder_id, epoch FROM case_record WHERE case_no = %s"
            " ORDER BY legacy, created_at LIMIT 1 FOR UPDATE",
            (case_no.strip().upper(),),
        ).fetchone()
        if record is None:
            raise OfficeError(f"没有案号为 {case_no} 的案件。")
        conn.execute(
            "UPDATE case_record SET holder_id = %s, epoch = epoch + 1, version = version + 1,"
            " updated_at = now() WHERE uid = %s",
            (mid, record["uid"]),
        )
        entries = [(mid, record["uid"], "grant")]
        if record["holder_id"] is not None and record["holder_id"] != mid:
            entries.append((int(record["holder_id"]), record["uid"], "revoke"))
        feed.append(conn, entries)
        log(conn, "admin", "case.reassigned", record["uid"],
            {"case_no": case_no, "to": mediator, "epoch": int(record["epoch"]) + 1})
    return {"case_no": case_no, "holder": mediator, "epoch": int(record["epoch"]) + 1}


# -- lists -------------------------------------------------------------------------------------


def cases(conn: psycopg.Connection[Any]) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT r.uid, r.case_no, r.status, r.batch, m.name AS holder, r.epoch, r.version,"
        " r.legacy FROM case_record r LEFT JOIN mediator m ON m.id = r.holder_id"
        " ORDER BY r.case_no, r.created_at"
    ).fetchall()
    return [
        {
            "case_no": r["case_no"],
            "status": r["status"],
            "holder": r["holder"],
            "batch": r["batch"],
            "epoch": r["epoch"],
            "version": r["version"],
            "uid": str(r["uid"]),
            "legacy": r["legacy"],
        }
        for r in rows
    ]


def conflicts(conn: psycopg.Connection[Any], *, include_resolved: bool = False) -> list[Any]:
    rows = conn.execute(
        "SELECT c.*, d.code AS device_code FROM sync_conflict c"
        " LEFT JOIN device d ON d.id = c.device_id"
        + ("" if include_resolved else " WHERE c.resolved_at IS NULL")
        + " ORDER BY c.id"
    ).fetchall()
    return [
        {
            "id": r["id"],
            "case_no": r["case_no"],
            "kind": r["kind"],
            "entity": r["entity"],
            "row_uid": str(r["row_uid"]) if r["row_uid"] else None,
            "mediator": r["mediator"],
            "device": r["device_code"],
            "epoch": r["epoch"],
            "server_value": r["server_value"],
            "device_value": r["device_value"],
            "detail": r["detail"],
            "created_at": r["created_at"].isoformat(),
            "resolved": r["resolved_at"] is not None,
        }
        for r in rows
    ]


def resolve(conn: psycopg.Connection[Any], conflict_id: int, by: str, note: str) -> bool:
    row = conn.execute(
        "UPDATE sync_conflict SET resolved_at = now(), resolved_by = %s, resolution = %s"
        " WHERE id = %s AND resolved_at IS NULL RETURNING case_uid",
        (by, note, conflict_id),
    ).fetchone()
    if row is not None:
        log(conn, by, "conflict.resolved", row["case_uid"], {"id": conflict_id, "note": note})
    return row is not None
