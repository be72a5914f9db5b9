"""Device and office keys for sync, and the USB bundle file (sealed and signed).

- Every enrolled laptop makes its own Ed25519 (signing) and X25519 (encryption) keys; the
  private halves never leave its encrypted store. The office server has a pair too.
- A bundle is one ZIP file (stored, its parts are already encrypted):
  `manifest.json` (canonical JSON), `manifest.sig` (Ed25519 over manifest.json by the
  sender) and `payload.bin`: the gzip'd JSON payload sealed to the recipient's X25519 key
  with HPKE (RFC 9180, suite X25519 / HKDF-SHA256 / AES-256-GCM, from pyca `cryptography`),
  the HPKE `info` binding it to the bundle id, sender and recipient. The manifest carries
  the payload's SHA-256, so a changed byte anywhere is found before anything is applied.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.domain.sync_wire import canonical

BUNDLE_FORMAT = 1
SUITE_NAME = "HPKE-X25519-HKDF-SHA256-AES-256-GCM"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_RAW = serialization.Encoding.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_NONE = serialization.NoEncryption()


class BadBundle(ValueError):
    """A bundle that is damaged, not for us, or not from whom it claims (refused whole)."""


@dataclass(frozen=True)
class KeyPair:
    """Raw 32-byte keys: signing (Ed25519) and encryption (X25519), private and public."""

    sign_private: bytes
    sign_public: bytes
    enc_private: bytes
    enc_public: bytes


def new_keys() -> KeyPair:
    sign = Ed25519PrivateKey.generate()
    enc = X25519PrivateKey.generate()
    return KeyPair(
        sign.private_bytes(_RAW, _RAW_PRIV, _NONE),
        sign.public_key().public_bytes(_RAW, _RAW_PUB),
        enc.private_bytes(_RAW, _RAW_PRIV, _NONE),
        enc.public_key().public_bytes(_RAW, _RAW_PUB),
    )


def normalise_code(code: str) -> str:
    """An enrolment code as typed (any case, dashes, spaces, O for 0, I for 1) → canonical."""
    return "".join(c for c in code.upper() if c.isalnum()).replace("O", "0").replace("I", "1")


def enrol_code_id(code: str) -> str:
    """The name the laptop asks for the office CA by (does not reveal the code)."""
    return hashlib.sha256(b"md-enrol-id:" + normalise_code(code).encode()).hexdigest()[:32]


def enrol_code_hash(code: str) -> str:
    """What the office stores of a code (and the key of its CA proof)."""
    return hashlib.sha256(b"md-enrol-code:" + normalise_code(code).encode()).hexdigest()


def enrol_ca_proof(stored_hash: str, ca_pem: bytes) -> str:
    """HMAC-SHA256 of the CA certificate keyed by the code's hash: only the office and the
    holder of the code can make it, so a machine in the middle cannot offer its own CA."""
    return hmac.new(bytes.fromhex(stored_hash), ca_pem, hashlib.sha256).hexdigest()


def auth_message(nonce: str, device_id: str) -> bytes:
    """What a device signs to get a token."""
    return f"md-sync-auth:{nonce}:{device_id}".encode()


def sign(private: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(data)


def verify(public: bytes, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def seal(plaintext: bytes, recipient_public: bytes, info: bytes) -> bytes:
    return _SUITE.encrypt(plaintext, X25519PublicKey.from_public_bytes(recipient_public), info)


def unseal(ciphertext: bytes, private: bytes, info: bytes) -> bytes:
    try:
        return _SUITE.decrypt(ciphertext, X25519PrivateKey.from_private_bytes(private), info)
    except (InvalidTag, ValueError) as error:
        raise BadBundle("无法解密：文件已损坏，或不是发给本机的。") from error


def _info(manifest: dict[str, Any]) -> bytes:
    return canonical(
        {
            "bundle_id": manifest["bundle_id"],
            "recipient": manifest["recipient"],
            "sender": manifest["sender"],
        }
    )


def pack(
    manifest: dict[str, Any], payload: Any, *, sign_private: bytes, recipient_enc_public: bytes
) -> bytes:
    """The bundle file's bytes: `payload` (JSON data) sealed to the recipient, signed."""
    manifest = dict(manifest, format=BUNDLE_FORMAT, suite=SUITE_NAME)
    sealed = seal(gzip.compress(canonical(payload), 6), recipient_enc_public, _info(manifest))
    manifest["payload_sha256"] = hashlib.sha256(sealed).hexdigest()
    manifest["payload_size"] = len(sealed)
    text = canonical(manifest)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("manifest.json", text)
        archive.writestr("manifest.sig", sign(sign_private, text))
        archive.writestr("payload.bin", sealed)
    return out.getvalue()


def read_manifest(data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """(manifest, its exact bytes, its signature); `BadBundle` when not a bundle at all."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            text = archive.read("manifest.json")
            signature = archive.read("manifest.sig")
        manifest = json.loads(text)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise BadBundle("不是同步包，或文件已损坏（无法读取清单）。") from error
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise BadBundle("同步包格式不认识（可能来自更新的版本）。")
    return manifest, text, signature


def open_bundle(
    data: bytes, *, sender_sign_public: bytes, enc_private: bytes
) -> tuple[dict[str, Any], Any]:
    """Check the signature and hash, then decrypt: (manifest, payload)."""
    manifest, text, signature = read_manifest(data)
    if not verify(sender_sign_public, text, signature):
        raise BadBundle("同步包的签名不对：它被改动过，或不是登记的设备发出的。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sealed = archive.read("payload.bin")
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise BadBundle("同步包已损坏（无法读取内容）。") from error
    if hashlib.sha256(sealed).hexdigest() != manifest.get("payload_sha256"):
        raise BadBundle("同步包内容与清单不符（文件已损坏或被改动）。")
    plain = unseal(sealed, enc_private, _info(manifest))
    try:
        return manifest, json.loads(gzip.decompress(plain))
    except (OSError, ValueError) as error:
        raise BadBundle("同步包内容无法读取。") from error
