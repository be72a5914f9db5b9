"""`office join URL CODE`: enrol this laptop with the office for the code's mediator.

1. Make this laptop's keys (Ed25519 to sign, X25519 to receive bundles).
2. Ask the office for its CA by the code's id, and accept it only with the right HMAC
   keyed by the code: the CA is then pinned, no "trust this certificate?" question.
3. Send the code and the public keys over TLS pinned to that CA; get the device id.
4. Keep all of it in the encrypted store; every case already on the laptop is adopted (its
   rows wait to be sent under this laptop's origin, numbers as they were printed).
"""

from __future__ import annotations

import base64
import hmac
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.domain.sync_wire import PROTOCOL
from app.security import sync_keys
from app.services.sync import state
from app.services.sync.client import Refused, make_client, post_json
from app.services.sync.marking import all_case_uids, mark_cases_pending
from app.store.sync_tables import SyncCase

BAD_CODE = "登记码不对、已过期或已用过。请在办公室重新生成登记码（admin enroll）后再试。"
NOT_THE_OFFICE = ("对方证书无法用登记码核实：连接可能被拦截，或地址不是本中心的服务器。"
                  "未登记，请核对地址。")


@dataclass(frozen=True)
class Joined:
    mediator: str
    device_code: str
    adopted: int


def join(ctx: Any, url: str, code: str) -> Joined:
    url = url.rstrip("/")
    keys = sync_keys.new_keys()
    with make_client(url, None) as probe:
        try:
            found = post_json(probe, "/v1/enrol/ca", {"code_id": sync_keys.enrol_code_id(code)})
        except Refused as error:
            raise Refused(BAD_CODE) from error
    ca_pem = str(found["ca_pem"])
    expected = sync_keys.enrol_ca_proof(sync_keys.enrol_code_hash(code), ca_pem.encode())
    if not hmac.compare_digest(expected, str(found.get("proof", ""))):
        raise Refused(NOT_THE_OFFICE)
    with make_client(url, ca_pem) as client:
        try:
            answer = post_json(client, "/v1/enrol", {
                "code": code,
                "sign_pub": base64.b64encode(keys.sign_public).decode(),
                "enc_pub": base64.b64encode(keys.enc_public).decode(),
                "protocol": PROTOCOL,
            })
        except Refused as error:
            raise Refused(BAD_CODE) from error
    with ctx.store.write(ctx.actor, ctx.now()) as uow:
        s = uow.session
        values = {
            "url": url, "ca_pem": ca_pem, "device_id": answer["device_id"],
            "device_code": answer["device_code"], "mediator": answer["mediator"],
            "server_id": answer["server_id"], "server_epoch": answer["epoch"],
            "incarnation": str(uuid.uuid4()), "cursor": 0,
        }
        for name, value in values.items():
            state.put(s, name, value)
        for name, raw in (("sign_private", keys.sign_private), ("enc_private", keys.enc_private),
                          ("office_sign_pub", base64.b64decode(answer["office_sign_pub"])),
                          ("office_enc_pub", base64.b64decode(answer["office_enc_pub"]))):
            state.put_bytes(s, name, raw)
        adopted = _adopt(s, str(answer["mediator"]))
        uow.record("sync.enrolled", detail={"office": url, "device": answer["device_code"],
                                            "mediator": answer["mediator"], "adopted": adopted})
    return Joined(str(answer["mediator"]), str(answer["device_code"]), adopted)


def _adopt(session: Any, mediator: str) -> int:
    """Cases already here become this laptop's, waiting to be sent (legacy numbers)."""
    known = set(session.scalars(select(SyncCase.case_uid)))
    uids = [u for u in all_case_uids(session) if u not in known]
    from app.services.sync.rows import table

    t = table("case")
    numbers = dict(session.execute(select(t.c.uid, t.c.case_no).where(t.c.uid.in_(uids))).all())
    for uid in uids:
        session.add(SyncCase(case_uid=uid, server_case_no=numbers.get(uid, ""), epoch=0,
                             base_version=0, held=True, holder=mediator, legacy=True))
    if uids:
        mark_cases_pending(session, uids)
    return len(uids)
