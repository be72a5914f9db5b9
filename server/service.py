"""What the sync service does per request, the same for HTTP and for USB bundles.

- `hello`: protocol check, server identity and restore epoch, the server's clock beside the
  laptop's claim (recorded, never used to decide), the device's audit head and feed head.
- `push`: idempotent by `batch_id` — the first arrival applies the groups and the audit
  events in one transaction and stores its answer; a repeat (a retry after a cut, a
  duplicated delivery) gets the stored answer and changes nothing. Two copies arriving at
  once serialise on the `sync_batch` primary key.
- `pull` / `ack`: a page of the mediator's feed; the acknowledged cursor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from app.domain.sync_wire import MIN_PROTOCOL, PROTOCOL, protocol_ok, upcast_group
from app.store.audit import GENESIS, event_hash
from server import auth, db, feed, ingest, numbers

auth_device = auth.device


def as_device(row: dict[str, Any], incarnation: Any = None) -> ingest.Device:
    return ingest.Device(row["id"], int(row["mediator_id"]), str(row["mediator"]),
                         incarnation or row.get("incarnation"))


def hello(conn: psycopg.Connection[Any], device: dict[str, Any], body: dict[str, Any]) -> Any:
    me = db.instance(conn)
    verdict = protocol_ok(str(body.get("protocol", "")))
    incarnation = _uuid(body.get("incarnation"))
    claimed = _parse_time(body.get("client_time"))
    row = conn.execute(
        "UPDATE device SET last_seen_at = now(), client_time = %s, incarnation = %s,"
        " protocol = %s, app_version = %s,"
        " skew_seconds = EXTRACT(EPOCH FROM (%s::timestamptz - now()))"
        " WHERE id = %s RETURNING now() AS server_time, skew_seconds",
        (claimed, incarnation, str(body.get("protocol", "")), str(body.get("app_version", "")),
         claimed, device["id"]),
    ).fetchone()
    assert row is not None
    head = audit_head(conn, device["id"], incarnation)
    return {
        "server_id": str(me["id"]),
        "epoch": me["epoch"],
        "protocol": PROTOCOL,
        "min_protocol": MIN_PROTOCOL,
        "protocol_ok": verdict,
        "server_time": row["server_time"].isoformat(),
        "skew_seconds": row["skew_seconds"],
        "mediator": device["mediator"],
        "device_code": device["code"],
        "feed_head": feed.head(conn, int(device["mediator_id"])),
        "audit_head": head,
        "message": _protocol_message(verdict),
    }


def _protocol_message(verdict: str) -> str:
    if verdict == "too_old":
        return "本机的调解工作台版本过旧，请升级；未发送的数据已作为“抢救上传”交给办公室。"
    if verdict == "too_new":
        return "办公室服务器的版本比本机旧，请先升级服务器；本机数据保留，未丢失。"
    return ""


def _uuid(value: Any) -> str | None:
    """A uuid from a request (ValueError → HTTP 400), or None."""
    import uuid

    return str(uuid.UUID(str(value))) if value else None


def _parse_time(text: Any) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return value if value.tzinfo else None


def audit_head(conn: psycopg.Connection[Any], device_id: Any, incarnation: Any) -> Any:
    if not incarnation:
        return None
    row = conn.execute(
        "SELECT seq, hash FROM audit_head WHERE device_id = %s AND incarnation = %s",
        (device_id, incarnation),
    ).fetchone()
    return {"seq": int(row["seq"]), "hash": row["hash"]} if row else None


def push(conn: psycopg.Connection[Any], device: dict[str, Any], body: dict[str, Any]) -> Any:
    """Apply one push once; a repeat returns the first answer."""
    batch_id = body["batch_id"]
    with conn.transaction():
        fresh = conn.execute(
            "INSERT INTO sync_batch (batch_id, device_id) VALUES (%s, %s)"
            " ON CONFLICT DO NOTHING RETURNING batch_id",
            (batch_id, device["id"]),
        ).fetchone()
        if fresh is None:
            stored = conn.execute(
                "SELECT response FROM sync_batch WHERE batch_id = %s", (batch_id,)
            ).fetchone()
            return {**(stored or {}).get("response", {}), "repeat": True}
        response = _apply_push(conn, device, body)
        conn.execute(
            "UPDATE sync_batch SET response = %s WHERE batch_id = %s", (Jsonb(response), batch_id)
        )
    return response


def _apply_push(conn: psycopg.Connection[Any], device: dict[str, Any], body: dict[str, Any]) -> Any:
    protocol = str(body.get("protocol", PROTOCOL))
    who = as_device(device, _uuid(body.get("incarnation")))
    groups = [upcast_group(g, protocol) for g in body.get("groups", [])]
    results, feed_entries = ingest.apply_groups(conn, who, groups)
    feed.append(conn, feed_entries)
    head, problem = append_audit(conn, who, body.get("audit", []))
    acked = _ack_rows(conn, who, groups)
    conflicts = sum(len(r["conflicts"]) for r in results) + (1 if problem else 0)
    return {"results": results, "conflicts": conflicts, "audit_head": head,
            "audit_problem": problem, "acked_seq": acked, "incarnation": who.incarnation}


def _ack_rows(conn: psycopg.Connection[Any], device: ingest.Device, groups: list[Any]) -> int:
    """Remember the highest change number processed from this device incarnation (a bundle
    back to the laptop carries it, so the laptop can let go of what the office has)."""
    top = max((int(r.get("seq") or 0) for g in groups for r in g.get("rows", [])), default=0)
    row = conn.execute(
        "UPDATE device SET acked_seq = CASE WHEN acked_incarnation = %s"
        " THEN GREATEST(acked_seq, %s) ELSE %s END, acked_incarnation = %s"
        " WHERE id = %s RETURNING acked_seq",
        (device.incarnation, top, top, device.incarnation, device.id),
    ).fetchone()
    return int(row["acked_seq"]) if row else top


def append_audit(
    conn: psycopg.Connection[Any], device: ingest.Device, events: list[dict[str, Any]]
) -> tuple[Any, str | None]:
    """Append a device's audit events if each links to the stored head and its hash is right;
    stop at the first break and record it for a person."""
    head = audit_head(conn, device.id, device.incarnation) or {"seq": 0, "hash": GENESIS}
    rows = []
    problem = None
    for event in sorted(events, key=lambda e: int(e["seq"])):
        seq = int(event["seq"])
        if seq <= head["seq"]:
            continue
        if seq != head["seq"] + 1 or event["prev_hash"] != head["hash"]:
            problem = f"audit chain break at seq {seq}"
            break
        at = dt.datetime.fromisoformat(event["at"])
        expected = event_hash(seq=seq, at=at, actor=event["actor"], case_id=event["case_id"],
                              action=event["action"], detail=event["detail"],
                              prev_hash=event["prev_hash"])
        if expected != event["hash"]:
            problem = f"audit event {seq} does not match its hash"
            break
        rows.append((device.id, device.incarnation, seq, event["at"], event["actor"],
                     event["case_id"], event.get("case_uid"), event["action"],
                     Jsonb(event["detail"]), event["prev_hash"], event["hash"]))
        head = {"seq": seq, "hash": event["hash"]}
    if rows:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO audit_stream (device_id, incarnation, seq, at, actor, case_id,"
                " case_uid, action, detail, prev_hash, hash)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                rows,
            )
        conn.execute(
            "INSERT INTO audit_head (device_id, incarnation, seq, hash) VALUES (%s,%s,%s,%s)"
            " ON CONFLICT (device_id, incarnation) DO UPDATE SET seq = excluded.seq,"
            " hash = excluded.hash",
            (device.id, device.incarnation, head["seq"], head["hash"]),
        )
    if problem:
        conn.execute(
            "INSERT INTO sync_conflict (kind, device_id, mediator, detail)"
            " VALUES ('audit_break', %s, %s, %s)",
            (device.id, device.mediator, Jsonb({"problem": problem})),
        )
    return (head if head["seq"] else None), problem


def pull(conn: psycopg.Connection[Any], device: dict[str, Any], cursor: int, limit: int) -> Any:
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return feed.page(conn, int(device["mediator_id"]), cursor, limit)


def ack(conn: psycopg.Connection[Any], device: dict[str, Any], cursor: int) -> None:
    conn.execute("UPDATE device SET cursor = GREATEST(cursor, %s) WHERE id = %s",
                 (cursor, device["id"]))


def number_block(conn: psycopg.Connection[Any], device: dict[str, Any], year: int) -> Any:
    with conn.transaction():
        return numbers.block(conn, device["id"], year)


def rescue(conn: psycopg.Connection[Any], device: dict[str, Any], body: Any) -> None:
    """A laptop too old to sync hands over what it has; a person takes it from here."""
    conn.execute(
        "INSERT INTO sync_conflict (kind, device_id, mediator, device_value, detail)"
        " VALUES ('rescue', %s, %s, %s, %s)",
        (device["id"], device["mediator"], Jsonb(body),
         Jsonb({"protocol": str((body or {}).get("protocol", "?"))})),
    )
