"""Erasing a case's personal data at the office (PIPL art. 47), with the laptop's own code.

The office keeps a case as JSON rows, not as the laptop's tables, so it does not copy the
erasure rules: it loads the case as it stands into a scratch store (`server.scratch`),
runs the laptop's `erase_in` there, and takes back what that changed. Two ways in:

- `admin erase CASE_NO --reason …`: the office erases; the holder's laptop gets the erased
  case in its feed and carries out the same erasure on its copy (app.services.sync.erasure).
- a laptop's push carries a finished `case_erasure` the office does not have yet: the office
  carries out the same erasure on its own copy (rows the laptop never had, too), then
  takes the laptop's rows.

Either way the erased values (known only in memory, never stored) are then scrubbed from
everything else the office holds about the case: the stored rows, the device audit
streams, the conflict records; blobs no live row refers to any more (signature images,
draft PDFs) are deleted; every mediator who ever had the case gets it in their feed again
(the holder the erased case, earlier holders a revoke that names the erasure), and the
case accepts no group from a laptop that has not carried out that erasure itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from app.domain.sync_wire import blob_refs, row_hash
from server import feed
from server.blobs import PgBlobStore


class ErasureRefused(Exception):
    """The laptop's erasure code refused (e.g. the case is not closed): nothing changed."""


@dataclass
class OfficeErasure:
    case_no: str
    values: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)


def run_in_scratch(
    conn: psycopg.Connection[Any], case_uid: Any, *, reason: str, by: str,
    record: dict[str, Any] | None = None,
) -> OfficeErasure:
    """The laptop's erasure run on the office's copy of the case: the rows it changed
    (`put`) or removed (`del`), and the values it erased."""
    from app.domain.errors import DomainError
    from app.services.personal_data.erasure import erase_in
    from app.services.sync import apply
    from server import scratch

    (entry,) = feed.snapshots(conn, [case_uid], None)
    blobs = _blobs(conn, entry["rows"])
    try:
        with scratch.scratch_context() as ctx:
            with ctx.store.write("office", ctx.now()) as uow:
                apply.apply_entries(uow.session, [entry], blobs, uow.now)
                uow.record("sync.pulled", detail={"cases": [entry["case_no"]]})
            before = _rows_by_uid(scratch.groups_of(ctx))
            with ctx.store.write(by, ctx.now()) as uow:
                done = erase_in(uow, _local_no(uow, str(case_uid)), reason=reason,
                                requested_by=by, record=record,
                                require_closed=record is None)
            after = _rows_by_uid(scratch.groups_of(ctx))
    except (DomainError, RuntimeError) as error:
        raise ErasureRefused(str(error)) from error
    rows = [row for uid, row in after.items()
            if uid not in before or row_hash(before[uid]["body"]) != row_hash(row["body"])]
    rows += [{**before[uid], "op": "del", "body": None} for uid in before if uid not in after]
    erased = next(r["body"] for r in rows if r["e"] == "case_erasure" and r["op"] == "put")
    return OfficeErasure(str(entry["case_no"]), done.values, rows, erased)


def _local_no(uow: Any, case_uid: str) -> str:
    from sqlalchemy import select

    from app.store.models import Case

    return str(uow.session.scalar(select(Case.case_no).where(Case.uid == case_uid)))


def _rows_by_uid(groups: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["uid"]: row for group in groups for row in group["rows"]}


def _blobs(conn: psycopg.Connection[Any], rows: list[dict[str, Any]]) -> dict[str, bytes]:
    store = PgBlobStore(conn)
    shas = blob_refs(rows)
    return {sha: store.read(sha, 0, None)[0] for sha in sorted(shas - store.missing(shas))}


def write_rows(conn: psycopg.Connection[Any], case_uid: Any, rows: list[dict[str, Any]],
               version: int, device: Any) -> None:
    """Store the erasure's rows as they are (the rules of ingest do not apply: an erasure
    changes rows that are otherwise fixed, exactly as the laptop's triggers allow)."""
    for row in rows:
        body = None if row.get("op") == "del" else row.get("body")
        conn.execute(
            "INSERT INTO case_row (uid, case_uid, entity, body, sha256, deleted, version,"
            " src_device) VALUES (%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (uid) DO UPDATE SET"
            " body = excluded.body, sha256 = excluded.sha256, deleted = excluded.deleted,"
            " version = excluded.version, src_device = excluded.src_device, updated_at = now()",
            (row["uid"], case_uid, row["e"], Jsonb(body) if body else None, row_hash(body),
             body is None, version, device),
        )


def scrub_office_copies(conn: psycopg.Connection[Any], case_uid: Any, values: list[str],
                        old_blobs: set[str]) -> None:
    """The values out of every other copy the office keeps of this case."""
    from app.store.audit_redaction import scrub

    if values:
        for row in conn.execute(
            "SELECT uid, body FROM case_row WHERE case_uid = %s AND body IS NOT NULL",
            (case_uid,),
        ).fetchall():
            clean = scrub(row["body"], values)
            if clean != row["body"]:
                conn.execute("UPDATE case_row SET body = %s, sha256 = %s WHERE uid = %s",
                             (Jsonb(clean), row_hash(clean), row["uid"]))
        for event in conn.execute(
            "SELECT device_id, incarnation, seq, detail FROM audit_stream WHERE case_uid = %s",
            (case_uid,),
        ).fetchall():
            clean = scrub(event["detail"], values)
            if clean != event["detail"]:
                conn.execute(
                    "UPDATE audit_stream SET detail = %s WHERE device_id = %s"
                    " AND incarnation = %s AND seq = %s",
                    (Jsonb(clean), event["device_id"], event["incarnation"], event["seq"]))
        for item in conn.execute(
            "SELECT id, server_value, device_value, detail FROM sync_conflict"
            " WHERE case_uid = %s", (case_uid,),
        ).fetchall():
            conn.execute(
                "UPDATE sync_conflict SET server_value = %s, device_value = %s, detail = %s"
                " WHERE id = %s",
                (Jsonb(scrub(item["server_value"], values)),
                 Jsonb(scrub(item["device_value"], values)),
                 Jsonb(scrub(item["detail"], values)), item["id"]))
    _drop_unused_blobs(conn, old_blobs)


def _drop_unused_blobs(conn: psycopg.Connection[Any], shas: set[str]) -> None:
    for sha in sorted(shas):
        used = conn.execute(
            "SELECT 1 FROM case_row WHERE NOT deleted AND strpos(body::text, %s) > 0 LIMIT 1",
            (sha,),
        ).fetchone()
        if used is None:
            conn.execute("DELETE FROM blob WHERE sha256 = %s", (sha,))


def case_blobs(conn: psycopg.Connection[Any], case_uid: Any) -> set[str]:
    rows = conn.execute(
        "SELECT entity AS e, body FROM case_row WHERE case_uid = %s AND NOT deleted",
        (case_uid,),
    ).fetchall()
    return blob_refs([dict(r) for r in rows])


def announce(conn: psycopg.Connection[Any], case_uid: Any,
             holder_id: int | None) -> list[tuple[int, Any, str]]:
    """Feed entries so that every mediator who ever had the case hears of it: the holder
    gets the erased case, earlier holders a revoke naming the erasure (their laptops erase
    their old copies)."""
    earlier = [int(r["mediator_id"]) for r in conn.execute(
        "SELECT DISTINCT mediator_id FROM mediator_feed WHERE case_uid = %s", (case_uid,))]
    entries = [(mid, case_uid, "revoke") for mid in earlier if mid != holder_id]
    if holder_id is not None:
        entries.append((holder_id, case_uid, "update"))
    return entries


def finish(conn: psycopg.Connection[Any], case_uid: Any, erasure_uid: Any, actor: str) -> None:
    conn.execute(
        "UPDATE case_record SET erasure_uid = %s, version = version + 1, updated_at = now()"
        " WHERE uid = %s", (erasure_uid, case_uid))
    conn.execute(
        "INSERT INTO office_event (actor, action, case_uid, detail) VALUES (%s, %s, %s, %s)",
        (actor, "case.erased", case_uid,
         Jsonb({"erasure": str(erasure_uid), "at": dt.datetime.now(dt.UTC).isoformat()})),
    )


def erase_at_office(conn: psycopg.Connection[Any], case_no: str, *, reason: str,
                    by: str) -> OfficeErasure:
    """`admin erase`: one transaction; the holder's laptop follows at its next sync."""
    with conn.transaction():
        record = conn.execute(
            "SELECT uid, holder_id, version, erasure_uid FROM case_record WHERE case_no = %s"
            " ORDER BY legacy, created_at LIMIT 1 FOR UPDATE", (case_no.strip().upper(),),
        ).fetchone()
        if record is None:
            raise ErasureRefused(f"没有案号为 {case_no} 的案件。")
        if record["erasure_uid"] is not None:
            raise ErasureRefused(f"案件 {case_no} 的个人信息已经删除过。")
        old_blobs = case_blobs(conn, record["uid"])
        done = run_in_scratch(conn, record["uid"], reason=reason, by=by)
        write_rows(conn, record["uid"], done.rows, int(record["version"]) + 1, None)
        scrub_office_copies(conn, record["uid"], done.values, old_blobs)
        finish(conn, record["uid"], done.record["uid"], by)
        feed.append(conn, announce(conn, record["uid"], record["holder_id"]))
    return done
