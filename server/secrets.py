"""The office's own secrets, kept in its database: the centre's CA and the office keys.

- A self-signed CA (EC P-256, 10 years) made at first use, for a test or a small office; a
  centre with its own CA passes `--tls-cert/--tls-key/--tls-ca` instead. Laptops pin the
  CA certificate at enrolment, so no public CA and no "accept this certificate" click.
- The serving certificate is issued by that CA at every start for the address it listens
  on (and localhost), valid one year; nothing to renew by hand.
- The office's Ed25519/X25519 pair signs and opens USB bundles.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from dataclasses import dataclass
from typing import Any

import psycopg
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.security.sync_keys import KeyPair, new_keys

CA_NAME = "调解工作台 办公室同步 CA"


@dataclass(frozen=True)
class Tls:
    ca_pem: bytes
    cert_pem: bytes
    key_pem: bytes


def _get(conn: psycopg.Connection[Any], name: str) -> bytes | None:
    row = conn.execute("SELECT value FROM server_secret WHERE name = %s", (name,)).fetchone()
    return bytes(row["value"]) if row else None


def _put_once(conn: psycopg.Connection[Any], values: dict[str, bytes]) -> None:
    """Store `values` unless another process stored them first (then theirs win)."""
    with conn.transaction():
        conn.execute("LOCK TABLE server_secret IN SHARE ROW EXCLUSIVE MODE")
        if _get(conn, next(iter(values))) is None:
            for name, value in values.items():
                conn.execute(
                    "INSERT INTO server_secret (name, value) VALUES (%s, %s)", (name, value)
                )


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _make_ca() -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(CA_NAME))
        .issuer_name(_name(CA_NAME))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def ca(conn: psycopg.Connection[Any]) -> tuple[bytes, bytes]:
    """(CA certificate PEM, CA key PEM), made on first use."""
    if _get(conn, "ca_cert") is None:
        cert, key = _make_ca()
        _put_once(conn, {"ca_cert": cert, "ca_key": key})
    found_cert, found_key = _get(conn, "ca_cert"), _get(conn, "ca_key")
    assert found_cert is not None and found_key is not None
    return found_cert, found_key


def _alt_names(host: str) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = [x509.DNSName("localhost")]
    addresses = {"127.0.0.1", host}
    for text in sorted(addresses):
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(text)))
        except ValueError:
            names.append(x509.DNSName(text))
    names.append(x509.DNSName(socket.gethostname()))
    return names


def serving_tls(conn: psycopg.Connection[Any], host: str) -> Tls:
    """A certificate for `host`, issued now by the office CA."""
    ca_pem, ca_key_pem = ca(conn)
    ca_cert = x509.load_pem_x509_certificate(ca_pem)
    ca_key = serialization.load_pem_private_key(ca_key_pem, None)
    assert isinstance(ca_key, ec.EllipticCurvePrivateKey)
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(host))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName(_alt_names(host)), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return Tls(ca_pem, cert.public_bytes(serialization.Encoding.PEM), key_pem)


def office_keys(conn: psycopg.Connection[Any]) -> KeyPair:
    """The office's signing and encryption keys (made on first use)."""
    if _get(conn, "office_sign") is None:
        keys = new_keys()
        _put_once(
            conn,
            {
                "office_sign": keys.sign_private,
                "office_sign_pub": keys.sign_public,
                "office_enc": keys.enc_private,
                "office_enc_pub": keys.enc_public,
            },
        )
    values = [_get(conn, n) for n in ("office_sign", "office_sign_pub", "office_enc",
                                      "office_enc_pub")]
    assert all(v is not None for v in values)
    return KeyPair(*[bytes(v) for v in values if v is not None])
