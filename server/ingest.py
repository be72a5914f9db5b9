"""Applying a laptop's case groups: the lease, the per-entity rules, conflicts, late facts.

One group is one case's changed rows; it is applied in the caller's transaction with the
case's `case_record` row locked. The rules (sync.md §5.6), decided on the server's data
and the lease epoch only — never on a laptop's clock:

- *current lease* (the pushing device's mediator holds the case, same epoch): rows are
  taken as sent; a status must be reachable from the server's status by the state machine;
  loan terms and the claim are fixed once the case is signed.
- *old lease*: facts (payments, plan payments, charges, sessions that ended, signatures,
  snapshots, signed or printed documents, status moves that record a signing or a default)
  are kept and flagged as late facts; edits of anything else become conflict records with
  both values for a person. Nothing is dropped, nothing is merged automatically.
- immutables: inserted once; the same uid with other content is an integrity alarm and the
  stored row stays.
- a row already stored from the same device and incarnation with a higher or equal change
  number is skipped (an older bundle arriving late cannot roll a row back).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from app.domain.case_status import TRANSITIONS, CaseStatus
from app.domain.sync_wire import (
    ENTITIES,
    FACT_STATUSES,
    SIGNED_OR_LATER,
    erasure_in,
    row_class,
    row_hash,
)
from server import numbers

NEEDS_PERSON = ("stale_edit", "integrity", "status_refused", "after_signing",
                "possible_duplicate", "late_fact", "audit_break", "rescue", "number_collision",
                "after_erasure", "erasure_incomplete")
DOCUMENT_SIGNING_FIELDS = ("status", "signed_via", "signed_at")


@dataclass
class Device:
    id: Any
    mediator_id: int
    mediator: str
    incarnation: Any


@dataclass
class Outcome:
    case_uid: str
    version: int = 0
    epoch: int = 0
    accepted: int = 0
    conflicts: list[str] = field(default_factory=list)
    feed: list[tuple[int, Any, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "case_uid": self.case_uid,
            "version": self.version,
            "epoch": self.epoch,
            "accepted": self.accepted,
            "conflicts": self.conflicts,
        }


def reachable(start: str, target: str) -> bool:
    """True when the state machine leads from `start` to `target` (or they are equal)."""
    try:
        first, goal = CaseStatus(start), CaseStatus(target)
    except ValueError:
        return False
    queue, seen = deque([first]), {first}
    while queue:
        here = queue.popleft()
        if here == goal:
            return True
        for nxt in TRANSITIONS[here]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False


class GroupApply:
    """One case group applied against the stored case (see the module doc)."""

    def __init__(self, conn: psycopg.Connection[Any], device: Device, group: dict[str, Any]):
        self.conn, self.device, self.group = conn, device, group
        self.outcome = Outcome(str(group["case_uid"]))
        self.changed = False

    def run(self) -> Outcome:
        record = self._record()
        self.record = record
        self.current = (
            record["holder_id"] == self.device.mediator_id
            and int(self.group.get("epoch", 0)) >= int(record["epoch"])
        )
        self.status = str(record["status"])
        rows = sorted(self.group.get("rows", []), key=lambda r: ENTITIES.index(r["e"]))
        erasure = erasure_in(rows)
        if record.get("erasure_uid") is None and erasure is not None:
            return self._erasure(rows, erasure)
        stored = self._stored([r["uid"] for r in rows])
        if record.get("erasure_uid") is not None and \
                str(self.group.get("erasure") or "") != str(record["erasure_uid"]):
            return self._after_erasure(rows, stored)
        for row in rows:
            self._row(row, stored.get(row["uid"]))
        self._finish()
        return self.outcome

    # -- erasure (server/erasure.py) -----------------------------------------------------------

    def _erasure(self, rows: list[dict[str, Any]], body: Any) -> Outcome:
        """A laptop erased the case: the office erases its copy the same way, takes the
        laptop's rows as they are, and scrubs the values from everything else it keeps."""
        from server import erasure

        uid, version = self.group["case_uid"], int(self.record["version"]) + 1
        old_blobs = erasure.case_blobs(self.conn, uid)
        values: list[str] = []
        try:
            done = erasure.run_in_scratch(self.conn, uid, reason=str(body.get("reason")),
                                          by=str(body.get("requested_by", "")), record=dict(body))
            erasure.write_rows(self.conn, uid, done.rows, version, self.device.id)
            values = done.values
        except erasure.ErasureRefused as error:
            self._conflict("erasure_incomplete", "case_erasure", None, None,
                           {"reason": str(error)})
        erasure.write_rows(self.conn, uid, rows, version, self.device.id)
        erasure.scrub_office_copies(self.conn, uid, values, old_blobs)
        erasure.finish(self.conn, uid, body["uid"], self.device.mediator)
        holder = self.record["holder_id"]
        self.outcome.feed = erasure.announce(self.conn, uid, None if holder is None
                                             else int(holder))
        self.outcome.accepted, self.outcome.version = len(rows), version
        self.outcome.epoch = int(self.record["epoch"])
        return self.outcome

    def _after_erasure(self, rows: list[dict[str, Any]],
                       stored: dict[str, dict[str, Any]]) -> Outcome:
        """A group for an erased case from a laptop that has not erased it: refused, and
        recorded without its values (it may carry the erased personal data)."""
        for row in rows:
            old = stored.get(row["uid"])
            if old is not None and old["sha256"] == row_hash(row.get("body")):
                continue
            self._conflict("after_erasure", row["e"], {"uid": row["uid"]}, None, {})
        self.outcome.version = int(self.record["version"])
        self.outcome.epoch = int(self.record["epoch"])
        return self.outcome

    # -- the case record --------------------------------------------------------------------

    def _record(self) -> dict[str, Any]:
        uid = self.group["case_uid"]
        record = self.conn.execute(
            "SELECT * FROM case_record WHERE uid = %s FOR UPDATE", (uid,)
        ).fetchone()
        if record is not None:
            return dict(record)
        case_row = next((r for r in self.group.get("rows", []) if r["e"] == "case"), None)
        body = (case_row or {}).get("body") or {}
        case_no = str(self.group.get("case_no") or body.get("case_no") or "")
        legacy = bool(self.group.get("legacy"))
        if not legacy and numbers.taken(self.conn, case_no):
            legacy = True
            self._conflict("number_collision", "case", None, None, {"case_no": case_no})
        numbers.seen(self.conn, case_no)
        self.conn.execute(
            "INSERT INTO case_record (uid, case_no, status, batch, holder_id, epoch, version,"
            " origin_device, legacy, updated_by_device) VALUES (%s,%s,%s,%s,%s,1,1,%s,%s,%s)",
            (uid, case_no, body.get("status", "intake"), body.get("source_batch", ""),
             self.device.mediator_id, self.device.id, legacy, self.device.id),
        )
        self.changed = True
        fresh = self.conn.execute("SELECT * FROM case_record WHERE uid = %s", (uid,)).fetchone()
        assert fresh is not None
        self.group = {**self.group, "epoch": 1}
        return dict(fresh)

    def _stored(self, uids: list[str]) -> dict[str, dict[str, Any]]:
        if not uids:
            return {}
        found = self.conn.execute(
            "SELECT uid, case_uid, entity, body, sha256, deleted, src_device, src_incarnation,"
            " src_seq FROM case_row WHERE uid = ANY(%s::uuid[]) FOR UPDATE",
            (uids,),
        ).fetchall()
        return {str(r["uid"]): dict(r) for r in found}

    # -- one row ----------------------------------------------------------------------------

    def _row(self, row: dict[str, Any], old: dict[str, Any] | None) -> None:
        entity, op, body = row["e"], row.get("op", "put"), row.get("body")
        if old is not None and str(old["case_uid"]) != self.outcome.case_uid:
            self._conflict("integrity", entity, row, old, {"reason": "uid of another case"})
            return
        if old is not None and self._already_have(row, old):
            return
        new_hash = row_hash(body)
        if old is not None and not old["deleted"] and old["sha256"] == new_hash and op == "put":
            return
        cls = row_class(entity, (old or {}).get("body") or body, self.status)
        if cls == "immutable":
            self._immutable(row, old)
        elif cls == "fact":
            self._fact(row, old)
        else:
            self._holder(row, old)

    def _already_have(self, row: dict[str, Any], old: dict[str, Any]) -> bool:
        same_source = (
            str(old["src_device"]) == str(self.device.id)
            and str(old["src_incarnation"]) == str(self.device.incarnation)
        )
        return same_source and old["src_seq"] is not None and old["src_seq"] >= row.get("seq", 0)

    def _immutable(self, row: dict[str, Any], old: dict[str, Any] | None) -> None:
        if old is None or old["deleted"]:
            self._write(row, late=not self.current)
            if not self.current:
                self._conflict("late_fact", row["e"], row, None, {})
            return
        if row["e"] == "document" and _signing_only(old["body"], row.get("body")):
            self._write(row, late=not self.current)
            return
        self._conflict("integrity", row["e"], row, old, {"reason": "content differs"})

    def _fact(self, row: dict[str, Any], old: dict[str, Any] | None) -> None:
        if old is None:
            self._maybe_duplicate(row)
            self._write(row, late=not self.current)
            if not self.current:
                self._conflict("late_fact", row["e"], row, None, {})
        elif self.current:
            self._write(row)
        else:
            self._conflict("stale_edit", row["e"], row, old, {})

    def _holder(self, row: dict[str, Any], old: dict[str, Any] | None) -> None:
        entity, body = row["e"], row.get("body")
        if not self.current:
            if entity == "case" and body and self._late_status(body):
                return
            self._conflict("stale_edit", entity, row, old, {"epoch": self.group.get("epoch")})
            return
        moved = entity == "case" and body and body.get("status") != self.status
        if moved and body and not reachable(self.status, str(body.get("status"))):
            self._conflict("status_refused", entity, row, old,
                           {"from": self.status, "to": body.get("status")})
            row = {**row, "body": {**body, "status": self.status}}
        if entity in ("loan_terms", "claim") and old is not None and self.status in SIGNED_OR_LATER:
            self._conflict("after_signing", entity, row, old, {})
            return
        self._write(row)

    def _late_status(self, body: dict[str, Any]) -> bool:
        """A stale status move that records a fact (signed, default …): kept, flagged."""
        target = str(body.get("status"))
        if target in FACT_STATUSES and reachable(self.status, target):
            stored = self.conn.execute(
                "SELECT body FROM case_row WHERE uid = %s", (self.group["case_uid"],)
            ).fetchone()
            merged = {**((stored or {}).get("body") or {}), "status": target}
            self._write({"e": "case", "uid": self.group["case_uid"], "op": "put",
                         "seq": 0, "body": merged}, late=True)
            self._conflict("late_fact", "case", {"e": "case", "uid": self.group["case_uid"],
                                                 "body": {"status": target}}, None, {})
            return True
        return False

    def _maybe_duplicate(self, row: dict[str, Any]) -> None:
        body = row.get("body") or {}
        if row["e"] not in ("payment", "plan_payment") or "amount" not in body:
            return
        twin = self.conn.execute(
            "SELECT uid FROM case_row WHERE case_uid = %s AND entity = %s AND NOT deleted"
            " AND body->>'date' = %s AND body->>'amount' = %s AND uid <> %s LIMIT 1",
            (self.group["case_uid"], row["e"], body.get("date"), body.get("amount"), row["uid"]),
        ).fetchone()
        if twin is not None:
            self._conflict("possible_duplicate", row["e"], row, None, {"twin": str(twin["uid"])})

    # -- writes -----------------------------------------------------------------------------

    def _write(self, row: dict[str, Any], *, late: bool = False) -> None:
        deleted = row.get("op") == "del"
        body = None if deleted else row.get("body")
        self.conn.execute(
            "INSERT INTO case_row (uid, case_uid, entity, body, sha256, deleted, version,"
            " src_device, src_incarnation, src_seq, late) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)"
            " ON CONFLICT (uid) DO UPDATE SET body = excluded.body, sha256 = excluded.sha256,"
            " deleted = excluded.deleted, version = excluded.version,"
            " src_device = excluded.src_device, src_incarnation = excluded.src_incarnation,"
            " src_seq = excluded.src_seq, late = case_row.late OR excluded.late,"
            " updated_at = now()",
            (row["uid"], self.group["case_uid"], row["e"], Jsonb(body) if body else None,
             row_hash(body), deleted, int(self.record["version"]) + 1, self.device.id,
             self.device.incarnation, row.get("seq"), late),
        )
        if row["e"] == "case" and body:
            self.status = str(body.get("status", self.status))
        self.changed = True
        self.outcome.accepted += 1

    def _conflict(self, kind: str, entity: str, row: dict[str, Any] | None,
                  old: dict[str, Any] | None, detail: dict[str, Any]) -> None:
        device_value = (row or {}).get("body")
        inserted = self.conn.execute(
            "INSERT INTO sync_conflict (case_uid, case_no, kind, entity, row_uid, device_id,"
            " mediator, epoch, server_value, device_value, detail)"
            " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING RETURNING id",
            (self.group["case_uid"], self.record_case_no(), kind, entity,
             (row or {}).get("uid"), self.device.id, self.device.mediator,
             self.group.get("epoch"), Jsonb((old or {}).get("body")),
             Jsonb(device_value), Jsonb(detail)),
        ).fetchone()
        if inserted is not None:
            self.outcome.conflicts.append(kind)
            self.changed = True

    def record_case_no(self) -> str:
        record = getattr(self, "record", None)
        return str(record["case_no"]) if record else str(self.group.get("case_no", ""))

    def _finish(self) -> None:
        version = int(self.record["version"])
        if self.changed:
            version += 1
            self.conn.execute(
                "UPDATE case_record SET version = %s, status = %s, updated_at = now(),"
                " updated_by_device = %s WHERE uid = %s",
                (version, self.status, self.device.id, self.group["case_uid"]),
            )
            if self.record["holder_id"] is not None:
                self.outcome.feed.append((int(self.record["holder_id"]), self.group["case_uid"],
                                          "update"))
        self.outcome.version = version
        self.outcome.epoch = int(self.record["epoch"])


def _signing_only(old: dict[str, Any] | None, new: dict[str, Any] | None) -> bool:
    """A printed document becoming signed: only its status and signing fields change."""
    if not old or not new or old.get("status") != "printed" or new.get("status") != "signed":
        return False
    keep = {k: v for k, v in old.items() if k not in DOCUMENT_SIGNING_FIELDS}
    return keep == {k: v for k, v in new.items() if k not in DOCUMENT_SIGNING_FIELDS}


def apply_groups(
    conn: psycopg.Connection[Any], device: Device, groups: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[tuple[int, Any, str]]]:
    """Apply every group (in the caller's transaction): (results, feed entries to add)."""
    results, feed_entries = [], []
    for group in groups:
        outcome = GroupApply(conn, device, group).run()
        results.append(outcome.as_json())
        feed_entries.extend(outcome.feed)
    return results, feed_entries

