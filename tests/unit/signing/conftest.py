"""Shared fixtures: one organisation identity and one signed agreement per test module."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.documents.signing import OrgSigner, create_org_identity, load_signer, sign_pdf
from tests.unit.signing.pdfs import chinese_pdf

ORG = "上海市某某区人民调解委员会"
PASSPHRASE = "正确的口令 correct horse"
SIGNED_AT = datetime(2026, 3, 14, 2, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    create_org_identity(folder, ORG, PASSPHRASE, now=datetime(2026, 1, 1, tzinfo=UTC))
    return folder


@pytest.fixture(scope="module")
def signer(data_dir: Path) -> OrgSigner:
    return load_signer(data_dir, PASSPHRASE)


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    return chinese_pdf()


@pytest.fixture(scope="module")
def signed(unsigned: bytes, signer: OrgSigner) -> bytes:
    return sign_pdf(unsigned, signer, location="上海市", signing_time=SIGNED_AT)
