"""USB bundles on the laptop: what the office has not seen yet, out; what it sent, in.

Out (`bundle export --to FILE`): every pending case group (all of them: a bundle is
cumulative until the office acknowledges it, so a lost or skipped bundle costs nothing),
the audit events after the head the office last confirmed, the blobs they refer to and this
laptop's feed cursor; sealed to the office's key and signed with this laptop's key.

In (`bundle import FILE`): refused whole — nothing changed — when it is damaged, not from
this laptop's office, not addressed to this laptop, or already imported. Otherwise its cases
are applied with the same code as a pull, in one transaction, and the office's
acknowledgements let go of the pending rows it has.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import delete, select

from app.domain.sync_wire import PROTOCOL, uuid7
from app.security import sync_keys
from app.security.sync_keys import BadBundle
from app.services.sync import apply, erasure, push, state
from app.store.sync_capture import next_seq
from app.store.sync_tables import SyncBundleSeen, SyncNote, SyncPending


class Replayed(BadBundle):
    """This bundle was imported before; nothing changed."""


@dataclass(frozen=True)
class Exported:
    cases: int
    audit_events: int
    blobs: int
    bundle_id: str


@dataclass(frozen=True)
class Imported:
    cases: int
    revoked: int
    conflicts: int

    @property
    def exit_code(self) -> int:
        return 1 if self.conflicts or self.revoked else 0


def export_bundle(ctx: Any) -> tuple[bytes, Exported]:
    with ctx.store.write(ctx.actor, ctx.now()) as uow:
        s = uow.session
        me = state.enrolment(s)
        audit_after = int(state.get(s, "audit_acked", "0") or 0)
        body, blobs = push.build(s, device_id=me.device_id, incarnation=me.incarnation,
                                 audit_after=audit_after, actor=ctx.actor,
                                 case_uids=push.pending_cases(s))
        body["audit"] = push.audit_events(s, audit_after, limit=10**9)
        seq = next_seq(s.connection())
        payload = {"push": body, "cursor": state.cursor(s),
                   "blobs": {sha: base64.b64encode(b).decode() for sha, b in blobs.items()}}
        manifest = {
            "bundle_id": body["batch_id"],
            "kind": "to_office",
            "sender": {"id": me.device_id, "incarnation": me.incarnation},
            "recipient": me.server_id,
            "sender_seq": seq,
            "created_at": ctx.now().isoformat(),
            "protocol": PROTOCOL,
            "contents": {"cases": len(body["groups"]), "audit": len(body["audit"]),
                         "blobs": len(blobs)},
        }
        data = sync_keys.pack(manifest, payload, sign_private=me.sign_private,
                              recipient_enc_public=me.office_enc_pub)
        uow.record("sync.bundle_exported", detail={"bundle": body["batch_id"],
                                                   "cases": len(body["groups"])})
    return data, Exported(len(body["groups"]), len(body["audit"]), len(blobs), body["batch_id"])


def import_bundle(ctx: Any, data: bytes) -> Imported:
    manifest, _, _ = sync_keys.read_manifest(data)
    with ctx.store.write(ctx.actor, ctx.now()) as uow:
        s = uow.session
        me = state.enrolment(s)
        if manifest.get("kind") != "to_device" or manifest.get("recipient") != me.device_id:
            raise BadBundle("这个同步包不是发给本机的（可能是发给另一台电脑或另一个办公室的）。")
        if (manifest.get("sender") or {}).get("id") != me.server_id:
            raise BadBundle("这个同步包不是本机登记的办公室发出的。")
        manifest, payload = sync_keys.open_bundle(
            data, sender_sign_public=me.office_sign_pub, enc_private=me.enc_private)
        seen = s.get(SyncBundleSeen, manifest["bundle_id"])
        if seen is not None:
            when = f"{seen.imported_at:%Y-%m-%d %H:%M}"
            raise Replayed(f"这个同步包已于 {when} 导入过，本次没有改动。")
        blobs = {sha: base64.b64decode(b) for sha, b in (payload.get("blobs") or {}).items()}
        applied = apply.apply_entries(s, payload.get("entries", []), blobs, uow.now,
                                      partial(erasure.carry_out, uow))
        if int(payload.get("cursor") or 0) > state.cursor(s):
            state.put(s, "cursor", int(payload["cursor"]))
        _acks(s, me, payload.get("acks", []))
        head = payload.get("audit_head") or {}
        if head.get("seq"):
            state.put(s, "audit_acked", int(head["seq"]))
        conflicts = _notes(s, payload.get("conflicts", []), uow.now)
        s.add(SyncBundleSeen(bundle_id=manifest["bundle_id"], sender=me.server_id,
                             imported_at=uow.now))
        uow.record("sync.bundle_imported", detail={"bundle": manifest["bundle_id"],
                                                   "cases": applied.case_nos,
                                                   "revoked": applied.revoked})
    return Imported(applied.cases, applied.revoked, conflicts)


def _acks(session: Any, me: state.Enrolment, acks: list[dict[str, Any]]) -> None:
    top = max((int(a["max_seq"]) for a in acks if a.get("incarnation") == me.incarnation),
              default=0)
    if top:
        session.execute(delete(SyncPending).where(SyncPending.local_seq <= top))


def _notes(session: Any, conflicts: list[dict[str, Any]], now: datetime) -> int:
    known = {(n.case_no, n.kind) for n in session.scalars(select(SyncNote))}
    fresh = 0
    for item in conflicts:
        key = (str(item.get("case_no") or ""), str(item.get("kind") or ""))
        if key in known:
            continue
        known.add(key)
        session.add(SyncNote(case_uid="", case_no=key[0], kind=key[1],
                             detail={"entity": item.get("entity", "")}, created_at=now))
        fresh += 1
    return fresh


__all__ = ["BadBundle", "Exported", "Imported", "Replayed", "export_bundle", "import_bundle",
           "uuid7"]
