"""Restoring a backup: every check first, then a staged copy swapped in with its audit event.

A restore checks the file before it touches anything: it must open with a key we have
(ours, the recovery code's, or the passphrase of the `.keyinfo.json` beside it), pass
`PRAGMA integrity_check`, be one of this app's stores and carry a schema revision this
version knows (not a newer one). Then, holding the data folder's setup lock:

1. the live store is backed up (`before-restore`);
2. the backup is copied beside it (`cases.db.restoring`), under the live key, verified,
   migrated to the current schema, and its `backup.restored` event is written *into the
   copy* — so the file that is swapped in already says it was restored;
3. the copy is swapped in together with the audit anchor (`app.store.backup.swap_in`);
4. the organisation's signing key saved beside the backup is put back
   (`app.services.maintenance.signing_backup`).

A kill at any step leaves either the old store or the restored one, each with an anchor
that vouches for it. Corrupt, truncated, foreign or newer files are refused with a message
and nothing changes.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import DomainError
from app.security import dbkey
from app.security.dbkey import PassphrasePrompt
from app.services.context import BACKUP_DIR, db_path_for, resolve_data_dir
from app.services.maintenance.backup import (
    BEFORE_RESTORE,
    NOT_A_STORE,
    OTHER_KEY,
    SAME_FILE,
    SIDECAR,
    STEM,
    SUPERVISOR_ONLY,
    RestoreResult,
    _unique,
    _write_sidecar,
)
from app.store.private import copy_private

if TYPE_CHECKING:
    from app.services.organisation.accounts import SignedIn
    from app.store.audit_anchor import Head

log = logging.getLogger(__name__)

RESTORED = "backup.restored"
OTHER_PASSPHRASE = (
    "备份文件 {path} 是用另一个口令加密的（不是本机案件库现在的口令），没有恢复任何内容，"
    "现有案件库没有改动。请用做这份备份的案件库的恢复码恢复：\n"
    "  python -m app backup restore {path} --recovery-code -\n"
    "（然后输入恢复码）；或在终端里运行 backup restore {path}，按提示输入做备份时的口令。\n"
    "The backup {path} was made with another passphrase; nothing was restored. Restore it "
    "with its store's recovery code (--recovery-code -, then type the code), or run the "
    "command in a terminal and type the passphrase it was made with."
)
BACKUP_PASSPHRASE_PROMPT = "备份 {path} 是用另一个口令加密的，请输入做这份备份时的口令："


def _backup_key(
    source: Path,
    key: bytes,
    *,
    scope: Path,
    recovery_code: str | None,
    prompt: PassphrasePrompt | None,
    env: Mapping[str, str] | None,
) -> bytes | None:
    """The key that opens `source`: ours, none (a plaintext backup from before encryption),
    the recovery code's, or the sidecar's passphrase key. DomainError when none fits."""
    from app.store import cipher
    from app.store.backup import corrupt_error

    if not source.is_file() or source.stat().st_size == 0:
        raise corrupt_error(source, "文件为空或不存在")
    if cipher.is_plaintext(source):
        return None
    candidates = [key]
    if recovery_code:
        candidates.append(dbkey.key_from_recovery_code(recovery_code))
    for candidate in candidates:
        try:
            cipher.check_key(source, candidate)
            return candidate
        except cipher.WrongKey:
            continue
    info = _sidecar(source)
    if info is not None and any(info.key_check == dbkey.key_check(k) for k in candidates):
        raise corrupt_error(source, "密钥正确，但文件无法读取")  # our key: damaged
    if info is not None and info.mode == dbkey.MODE_PASSPHRASE and not recovery_code:
        theirs = _their_passphrase_key(info, source, prompt, env)
        try:
            cipher.check_key(source, theirs)
        except cipher.WrongKey as error:
            raise corrupt_error(source, "口令正确，但文件无法读取") from error
        return theirs
    raise DomainError(OTHER_KEY.format(path=source))


def _their_passphrase_key(
    info: dbkey.KeyInfo,
    source: Path,
    prompt: PassphrasePrompt | None,
    env: Mapping[str, str] | None,
) -> bytes:
    """The key of a backup made under a passphrase: this environment's passphrase if it is
    that one, else the one asked for (saying it is the backup's), else a refusal that says
    the backup was made with another passphrase and how to restore it."""
    assert info.kdf is not None
    for passphrase in _offered(source, prompt, env):
        candidate = dbkey.derive_key(passphrase, info.salt, info.kdf)
        if hmac.compare_digest(dbkey.key_check(candidate), info.key_check):
            return candidate
    raise DomainError(OTHER_PASSPHRASE.format(path=source))


def _offered(
    source: Path, prompt: PassphrasePrompt | None, env: Mapping[str, str] | None
) -> Iterator[str]:
    """The environment's passphrase, then up to three answers to a prompt naming the backup."""
    from app.security.secrets import passphrase_from_env

    here = passphrase_from_env(env)
    if here:
        yield here
    if prompt is None:
        return
    for _ in range(dbkey.PROMPT_ATTEMPTS):
        answer = prompt(BACKUP_PASSPHRASE_PROMPT.format(path=source.name), False)
        if not answer:
            return
        yield answer


def _sidecar(source: Path) -> dbkey.KeyInfo | None:
    """The key information saved beside a backup; None when absent or unreadable."""
    try:
        text = source.with_name(source.name + SIDECAR).read_text(encoding="utf-8")
        return dbkey.parse_keyinfo(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _check_restorable(source: Path, backup_key: bytes | None) -> str:
    """The backup's revision, after the integrity and revision checks."""
    from app.store import migrate
    from app.store.backup import inspect

    state = inspect(source, backup_key)
    if state.revision is None or not set(state.tables) >= migrate.CORE_TABLES:
        raise DomainError(NOT_A_STORE.format(path=source))
    if state.revision not in migrate.known_revisions():
        raise DomainError(migrate.NEWER_MESSAGE.format(rev=state.revision))
    return state.revision


def _safety_backup(data_dir: Path, key: bytes) -> Path | None:
    """Back up the live store before it is replaced; a store too damaged to open is kept
    as a raw file copy instead (it may still matter to someone)."""
    from app.services.maintenance.signing_backup import write_bundle
    from app.store.backup import backup_database, backup_name
    from app.store.engine import make_engine

    path = db_path_for(data_dir)
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = data_dir / BACKUP_DIR
    dest = _unique(folder / backup_name(STEM, BEFORE_RESTORE, datetime.now(UTC)))
    engine = make_engine(path, key=key)
    try:
        backup_database(engine, dest)
        _write_sidecar(data_dir, dest)
        write_bundle(data_dir, dest, key)  # the signing key it had, too
        return dest
    except Exception as error:  # damaged beyond the backup API: copy the bytes as they are
        log.warning("Safety backup through SQLite failed (%s); copying the file", error)
        raw = dest.with_name(dest.stem + "-unreadable.bin")
        copy_private(path, raw)
        return raw
    finally:
        engine.dispose()


def restore_backup(
    data_dir: Path | None,
    source: Path,
    *,
    recovery_code: str | None = None,
    prompt: PassphrasePrompt | None = None,
    env: Mapping[str, str] | None = None,
    actor: str = "cli",
    by: SignedIn | None = None,
) -> RestoreResult:
    """Replace the store in `data_dir` with the backup `source`, checks first (see the
    module doc). The caller must have closed its own `AppContext` on this folder.

    A restore replaces the accounts and the organisation's profile with the backup's, so
    only a supervisor may do it: `by` is the signed-in user in the GUI; None is the caller
    holding the store's key (the CLI), audited as `actor`.
    """
    from app.store.faults import calm_os_errors
    from app.store.locks import setup_lock

    if by is not None:
        if not by.can("accounts"):
            raise DomainError(SUPERVISOR_ONLY)
        actor = by.username
    folder = resolve_data_dir(data_dir)
    source = source.expanduser()
    live = db_path_for(folder)
    if source.exists() and live.exists() and source.resolve() == live.resolve():
        raise DomainError(SAME_FILE)
    with calm_os_errors(folder), setup_lock(folder):  # no start or other restore meanwhile
        return _restore(folder, source, recovery_code, prompt, env, actor)


def _restore(
    folder: Path,
    source: Path,
    recovery_code: str | None,
    prompt: PassphrasePrompt | None,
    env: Mapping[str, str] | None,
    actor: str,
) -> RestoreResult:
    from app.services.context import open_context
    from app.services.maintenance.signing_backup import restore_bundle
    from app.services.unlock import unlock_store
    from app.store.backup import fold_wal, stage_restore, swap_in

    live = db_path_for(folder)
    key = unlock_store(folder, prompt=prompt)
    backup_key = _backup_key(
        source, key, scope=folder.resolve(), recovery_code=recovery_code, prompt=prompt, env=env
    )
    revision = _check_restorable(source, backup_key)
    fold_wal(live, key)  # refuses early when another window has the store open
    safety = _safety_backup(folder, key)
    detail = {
        "file": source.name,
        "revision": revision,
        "safety_backup": safety.name if safety else None,
    }
    staging = stage_restore(source, backup_key, live, key)
    try:
        head = _prepare(staging, key, actor, detail)
        swap_in(staging, live, key, head)
    finally:
        staging.unlink(missing_ok=True)
    signing = restore_bundle(source, backup_key, folder)
    with open_context(folder, actor=actor, key=key) as ctx, ctx.read() as uow:
        cases = uow.cases.count()
    notes = (signing.note,) if signing.note else ()
    return RestoreResult(source, safety, revision, cases, signing.restored, notes)


def _prepare(staging: Path, key: bytes, actor: str, detail: dict[str, Any]) -> Head:
    """Bring the staging copy to the current schema and write its `backup.restored` event
    into it; the head of its chain (what the anchor will name)."""
    from app.store import migrate
    from app.store.audit_anchor import Head
    from app.store.backup import single_file_copy
    from app.store.unit_of_work import Store

    migrate.upgrade(staging, key=key, keep_backup=False)
    store = Store(staging, key=key, anchored=False)
    try:
        with store.write(actor) as uow:
            event = uow.record(RESTORED, detail=detail)
            head = Head(event.seq, event.hash)
    finally:
        store.close()
    single_file_copy(staging, key)
    return head
