"""Alembic revisions: up, down, in step with the models, linear, refusing what they don't know,
backing up before they change anything, and rolling back a migration that fails."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.paths import migrations_dir
from app.store import migrate
from app.store.engine import make_engine

TABLES = {
    "account",
    "alembic_version",
    "app_setting",
    "audit_event",
    "batch",
    "case",
    "case_search",
    "case_search_config",
    "case_search_content",
    "case_search_data",
    "case_search_docsize",
    "case_search_idx",
    "case_counter",
    "case_erasure",
    "charge",
    "claim",
    "contact_attempt",
    "contact_person",
    "court_ruling",
    "document",
    "document_attachment",
    "evidence",
    "intake_mapping",
    "loan_terms",
    "login_throttle",
    "mandate",
    "mandate_exception",
    "mediator",
    "organisation",
    "party",
    "payment",
    "plan_payment",
    "privacy_notice",
    "recalc_snapshot",
    "retained_document",
    "session",
    "settlement",
    "signature",
    "status_change",
    "sync_blob_part",
    "sync_bundle_seen",
    "sync_case",
    "sync_counter",
    "sync_note",
    "sync_number_block",
    "sync_outbox",
    "sync_pending",
    "sync_state",
}
TRIGGERS = {
    "trg_audit_event_no_delete",
    "trg_case_erasure_done_no_delete",
    "trg_case_erasure_done_no_update",
    "trg_audit_event_no_update",
    "trg_document_attachment_locked_delete",
    "trg_document_attachment_no_update",
    "trg_document_locked_delete",
    "trg_document_locked_update",
    "trg_evidence_no_update",
    "trg_recalc_snapshot_no_delete",
    "trg_recalc_snapshot_no_update",
    "trg_settlement_signed_no_update",
    "trg_signature_locked_delete",
    "trg_signature_no_update",
}


def names(db: Path, kind: str) -> set[str]:
    rows = sql(db, f"SELECT name FROM sqlite_master WHERE type = '{kind}'")
    return {str(r[0]) for r in rows if not str(r[0]).startswith("sqlite_")}


def sql(db: Path, statement: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        with conn:
            return conn.execute(statement).fetchall()
    finally:
        conn.close()


def test_upgrade_creates_every_table_and_trigger(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    result = migrate.upgrade(db)
    assert (result.from_revision, result.to_revision) == (None, migrate.head_revision())
    assert result.backup is None  # nothing to back up yet
    assert names(db, "table") == TABLES
    assert names(db, "trigger") == TRIGGERS
    assert migrate.check(db).healthy


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    migrate.upgrade(db)
    down = migrate.downgrade(db, "base")
    assert down.to_revision is None
    assert names(db, "table") == {"alembic_version"}
    assert names(db, "trigger") == set()
    assert migrate.upgrade(db).to_revision == migrate.head_revision()
    assert names(db, "table") == TABLES


def test_autogenerate_finds_no_difference_between_models_and_migrations(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.store.schema import Base

    db = tmp_path / "cases.db"
    migrate.upgrade(db)
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            opts = {"compare_type": True, "include_name": _not_search_index}
            context = MigrationContext.configure(conn, opts=opts)
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def _not_search_index(name: str | None, type_: str, parent_names: object) -> bool:
    """The FTS5 table and its shadow tables are made by hand, not by the models."""
    return not (type_ == "table" and name is not None and name.startswith("case_search"))


def test_history_is_linear() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    for revision in script.walk_revisions():
        assert not isinstance(revision.down_revision, (tuple, list)), revision.revision
        assert not revision.branch_labels


def test_a_database_from_a_newer_version_is_refused_in_both_languages(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    migrate.upgrade(db)
    sql(db, "UPDATE alembic_version SET version_num = 'ffff9999'")
    with pytest.raises(DomainError) as caught:
        migrate.upgrade(db)
    message = str(caught.value)
    assert "ffff9999" in message and "更新版本" in message and "newer version" in message
    assert sql(db, "SELECT version_num FROM alembic_version") == [("ffff9999",)]
    assert not (tmp_path / "backups").exists()


def test_a_foreign_sqlite_file_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    sql(db, "CREATE TABLE notes (body TEXT)")
    with pytest.raises(DomainError, match="不是调解工作台的案件库"):
        migrate.upgrade(db)
    assert names(db, "table") == {"notes"}


def test_check_reports_broken_foreign_keys(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    migrate.upgrade(db)
    sql(
        db,
        "INSERT INTO party (case_id, role, kind, name, id_type, id_number, phone, address,"
        " legal_representative) VALUES (77, 'debtor', 'person', '孤儿', '', '', '', '', '')",
    )
    report = migrate.check(db)
    assert report.foreign_key_violations == ("party rowid 1 → case",)
    assert not report.healthy


# -- with a second revision made up for the test ---------------------------------------------------

REVISION_0002 = """
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("website", sa.String(200), nullable=False, server_default=""))
    {extra}


def downgrade():
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("website")
"""


@pytest.fixture
def two_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of db/migrations plus revision 0002; returns the folder to write it into."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "migrations_dir", lambda: folder)
    return folder / "versions" / "0002_website.py"


def at_0001_with_an_organisation(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "cases.db"
    migrate.upgrade(db, target="0001")
    sql(
        db,
        "INSERT INTO organisation (name, address, registration_no, phone) "
        "VALUES ('滨江市金融纠纷人民调解委员会', '', '', '')",
    )
    return db


def test_upgrade_backs_up_first_and_keeps_the_data(tmp_path: Path, two_revisions: Path) -> None:
    head = migrate.head_revision()  # the fake revision goes on top of the real ones
    two_revisions.write_text(REVISION_0002.format(extra="pass", head=head), encoding="utf-8")
    db = at_0001_with_an_organisation(tmp_path)
    result = migrate.upgrade(db)
    assert (result.from_revision, result.to_revision) == ("0001", "9001")
    assert result.backup is not None and result.backup.parent == tmp_path / "data" / "backups"
    assert sql(result.backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert sql(result.backup, "SELECT name FROM organisation") == [
        ("滨江市金融纠纷人民调解委员会",)
    ]
    assert sql(db, "SELECT name, website FROM organisation") == [
        ("滨江市金融纠纷人民调解委员会", "")
    ]
    assert migrate.check(db).healthy
    assert migrate.upgrade(db).backup is None  # already current: no second backup
    assert len(list(result.backup.parent.iterdir())) == 1


def test_a_failing_migration_rolls_back_cleanly(tmp_path: Path, two_revisions: Path) -> None:
    fail = 'raise RuntimeError("half way")'
    head = migrate.head_revision()
    two_revisions.write_text(REVISION_0002.format(extra=fail, head=head), encoding="utf-8")
    db = at_0001_with_an_organisation(tmp_path)
    with pytest.raises(RuntimeError, match="half way"):
        migrate.upgrade(db)
    assert migrate.current_revision(db) == "0001"
    assert "_alembic_tmp_organisation" not in names(db, "table")
    assert [c[1] for c in sql(db, "PRAGMA table_info(organisation)")] == [
        "id",
        "name",
        "address",
        "registration_no",
        "phone",
        "seal_image",
    ]
