"""The case store's 256-bit key: random in the OS keyring, or derived from a passphrase.

At the first start in a data folder:
- when a keyring backend works, a random key (`os.urandom(32)`) is created and kept in
  the OS keyring (`SecretStore(scope=<data folder>)`); nobody ever types it;
- otherwise the user sets a passphrase (`MEDIATION_DESK_PASSPHRASE`, or the `prompt`
  callable: GUI dialog or terminal) and the key is derived from it with Argon2id
  (memory-hard: 64 MiB, 3 passes, 4 lanes, RFC 9106's second recommended setting) and a
  random 16-byte salt. A CLI with no terminal never waits: `DomainError(NO_KEYRING_HINT)`.

`<data folder>/keyinfo.json` records which way was chosen, the KDF parameters and salt,
and a key check value (an HMAC of a constant under the key: it tells a wrong passphrase
apart from a damaged database, and reveals nothing that the encrypted file itself does not
let an attacker test). It never holds the key or the passphrase.

The recovery code (`recovery_code(key)`) is the key itself, in groups of base32 with a
checksum, for the user to print and lock away: with it a backup opens on a new computer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.fsutil import write_atomically
from app.security.secrets import (
    NO_KEYRING_HINT,
    PASSPHRASE_ENV,
    SecretStore,
    passphrase_from_env,
)

KEY_BYTES = 32
SALT_BYTES = 16
KEYINFO_FILE = "keyinfo.json"
SECRET_NAME = "database-key"
MODE_KEYRING = "keyring"
MODE_PASSPHRASE = "passphrase"
PROMPT_ATTEMPTS = 3
_CHECK_LABEL = b"MediationDesk database key check v1"

PassphrasePrompt = Callable[[str, bool], "str | None"]
"""`prompt(message, new)` → the passphrase, or None when the user cancelled.
`new` is True when a passphrase is being set (ask twice)."""

NEW_PASSPHRASE_PROMPT = (
    "本机没有可用的系统钥匙串（keyring），无法自动保存案件库的密钥。"
    "请设置一个口令来加密案件库（请牢记：忘记口令且没有恢复码将无法打开案件库）："
)
PASSPHRASE_PROMPT = "案件库已用口令加密，请输入口令："
RETRY_PROMPT = "口令不正确，请重新输入案件库的口令："
NEED_PASSPHRASE = (
    f"案件库已用口令加密，需要口令才能打开：请设置环境变量 {PASSPHRASE_ENV} 后重试。"
    f" (The case database is passphrase-protected: set {PASSPHRASE_ENV}.)"
)
WRONG_PASSPHRASE = (
    "口令不正确，案件库没有打开。请检查口令"
    f"（环境变量 {PASSPHRASE_ENV} 或输入的口令）后重试。"
    " (Wrong passphrase: the case database was not opened.)"
)
CANCELLED = "没有输入口令：案件库没有打开。"
KEYRING_UNREACHABLE = (
    "案件库的密钥保存在系统钥匙串中，但现在无法读取钥匙串（未登录桌面会话，或钥匙串已锁定）。"
    "请登录桌面会话、解锁钥匙串后再试；若钥匙串已丢失，请在新的数据目录中用恢复码从备份恢复。"
    " (The database key is in the OS keyring, which cannot be read now.)"
)
KEYINFO_MISSING = (
    "数据目录 {folder} 中有加密的案件库，但缺少密钥信息文件 keyinfo.json（它记录口令的盐值），"
    "所以无法得到密钥。案件库本身没有损坏，不需要从备份恢复。请把备份文件夹中任意一份备份旁的"
    " .keyinfo.json 文件（同一个案件库的密钥信息都一样）复制为 {folder}/keyinfo.json 后重试；"
    "没有这样的文件时，可以在新的数据目录中用恢复码执行 backup restore。\n"
    "The store in {folder} is encrypted but keyinfo.json is missing. The store is not "
    "damaged: copy any backup's .keyinfo.json file to {folder}/keyinfo.json and try again."
)
KEYINFO_DAMAGED = "密钥信息文件 {path} 已损坏（{reason}），案件库没有打开。请从备份中恢复它。"
KEYINFO_CHANGED = (
    "密钥信息文件 {path} 在创建密钥时被另一个程序改写，案件库没有打开，也没有写入任何内容。"
    "请关闭其他调解工作台窗口后重试。"
)
BAD_RECOVERY_CODE = "恢复码不正确：请逐组核对（只含字母 A–Z 和数字 2–7）。"


class KeyUnavailable(DomainError):
    """The key could not be obtained (no keyring and no passphrase, damaged keyinfo...)."""


class WrongPassphrase(KeyUnavailable):
    """The passphrase does not give the key recorded in keyinfo.json."""


@dataclass(frozen=True)
class KdfSettings:
    """Argon2id cost parameters (the salt is per data folder)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_KDF = KdfSettings()
new_key_kdf: KdfSettings = DEFAULT_KDF
"""Settings for keys created from now on (tests lower them in-process; never read from
the environment). Existing keys always use the settings stored in keyinfo.json."""


@dataclass(frozen=True)
class KeyInfo:
    """What `keyinfo.json` holds: never the key."""

    mode: str
    key_check: str
    kdf: KdfSettings | None = None
    salt: bytes = b""
    created_at: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": 1,
            "mode": self.mode,
            "cipher": "sqlcipher4, raw 256-bit key",
            "key_check": self.key_check,
            "created_at": self.created_at,
        }
        if self.kdf is not None:
            data["kdf"] = {
                "algorithm": "argon2id",
                "version": 19,
                **asdict(self.kdf),
                "salt": base64.b64encode(self.salt).decode("ascii"),
            }
        return data


def key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


def keyinfo_path(data_dir: Path) -> Path:
    return data_dir / KEYINFO_FILE


def parse_keyinfo(data: Mapping[str, Any]) -> KeyInfo:
    """A `KeyInfo` from its JSON form; ValueError/KeyError/TypeError when malformed."""
    mode = data["mode"]
    if data.get("format") != 1 or mode not in (MODE_KEYRING, MODE_PASSPHRASE):
        raise ValueError(f"unknown format or mode {mode!r}")
    check = str(data["key_check"])
    if mode == MODE_KEYRING:
        return KeyInfo(mode, check, created_at=str(data.get("created_at", "")))
    kdf = data["kdf"]
    if kdf["algorithm"] != "argon2id":
        raise ValueError(f"unknown KDF {kdf['algorithm']!r}")
    settings = KdfSettings(int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"]))
    if not (1 <= settings.time_cost <= 64 and 8 <= settings.memory_kib <= 4 * 1024 * 1024):
        raise ValueError("KDF parameters out of range")
    if not 1 <= settings.parallelism <= 64:
        raise ValueError("KDF parallelism out of range")
    salt = base64.b64decode(kdf["salt"], validate=True)
    if len(salt) < 8:
        raise ValueError("salt too short")
    return KeyInfo(mode, check, settings, salt, str(data.get("created_at", "")))


def read_keyinfo(data_dir: Path) -> KeyInfo | None:
    """The folder's key information; None when there is none yet."""
    path = keyinfo_path(data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return parse_keyinfo(json.loads(text))
    except (ValueError, KeyError, TypeError) as error:
        raise KeyUnavailable(KEYINFO_DAMAGED.format(path=path, reason=error)) from error


def write_keyinfo(data_dir: Path, info: KeyInfo) -> Path:
    """Write keyinfo.json atomically (temporary file, fsync, rename), readable by the owner."""
    path = keyinfo_path(data_dir)
    payload = json.dumps(info.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    write_atomically(path, payload)
    return path


_derived: dict[tuple[bytes, bytes, KdfSettings], bytes] = {}


def derive_key(passphrase: str, salt: bytes, settings: KdfSettings) -> bytes:
    """Argon2id (argon2-cffi's low-level `hash_secret_raw`) → 32 bytes.

    Kept in memory for this process only, so reopening the store does not cost the KDF
    again (the process holds the key while the store is open anyway).
    """
    memo = (hashlib.sha256(passphrase.encode("utf-8")).digest(), salt, settings)
    if memo not in _derived:
        from argon2.low_level import Type, hash_secret_raw

        _derived[memo] = hash_secret_raw(
            passphrase.encode("utf-8"),
            salt,
            time_cost=settings.time_cost,
            memory_cost=settings.memory_kib,
            parallelism=settings.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    return _derived[memo]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class _Asker:
    """Where passphrases come from: the environment first, then the prompt."""

    prompt: PassphrasePrompt | None
    env: Mapping[str, str] | None

    def new(self) -> str:
        value = passphrase_from_env(self.env)
        if value:
            return value
        if self.prompt is None:
            raise KeyUnavailable(NO_KEYRING_HINT)
        answer = self.prompt(NEW_PASSPHRASE_PROMPT, True)
        if not answer:
            raise KeyUnavailable(CANCELLED)
        return answer

    def existing(self, info: KeyInfo) -> bytes:
        """The key derived from the right passphrase; env is tried once, a prompt 3 times."""
        assert info.kdf is not None
        value = passphrase_from_env(self.env)
        if value:
            key = derive_key(value, info.salt, info.kdf)
            if hmac.compare_digest(key_check(key), info.key_check):
                return key
            raise WrongPassphrase(WRONG_PASSPHRASE)
        if self.prompt is None:
            raise KeyUnavailable(NEED_PASSPHRASE)
        message = PASSPHRASE_PROMPT
        for _ in range(PROMPT_ATTEMPTS):
            answer = self.prompt(message, False)
            if not answer:
                raise KeyUnavailable(CANCELLED)
            key = derive_key(answer, info.salt, info.kdf)
            if hmac.compare_digest(key_check(key), info.key_check):
                return key
            message = RETRY_PROMPT
        raise WrongPassphrase(WRONG_PASSPHRASE)


def _create(folder: Path, secrets: SecretStore, asker: _Asker) -> bytes:
    """A new key and its keyinfo.json (the caller holds the folder's setup lock)."""
    if secrets.keyring_available():
        key = os.urandom(KEY_BYTES)
        if secrets.set(SECRET_NAME, key.hex()) and secrets.get(SECRET_NAME) == key.hex():
            write_keyinfo(folder, KeyInfo(MODE_KEYRING, key_check(key), created_at=_now()))
            return _written(folder, key)
    passphrase = asker.new()
    salt = os.urandom(SALT_BYTES)
    settings = new_key_kdf
    key = derive_key(passphrase, salt, settings)
    write_keyinfo(
        folder, KeyInfo(MODE_PASSPHRASE, key_check(key), settings, salt, created_at=_now())
    )
    return _written(folder, key)


def _written(folder: Path, key: bytes) -> bytes:
    """`key`, once keyinfo.json on disk is shown to describe it (never a key whose salt is
    not the one saved: data written under it could not be read again)."""
    info = read_keyinfo(folder)
    if info is None or not hmac.compare_digest(info.key_check, key_check(key)):
        raise KeyUnavailable(KEYINFO_CHANGED.format(path=keyinfo_path(folder)))
    return key


def _from_keyring(info: KeyInfo, secrets: SecretStore) -> bytes:
    stored = secrets.get(SECRET_NAME)
    if not stored:
        raise KeyUnavailable(KEYRING_UNREACHABLE)
    try:
        key = bytes.fromhex(stored)
    except ValueError as error:
        raise KeyUnavailable(KEYRING_UNREACHABLE) from error
    if len(key) != KEY_BYTES or not hmac.compare_digest(key_check(key), info.key_check):
        raise KeyUnavailable(KEYRING_UNREACHABLE)
    return key


def key_for(
    info: KeyInfo,
    *,
    secrets: SecretStore,
    prompt: PassphrasePrompt | None = None,
    env: Mapping[str, str] | None = None,
) -> bytes:
    """The key `info` describes (keyring entry, or passphrase through env/prompt)."""
    if info.mode == MODE_KEYRING:
        return _from_keyring(info, secrets)
    return _Asker(prompt, env).existing(info)


def database_key(
    data_dir: Path,
    *,
    prompt: PassphrasePrompt | None = None,
    env: Mapping[str, str] | None = None,
    secrets: SecretStore | None = None,
    create: bool = True,
    db_file: str = "cases.db",
) -> bytes | None:
    """The key of the case store in `data_dir`, created at the first start.

    With `create=False` a folder without keyinfo.json gives None (for read-only checks).
    """
    folder = data_dir.resolve()
    store = secrets or SecretStore(scope=str(folder))
    info = read_keyinfo(folder)
    if info is not None:
        return key_for(info, secrets=store, prompt=prompt, env=env)
    if not create:
        database = folder / db_file
        if database.is_file() and database.stat().st_size > 0 and not _plaintext(database):
            raise KeyUnavailable(KEYINFO_MISSING.format(folder=folder))
        return None
    from app.store.locks import setup_lock

    with setup_lock(folder):  # one first start creates the key; the others then read it
        info = read_keyinfo(folder)
        if info is not None:
            return key_for(info, secrets=store, prompt=prompt, env=env)
        database = folder / db_file
        if database.exists() and database.stat().st_size > 0 and not _plaintext(database):
            raise KeyUnavailable(KEYINFO_MISSING.format(folder=folder))
        return _create(folder, store, _Asker(prompt, env))


def _plaintext(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def forget_key(data_dir: Path, *, secrets: SecretStore | None = None) -> None:
    """Remove the keyring entry and keyinfo.json (tests, and an emptied data folder)."""
    folder = data_dir.resolve()
    (secrets or SecretStore(scope=str(folder))).delete(SECRET_NAME)
    keyinfo_path(folder).unlink(missing_ok=True)


def recovery_code(key: bytes) -> str:
    """The key as 11 groups of 5 base32 characters (the last 2 bytes are a checksum)."""
    raw = key + hashlib.sha256(key).digest()[:2]
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def key_from_recovery_code(code: str) -> bytes:
    """The key back from `recovery_code` (spaces, dashes and case do not matter)."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError as error:
        raise KeyUnavailable(BAD_RECOVERY_CODE) from error
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if len(key) != KEY_BYTES or hashlib.sha256(key).digest()[:2] != check:
        raise KeyUnavailable(BAD_RECOVERY_CODE)
    return key
