"""Per-mediator feeds that never skip a row, and the pages a laptop pulls from them.

A writer locks the mediator's `feed_head` row `FOR UPDATE`, takes the next positions and
moves the head, in its own transaction: the next writer waits for that commit, so positions
become visible strictly in order and a reader that has seen position n has seen every
position below it (a `bigserial` gives no such promise). Heads are locked in mediator-id
order, so two writers touching two feeds (a reassignment) cannot deadlock.

A page is built at pull time from the cases' *current* state: an entry says "this case
changed"; the laptop gets the case as it is now if the mediator holds it, else a revoke.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import psycopg

from app.domain.sync_wire import PAGE_CASES


def append(conn: psycopg.Connection[Any], entries: list[tuple[int, Any, str]]) -> None:
    """Add (mediator_id, case_uid, kind) entries, inside the caller's transaction."""
    by_mediator: dict[int, list[tuple[Any, str]]] = defaultdict(list)
    for mediator_id, case_uid, kind in entries:
        by_mediator[mediator_id].append((case_uid, kind))
    for mediator_id in sorted(by_mediator):
        items = by_mediator[mediator_id]
        conn.execute(
            "INSERT INTO feed_head (mediator_id, pos) VALUES (%s, 0) ON CONFLICT DO NOTHING",
            (mediator_id,),
        )
        row = conn.execute(
            "SELECT pos FROM feed_head WHERE mediator_id = %s FOR UPDATE", (mediator_id,)
        ).fetchone()
        assert row is not None
        start = int(row["pos"])
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO mediator_feed (mediator_id, pos, case_uid, kind)"
                " VALUES (%s, %s, %s, %s)",
                [(mediator_id, start + i + 1, uid, kind) for i, (uid, kind) in enumerate(items)],
            )
        conn.execute(
            "UPDATE feed_head SET pos = %s WHERE mediator_id = %s",
            (start + len(items), mediator_id),
        )


def head(conn: psycopg.Connection[Any], mediator_id: int) -> int:
    row = conn.execute(
        "SELECT pos FROM feed_head WHERE mediator_id = %s", (mediator_id,)
    ).fetchone()
    return int(row["pos"]) if row else 0


def page(
    conn: psycopg.Connection[Any], mediator_id: int, cursor: int, limit: int = PAGE_CASES
) -> dict[str, Any]:
    """Entries after `cursor`: at most `limit` distinct cases, each as it stands now."""
    rows = conn.execute(
        "SELECT pos, case_uid FROM mediator_feed WHERE mediator_id = %s AND pos > %s"
        " ORDER BY pos LIMIT %s",
        (mediator_id, cursor, limit * 4),
    ).fetchall()
    seen: dict[Any, int] = {}
    next_cursor = cursor
    for row in rows:
        if row["case_uid"] not in seen and len(seen) >= limit:
            break
        seen[row["case_uid"]] = int(row["pos"])
        next_cursor = int(row["pos"])
    entries = snapshots(conn, list(seen), mediator_id)
    more = conn.execute(
        "SELECT 1 FROM mediator_feed WHERE mediator_id = %s AND pos > %s LIMIT 1",
        (mediator_id, next_cursor),
    ).fetchone()
    return {"entries": entries, "next_cursor": next_cursor, "more": more is not None}


def snapshots(
    conn: psycopg.Connection[Any], case_uids: list[Any], mediator_id: int | None
) -> list[dict[str, Any]]:
    """Each case whole (rows, tombstones) when `mediator_id` holds it (or is None), else a
    revoke naming the epoch that took it away."""
    if not case_uids:
        return []
    records = conn.execute(
        "SELECT r.uid, r.case_no, r.status, r.batch, r.holder_id, r.epoch, r.version,"
        " r.erasure_uid, m.name AS holder FROM case_record r"
        " LEFT JOIN mediator m ON m.id = r.holder_id WHERE r.uid = ANY(%s)",
        (case_uids,),
    ).fetchall()
    held = [r["uid"] for r in records if mediator_id is None or r["holder_id"] == mediator_id]
    rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    if held:
        for row in conn.execute(
            "SELECT uid, case_uid, entity, body, deleted FROM case_row WHERE case_uid = ANY(%s)",
            (held,),
        ):
            rows[row["case_uid"]].append(
                {
                    "e": row["entity"],
                    "uid": str(row["uid"]),
                    "op": "del" if row["deleted"] else "put",
                    "body": None if row["deleted"] else row["body"],
                }
            )
    order = {str(uid): i for i, uid in enumerate(case_uids)}
    out = []
    for record in sorted(records, key=lambda r: order[str(r["uid"])]):
        item = {
            "case_uid": str(record["uid"]),
            "case_no": record["case_no"],
            "status": record["status"],
            "epoch": record["epoch"],
            "version": record["version"],
            "holder": record["holder"],
        }
        if record["uid"] in rows or record["uid"] in held:
            out.append({"kind": "case", **item, "rows": rows.get(record["uid"], [])})
        else:
            out.append({"kind": "revoke", **item, **_erasure(conn, record)})
    return out


def _erasure(conn: psycopg.Connection[Any], record: dict[str, Any]) -> dict[str, Any]:
    """For a revoke of an erased case: the erasure, so an earlier holder erases its copy."""
    if record.get("erasure_uid") is None:
        return {}
    row = conn.execute("SELECT body FROM case_row WHERE uid = %s AND NOT deleted",
                       (record["erasure_uid"],)).fetchone()
    return {"erasure": row["body"]} if row else {}
