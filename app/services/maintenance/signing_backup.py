"""The organisation's signing key goes into every backup, and comes back with a restore.

Without it, a laptop restored from a backup could not seal agreements any more (issue 12).
Beside each backup `<backup>.db` goes `<backup>.db.signing`: the files of `signing/`
(`org-key.pem`, already encrypted with the signing passphrase; `org-cert.pem`;
`org-chain.pem` if there is one) and, when that passphrase lives only in this computer's
keyring (a random one nobody ever typed), the passphrase too. The whole bundle is
encrypted with AES-256-GCM under the key of the backup itself: whoever can open the
backup (this store's key, its recovery code, or its passphrase) can restore the signing
key, and nobody else learns anything from the file.

On restore the backup's identity is installed in `signing/` (the identity it replaces, if
different, is kept in `signing/replaced-<time>/`), and the keyring passphrase is put into
this computer's keyring, or, where there is no keyring, the key is re-encrypted with
`MEDIATION_DESK_PASSPHRASE` (the passphrase this computer uses).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.documents.org_identity import (
    CERT_FILE,
    CHAIN_FILE,
    KEY_FILE,
    identity_exists,
    signing_dir,
)
from app.fsutil import write_atomically
from app.security.secrets import SecretStore, passphrase_from_env
from app.store.private import private_dir

SUFFIX = ".signing"
FORMAT = 1
NONCE_BYTES = 12
LABEL = b"MediationDesk signing key backup v1"
FILES = (KEY_FILE, CERT_FILE, CHAIN_FILE)
PASSPHRASE_SECRET = "signing-key-passphrase"  # as app.services.organisation.signing

NO_PASSPHRASE_HERE = (
    "组织的签名密钥已从备份恢复，但它的口令只保存在原来那台电脑的系统钥匙串中，而本机既没有"
    "可用的钥匙串，也没有设置 MEDIATION_DESK_PASSPHRASE：请设置该环境变量后再恢复一次，"
    "签名密钥就会改用这个口令保护。"
)
UNREADABLE = "备份旁的签名密钥文件 {path} 无法解开（{reason}），签名密钥没有恢复；案件库已恢复。"


@dataclass(frozen=True)
class SigningRestore:
    """What a restore did with the signing key."""

    restored: bool
    kept_aside: Path | None = None
    note: str | None = None


def bundle_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SUFFIX)


def write_bundle(data_dir: Path, backup: Path, key: bytes | None) -> Path | None:
    """Write `<backup>.signing` when the folder has a signing identity (and the backup a
    key to encrypt it with); the bundle's path, else None."""
    if key is None or not identity_exists(data_dir):
        return None
    folder = signing_dir(data_dir)
    files = {
        name: (folder / name).read_text(encoding="ascii")
        for name in FILES
        if (folder / name).is_file()
    }
    secret = SecretStore(scope=str(data_dir)).get(PASSPHRASE_SECRET)
    payload = {"format": FORMAT, "files": files, "keyring_passphrase": secret}
    target = bundle_path(backup)
    write_atomically(target, _seal(key, json.dumps(payload).encode("utf-8")))
    return target


def restore_bundle(backup: Path, key: bytes | None, data_dir: Path) -> SigningRestore:
    """Install the signing identity saved beside `backup` (opened with `key`) in `data_dir`."""
    source = bundle_path(backup)
    if key is None or not source.is_file():
        return SigningRestore(False)
    try:
        payload = json.loads(_open(key, source.read_bytes()))
        files: dict[str, str] = payload["files"]
        if payload.get("format") != FORMAT or KEY_FILE not in files or CERT_FILE not in files:
            raise ValueError("unknown format")
    except (OSError, ValueError, KeyError, TypeError) as error:
        return SigningRestore(False, note=UNREADABLE.format(path=source, reason=error))
    folder = signing_dir(data_dir)
    if _same_identity(folder, files):
        return SigningRestore(False)
    secret = payload.get("keyring_passphrase")
    note = None
    if isinstance(secret, str) and secret:
        files, note = _passphrase_here(data_dir, files, secret)
    aside = _keep_aside(folder) if identity_exists(data_dir) else None
    private_dir(folder)
    for name in FILES:
        if name in files:
            write_atomically(folder / name, files[name].encode("ascii"))
        else:
            (folder / name).unlink(missing_ok=True)
    return SigningRestore(True, aside, note)


def _passphrase_here(
    data_dir: Path, files: dict[str, str], secret: str
) -> tuple[dict[str, str], str | None]:
    """Make the key usable here: its passphrase into this keyring, else re-encrypted with
    this computer's passphrase; a note when neither is possible."""
    store = SecretStore(scope=str(data_dir))
    if store.set(PASSPHRASE_SECRET, secret) and store.get(PASSPHRASE_SECRET) == secret:
        return files, None
    here = passphrase_from_env()
    if not here:
        return files, NO_PASSPHRASE_HERE
    return {**files, KEY_FILE: _reencrypt(files[KEY_FILE], secret, here)}, None


def _reencrypt(pem: str, old: str, new: str) -> str:
    from cryptography.hazmat.primitives import serialization

    private = serialization.load_pem_private_key(pem.encode("ascii"), old.encode("utf-8"))
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(new.encode("utf-8")),
    ).decode("ascii")


def _same_identity(folder: Path, files: dict[str, str]) -> bool:
    try:
        return all((folder / n).read_text(encoding="ascii") == files[n] for n in FILES[:2])
    except OSError:
        return False


def _keep_aside(folder: Path) -> Path:
    """Move the current identity's files into `signing/replaced-<time>/`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = private_dir(folder / f"replaced-{stamp}")
    for name in FILES:
        if (folder / name).is_file():
            os.replace(folder / name, aside / name)
    return aside


def _seal(key: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, data, LABEL)
    outer = {"format": FORMAT, "aead": "AES-256-GCM", "data": _b64(nonce + sealed)}
    return json.dumps(outer).encode("ascii")


def _open(key: bytes, blob: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    outer: Any = json.loads(blob)
    raw = base64.b64decode(outer["data"], validate=True)
    try:
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], LABEL)
    except InvalidTag as error:
        raise ValueError("another key, or the file was changed") from error


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
