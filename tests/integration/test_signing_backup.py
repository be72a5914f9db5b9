"""The organisation's signing key is backed up with the store and restored with it
(issue 12, item 5): a laptop restored from a backup — into its old data folder or a fresh
one on a new computer — seals agreements with the same certificate as before."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.security import dbkey
from app.security.secrets import PASSPHRASE_ENV
from app.services import unlock
from app.services.context import open_context
from app.services.maintenance import backup as bk
from app.services.maintenance import restore as rs
from app.services.maintenance.signing_backup import bundle_path
from app.services.organisation.signing import sign_document, verify_document
from tests.security_fixtures import memory_keyring, store_key
from tests.unit.signing.pdfs import chinese_pdf


def sealed_laptop(data_dir: Path, usb: Path) -> tuple[str, Path]:
    """A store whose organisation has sealed a document; (certificate fingerprint, backup)."""
    with open_context(data_dir) as ctx:
        with ctx.write() as uow:
            uow.record("test.event")
        first = sign_document(data_dir, chinese_pdf())
        assert first.identity_created
        return first.certificate_sha256, bk.create_backup(ctx, to=usb).path


def seals_with(data_dir: Path, fingerprint: str) -> None:
    """`data_dir` signs with the certificate `fingerprint`, and verify says it is ours."""
    again = sign_document(data_dir, chinese_pdf())
    assert not again.identity_created
    assert again.certificate_sha256 == fingerprint
    report = verify_document(again.pdf, data_dir=data_dir)
    assert report.intact and report.signatures[0].signed_by_organisation is True


@pytest.fixture
def fresh_process() -> Iterator[None]:
    unlock.lock_all()
    yield
    unlock.lock_all()


def test_passphrase_mode_round_trip_to_a_fresh_folder(tmp_path: Path, fresh_process: None) -> None:
    fingerprint, saved = sealed_laptop(tmp_path / "old", tmp_path / "usb")
    bundle = bundle_path(saved)
    assert bundle.is_file() and stat.S_IMODE(bundle.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" not in bundle.read_bytes() and b"CERTIFICATE" not in bundle.read_bytes()
    result = rs.restore_backup(tmp_path / "new", saved)
    assert result.signing_restored and result.notes == ()
    seals_with(tmp_path / "new", fingerprint)


def test_keyring_mode_round_trip_to_a_new_computer(
    tmp_path: Path, fresh_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV)
    with memory_keyring() as old_ring:  # the old laptop: keys and passphrases in its keyring
        fingerprint, saved = sealed_laptop(tmp_path / "old", tmp_path / "usb")
        code = dbkey.recovery_code(store_key(tmp_path / "old"))
        assert any("signing" in name for _, name in old_ring.secrets)
    unlock.lock_all()
    with memory_keyring() as new_ring:  # a new laptop: an empty keyring, the recovery code
        rs.restore_backup(tmp_path / "new", saved, recovery_code=code)
        assert any("signing" in name for _, name in new_ring.secrets)
        seals_with(tmp_path / "new", fingerprint)


def test_keyring_passphrase_is_rewrapped_where_there_is_no_keyring(
    tmp_path: Path, fresh_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV)
    with memory_keyring():
        fingerprint, saved = sealed_laptop(tmp_path / "old", tmp_path / "usb")
        code = dbkey.recovery_code(store_key(tmp_path / "old"))
    unlock.lock_all()
    monkeypatch.setenv(PASSPHRASE_ENV, "新电脑的口令")  # no keyring here: a passphrase
    result = rs.restore_backup(tmp_path / "new", saved, recovery_code=code)
    assert result.signing_restored and result.notes == ()
    seals_with(tmp_path / "new", fingerprint)


def test_a_restore_over_another_identity_keeps_it_aside(
    tmp_path: Path, fresh_process: None
) -> None:
    fingerprint, saved = sealed_laptop(tmp_path / "data", tmp_path / "usb")
    signing = tmp_path / "data" / "signing"
    for name in ("org-key.pem", "org-cert.pem"):
        (signing / name).unlink()
    other = sign_document(tmp_path / "data", chinese_pdf())  # a new certificate meanwhile
    assert other.identity_created and other.certificate_sha256 != fingerprint
    result = rs.restore_backup(tmp_path / "data", saved)
    assert result.signing_restored
    seals_with(tmp_path / "data", fingerprint)
    aside = [p for p in signing.iterdir() if p.name.startswith("replaced-")]
    assert len(aside) == 1 and (aside[0] / "org-key.pem").is_file()


def test_the_daily_backups_carry_it_and_rotate_it(tmp_path: Path, fresh_process: None) -> None:
    from tests.store_fixtures import START, FixedClock

    clock = FixedClock(START)
    with open_context(tmp_path / "d", clock=clock) as ctx:
        with ctx.write() as uow:
            uow.record("test.event")
        sign_document(tmp_path / "d", chinese_pdf(), org_name="滨江调解委员会")
        bk.save_backup_settings(tmp_path / "d", bk.BackupSettings(keep_daily=2))
        for _ in range(4):
            clock.advance(days=1)
            bk.daily_backup(ctx)
    backups = tmp_path / "d" / "backups"
    assert len(list(backups.glob("*-daily.db"))) == 2
    assert len(list(backups.glob("*-daily.db.signing"))) == 2
