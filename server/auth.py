"""Enrolment of a laptop by a one-time code, and short-lived tokens by proof of possession.

- `admin enroll --mediator NAME` makes a code of 16 characters (Crockford base32, 80 bits)
  that expires after 10 minutes of server time and works once. Only its hashes are stored.
- Before the laptop trusts the office's CA it asks for it by the code's *id* (a hash that
  does not reveal the code) and checks the answer's HMAC keyed by the code itself: a
  machine in the middle that does not know the code cannot pass off its own CA.
- The laptop then sends the code and its public keys over TLS pinned to that CA.
- Requests carry a token (15 minutes) obtained by signing a server nonce with the device's
  Ed25519 key; only token hashes are stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

import psycopg

from app.security import sync_keys
from app.security.sync_keys import verify
from server import office

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_MINUTES = 10
TOKEN_MINUTES = 15
MAX_ATTEMPTS = 5


class AuthError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


normalise = sync_keys.normalise_code
code_id = sync_keys.enrol_code_id
code_hash = sync_keys.enrol_code_hash
ca_proof_from_hash = sync_keys.enrol_ca_proof
auth_message = sync_keys.auth_message


def new_code(conn: psycopg.Connection[Any], mediator: str, minutes: int = CODE_MINUTES) -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(16))
    text = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    with conn.transaction():
        mediator_id = office.mediator_id(conn, mediator, create=True)
        conn.execute(
            "INSERT INTO enrolment_code (code_id, code_hash, mediator_id, expires_at)"
            " VALUES (%s, %s, %s, now() + make_interval(mins => %s))",
            (code_id(text), code_hash(text), mediator_id, minutes),
        )
        office.log(conn, "admin", "device.code_issued", None, {"mediator": mediator})
    return text


def live_code(conn: psycopg.Connection[Any], cid: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT * FROM enrolment_code WHERE code_id = %s AND used_at IS NULL"
        " AND expires_at > now() AND attempts < %s",
        (cid, MAX_ATTEMPTS),
    ).fetchone()
    if row is None:
        raise AuthError(404, "登记码无效、已过期或已使用。请在办公室重新生成登记码。")
    return dict(row)


def enrol(
    conn: psycopg.Connection[Any], code: str, sign_pub: bytes, enc_pub: bytes, meta: dict[str, Any]
) -> dict[str, Any]:
    """Use the code once: a new device of the code's mediator."""
    import uuid

    with conn.transaction():
        row = conn.execute(
            "SELECT * FROM enrolment_code WHERE code_id = %s FOR UPDATE", (code_id(code),)
        ).fetchone()
        if row is None or row["used_at"] is not None:
            raise AuthError(403, "登记码无效或已使用。")
        fresh = conn.execute("SELECT %s > now() AS ok", (row["expires_at"],)).fetchone()
        if not hmac.compare_digest(row["code_hash"], code_hash(code)) or not (fresh or {}).get(
            "ok"
        ):
            conn.execute(
                "UPDATE enrolment_code SET attempts = attempts + 1 WHERE code_id = %s",
                (row["code_id"],),
            )
            raise AuthError(403, "登记码无效或已过期。")
        conn.execute("UPDATE enrolment_code SET used_at = now() WHERE code_id = %s",
                     (row["code_id"],))
        device_id = uuid.uuid4()
        count = conn.execute("SELECT count(*) AS n FROM device").fetchone()
        device_code = f"D{int((count or {}).get('n', 0)) + 1:03d}"
        conn.execute(
            "INSERT INTO device (id, code, mediator_id, sign_pub, enc_pub, protocol, app_version)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (device_id, device_code, row["mediator_id"], sign_pub, enc_pub,
             str(meta.get("protocol", "")), str(meta.get("app_version", ""))),
        )
        name = office.mediator_name(conn, int(row["mediator_id"]))
        office.log(conn, "admin", "device.enrolled", None,
                   {"device": str(device_id), "mediator": name})
    return {"device_id": str(device_id), "device_code": device_code, "mediator": name}


def nonce(conn: psycopg.Connection[Any], device_id: str) -> str:
    device(conn, device_id)
    value = secrets.token_hex(16)
    conn.execute(
        "INSERT INTO auth_nonce (nonce, device_id, expires_at)"
        " VALUES (%s, %s, now() + interval '2 minutes')",
        (value, device_id),
    )
    return value


def token(conn: psycopg.Connection[Any], device_id: str, value: str, signature: bytes) -> str:
    """A token for a signed nonce. The same signed nonce sent twice (a duplicated delivery)
    gets the same token; the nonce works for two minutes, for one token."""
    with conn.transaction():
        found = conn.execute(
            "SELECT nonce FROM auth_nonce WHERE nonce = %s AND device_id = %s"
            " AND expires_at > now()",
            (value, device_id),
        ).fetchone()
        dev = device(conn, device_id)
        if found is None or not verify(bytes(dev["sign_pub"]), auth_message(value, device_id),
                                       signature):
            raise AuthError(401, "设备身份验证失败。")
        key = _token_key(conn)
        raw = hmac.new(key, auth_message(value, device_id), hashlib.sha256).hexdigest()
        conn.execute(
            "INSERT INTO device_token (token_hash, device_id, expires_at)"
            " VALUES (%s, %s, now() + make_interval(mins => %s)) ON CONFLICT DO NOTHING",
            (hashlib.sha256(raw.encode()).hexdigest(), device_id, TOKEN_MINUTES),
        )
        conn.execute("DELETE FROM device_token WHERE expires_at < now() - interval '1 day'")
        conn.execute("DELETE FROM auth_nonce WHERE expires_at < now() - interval '1 day'")
    return raw


def _token_key(conn: psycopg.Connection[Any]) -> bytes:
    conn.execute(
        "INSERT INTO server_secret (name, value) VALUES ('token_key', %s) ON CONFLICT DO NOTHING",
        (secrets.token_bytes(32),),
    )
    row = conn.execute("SELECT value FROM server_secret WHERE name = 'token_key'").fetchone()
    assert row is not None
    return bytes(row["value"])


def device(conn: psycopg.Connection[Any], device_id: str) -> dict[str, Any]:
    try:
        row = conn.execute(
            "SELECT d.*, m.name AS mediator FROM device d JOIN mediator m ON m.id = d.mediator_id"
            " WHERE d.id = %s",
            (device_id,),
        ).fetchone()
    except psycopg.DataError:
        row = None
    if row is None:
        raise AuthError(401, "这台电脑没有在办公室登记（或登记已被撤销）。")
    if row["revoked_at"] is not None:
        raise AuthError(403, "这台电脑的登记已被办公室撤销。")
    return dict(row)


def by_token(conn: psycopg.Connection[Any], raw: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT device_id FROM device_token WHERE token_hash = %s AND expires_at > now()",
        (hashlib.sha256(raw.encode()).hexdigest(),),
    ).fetchone()
    if row is None:
        raise AuthError(401, "登录已过期。")
    return device(conn, str(row["device_id"]))
