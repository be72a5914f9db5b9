"""Only a store this app made is ever encrypted in place (issue 14, item 4).

A foreign SQLite file named cases.db (another program's database, copied or pointed at by
mistake) used to be encrypted with a new key while the message said it was left
untouched: the program it belonged to could no longer read it. The app's marker is its
own schema: an `alembic_version` holding one of this app's revisions and its core tables
(`case`, `case_counter`, `audit_event`)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.services.context import open_context
from app.services.maintenance.database import upgrade_database
from app.store import cipher, migrate


def foreign_db(path: Path, *, alembic: str | None = None) -> str:
    """Another program's SQLite database at `path`; returns its SHA-256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.execute("INSERT INTO notes (text) VALUES ('我的笔记')")
    if alembic is not None:  # another Alembic project: a revision id can look like ours
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (alembic,))
    connection.commit()
    connection.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("alembic", [None, "0001"])
def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path, alembic: str | None) -> None:
    data = tmp_path / "data"
    path = data / "cases.db"
    digest = foreign_db(path, alembic=alembic)
    for opening in (lambda: open_context(data), lambda: upgrade_database(data)):
        with pytest.raises(DomainError, match="不是调解工作台的案件库") as caught:
            opening()
        assert str(path) in str(caught.value)
        assert "没有改动" in str(caught.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert cipher.is_plaintext(path)
    assert sqlite3.connect(path).execute("SELECT text FROM notes").fetchone() == ("我的笔记",)
    assert not (data / "keyinfo.json").exists()  # no key was made for it either


def test_a_foreign_file_among_the_backups_is_left_as_it_is(tmp_path: Path) -> None:
    data = tmp_path / "data"
    migrate.upgrade(data / "cases.db")  # an old plaintext store of ours
    stranger = data / "backups" / "notes.db"
    digest = foreign_db(stranger)
    with open_context(data):
        pass
    assert not cipher.is_plaintext(data / "cases.db")  # ours: encrypted
    assert hashlib.sha256(stranger.read_bytes()).hexdigest() == digest  # theirs: untouched


def test_a_foreign_database_with_a_revision_like_ours_is_not_restored(
    tmp_path: Path,
) -> None:
    from app.services.maintenance.restore import restore_backup

    data = tmp_path / "data"
    with open_context(data):
        pass
    stranger = tmp_path / "other.db"
    digest = foreign_db(stranger, alembic="0005")
    before = (data / "cases.db").read_bytes()
    with pytest.raises(DomainError, match="不是调解工作台的案件库备份"):
        restore_backup(data, stranger)
    assert (data / "cases.db").read_bytes() == before
    assert hashlib.sha256(stranger.read_bytes()).hexdigest() == digest
