"""Where the signing key's passphrase comes from, and the first set-up of the identity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import app.services.organisation.signing as signing_service
from app.documents.signing import create_org_identity, identity_exists, read_identity
from app.documents.verify import verify_pdf
from app.domain.errors import DomainError
from app.security.secrets import PASSPHRASE_ENV, SecretStore
from app.services.organisation.signing import (
    PASSPHRASE_SECRET,
    ensure_identity,
    organisation_name,
    sign_document,
    signing_passphrase,
)
from tests.security_fixtures import memory_keyring
from tests.unit.signing.pdfs import chinese_pdf


def never_asked(message: str) -> str:
    raise AssertionError(f"the user was asked: {message}")


@pytest.fixture(autouse=True)
def no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


def test_keyring_present_first_setup_stores_a_random_passphrase_and_asks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "from-env")  # the keyring comes first
    with memory_keyring() as fake:
        result = sign_document(tmp_path, chinese_pdf(), interactive=True, prompt=never_asked)
        stored = fake.secrets[(f"MediationDesk:{tmp_path}", PASSPHRASE_SECRET)]
        assert len(stored) >= 40 and stored != "from-env"
        assert signing_passphrase(tmp_path, interactive=True, prompt=never_asked) == stored
        again = sign_document(tmp_path, chinese_pdf(), interactive=False)
    assert result.identity_created and not again.identity_created
    assert list(fake.secrets) == [(f"MediationDesk:{tmp_path}", PASSPHRASE_SECRET)]
    assert verify_pdf(result.pdf).intact and verify_pdf(again.pdf).intact
    assert result.certificate_sha256 == again.certificate_sha256


def test_keyring_present_but_key_made_without_it_falls_back_to_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_org_identity(tmp_path, "某调解中心", "env-pass")
    monkeypatch.setenv(PASSPHRASE_ENV, "env-pass")
    with memory_keyring() as fake:
        assert signing_passphrase(tmp_path, interactive=False) == "env-pass"
    assert fake.secrets == {}


def test_keyring_present_key_exists_nothing_else_names_the_variable(tmp_path: Path) -> None:
    create_org_identity(tmp_path, "某调解中心", "lost")
    with memory_keyring(), pytest.raises(DomainError, match=PASSPHRASE_ENV):
        signing_passphrase(tmp_path, interactive=False)


def test_keyring_absent_env_var_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not SecretStore(str(tmp_path)).keyring_available()  # the tree's null backend
    monkeypatch.setenv(PASSPHRASE_ENV, "env-pass")
    result = sign_document(tmp_path, chinese_pdf(), interactive=True, prompt=never_asked)
    assert result.identity_created and verify_pdf(result.pdf).intact
    key = (tmp_path / "signing" / "org-key.pem").read_bytes()
    from cryptography.hazmat.primitives import serialization

    serialization.load_pem_private_key(key, password=b"env-pass")  # raises if another one


def test_keyring_absent_interactive_asks_and_says_why(tmp_path: Path) -> None:
    asked: list[str] = []

    def answer(message: str) -> str:
        asked.append(message)
        return "typed"

    assert signing_passphrase(tmp_path, interactive=True, prompt=answer) == "typed"
    assert len(asked) == 1
    assert "没有可用的系统钥匙串" in asked[0] and "设置" in asked[0]
    assert PASSPHRASE_ENV in asked[0]


def test_keyring_absent_no_env_no_terminal_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match=PASSPHRASE_ENV):
        signing_passphrase(tmp_path, interactive=False, prompt=never_asked)
    with pytest.raises(DomainError, match=PASSPHRASE_ENV):
        signing_passphrase(tmp_path, interactive=True, prompt=None)
    assert not identity_exists(tmp_path)


def test_an_empty_answer_cancels(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="签名已取消"):
        signing_passphrase(tmp_path, interactive=True, prompt=lambda _message: "")


def test_organisation_name_from_file_else_default(tmp_path: Path) -> None:
    assert organisation_name(tmp_path) == "调解组织"
    (tmp_path / "organisation.json").write_text(
        json.dumps({"name": " 某市某区人民调解委员会 "}, ensure_ascii=False), encoding="utf-8"
    )
    assert organisation_name(tmp_path) == "某市某区人民调解委员会"
    identity, created = ensure_identity(tmp_path, passphrase="p")
    assert created and identity.common_name == "某市某区人民调解委员会"
    same, created_again = ensure_identity(tmp_path, "别的名字", passphrase="p")
    assert not created_again and same == read_identity(tmp_path)


def test_broken_organisation_file_is_a_calm_error(tmp_path: Path) -> None:
    (tmp_path / "organisation.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError, match=r"organisation\.json"):
        organisation_name(tmp_path)


def test_org_name_provider_hook_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signing_service, "org_name_provider", lambda _dir: "仓库中的组织名")
    identity, _created = ensure_identity(tmp_path, passphrase="p")
    assert identity.common_name == "仓库中的组织名"


def test_record_lookup_provider_hook_fills_store_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "p")
    signed = sign_document(tmp_path, chinese_pdf()).pdf
    records = {signing_service.verify_document(signed).document_sha256: {"case": "A-1"}}
    monkeypatch.setattr(signing_service, "record_lookup_provider", lambda _dir: records.get)
    report = signing_service.verify_document(signed, data_dir=tmp_path)
    assert report.store_checked and report.store_record == {"case": "A-1"}
    assert report.signatures[0].signed_by_organisation is True
    assert signing_service.verify_document(signed).store_record is None
