"""Evidence preserved (存证): the lender's files kept in the encrypted store, each with its
SHA-256, the time it was added, where it came from and who added it.

    item = add_evidence(ctx, data, "借款合同.pdf", "loan_contract", case_no="TJ-2026-000003")
    item = add_evidence(ctx, data, "放款流水.xlsx", "transfer", batch="2026年03月恒信委托批次")
    items = case_evidence(ctx, "TJ-2026-000003")   # the batch's files first, then the case's
    export_evidence(ctx, "TJ-2026-000003", Path("证据"))  # the files, named as listed

A file belongs to one case, or to a whole batch (every case whose `source_batch` is that
name lists it: a lender's master agreement or a bulk transfer record). The same bytes twice
for the same case or batch are kept once. Nothing is ever changed or removed: a wrong file
stays on record, and the right one is added beside it. The evidence list and the
preservation certificate number the items in the order `case_evidence` gives them, and the
exported files carry that number, so the certificate names each file exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from app.domain.errors import DomainError, InputError, Problem
from app.domain.evidence_kinds import EVIDENCE_KINDS, PURPOSES
from app.services.documents.records import require_bytes, sha256_hex

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.store.court import Evidence
    from app.store.models import Case
    from app.store.unit_of_work import UnitOfWork

MAX_BYTES = 50 * 1024 * 1024  # as a scan of a signed paper (documents.evidence)
MAX_RECORDING_BYTES = 200 * 1024 * 1024  # two hours of a phone call at 192 kbit/s
DEFAULT_SOURCE = "债权人提供"
AUDIT_ADDED = "evidence.added"
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "application/pdf"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"ID3", 0, "audio/mpeg"),
    (b"#!AMR", 0, "audio/amr"),
    (b"WAVE", 8, "audio/wav"),
    (b"WEBP", 8, "image/webp"),
    (b"ftyp", 4, "video/mp4"),
    (b"PK\x03\x04", 0, "application/zip"),
)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class EvidenceInfo:
    """One preserved file, without its bytes."""

    id: int
    case_no: str
    batch: str
    kind: str
    kind_label: str
    title: str
    purpose: str
    source: str
    filename: str
    media_type: str
    sha256: str
    size: int
    added_by: str
    added_at: datetime

    @property
    def for_batch(self) -> bool:
        return not self.case_no


def kinds() -> dict[str, str]:
    return EVIDENCE_KINDS


def media_type_of(data: bytes) -> str:
    """The media type the first bytes show (`application/octet-stream` when unknown)."""
    for magic, at, media in _MAGIC:
        if data[at : at + len(magic)] == magic:
            return media
    if data[:2] == b"\xff\xfb" or data[:2] == b"\xff\xf3":
        return "audio/mpeg"
    return "application/octet-stream"


def export_name(n: int, item: EvidenceInfo) -> str:
    """`03-还款记录.xlsx`: the item's number, its title made safe, the file's extension."""
    suffix = PurePath(item.filename).suffix.lower()[:10] if item.filename else ""
    title = _UNSAFE.sub("_", item.title).strip(" .")[:80] or item.kind_label
    return f"{n:02d}-{title}{suffix}"


# -- use cases ---------------------------------------------------------------------------------


def add_evidence(
    ctx: AppContext,
    data: bytes,
    filename: str,
    kind: str,
    *,
    case_no: str = "",
    batch: str = "",
    title: str = "",
    source: str = "",
    purpose: str = "",
) -> EvidenceInfo:
    """Keep a file of evidence for a case (`case_no`) or a batch (`batch`); the same bytes
    twice are kept once. InputError at `file`, `kind`, `case_no`/`batch`, `title`…"""
    blob = require_bytes(data, "file", "证据文件")
    _check(blob, kind, case_no, batch, title, source, purpose)
    with ctx.write() as uow:
        case = uow.cases.require(case_no) if case_no else None
        if case is None:
            _require_batch(uow, batch)
        found = _same_file(uow, case, batch, sha256_hex(blob))
        if found is not None:
            return _info(found, case_no)
        row = _new_row(uow, blob, filename, kind, case, batch, title, source, purpose)
        detail = {
            "evidence_id": row.id,
            "kind": kind,
            "sha256": row.sha256,
            "size": row.size,
            "filename": row.filename,
            "batch": row.batch,
        }
        uow.record(AUDIT_ADDED, case=case, detail=detail)
        return _info(row, case_no)


def case_evidence(ctx: AppContext, case_no: str) -> list[EvidenceInfo]:
    """The case's evidence in the order the evidence list numbers it: its batch's files
    first, then its own, each in the order they were added."""
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        return [_info(row, case_no if row.case_id else "") for row in evidence_rows(uow, case)]


def batch_evidence(ctx: AppContext, batch: str) -> list[EvidenceInfo]:
    from sqlalchemy import select

    from app.store.court import Evidence

    with ctx.read() as uow:
        stmt = select(Evidence).where(Evidence.case_id.is_(None), Evidence.batch == batch)
        return [_info(row, "") for row in uow.session.scalars(stmt.order_by(Evidence.id))]


def evidence_content(ctx: AppContext, evidence_id: int) -> bytes:
    from app.store.court import Evidence

    with ctx.read() as uow:
        row = uow.session.get(Evidence, evidence_id)
        if row is None:
            raise DomainError(f"找不到编号为 {evidence_id} 的证据。")
        return bytes(row.content)


def export_evidence(ctx: AppContext, case_no: str, folder: Path) -> list[Path]:
    """Write the case's evidence into `folder` (made if missing), named as the certificate
    names them; an existing file of that name is replaced."""
    from app.services.organisation.signing import save_document

    items = case_evidence(ctx, case_no)
    if not items:
        raise DomainError(f"案件 {case_no} 还没有保存证据：请先添加证据文件。")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, item in enumerate(items, start=1):
        path = folder / export_name(n, item)
        save_document(path, evidence_content(ctx, item.id))
        written.append(path)
    return written


def batch_names(ctx: AppContext) -> list[str]:
    """Every batch name the cases carry, sorted."""
    from sqlalchemy import select

    from app.store.models import Case

    with ctx.read() as uow:
        stmt = select(Case.source_batch).where(Case.source_batch != "").distinct()
        return sorted(uow.session.scalars(stmt))


# -- inside a unit of work ----------------------------------------------------------------------


def evidence_rows(uow: UnitOfWork, case: Case) -> list[Evidence]:
    from sqlalchemy import or_, select

    from app.store.court import Evidence

    mine = Evidence.case_id == case.id
    batch = (Evidence.case_id.is_(None)) & (Evidence.batch == case.source_batch)
    where = or_(mine, batch) if case.source_batch else mine
    rows = uow.session.scalars(select(Evidence).where(where).order_by(Evidence.id))
    return sorted(rows, key=lambda r: (r.case_id is not None, r.id))


def _check(
    blob: bytes, kind: str, case_no: str, batch: str, title: str, source: str, purpose: str
) -> None:
    problems: list[Problem] = []
    if kind not in kinds():
        choices = "、".join(f"{k}（{v}）" for k, v in kinds().items())
        problems.append(Problem("kind", f"证据种类“{kind}”不存在：可选 {choices}"))
    limit = MAX_RECORDING_BYTES if kind == "recording" else MAX_BYTES
    if len(blob) > limit:
        problems.append(
            Problem("file", f"文件超过 {limit // 1024 // 1024} MB：请分段或压缩后再添加。")
        )
    if bool(case_no.strip()) == bool(batch.strip()):
        problems.append(Problem("case_no", "请指定一个案件（案号）或一个批次，二者选一。"))
    for field, text, most in (
        ("title", title, 200),
        ("source", source, 200),
        ("purpose", purpose, 500),
    ):
        if len(text.strip()) > most:
            problems.append(Problem(field, f"最多 {most} 个字"))
    if problems:
        raise InputError(problems)


def _require_batch(uow: UnitOfWork, batch: str) -> None:
    from sqlalchemy import select

    from app.store.models import Case

    name = batch.strip()
    if uow.session.scalars(select(Case.id).where(Case.source_batch == name).limit(1)).first():
        return
    raise InputError([Problem("batch", f"没有案件属于批次“{name}”：请核对批次名称。")])


def _same_file(uow: UnitOfWork, case: Case | None, batch: str, digest: str) -> Evidence | None:
    from sqlalchemy import select

    from app.store.court import Evidence

    stmt = select(Evidence).where(Evidence.sha256 == digest)
    if case is not None:
        stmt = stmt.where(Evidence.case_id == case.id)
    else:
        stmt = stmt.where(Evidence.case_id.is_(None), Evidence.batch == batch.strip())
    return uow.session.scalars(stmt.limit(1)).first()


def _new_row(
    uow: UnitOfWork,
    blob: bytes,
    filename: str,
    kind: str,
    case: Case | None,
    batch: str,
    title: str,
    source: str,
    purpose: str,
) -> Evidence:
    from app.store.court import Evidence

    name = PurePath(filename.replace("\\", "/")).name[:260] if filename else ""
    row = Evidence(
        case_id=case.id if case is not None else None,
        batch="" if case is not None else batch.strip(),
        kind=kind,
        title=title.strip() or PurePath(name).stem or EVIDENCE_KINDS[kind],
        purpose=purpose.strip() or PURPOSES[kind],
        source=source.strip() or DEFAULT_SOURCE,
        filename=name,
        media_type=media_type_of(blob),
        content=blob,
        sha256=sha256_hex(blob),
        size=len(blob),
        added_by=uow.actor,
        added_at=uow.now,
    )
    uow.session.add(row)
    uow.session.flush()
    return row


def _info(row: Evidence, case_no: str) -> EvidenceInfo:
    return EvidenceInfo(
        id=row.id,
        case_no=case_no,
        batch=row.batch,
        kind=row.kind,
        kind_label=EVIDENCE_KINDS[row.kind],
        title=row.title,
        purpose=row.purpose,
        source=row.source,
        filename=row.filename,
        media_type=row.media_type,
        sha256=row.sha256,
        size=row.size,
        added_by=row.added_by,
        added_at=row.added_at,
    )
