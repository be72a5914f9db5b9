"""Redacting personal values out of audit events, with the chain still verifiable.

Each event's hash covers its `detail` (`app.store.audit`). Events written before revision
0009 may carry a personal value there (a signer's name on `document.signature_recorded`,
a file name on `document.file_attached`, a reason typed by a user); since 0009 the
services keep them out (ids and roles only), so new events need no redaction.

Erasing a case's personal data must still take such a value out of old events. Their
hash cannot be recomputed from a redacted detail, and re-chaining would rewrite every
later event. So the erasure vouches for the redacted form instead:

1. it checks each event it redacts is intact (its fields give its stored hash);
2. it replaces each personal value inside the detail (strings only, JSON kept valid) by
   the erased marker, leaving `hash` and every other column as they were — the triggers
   of 0009 allow exactly that change, and only while the case's erasure is running;
3. its own `privacy.erased` event, appended to the chain in the same transaction, lists
   for each redacted event `{"seq", "hash", "redacted"}`: the original hash and the hash
   the redacted fields give.

`audit verify` accepts an event whose fields give not its stored hash but exactly the
`redacted` hash that a later intact `privacy.erased` event attests for that seq and
stored hash (`attestations`). Changing the redacted event again, or the attestation
(which is itself in the chain), breaks the chain as any edit does. What cannot be proved
any more is the erased value itself — which is the point.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.store.audit import ERASED_ACTION as ERASED_ACTION
from app.store.audit import event_hash

ERASED_VALUE = "（已删除）"


def scrub(value: Any, secrets: Iterable[str], marker: str = ERASED_VALUE) -> Any:
    """`value` (plain JSON data) with every occurrence of a secret in its strings replaced."""
    wanted = sorted({s for s in secrets if s}, key=len, reverse=True)
    if isinstance(value, str):
        for secret in wanted:
            value = value.replace(secret, marker)
        return value
    if isinstance(value, Mapping):
        return {k: scrub(v, wanted, marker) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v, wanted, marker) for v in value]
    return value


def redact_case_events(
    session: Session, case_id: int, secrets: Iterable[str]
) -> list[dict[str, Any]]:
    """Redact `secrets` from the details of the case's events; the attestations to record.

    Raises RuntimeError when an event to redact is not intact (the chain is already broken
    there: erasing would hide it)."""
    wanted = [s for s in secrets if s]
    rows = session.execute(
        text(
            "SELECT seq, CAST(at AS TEXT), actor, case_id, action, CAST(detail AS TEXT),"
            " prev_hash, hash FROM audit_event WHERE case_id = :case ORDER BY seq"
        ),
        {"case": case_id},
    )
    out: list[dict[str, Any]] = []
    for seq, at, actor, cid, action, detail_text, prev_hash, digest in rows.all():
        if not any(s in detail_text for s in wanted):
            continue
        detail = json.loads(detail_text)
        fields = {"seq": seq, "at": _at(at), "actor": actor, "case_id": cid, "action": action,
                  "prev_hash": prev_hash}  # fmt: skip
        if event_hash(detail=detail, **fields) != digest:
            raise RuntimeError(f"audit event {seq} is not intact; erasure would hide that")
        redacted = scrub(detail, wanted)
        session.execute(
            text("UPDATE audit_event SET detail = :detail WHERE seq = :seq"),
            {"detail": _stored_json(redacted), "seq": seq},
        )
        out.append({"seq": seq, "hash": digest, "redacted": event_hash(detail=redacted, **fields)})
    return out


def _at(stored: str) -> datetime:
    moment = datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _stored_json(value: Any) -> str:
    """As the engine stores JSON columns (`app.store.engine.json_dumps`)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
