"""Supervisor-only changes enforced in the services (certificate, restore, unmasked export),
the key holder the CLI acts as, and masking of case lists and whole cases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.documents.org_identity import identity_exists
from app.domain.errors import DomainError
from app.services.cases import privacy as privacy
from app.services.cases import service as cases
from app.services.maintenance import backup as bk
from app.services.maintenance import restore as rs
from app.services.organisation.accounts import SignedIn, key_holder
from app.services.organisation.certificate import create_certificate
from app.store.records import AuditEvent
from tests.store_fixtures import GOOD_ID, GOOD_MOBILE, new_case

pytest.importorskip("app.domain.identifiers")

CLERK = SignedIn("xiaoli", "小李", "mediator", datetime(2026, 3, 2, 1, 0, tzinfo=UTC))


def audit(ctx: Any) -> list[tuple[str, str, dict[str, Any]]]:
    with ctx.read() as uow:
        rows = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        return [(e.actor, e.action, dict(e.detail or {})) for e in rows]


def test_the_key_holder_is_a_supervisor_named_after_where_it_acts(ctx: Any) -> None:
    import getpass

    cli = key_holder()
    assert cli.role == "supervisor" and cli.username == f"cli:{getpass.getuser()}"
    assert all(cli.can(p) for p in ("organisation", "certificates", "lpr", "export"))
    assert key_holder(ctx).username == "cli:测试员" and key_holder(ctx).at == ctx.now()
    assert key_holder("gui:王芳").username == "gui:王芳"
    assert key_holder("gui:王芳").display_name == "王芳"


def test_only_a_supervisor_creates_the_certificate(ctx: Any) -> None:
    with pytest.raises(DomainError, match="“数字证书”只能由主管管理"):
        create_certificate(ctx, "滨江市调解委员会", "口令-2026", by=CLERK)
    assert not identity_exists(ctx.data_dir)
    info = create_certificate(ctx, "滨江市调解委员会", "口令-2026", by=key_holder("gui:王主任"))
    assert info.common_name == "滨江市调解委员会" and identity_exists(ctx.data_dir)
    actor, action, detail = audit(ctx)[-1]
    assert (actor, action) == ("gui:王主任", "organisation.certificate_created")
    assert detail["certificate_sha256"] == info.fingerprint_sha256


def test_a_mediator_cannot_restore_and_nothing_changes(ctx: Any, tmp_path: Path) -> None:
    cases.create_case(ctx, new_case())
    saved = bk.create_backup(ctx, to=tmp_path / "usb", by=CLERK).path
    assert audit(ctx)[-1][:2] == ("xiaoli", "backup.created")  # anyone may back up
    cases.create_case(ctx, new_case(debtor_name="李芳"))
    data_dir = ctx.data_dir
    ctx.close()
    before = (data_dir / "cases.db").stat().st_mtime_ns
    with pytest.raises(DomainError, match="只能由主管操作"):
        rs.restore_backup(data_dir, saved, by=CLERK)
    assert (data_dir / "cases.db").stat().st_mtime_ns == before
    assert not (data_dir / "backups").exists() or not list(
        (data_dir / "backups").glob("*before-restore*")
    )
    result = rs.restore_backup(data_dir, saved, by=key_holder("gui:王主任"))
    assert result.cases == 1 and result.safety_backup is not None


def test_a_backup_folder_that_cannot_be_written_is_explained(ctx: Any, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "U盘"
    not_a_folder.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(DomainError, match=r"无法写入备份文件夹.*U 盘.*没有做备份"):
        bk.create_backup(ctx, to=not_a_folder / "备份")
    assert all(action != "backup.created" for _a, action, _d in audit(ctx))


def test_lists_and_cases_are_masked_for_persons_only(ctx: Any) -> None:
    summary = cases.create_case(ctx, new_case())
    row = privacy.masked_summary(summary)
    assert (row.debtor_id_number, row.debtor_phone) == ("1101**********002X", "139****5678")
    detail = privacy.masked_detail(cases.get_case(ctx, summary.case_no))
    debtor = next(p for p in detail.parties if p.role == "debtor")
    creditor = next(p for p in detail.parties if p.role == "creditor")
    assert (debtor.id_number, debtor.phone) == ("1101**********002X", "139****5678")
    full = next(p for p in cases.get_case(ctx, summary.case_no).parties if p.role == "creditor")
    assert creditor == full  # an organisation's credit code is public
    assert GOOD_ID not in repr(detail) and GOOD_MOBILE not in repr(detail)


def test_an_unmasked_export_needs_the_export_right_and_is_logged(ctx: Any) -> None:
    summary = cases.create_case(ctx, new_case())
    with pytest.raises(DomainError, match="导出未遮盖的个人信息"):
        privacy.record_unmasked_export(ctx, CLERK, "cases list", [summary.case_no])
    assert all(action != "export.unmasked" for _a, action, _d in audit(ctx))
    privacy.record_unmasked_export(ctx, key_holder(ctx), "cases list", [summary.case_no])
    actor, action, detail = audit(ctx)[-1]
    assert (actor, action) == ("cli:测试员", "export.unmasked")
    assert detail == {
        "what": "cases list",
        "fields": ["id_number", "phone"],
        "cases": 1,
        "case_nos": [summary.case_no],
    }


def test_a_reveal_is_logged_under_the_signed_in_user(ctx: Any) -> None:
    summary = cases.create_case(ctx, new_case())
    party = next(p for p in cases.get_case(ctx, summary.case_no).parties if p.role == "debtor")
    shown = privacy.reveal_personal_data(ctx, summary.case_no, party.id, "phone", by=CLERK)
    assert shown.value == GOOD_MOBILE
    actor, action, detail = audit(ctx)[-1]
    assert (actor, action, detail["field"]) == ("xiaoli", "party.revealed", "phone")
