"""Handwritten signatures on a document version, captured on the signature pad.

    progress = record_signature(ctx, doc.id, party_id, "王建国", png, pad.strokes_data())
    progress.missing        # who still has to sign; empty → the version is now signed
    signatures_for(ctx, doc.id)   # the images to place on the signature lines

Who signs: every party of the case except agents (an agent signs for the party they
represent: pass that party's id with the agent's name), and the mediator (`party_id`
None). When the last of them has signed, the version is signed (`signed_via`
handwritten) — the same final state as the wet-ink path. Signing again before that
replaces the signer's signature (the earlier one is kept in the store, the latest counts);
a signed version takes no more signatures (make an amendment).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import InputError, Problem
from app.domain.vocab import PARTY_ROLES
from app.services.documents.records import (
    DocumentInfo,
    facts,
    info_of,
    refuse_draft,
    refuse_if_locked,
    refuse_outside_mandate,
    require_bytes,
    require_document,
    sha256_hex,
    sign,
)

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.models import Case
    from app.store.records import Document, Signature
    from app.store.unit_of_work import UnitOfWork

SIGNING_ROLES = ("creditor", "debtor", "co_debtor", "guarantor")
MEDIATOR = "mediator"
MEDIATOR_LABEL = "调解员"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_PNG_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Signer:
    """Someone who has to sign: a party (`party_id`) or the mediator (`party_id` None)."""

    party_id: int | None
    role: str
    role_label: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.role_label}{self.name}" if self.name else self.role_label


@dataclass(frozen=True)
class SignatureInfo:
    """A captured signature: who, when, the transparent PNG and the pad's strokes."""

    id: int
    document_id: int
    party_id: int | None
    role: str
    role_label: str
    signer_name: str
    signed_at: datetime
    png: bytes
    png_sha256: str
    strokes: dict[str, Any]


@dataclass(frozen=True)
class SigningProgress:
    """Where the signing of a version stands."""

    document: DocumentInfo
    required: tuple[Signer, ...]
    signatures: tuple[SignatureInfo, ...]
    missing: tuple[Signer, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def record_signature(
    ctx: AppContext,
    document_id: int,
    party_id: int | None,
    signer_name: str,
    png: bytes,
    strokes: dict[str, Any],
) -> SigningProgress:
    """Keep the signature of a party (or the mediator, `party_id` None) on a final or
    printed version; the last one needed signs the version."""
    name = signer_name.strip() if isinstance(signer_name, str) else ""
    image = require_bytes(png, "png", "签名图像")
    strokes_json = _check_signature(name, image, strokes)
    with ctx.write() as uow:
        doc, case = require_document(uow, document_id)
        refuse_if_locked(doc, "再添加签名", statuses=("signed",))
        refuse_draft(doc, "签名")
        refuse_outside_mandate(uow, doc, case)
        role = _role_of(case, party_id)
        row = _add(uow, doc, party_id, name, image, json.loads(strokes_json))
        detail = {
            **facts(doc),
            "signature_id": row.id,
            "party_id": party_id,
            "role": role,  # the signer's name stays in the signature row: no personal values
            "png_sha256": row.png_sha256,  # in what the audit chain hashes (erasure, PIPL)
        }
        uow.record("document.signature_recorded", case=case, detail=detail)
        if not missing_signers(uow, doc, case):
            sign(uow, doc, case, "handwritten")
        return _progress(uow, doc, case)


def signatures_for(ctx: AppContext, document_id: int) -> list[SignatureInfo]:
    """The signature that counts for each signer of the version, in signing order."""
    with ctx.read() as uow:
        doc, case = require_document(uow, document_id)
        return _current(uow, doc, case)


def signing_progress(ctx: AppContext, document_id: int) -> SigningProgress:
    with ctx.read() as uow:
        doc, case = require_document(uow, document_id)
        return _progress(uow, doc, case)


def required_signers(case: Case) -> list[Signer]:
    """The parties who sign (not agents), in the case's order, then the mediator."""
    found = [
        Signer(p.id, p.role, PARTY_ROLES[p.role], p.name)
        for p in case.parties
        if p.role in SIGNING_ROLES
    ]
    mediator = case.mediator.name if case.mediator is not None else ""
    return [*found, Signer(None, MEDIATOR, MEDIATOR_LABEL, mediator)]


def missing_signers(uow: UnitOfWork, doc: Document, case: Case) -> list[Signer]:
    signed = {s.party_id for s in _current(uow, doc, case)}
    return [s for s in required_signers(case) if s.party_id not in signed]


# -- helpers ---------------------------------------------------------------------------------------


def _check_signature(name: str, image: bytes, strokes: dict[str, Any]) -> str:
    """The strokes as JSON, after checking name, image and strokes (InputError, all at once)."""
    problems = []
    if not name:
        problems.append(Problem("signer_name", "请填写签名人姓名。"))
    if not image.startswith(PNG_MAGIC):
        problems.append(Problem("png", "签名图像应为 PNG（签名板导出的透明图像）。"))
    elif len(image) > MAX_PNG_BYTES:
        problems.append(Problem("png", "签名图像超过 10 MB：请重新签名。"))
    text = ""
    try:
        if not isinstance(strokes, dict):
            raise TypeError("not a dict")
        text = json.dumps(strokes, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError):
        problems.append(Problem("strokes", "签名笔迹数据无法保存：请清除后重新签名。"))
    else:
        if strokes.get("strokes") == []:
            problems.append(Problem("strokes", "签名为空：请在签名板上签名后再保存。"))
    if problems:
        raise InputError(problems)
    return text


def _role_of(case: Case, party_id: int | None) -> str:
    if party_id is None:
        return MEDIATOR
    for party in case.parties:
        if party.id == party_id:
            return party.role
    raise InputError([Problem("party_id", f"当事人（编号 {party_id}）不属于案件 {case.case_no}。")])


def _add(
    uow: UnitOfWork,
    doc: Document,
    party_id: int | None,
    name: str,
    image: bytes,
    strokes: dict[str, Any],
) -> Signature:
    from app.store.records import Signature

    row = Signature(
        document_id=doc.id,
        party_id=party_id,
        signer_name=name,
        signed_at=uow.now,
        png=image,
        png_sha256=sha256_hex(image),
        strokes=strokes,
    )
    uow.session.add(row)
    uow.session.flush()
    return row


def _current(uow: UnitOfWork, doc: Document, case: Case) -> list[SignatureInfo]:
    """The latest signature per signer, ordered by when it was given."""
    from sqlalchemy import select

    from app.store.records import Signature

    stmt = select(Signature).where(Signature.document_id == doc.id).order_by(Signature.id)
    latest: dict[int | None, Signature] = {}
    for row in uow.session.scalars(stmt):
        latest.pop(row.party_id, None)
        latest[row.party_id] = row
    roles: dict[int | None, str] = {p.id: p.role for p in case.parties}
    return [_info(row, roles.get(row.party_id, MEDIATOR)) for row in latest.values()]


def _info(row: Signature, role: str) -> SignatureInfo:
    label = MEDIATOR_LABEL if row.party_id is None else PARTY_ROLES.get(role, role)
    return SignatureInfo(
        id=row.id,
        document_id=row.document_id,
        party_id=row.party_id,
        role=MEDIATOR if row.party_id is None else role,
        role_label=label,
        signer_name=row.signer_name,
        signed_at=row.signed_at,
        png=bytes(row.png),
        png_sha256=row.png_sha256,
        strokes=dict(row.strokes),
    )


def _progress(uow: UnitOfWork, doc: Document, case: Case) -> SigningProgress:
    current = _current(uow, doc, case)
    signed = {s.party_id for s in current}
    required = required_signers(case)
    return SigningProgress(
        document=info_of(uow, doc, case.case_no),
        required=tuple(required),
        signatures=tuple(current),
        missing=tuple(s for s in required if s.party_id not in signed),
    )
