"""Unlocking the encrypted case store: the key (keyring or passphrase) and, once, the
encryption of a store written by a version of the app that did not encrypt.

The CLI registers a terminal prompt here when it runs in a terminal
(`set_interactive_prompt`); the GUI passes its dialog to `open_context(prompt=...)`.
Without either, a passphrase can only come from `MEDIATION_DESK_PASSPHRASE` and a missing
one is a `DomainError` naming that variable (the CLI exits 2, it never waits).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.security import dbkey
from app.security.dbkey import PassphrasePrompt
from app.security.dbkey import WrongPassphrase as WrongPassphrase  # for the GUI's prompt

log = logging.getLogger(__name__)

DB_FILE = "cases.db"
BACKUP_DIR = "backups"

_interactive_prompt: PassphrasePrompt | None = None


def set_interactive_prompt(prompt: PassphrasePrompt | None) -> None:
    """The prompt used when a caller passes none (the CLI's terminal prompt)."""
    global _interactive_prompt
    _interactive_prompt = prompt


_unlocked: dict[Path, bytes] = {}
"""Keys already unlocked in this process, per resolved data folder: the passphrase is asked
once per session, not at every reopening of the store (checked against keyinfo.json)."""


def database_key(
    data_dir: Path, *, prompt: PassphrasePrompt | None = None, create: bool = True
) -> bytes | None:
    """The store's key (created at the first start unless `create=False`)."""
    folder = data_dir.resolve()
    info = dbkey.read_keyinfo(folder)
    known = _unlocked.get(folder)
    if info is not None and known is not None and dbkey.key_check(known) == info.key_check:
        return known
    from app.store.faults import calm_os_errors

    with calm_os_errors(folder):  # a read-only or foreign folder: said so, not a traceback
        key = dbkey.database_key(
            folder, prompt=prompt or _interactive_prompt, create=create, db_file=DB_FILE
        )
    if key is not None:
        _unlocked[folder] = key
    return key


def existing_key(data_dir: Path, *, prompt: PassphrasePrompt | None = None) -> bytes | None:
    """The key of an existing encrypted store; None when the store is plaintext or has no
    key yet. Creates and changes nothing (for health checks)."""
    from app.store import cipher

    if cipher.is_plaintext(data_dir / DB_FILE):
        return None
    return database_key(data_dir, prompt=prompt, create=False)


def lock_all() -> None:
    """Forget the keys unlocked in this process (the next open asks again)."""
    _unlocked.clear()


def unlock_store(data_dir: Path, *, prompt: PassphrasePrompt | None = None) -> bytes:
    """The key of the store in `data_dir`; a plaintext store (and plaintext backups beside
    it) are encrypted with it first, once."""
    from app.store import cipher, migrate

    path = data_dir / DB_FILE
    migrate.require_ours(path)  # another program's database: no key, no encryption
    key = database_key(data_dir, prompt=prompt)
    assert key is not None
    cipher.remove_leftovers(path)
    _remove_interrupted(path)
    counts = cipher.encrypt_plaintext(path, key)
    if counts is not None:
        log.info("Encrypted the case database (%d tables)", len(counts))
    encrypted = [p for p in _plaintext_backups(data_dir) if cipher.encrypt_plaintext(p, key)]
    if encrypted:
        log.info("Encrypted %d older backups", len(encrypted))
    return key


LEFTOVER_AGE = 60.0  # seconds: older temporary files belong to no running writer


def _remove_interrupted(path: Path) -> None:
    """What a killed restore or anchor write left beside the store (the caller holds the
    folder's setup lock, so no restore is running): the staging copy and old temp files."""
    import time

    from app.store.backup import RESTORING_SUFFIX
    from app.store.cipher import sidecars

    staging = path.with_name(path.name + RESTORING_SUFFIX)
    for leftover in (staging, *sidecars(staging)):
        leftover.unlink(missing_ok=True)
    now = time.time()
    for temporary in path.parent.glob(".audit-head.json.*.tmp"):
        try:
            if now - temporary.stat().st_mtime > LEFTOVER_AGE:
                temporary.unlink()
        except OSError:
            continue


def _plaintext_backups(data_dir: Path) -> list[Path]:
    """Unencrypted backups of ours beside the store (other programs' files stay as they are)."""
    from app.store import cipher, migrate

    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return []
    plain = sorted(p for p in folder.glob("*.db") if cipher.is_plaintext(p))
    return [p for p in plain if migrate.made_by_this_app(p)]


@dataclass(frozen=True)
class KeyStatus:
    """How the store in a data folder is protected (for `key status` and Settings)."""

    data_dir: Path
    mode: str | None  # "keyring", "passphrase", or None before the first start
    kdf: str
    encrypted: bool


def key_status(data_dir: Path) -> KeyStatus:
    from app.store import cipher

    info = dbkey.read_keyinfo(data_dir)
    path = data_dir / DB_FILE
    kdf = ""
    if info is not None and info.kdf is not None:
        kdf = (
            f"argon2id t={info.kdf.time_cost} m={info.kdf.memory_kib} KiB p={info.kdf.parallelism}"
        )
    encrypted = path.exists() and path.stat().st_size > 0 and not cipher.is_plaintext(path)
    return KeyStatus(data_dir, info.mode if info else None, kdf, encrypted)


def recovery_code(data_dir: Path, *, prompt: PassphrasePrompt | None = None) -> str:
    """The recovery code of the store's key (print it and lock it away)."""
    key = database_key(data_dir, prompt=prompt, create=False)
    if key is None:
        from app.domain.errors import DomainError

        raise DomainError(f"数据目录 {data_dir} 中还没有案件库，没有恢复码可显示。")
    return dbkey.recovery_code(key)
