"""USB bundles at the office: import what a laptop sent, export what a mediator needs.

The same service code as HTTP: an imported bundle is a push whose `batch_id` is the bundle
id (so a second import changes nothing), an exported bundle is the mediator's feed from
the device's acknowledged cursor, each case as it stands now, with the blobs it refers to
and the acknowledgement of the bundles this office has imported from that device.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import psycopg

from app.domain.sync_wire import PROTOCOL, blob_refs, uuid7
from app.security import sync_keys
from app.security.sync_keys import BadBundle
from server import db, feed, secrets, service
from server.blobs import PgBlobStore

ACKS_KEPT = 50


class Replayed(BadBundle):
    """A bundle this office has imported already (nothing changed)."""


def import_bundle(conn: psycopg.Connection[Any], data: bytes) -> dict[str, Any]:
    manifest, _, _ = sync_keys.read_manifest(data)
    me = db.instance(conn)
    if manifest.get("kind") != "to_office" or manifest.get("recipient") != str(me["id"]):
        raise BadBundle("这个同步包不是发给本办公室的。")
    sender = (manifest.get("sender") or {}).get("id", "")
    try:
        device = service.auth_device(conn, sender)
    except Exception as error:
        raise BadBundle("同步包来自没有登记（或已撤销）的设备。") from error
    keys = secrets.office_keys(conn)
    manifest, payload = sync_keys.open_bundle(
        data, sender_sign_public=bytes(device["sign_pub"]), enc_private=keys.enc_private
    )
    seen = conn.execute(
        "SELECT imported_at FROM bundle_seen WHERE bundle_id = %s", (manifest["bundle_id"],)
    ).fetchone()
    if seen is not None:
        when = f"{seen['imported_at']:%Y-%m-%d %H:%M}"
        raise Replayed(f"这个同步包已于 {when} 导入过，本次没有改动。")
    store = PgBlobStore(conn)
    for encoded in (payload.get("blobs") or {}).values():
        store.put_whole(base64.b64decode(encoded))
    body = {**payload["push"], "batch_id": manifest["bundle_id"]}
    max_seq = max((int(r.get("seq") or 0) for g in body.get("groups", [])
                   for r in g.get("rows", [])), default=0)
    with conn.transaction():
        conn.execute(
            "INSERT INTO bundle_seen (bundle_id, sender, sender_seq, incarnation, max_seq)"
            " VALUES (%s, %s, %s, %s, %s)",
            (manifest["bundle_id"], sender, int(manifest.get("sender_seq", 0)),
             body.get("incarnation"), max_seq),
        )
        response = service.push(conn, device, body)
        service.ack(conn, device, int(payload.get("cursor") or 0))
    return {**response, "bundle_id": manifest["bundle_id"], "mediator": device["mediator"]}


def export_bundle(conn: psycopg.Connection[Any], mediator: str) -> tuple[bytes, dict[str, Any]]:
    device = conn.execute(
        "SELECT d.*, m.name AS mediator FROM device d JOIN mediator m ON m.id = d.mediator_id"
        " WHERE m.name = %s AND d.revoked_at IS NULL ORDER BY d.enrolled_at DESC LIMIT 1",
        (mediator,),
    ).fetchone()
    if device is None:
        raise BadBundle(f"调解员“{mediator}”还没有登记过电脑（admin enroll），无法生成同步包。")
    me = db.instance(conn)
    keys = secrets.office_keys(conn)
    with conn.transaction():
        seq_row = conn.execute(
            "UPDATE device SET bundle_seq_out = bundle_seq_out + 1 WHERE id = %s"
            " RETURNING bundle_seq_out",
            (device["id"],),
        ).fetchone()
        assert seq_row is not None
        payload = _payload(conn, dict(device))
    manifest = {
        "bundle_id": uuid7(),
        "kind": "to_device",
        "sender": {"id": str(me["id"]), "epoch": me["epoch"]},
        "recipient": str(device["id"]),
        "sender_seq": int(seq_row["bundle_seq_out"]),
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "protocol": PROTOCOL,
        "contents": {"cases": len(payload["entries"]), "blobs": len(payload["blobs"])},
    }
    data = sync_keys.pack(manifest, payload, sign_private=keys.sign_private,
                          recipient_enc_public=bytes(device["enc_pub"]))
    return data, manifest


def _payload(conn: psycopg.Connection[Any], device: dict[str, Any]) -> dict[str, Any]:
    mediator_id = int(device["mediator_id"])
    head = feed.head(conn, mediator_id)
    uids = [r["case_uid"] for r in conn.execute(
        "SELECT case_uid, max(pos) AS pos FROM mediator_feed WHERE mediator_id = %s"
        " AND pos > %s GROUP BY case_uid ORDER BY max(pos)",
        (mediator_id, int(device["cursor"])),
    )]
    entries = feed.snapshots(conn, uids, mediator_id)
    shas = blob_refs([row for e in entries for row in e.get("rows", [])])
    store = PgBlobStore(conn)
    blobs = {sha: base64.b64encode(store.read(sha, 0, None)[0]).decode()
             for sha in sorted(shas - store.missing(shas))}
    acks = [
        {"bundle_id": str(r["bundle_id"]), "incarnation": str(r["incarnation"]),
         "max_seq": int(r["max_seq"])}
        for r in conn.execute(
            "SELECT bundle_id, incarnation, max_seq FROM bundle_seen WHERE sender = %s"
            " ORDER BY imported_at DESC LIMIT %s",
            (str(device["id"]), ACKS_KEPT),
        )
    ]
    conflicts = conn.execute(
        "SELECT case_no, kind, entity FROM sync_conflict WHERE device_id = %s"
        " AND resolved_at IS NULL ORDER BY id",
        (device["id"],),
    ).fetchall()
    audit = service.audit_head(conn, device["id"], device.get("incarnation"))
    return {"cursor": head, "entries": entries, "blobs": blobs, "acks": acks, "audit_head": audit,
            "conflicts": [dict(c) for c in conflicts], "mediator": device["mediator"]}
