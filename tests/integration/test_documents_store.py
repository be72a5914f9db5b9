"""Document versions on a real (encrypted) store: bytes and hashes in the database, status
draft → final → printed → signed, the wet-ink and digital paths, amendments that keep the
old version, and immutability both in the service and in SQLite itself."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import DomainError, InputError
from app.services.cases import service as cases
from app.services.documents import store as docs
from tests.security_fixtures import connect_store, sqlite_errors
from tests.store_fixtures import new_case

AGREEMENT_V1 = b"%PDF-1.7\n% agreement v1 MARKER-7f3a\n%%EOF\n"
AGREEMENT_V2 = b"%PDF-1.7\n% agreement v2 corrected\n%%EOF\n"
SCAN_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00 signed paper photo"


@pytest.fixture
def case_no(ctx: Any) -> str:
    return cases.create_case(ctx, new_case()).case_no


def sql(data_dir: Path, statement: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = connect_store(data_dir / "cases.db")
    try:
        rows = conn.execute(statement, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def last_event(ctx: Any) -> Any:
    with ctx.read() as uow:
        event = uow.audit.last()
        return event.action, dict(event.detail)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_version_keeps_its_bytes_inside_the_encrypted_database(ctx: Any, case_no: str) -> None:
    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1)
    assert (doc.kind, doc.kind_label, doc.version, doc.status) == (
        "agreement", "人民调解协议书", 1, "draft",
    )  # fmt: skip
    assert doc.sha256 == sha(AGREEMENT_V1) and doc.size == len(AGREEMENT_V1)
    assert doc.supersedes is None and doc.superseded_by is None and doc.case_no == case_no
    assert sql(ctx.data_dir, "SELECT content, file_sha256 FROM document") == [
        (AGREEMENT_V1, sha(AGREEMENT_V1))
    ]
    assert docs.get_document_content(ctx, doc.id) == AGREEMENT_V1
    assert b"MARKER-7f3a" not in (ctx.data_dir / "cases.db").read_bytes()
    assert last_event(ctx) == (
        "document.created",
        {"document_id": doc.id, "kind": "agreement", "version": 1,
         "sha256": sha(AGREEMENT_V1), "status": "draft"},
    )  # fmt: skip


def test_versions_count_per_case_and_kind_and_cite_the_one_before(ctx: Any, case_no: str) -> None:
    first = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1)
    plan = docs.create_version(ctx, case_no, "plan", b"%PDF plan", final=True)
    second = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V2)
    other = cases.create_case(ctx, new_case())
    elsewhere = docs.create_version(ctx, other.case_no, "agreement", AGREEMENT_V1)
    assert (plan.version, plan.status, second.version, elsewhere.version) == (1, "final", 2, 1)
    assert second.supersedes == first.id
    listed = docs.list_documents(ctx, case_no)
    assert [(d.kind, d.version) for d in listed] == [
        ("agreement", 1),
        ("agreement", 2),
        ("plan", 1),
    ]
    assert listed[0].superseded_by == second.id and listed[0].size == len(AGREEMENT_V1)
    assert docs.latest_version(ctx, case_no, "agreement") == listed[1]
    assert docs.latest_version(ctx, case_no, "notice") is None


def test_bad_input_is_refused_in_chinese(ctx: Any, case_no: str) -> None:
    with pytest.raises(InputError, match="文书种类“contract”不存在"):
        docs.create_version(ctx, case_no, "contract", AGREEMENT_V1)
    with pytest.raises(InputError, match="文书内容为空"):
        docs.create_version(ctx, case_no, "agreement", b"")
    with pytest.raises(DomainError, match="找不到案件"):
        docs.create_version(ctx, "TJ-2026-999999", "agreement", AGREEMENT_V1)
    with pytest.raises(DomainError, match="找不到编号为 999 的文书"):
        docs.get_document(ctx, 999)
    assert docs.list_documents(ctx, case_no) == []


def test_the_wet_ink_path_print_then_attach_the_scan(ctx: Any, case_no: str) -> None:
    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1)
    with pytest.raises(DomainError, match="还是草稿，不能打印交签：请先定稿"):
        docs.mark_printed(ctx, doc.id, copies=3, printer="HP LaserJet")
    assert docs.mark_final(ctx, doc.id).status == "final"
    printed = docs.mark_printed(ctx, doc.id, copies=3, printer=" HP LaserJet ")
    assert printed.status == "printed" and printed.locked
    action, detail = last_event(ctx)
    assert action == "document.printed"
    assert (detail["copies"], detail["printer"], detail["sha256"]) == (
        3, "HP LaserJet", sha(AGREEMENT_V1),
    )  # fmt: skip
    with pytest.raises(DomainError, match="还没有签字纸本的扫描件或照片"):
        docs.mark_signed(ctx, doc.id, "wet_ink")

    signed = docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, r"C:\扫描\协议签字页.jpg")
    assert (signed.status, signed.signed_via, signed.signed_via_label) == (
        "signed", "wet_ink", "纸质签字（扫描件）",
    )  # fmt: skip
    assert signed.signed_at == ctx.now() and signed.sha256 == sha(AGREEMENT_V1)
    [scan] = signed.attachments
    assert (scan.role, scan.filename, scan.media_type) == ("scan", "协议签字页.jpg", "image/jpeg")
    assert scan.sha256 == sha(SCAN_JPEG) and scan.size == len(SCAN_JPEG)
    assert docs.get_attachment_content(ctx, scan.id) == SCAN_JPEG
    assert sql(ctx.data_dir, "SELECT sha256, content FROM document_attachment") == [
        (sha(SCAN_JPEG), SCAN_JPEG)
    ]
    assert docs.mark_signed(ctx, doc.id, "wet_ink") == signed  # already signed: unchanged
    assert docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, "again.jpg").attachments == (scan,)


def test_printing_a_signed_version_is_an_event_and_it_stays_signed(ctx: Any, case_no: str) -> None:
    doc = docs.create_version(ctx, case_no, "notice", b"%PDF notice", final=True)
    docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, "notice.jpg")
    again = docs.mark_printed(ctx, doc.id, copies=1, printer="")
    assert again.status == "signed"
    assert last_event(ctx)[0] == "document.printed"
    with pytest.raises(InputError, match="打印份数"):
        docs.mark_printed(ctx, doc.id, copies=0, printer="HP")


def test_scans_must_be_images_or_pdfs_on_a_final_version(ctx: Any, case_no: str) -> None:
    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1)
    with pytest.raises(DomainError, match="还是草稿，不能附加签署文件"):
        docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, "a.jpg")
    docs.mark_final(ctx, doc.id)
    with pytest.raises(InputError, match="不是扫描件或照片"):
        docs.attach_signed_scan(ctx, doc.id, b"PK\x03\x04 a zip file", "a.zip")
    with pytest.raises(InputError, match="不是 PDF"):
        docs.attach_signed_pdf(ctx, doc.id, SCAN_JPEG, how="digital")
    with pytest.raises(InputError, match="签署方式“seal”不存在"):
        docs.mark_signed(ctx, doc.id, "seal")
    with pytest.raises(DomainError, match="还没有数字签名的 PDF"):
        docs.mark_signed(ctx, doc.id, "digital")
    pdf_scan = docs.attach_signed_scan(ctx, doc.id, b"%PDF-1.4 scanned pages", "scan.pdf")
    assert pdf_scan.attachments[0].media_type == "application/pdf"
    assert pdf_scan.status == "signed"


@pytest.mark.parametrize("status", ["printed", "signed"])
def test_a_locked_version_cannot_be_edited_and_says_to_amend(
    ctx: Any, case_no: str, status: str
) -> None:
    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1, final=True)
    docs.mark_printed(ctx, doc.id, copies=2, printer="HP")
    if status == "signed":
        docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, "p.jpg")
    label = {"printed": "已打印", "signed": "已签署"}[status]
    with pytest.raises(DomainError) as refused:
        docs.replace_content(ctx, doc.id, AGREEMENT_V2)
    assert str(refused.value) == (
        f"人民调解协议书（第 1 版）{label}，不能修改。"
        "如需更改，请制作修订版：生成一个新版本，原版本保留。"
    )
    assert docs.get_document_content(ctx, doc.id) == AGREEMENT_V1


def test_a_draft_can_be_replaced_in_place(ctx: Any, case_no: str) -> None:
    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1)
    again = docs.replace_content(ctx, doc.id, AGREEMENT_V2)
    assert (again.id, again.version, again.sha256) == (doc.id, 1, sha(AGREEMENT_V2))
    assert last_event(ctx)[1]["old_sha256"] == sha(AGREEMENT_V1)


def test_an_amendment_is_a_new_version_and_both_stay(ctx: Any, case_no: str) -> None:
    old = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1, final=True)
    old = docs.attach_signed_scan(ctx, old.id, SCAN_JPEG, "signed.jpg")
    new = docs.amend(ctx, old.id, AGREEMENT_V2, final=True)
    assert (new.version, new.status, new.supersedes, new.sha256) == (
        2, "final", old.id, sha(AGREEMENT_V2),
    )  # fmt: skip
    action, detail = last_event(ctx)
    assert action == "document.amended"
    assert (detail["supersedes_id"], detail["old_sha256"]) == (old.id, sha(AGREEMENT_V1))
    kept = docs.get_document(ctx, old.id)
    assert (kept.status, kept.sha256, kept.superseded_by) == ("signed", old.sha256, new.id)
    assert kept.attachments == old.attachments
    assert docs.get_document_content(ctx, old.id) == AGREEMENT_V1
    with pytest.raises(DomainError, match="已有更新的第 2 版：请在最新版本上修订"):
        docs.amend(ctx, old.id, b"%PDF third")
    assert [d.version for d in docs.list_documents(ctx, case_no)] == [1, 2]


def test_find_by_sha256_names_the_version_and_the_matching_file(ctx: Any, case_no: str) -> None:
    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1, final=True)
    docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, "signed.jpg")
    found = docs.find_by_sha256(ctx, sha(AGREEMENT_V1).upper())
    assert found is not None
    assert (found.case_no, found.kind, found.version, found.status, found.matched) == (
        case_no, "agreement", 1, "signed", "content",
    )  # fmt: skip
    scan = docs.find_by_sha256(ctx, sha(SCAN_JPEG))
    assert scan is not None and (scan.matched, scan.filename) == ("scan", "signed.jpg")
    assert scan.document_sha256 == sha(AGREEMENT_V1)
    assert docs.find_by_sha256(ctx, sha(b"something else")) is None
    assert docs.find_by_sha256(ctx, "not a hash") is None


def test_sqlite_itself_keeps_signed_versions_and_their_evidence(ctx: Any, case_no: str) -> None:
    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1, final=True)
    docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, "signed.jpg")
    errors = sqlite_errors()
    for statement in (
        "UPDATE document SET content = x'00'",
        "UPDATE document SET file_sha256 = 'x'",
        "UPDATE document SET status = 'printed'",
        "UPDATE document SET signed_via = 'digital'",
        "UPDATE document SET signed_at = NULL",
        "UPDATE document SET supersedes_id = id",
        "DELETE FROM document",
        "UPDATE document_attachment SET content = x'00'",
        "DELETE FROM document_attachment",
    ):
        with pytest.raises(errors.IntegrityError, match=r"immutable|cannot be deleted|are kept"):
            sql(ctx.data_dir, statement)
    with pytest.raises(errors.IntegrityError, match="CHECK"):
        sql(
            ctx.data_dir,
            "INSERT INTO document (case_id, kind, version, status, file_sha256, created_at,"
            " signed_via) VALUES (1, 'notice', 1, 'final', '', '2026-01-01', 'x')",
        )
    assert docs.get_document(ctx, doc.id).status == "signed"


def test_the_orm_refuses_the_same_changes_before_any_sql(ctx: Any, case_no: str) -> None:
    from app.store.records import Document, DocumentAttachment, ImmutableRowError

    doc = docs.create_version(ctx, case_no, "agreement", AGREEMENT_V1, final=True)
    scan = docs.attach_signed_scan(ctx, doc.id, SCAN_JPEG, "signed.jpg").attachments[0]
    changes = (
        (Document, doc.id, "signed_via", "digital"),
        (Document, doc.id, "status", "printed"),
        (Document, doc.id, "content", b"%PDF other"),
        (DocumentAttachment, scan.id, "filename", "other.jpg"),
    )
    for model, key, name, value in changes:
        with pytest.raises(ImmutableRowError), ctx.write() as uow:
            setattr(uow.session.get(model, key), name, value)
            uow.session.flush()
    kept = docs.get_document(ctx, doc.id)
    assert (kept.status, kept.signed_via, kept.attachments) == ("signed", "wet_ink", (scan,))
