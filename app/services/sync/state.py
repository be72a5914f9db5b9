"""What this laptop knows about its office: enrolment, keys, cursor, last sync (`sync_state`).

Private keys live here, inside the encrypted case store, and never leave it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.store.sync_tables import SyncState

NOT_ENROLLED = (
    "这台电脑还没有在办公室登记。请先在办公室生成登记码，再运行 office join 地址 登记码。"
)


@dataclass(frozen=True)
class Enrolment:
    url: str
    ca_pem: str
    device_id: str
    device_code: str
    mediator: str
    server_id: str
    incarnation: str
    sign_private: bytes
    enc_private: bytes
    office_sign_pub: bytes
    office_enc_pub: bytes


def get(session: Session, name: str, default: str = "") -> str:
    row = session.get(SyncState, name)
    return row.value if row is not None else default


def put(session: Session, name: str, value: Any) -> None:
    row = session.get(SyncState, name)
    text = value if isinstance(value, str) else str(value)
    if row is None:
        session.add(SyncState(name=name, value=text))
    else:
        row.value = text


def put_bytes(session: Session, name: str, value: bytes) -> None:
    put(session, name, base64.b64encode(value).decode())


def get_bytes(session: Session, name: str) -> bytes:
    return base64.b64decode(get(session, name))


def all_values(session: Session) -> dict[str, str]:
    return {row.name: row.value for row in session.scalars(select(SyncState))}


def enrolment(session: Session) -> Enrolment:
    values = all_values(session)
    if not values.get("device_id"):
        raise DomainError(NOT_ENROLLED)

    def raw(name: str) -> bytes:
        return base64.b64decode(values[name])

    return Enrolment(
        url=values["url"],
        ca_pem=values["ca_pem"],
        device_id=values["device_id"],
        device_code=values["device_code"],
        mediator=values["mediator"],
        server_id=values["server_id"],
        incarnation=values["incarnation"],
        sign_private=raw("sign_private"),
        enc_private=raw("enc_private"),
        office_sign_pub=raw("office_sign_pub"),
        office_enc_pub=raw("office_enc_pub"),
    )


def is_enrolled(session: Session) -> bool:
    return bool(get(session, "device_id"))


def cursor(session: Session) -> int:
    return int(get(session, "cursor", "0") or 0)
