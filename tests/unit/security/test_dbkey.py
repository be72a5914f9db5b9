"""The database key: keyring first, else Argon2id from a passphrase; keyinfo.json never
holds the key; wrong passphrases and missing sources get clear messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.security import dbkey
from app.security.secrets import PASSPHRASE_ENV, SecretStore
from tests.security_fixtures import memory_keyring

FAST = dbkey.KdfSettings(time_cost=1, memory_kib=1024, parallelism=1)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbkey, "new_key_kdf", FAST)


def never_ask(message: str, new: bool) -> str | None:
    raise AssertionError(f"asked for a passphrase: {message}")


def test_with_a_keyring_a_random_key_is_kept_there_and_no_passphrase_is_asked(
    tmp_path: Path,
) -> None:
    with memory_keyring() as ring:
        key = dbkey.database_key(tmp_path, prompt=never_ask, env={PASSPHRASE_ENV: "ignored"})
        again = dbkey.database_key(tmp_path, prompt=never_ask, env={})
        other = dbkey.database_key(tmp_path / "other", prompt=never_ask, env={})
    assert key is not None and len(key) == 32 and again == key and other != key
    service = f"MediationDesk:{tmp_path.resolve()}"
    assert ring.secrets[(service, dbkey.SECRET_NAME)] == key.hex()
    info = json.loads((tmp_path / "keyinfo.json").read_text(encoding="utf-8"))
    assert info["mode"] == "keyring" and "kdf" not in info
    assert key.hex() not in json.dumps(info)
    assert info["key_check"] == dbkey.key_check(key)


def test_without_a_keyring_the_key_comes_from_the_env_passphrase_through_argon2id(
    tmp_path: Path,
) -> None:
    env = {PASSPHRASE_ENV: "长城 passphrase"}
    key = dbkey.database_key(tmp_path, env=env, prompt=never_ask)
    info = json.loads((tmp_path / "keyinfo.json").read_text(encoding="utf-8"))
    assert info["mode"] == "passphrase"
    assert info["kdf"]["algorithm"] == "argon2id"
    assert (info["kdf"]["time_cost"], info["kdf"]["memory_kib"]) == (1, 1024)
    from argon2.low_level import Type, hash_secret_raw

    salt = __import__("base64").b64decode(info["kdf"]["salt"])
    assert len(salt) == 16
    expected = hash_secret_raw("长城 passphrase".encode(), salt, 1, 1024, 1, 32, Type.ID)
    assert key == expected
    assert dbkey.database_key(tmp_path, env=env) == key
    assert key.hex() not in (tmp_path / "keyinfo.json").read_text(encoding="utf-8")


def test_two_folders_with_the_same_passphrase_get_different_keys(tmp_path: Path) -> None:
    env = {PASSPHRASE_ENV: "same"}
    assert dbkey.database_key(tmp_path / "a", env=env) != dbkey.database_key(
        tmp_path / "b", env=env
    )


def test_a_wrong_passphrase_is_refused_clearly(tmp_path: Path) -> None:
    dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "right"})
    with pytest.raises(dbkey.WrongPassphrase, match="口令不正确") as caught:
        dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "wrong"})
    assert PASSPHRASE_ENV in str(caught.value)


def test_no_keyring_no_env_and_no_prompt_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(dbkey.KeyUnavailable) as caught:
        dbkey.database_key(tmp_path, env={})
    assert PASSPHRASE_ENV in str(caught.value)
    assert not (tmp_path / "keyinfo.json").exists()
    dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "p"})
    with pytest.raises(dbkey.KeyUnavailable, match=PASSPHRASE_ENV):
        dbkey.database_key(tmp_path, env={})


def test_the_prompt_is_told_when_a_new_passphrase_is_set_and_gets_three_tries(
    tmp_path: Path,
) -> None:
    asked: list[tuple[str, bool]] = []

    def prompt(answers: list[str]):  # type: ignore[no-untyped-def]
        def ask(message: str, new: bool) -> str | None:
            asked.append((message, new))
            return answers.pop(0)

        return ask

    key = dbkey.database_key(tmp_path, env={}, prompt=prompt(["secret"]))
    assert asked == [(dbkey.NEW_PASSPHRASE_PROMPT, True)]
    assert "钥匙串" in asked[0][0]
    asked.clear()
    assert dbkey.database_key(tmp_path, env={}, prompt=prompt(["no", "secret"])) == key
    assert asked == [(dbkey.PASSPHRASE_PROMPT, False), (dbkey.RETRY_PROMPT, False)]
    with pytest.raises(dbkey.WrongPassphrase):
        dbkey.database_key(tmp_path, env={}, prompt=prompt(["a", "b", "c", "secret"]))
    with pytest.raises(dbkey.KeyUnavailable, match="没有输入口令"):
        dbkey.database_key(tmp_path, env={}, prompt=lambda message, new: None)


def test_keyinfo_records_the_mode_so_a_later_start_keeps_it(tmp_path: Path) -> None:
    key = dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "p"})
    with memory_keyring() as ring:  # a keyring appears later: the passphrase still rules
        assert dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "p"}) == key
        assert ring.secrets == {}


def test_a_keyring_key_that_cannot_be_read_later_is_a_clear_error(tmp_path: Path) -> None:
    with memory_keyring():
        dbkey.database_key(tmp_path, env={})
    with pytest.raises(dbkey.KeyUnavailable, match="系统钥匙串"):
        dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "p"})
    # an empty keyring (another computer)
    with memory_keyring(), pytest.raises(dbkey.KeyUnavailable, match="恢复码"):
        dbkey.database_key(tmp_path, env={})


def test_create_false_gives_none_for_a_folder_without_a_key(tmp_path: Path) -> None:
    assert dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "p"}, create=False) is None
    assert not (tmp_path / "keyinfo.json").exists()


def test_an_encrypted_database_without_keyinfo_is_not_given_a_new_key(tmp_path: Path) -> None:
    (tmp_path / "cases.db").write_bytes(b"\x8e" * 4096)
    with pytest.raises(dbkey.KeyUnavailable, match=r"keyinfo\.json"):
        dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "p"})
    assert not (tmp_path / "keyinfo.json").exists()


@pytest.mark.parametrize(
    "content",
    ["not json", "{}", '{"format": 1, "mode": "passphrase", "key_check": "00"}', "[]"],
)
def test_a_damaged_keyinfo_is_reported_not_replaced(tmp_path: Path, content: str) -> None:
    (tmp_path / "keyinfo.json").write_text(content, encoding="utf-8")
    with pytest.raises(dbkey.KeyUnavailable, match="已损坏"):
        dbkey.database_key(tmp_path, env={PASSPHRASE_ENV: "p"})
    assert (tmp_path / "keyinfo.json").read_text(encoding="utf-8") == content


def test_default_kdf_is_memory_hard() -> None:
    assert dbkey.DEFAULT_KDF.memory_kib >= 64 * 1024
    assert dbkey.DEFAULT_KDF.time_cost >= 3


def test_recovery_code_round_trips_and_catches_typos() -> None:
    key = bytes(range(32))
    code = dbkey.recovery_code(key)
    groups = code.split("-")
    assert len(groups) == 11 and all(1 <= len(g) <= 5 for g in groups)
    assert dbkey.key_from_recovery_code(code.lower().replace("-", " ")) == key
    typo = ("B" if code[0] != "B" else "C") + code[1:]
    with pytest.raises(dbkey.KeyUnavailable, match="恢复码不正确"):
        dbkey.key_from_recovery_code(typo)


def test_secret_scope_is_the_resolved_data_folder(tmp_path: Path) -> None:
    with memory_keyring():
        key = dbkey.database_key(tmp_path / "x" / ".." / "d", env={})
        stored = SecretStore(scope=str((tmp_path / "d").resolve())).get(dbkey.SECRET_NAME)
    assert key is not None and stored == key.hex()
