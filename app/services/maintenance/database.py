"""Database maintenance for `python -m app db`: upgrade (with backup) and health check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services.context import BACKUP_DIR, db_path_for, resolve_data_dir


@dataclass(frozen=True)
class UpgradeReport:
    db_path: Path
    from_revision: str | None
    to_revision: str | None
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


@dataclass(frozen=True)
class DatabaseHealth:
    """`healthy` when the file exists, passes integrity and foreign-key checks, is at the
    newest schema revision and its audit chain is intact."""

    db_path: Path
    exists: bool
    integrity: tuple[str, ...]
    foreign_key_violations: tuple[str, ...]
    current_revision: str | None
    head_revision: str
    journal_mode: str
    audit_problems: tuple[str, ...]
    healthy: bool
    cases: int | None = None


def upgrade_database(data_dir: Path | None, *, key: bytes | None = None) -> UpgradeReport:
    """Create or upgrade the store to the newest revision (backing up an existing one)."""
    from app.services.context import refuse_empty_store
    from app.store import migrate
    from app.store.faults import calm_os_errors
    from app.store.locks import setup_lock

    folder = resolve_data_dir(data_dir)
    path = db_path_for(folder)
    with calm_os_errors(folder), setup_lock(folder):  # never beside another first start
        refuse_empty_store(folder)
        if key is None:
            from app.services.unlock import unlock_store

            key = unlock_store(folder)  # created at first start; a plaintext store encrypted
        result = migrate.upgrade(path, backup_dir=folder / BACKUP_DIR, key=key)
    return UpgradeReport(path, result.from_revision, result.to_revision, result.backup)


def check_database(data_dir: Path | None, *, key: bytes | None = None) -> DatabaseHealth:
    """Inspect the store without changing it (a missing file is reported, not created)."""
    from app.store import migrate
    from app.store.faults import calm_os_errors

    folder = resolve_data_dir(data_dir)
    path = db_path_for(folder)
    with calm_os_errors(folder):
        if key is None and path.exists():
            from app.services.unlock import existing_key

            key = existing_key(folder)  # None for a plaintext store (never changed by a check)
        report = migrate.check(path, key=key)
    cases = _count_cases(path, key) if report.healthy else None
    return DatabaseHealth(
        db_path=path,
        exists=report.exists,
        integrity=report.integrity,
        foreign_key_violations=report.foreign_key_violations,
        current_revision=report.current,
        head_revision=report.head,
        journal_mode=report.journal_mode,
        audit_problems=report.audit_problems,
        healthy=report.healthy,
        cases=cases,
    )


def _count_cases(path: Path, key: bytes | None) -> int:
    from app.store.unit_of_work import Store

    store = Store(path, key=key)
    try:
        with store.read() as uow:
            return uow.cases.count()
    finally:
        store.close()
