"""The encrypted store as a user meets it from the command line: no debtor's name, ID number
or phone anywhere in the data folder's bytes; the passphrase path without a keyring; exit 2
naming MEDIATION_DESK_PASSPHRASE when there is neither a passphrase nor a terminal; backups."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.security_fixtures import TEST_PASSPHRASE, file_bytes

ROOT = Path(__file__).resolve().parents[2]
ENV = "MEDIATION_DESK_PASSPHRASE"


def app(data_dir: Path, *args: str, passphrase: str | None = TEST_PASSPHRASE, stdin: str = ""):
    """`python -m app` in a fresh process: no keyring, no terminal (stdin is a pipe)."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop(ENV, None)
    if passphrase is not None:
        env[ENV] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("app.domain.identifiers")
    folder = tmp_path_factory.mktemp("encrypted") / "data"
    done = app(folder, "demo")
    assert done.returncode == 0, done.stderr
    return folder


def listed(folder: Path) -> list[dict[str, str]]:
    """Every case with full ID and phone numbers (the needles of the plaintext check)."""
    done = app(folder, "cases", "list", "--json", "--unmasked")
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, str]] = json.loads(done.stdout)
    return rows


def encodings(text: str) -> list[bytes]:
    """The needle as UTF-8, UTF-16 (both byte orders) and GB18030, each at least 6 bytes:
    a 4-byte form (a two-character name in UTF-16) would turn up by chance in a megabyte of
    ciphertext about once in a hundred runs. A store written in UTF-16 would still be
    caught by the ID numbers and phones (22 bytes and more)."""
    forms = [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be", "gb18030")]
    return [form for form in forms if len(form) >= 6]


def test_no_debtor_data_anywhere_in_the_data_folder(demo_dir: Path, tmp_path: Path) -> None:
    rows = listed(demo_dir)
    assert len(rows) == 24
    shown = app(demo_dir, "cases", "show", rows[0]["case_no"], "--json")
    assert shown.returncode == 0 and rows[0]["debtor_name"] in shown.stdout
    for args in (("backup", "create"), ("db", "check"), ("db", "upgrade"), ("backup", "list")):
        done = app(demo_dir, *args)
        assert done.returncode == 0, (args, done.stderr)
    needles = {
        value
        for row in rows
        for value in (row["debtor_name"], row["debtor_id_number"], row["debtor_phone"])
        if value
    }
    assert len(needles) >= 60  # names, ID numbers and phones of 24 debtors
    assert not any("*" in needle for needle in needles)  # full numbers, not masked ones
    files = dict(file_bytes(demo_dir))
    assert {p.name for p in files} >= {"cases.db", "keyinfo.json"}
    assert any(p.parent.name == "backups" and p.suffix == ".db" for p in files)
    leaks = [
        (path.name, needle)
        for path, data in files.items()
        for needle in needles
        for form in encodings(needle)
        if form in data
    ]
    assert leaks == []
    assert not any(data.startswith(b"SQLite format 3") for data in files.values())
    # the check can fail: the same needles are found in a plaintext copy of one row
    control = tmp_path / "control.txt"
    control.write_text(json.dumps(rows[0], ensure_ascii=False), encoding="utf-16")
    assert any(f in control.read_bytes() for f in encodings(rows[0]["debtor_id_number"]))


def test_a_wrong_passphrase_is_refused_clearly(demo_dir: Path) -> None:
    done = app(demo_dir, "cases", "list", passphrase="不是这个口令")
    assert done.returncode == 2 and done.stdout == ""
    assert "口令不正确" in done.stderr and ENV in done.stderr


def test_no_passphrase_and_no_terminal_exits_2_naming_the_variable(tmp_path: Path) -> None:
    done = app(tmp_path / "fresh", "cases", "list", passphrase=None)
    assert done.returncode == 2 and done.stdout == ""
    assert ENV in done.stderr
    assert not (tmp_path / "fresh" / "cases.db").exists()


def test_an_existing_passphrase_store_without_the_variable_exits_2(demo_dir: Path) -> None:
    done = app(demo_dir, "cases", "list", passphrase=None)
    assert done.returncode == 2 and ENV in done.stderr


def test_key_status_reports_the_passphrase_mode(demo_dir: Path) -> None:
    done = app(demo_dir, "key", "status", "--json")
    status = json.loads(done.stdout)
    assert status["mode"] == "passphrase" and status["encrypted"] is True
    assert status["kdf"] == "argon2id t=3 m=65536 KiB p=4"  # the real settings, not the tests'


def test_backup_create_list_restore_round_trip(demo_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert app(folder, "demo").returncode == 0
    made = app(folder, "backup", "create", "--to", str(tmp_path / "usb"), "--json")
    assert made.returncode == 0, made.stderr
    path = Path(json.loads(made.stdout)["path"])
    listing = json.loads(
        app(folder, "backup", "list", "--from", str(tmp_path / "usb"), "--json").stdout
    )
    assert [Path(e["path"]) for e in listing] == [path]
    assert listing[0]["label"] == "manual"
    restored = app(folder, "backup", "restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert "24 个案件" in restored.stdout and "恢复前的案件库已备份到" in restored.stdout
    assert len(listed(folder)) == 24


def test_a_truncated_backup_exits_2_and_changes_nothing(demo_dir: Path, tmp_path: Path) -> None:
    made = app(demo_dir, "backup", "create", "--to", str(tmp_path), "--json")
    path = Path(json.loads(made.stdout)["path"])
    path.write_bytes(path.read_bytes()[:5000])
    before = (demo_dir / "cases.db").read_bytes()
    done = app(demo_dir, "backup", "restore", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert "损坏" in done.stderr
    assert (demo_dir / "cases.db").read_bytes() == before


def test_a_new_computer_restores_a_backup_with_the_recovery_code(
    demo_dir: Path, tmp_path: Path
) -> None:
    made = app(demo_dir, "backup", "create", "--to", str(tmp_path / "usb"), "--json")
    backup = Path(json.loads(made.stdout)["path"])
    Path(str(backup) + ".keyinfo.json").unlink()  # only the .db file was carried over
    shown = app(demo_dir, "key", "recovery-code")
    assert shown.returncode == 0
    code = shown.stdout.splitlines()[-1]
    assert len(code.split("-")) == 11
    new_dir = tmp_path / "new-laptop"
    refused = app(new_dir, "backup", "restore", str(backup), passphrase="新电脑的口令")
    assert refused.returncode == 2 and "--recovery-code" in refused.stderr
    done = app(
        new_dir,
        "backup",
        "restore",
        str(backup),
        "--recovery-code",
        "-",
        passphrase="新电脑的口令",
        stdin=code + "\n",
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(app(new_dir, "cases", "list", "--json", passphrase="新电脑的口令").stdout)
    assert len(rows) == 24
    assert code.replace("-", "") not in done.stdout + done.stderr
