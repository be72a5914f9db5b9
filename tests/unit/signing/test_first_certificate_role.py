"""The first signature creates the organisation's certificate: a supervisor's right."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.services.organisation.accounts import MEDIATOR, SUPERVISOR, SignedIn
from app.services.organisation.signing import identity_ready, sign_document, verify_document
from tests.unit.signing.pdfs import chinese_pdf

AT = datetime(2026, 7, 6, 2, 0, tzinfo=UTC)


def user(role: str) -> SignedIn:
    return SignedIn(username="wangfang", display_name="王芳", role=role, at=AT)


def test_a_mediator_cannot_create_the_certificate_by_signing_first(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="只有主管可以生成或导入"):
        sign_document(tmp_path, chinese_pdf(), passphrase="口令-123456", by=user(MEDIATOR))
    assert not identity_ready(tmp_path)  # nothing was created


def test_once_a_supervisor_has_created_it_a_mediator_signs(tmp_path: Path) -> None:
    first = sign_document(tmp_path, chinese_pdf(), passphrase="口令-123456", by=user(SUPERVISOR))
    assert first.identity_created
    second = sign_document(tmp_path, chinese_pdf(), passphrase="口令-123456", by=user(MEDIATOR))
    assert not second.identity_created
    assert verify_document(second.pdf, data_dir=tmp_path).intact
