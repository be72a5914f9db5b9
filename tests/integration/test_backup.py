"""Backups through the online backup API: encrypted like the store, rotated daily, restored
only after the checks, and never over good data when the file is damaged, foreign or newer."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError
from app.security import dbkey
from app.services.cases import service as cases
from app.services.context import open_context
from app.services.maintenance import backup as bk
from app.services.maintenance import restore as rs
from app.store import cipher
from app.store.audit import AuditLog
from tests.security_fixtures import TEST_PASSPHRASE, connect_store, store_key
from tests.store_fixtures import FixedClock, new_case

DEBTOR = "王建国"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(ctx: Any) -> list[str]:
    return sorted(c.debtor_name for c in cases.list_cases(ctx))


@pytest.fixture
def filled(ctx: Any) -> Any:
    cases.create_case(ctx, new_case())
    cases.create_case(ctx, new_case(debtor_name="李芳"))
    return ctx


def test_a_backup_is_encrypted_with_the_stores_key(filled: Any, tmp_path: Path) -> None:
    result = bk.create_backup(filled, to=tmp_path / "usb")
    data = result.path.read_bytes()
    assert result.path.parent == tmp_path / "usb"
    assert not data.startswith(cipher.SQLITE_HEADER)
    assert DEBTOR.encode() not in data and "李芳".encode() not in data
    state = __import__("app.store.backup", fromlist=["inspect"]).inspect(
        result.path, store_key(filled.data_dir)
    )
    assert state.integrity == ("ok",) and state.tables["case"] == 2
    sidecar = json.loads(Path(str(result.path) + bk.SIDECAR).read_text(encoding="utf-8"))
    assert sidecar["mode"] == "passphrase" and "key" not in sidecar
    assert not list((tmp_path / "usb").glob("*-wal")) and not list(
        (tmp_path / "usb").glob("*.partial")
    )
    with filled.read() as uow:
        assert uow.audit.last().action == "backup.created"


def test_backup_restore_round_trip_keeps_a_safety_copy(filled: Any, tmp_path: Path) -> None:
    saved = bk.create_backup(filled, to=tmp_path / "usb").path
    cases.create_case(filled, new_case(debtor_name="赵六"))
    assert names(filled) == sorted([DEBTOR, "李芳", "赵六"])
    data_dir = filled.data_dir
    filled.close()

    result = rs.restore_backup(data_dir, saved)

    assert result.cases == 2 and result.revision is not None
    assert result.safety_backup is not None and result.safety_backup.parent == data_dir / "backups"
    with open_context(data_dir) as again:
        assert names(again) == sorted([DEBTOR, "李芳"])
        with again.read() as uow:
            assert AuditLog(uow.session).verify() == []
            assert uow.audit.last().action == "backup.restored"
            assert uow.audit.last().detail["file"] == saved.name
    # the safety copy holds the state before the restore (three cases)
    rs.restore_backup(data_dir, result.safety_backup)
    with open_context(data_dir) as again:
        assert "赵六" in names(again)


def corrupt(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(at, at + 64):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage",
    ["flip_page_2", "flip_page_1", "truncate", "empty", "text"],
)
def test_a_damaged_backup_is_refused_and_changes_nothing(
    filled: Any, tmp_path: Path, damage: str
) -> None:
    bad = bk.create_backup(filled, to=tmp_path / "usb").path
    size = bad.stat().st_size
    if damage == "flip_page_2":
        corrupt(bad, 4096 + 100)
    elif damage == "flip_page_1":
        corrupt(bad, 200)
    elif damage == "truncate":
        bad.write_bytes(bad.read_bytes()[: size // 2 + 17])
    elif damage == "empty":
        bad.write_bytes(b"")
    else:
        bad.write_text("不是数据库", encoding="utf-8")
    data_dir = filled.data_dir
    filled.close()
    live = data_dir / "cases.db"
    before = digest(live)
    backups_before = sorted(p.name for p in (data_dir / "backups").glob("*"))

    with pytest.raises(DomainError) as caught:
        rs.restore_backup(data_dir, bad)

    message = str(caught.value)
    assert any(word in message for word in ("损坏", "另一把密钥", "不是调解工作台")), message
    assert "没有" in message  # says that nothing was restored or changed
    assert digest(live) == before
    assert sorted(p.name for p in (data_dir / "backups").glob("*")) == backups_before
    assert not list(data_dir.glob("*.restoring*"))


def test_a_backup_from_a_newer_version_is_refused(filled: Any, tmp_path: Path) -> None:
    newer = bk.create_backup(filled, to=tmp_path / "usb").path
    key = store_key(filled.data_dir)
    connection = cipher.connect(newer, key)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    data_dir = filled.data_dir
    filled.close()
    before = digest(data_dir / "cases.db")
    with pytest.raises(DomainError, match="更新版本"):
        rs.restore_backup(data_dir, newer)
    assert digest(data_dir / "cases.db") == before


def test_an_encrypted_file_that_is_not_a_case_store_is_refused(tmp_path: Path, ctx: Any) -> None:
    other = tmp_path / "other.db"
    connection = cipher.connect(other, store_key(ctx.data_dir))
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    ctx.close()
    with pytest.raises(DomainError, match="不是调解工作台的案件库备份"):
        rs.restore_backup(ctx.data_dir, other)


def test_restoring_the_live_file_itself_is_refused(filled: Any) -> None:
    filled.close()
    with pytest.raises(DomainError, match="正在使用的案件库"):
        rs.restore_backup(filled.data_dir, filled.data_dir / "cases.db")


def test_a_restore_while_the_store_is_open_elsewhere_is_refused(
    filled: Any, tmp_path: Path
) -> None:
    saved = bk.create_backup(filled, to=tmp_path / "usb").path
    with filled.read() as uow:  # keeps a pooled connection open, like a running window
        uow.cases.count()
    cases.create_case(filled, new_case(debtor_name="赵六"))
    backups_before = sorted(p.name for p in (filled.data_dir / "backups").glob("*"))
    with pytest.raises(DomainError, match="另一个程序"):
        rs.restore_backup(filled.data_dir, saved)
    assert names(filled) == sorted([DEBTOR, "李芳", "赵六"])  # (a checkpoint may run)
    assert sorted(p.name for p in (filled.data_dir / "backups").glob("*")) == backups_before


def test_a_backup_from_another_computer_needs_its_recovery_code(
    filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = bk.create_backup(filled, to=tmp_path / "usb").path
    code = dbkey.recovery_code(store_key(filled.data_dir))
    Path(str(saved) + bk.SIDECAR).unlink()  # only the .db file was carried over
    filled.close()
    new_machine = tmp_path / "new"
    monkeypatch.setenv("MEDIATION_DESK_PASSPHRASE", "另一个口令")
    with pytest.raises(DomainError, match="recovery-code"):
        rs.restore_backup(new_machine, saved)
    result = rs.restore_backup(new_machine, saved, recovery_code=code.lower())
    assert result.cases == 2
    with open_context(new_machine) as ctx:  # re-encrypted with the new computer's key
        assert names(ctx) == sorted([DEBTOR, "李芳"])
    cipher.check_key(new_machine / "cases.db", store_key(new_machine))


def test_a_passphrase_backup_opens_elsewhere_with_the_same_passphrase(
    filled: Any, tmp_path: Path
) -> None:
    saved = bk.create_backup(filled, to=tmp_path / "usb").path
    filled.close()
    new_machine = tmp_path / "new"  # another salt, so another key, same passphrase
    result = rs.restore_backup(
        new_machine, saved, env={"MEDIATION_DESK_PASSPHRASE": TEST_PASSPHRASE}
    )
    assert result.cases == 2
    assert store_key(new_machine) != store_key(filled.data_dir)


def test_a_plaintext_backup_from_before_encryption_is_restored_encrypted(
    filled: Any, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    source = connect_store(filled.db_path)
    source.execute(f"ATTACH DATABASE '{old}' AS plain KEY ''")
    source.execute("SELECT sqlcipher_export('plain')")
    source.execute("DETACH DATABASE plain")
    source.close()
    assert cipher.is_plaintext(old)
    filled.close()
    result = rs.restore_backup(filled.data_dir, old)
    assert result.cases == 2
    assert not cipher.is_plaintext(filled.data_dir / "cases.db")
    assert DEBTOR.encode() not in (filled.data_dir / "cases.db").read_bytes()


def test_daily_backups_rotate_keeping_the_newest(filled: Any, clock: FixedClock) -> None:
    bk.save_backup_settings(filled.data_dir, bk.BackupSettings(keep_daily=3))
    made = []
    for _day in range(5):
        clock.advance(days=1)
        result = bk.daily_backup(filled)
        assert result is not None
        made.append(result.path)
        assert bk.daily_backup(filled) is None  # once a day
    daily = [e for e in bk.list_backups(filled.data_dir / "backups") if e.label == "daily"]
    assert [e.path for e in daily] == list(reversed(made[-3:]))
    assert not Path(str(made[0]) + bk.SIDECAR).exists()
    assert Path(str(made[-1]) + bk.SIDECAR).exists()


def test_the_daily_backup_goes_to_the_chosen_folder_or_falls_back(
    filled: Any, clock: FixedClock, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    bk.save_backup_settings(filled.data_dir, bk.BackupSettings(folder=usb))
    clock.advance(days=1)
    assert bk.daily_backup(filled).path.parent == usb  # type: ignore[union-attr]
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")  # the drive is "missing": mkdir fails
    bk.save_backup_settings(filled.data_dir, bk.BackupSettings(folder=blocked))
    clock.advance(days=1)
    result = bk.daily_backup(filled)
    assert result is not None and result.path.parent == filled.data_dir / "backups"


def test_opening_the_store_makes_the_days_backup_once(filled: Any, clock: FixedClock) -> None:
    data_dir = filled.data_dir
    filled.close()
    clock.advance(days=1)
    with open_context(data_dir, clock=clock):
        pass
    with open_context(data_dir, clock=clock):
        pass
    daily = [e for e in bk.list_backups(data_dir / "backups") if e.label == "daily"]
    assert len(daily) == 1
    assert daily[0].created_at.date() == (clock.now).date()
    assert clock.now - daily[0].created_at < timedelta(seconds=1)


def test_bad_settings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="保留份数"):
        bk.save_backup_settings(tmp_path, bk.BackupSettings(keep_daily=0))
