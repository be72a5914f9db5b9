"""Personal data shown with care: revealing a full number is audited (never the number
itself), exports are masked unless a supervisor chooses otherwise, and logs and SQL errors
carry no ID or phone numbers."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.domain.errors import DomainError
from app.services.cases import privacy as privacy
from app.services.cases import service as cases
from app.services.organisation import accounts as acc
from app.store.audit import AuditLog
from tests.store_fixtures import GOOD_ID, GOOD_MOBILE, FixedClock, new_case

pytest.importorskip("app.domain.identifiers")


@pytest.fixture
def debtor(ctx: Any) -> tuple[str, int]:
    summary = cases.create_case(ctx, new_case())
    detail = cases.get_case(ctx, summary.case_no)
    party = next(p for p in detail.parties if p.role == "debtor")
    return summary.case_no, party.id


def test_revealing_a_number_is_audited_without_the_number(
    ctx: Any, debtor: tuple[str, int], clock: FixedClock
) -> None:
    case_no, party_id = debtor
    before = cases.get_case(ctx, case_no).summary.updated_at
    clock.advance(minutes=5)
    shown = privacy.reveal_personal_data(ctx, case_no, party_id, "id_number", reason="核对身份")
    phone = privacy.reveal_personal_data(ctx, case_no, party_id, "phone")
    assert (shown.value, shown.masked) == (GOOD_ID, "1101**********002X")
    assert (phone.value, phone.masked) == (GOOD_MOBILE, "139****5678")
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        events = [e for e in uow.audit.for_case(case.id) if e.action == "party.revealed"]
        assert [e.detail["field"] for e in events] == ["id_number", "phone"]
        assert events[0].detail == {
            "party_id": party_id,
            "role": "debtor",
            "field": "id_number",
            "reason": "核对身份",
        }
        assert events[0].actor == "测试员" and events[0].at == clock.now
        assert all(
            GOOD_ID not in str(e.detail) and GOOD_MOBILE not in str(e.detail) for e in events
        )
        assert AuditLog(uow.session).verify() == []
    assert cases.get_case(ctx, case_no).summary.updated_at == before  # looking is not changing


def test_only_id_and_phone_of_a_party_of_that_case(ctx: Any, debtor: tuple[str, int]) -> None:
    case_no, party_id = debtor
    with pytest.raises(DomainError, match="只能显示证件号码或手机号码"):
        privacy.reveal_personal_data(ctx, case_no, party_id, "address")
    with pytest.raises(DomainError, match="没有编号为 9999 的当事人"):
        privacy.reveal_personal_data(ctx, case_no, 9999, "phone")
    with ctx.read() as uow:
        assert uow.audit.last().action != "party.revealed"


def test_exports_are_masked_unless_a_supervisor_chooses(ctx: Any) -> None:
    assert privacy.export_value("id_number", GOOD_ID) == "1101**********002X"
    assert privacy.export_value("phone", "") == ""
    assert privacy.export_value("id_number", "X1") == "**"
    with pytest.raises(DomainError, match="主管"):
        privacy.export_value("phone", GOOD_MOBILE, unmasked=True)
    acc.create_first_supervisor(ctx, "boss", "主管", "主管-密码-2026")
    boss = acc.sign_in(ctx, "boss", "主管-密码-2026")
    assert privacy.export_value("phone", GOOD_MOBILE, unmasked=True, by=boss) == GOOD_MOBILE
    acc.create_account(ctx, boss, "wang", "王芳", "mediator", "调解员-密码-2026")
    mediator = acc.sign_in(ctx, "wang", "调解员-密码-2026")
    with pytest.raises(DomainError, match="主管"):
        privacy.export_value("phone", GOOD_MOBILE, unmasked=True, by=mediator)


def test_sql_errors_do_not_carry_the_values(ctx: Any, debtor: tuple[str, int]) -> None:
    with pytest.raises(IntegrityError) as caught, ctx.store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO party (case_id, role, kind, name, id_number)"
                " VALUES (:c, :r, 'x', :n, :i)"
            ),
            {"c": 1, "r": "nobody", "n": "王建国", "i": GOOD_ID},
        )
    message = str(caught.value)
    assert "parameters hidden" in message
    assert GOOD_ID not in message and "王建国" not in message


@pytest.mark.logs_errors("it logs an exception to see the traceback masked")
def test_the_log_filter_masks_numbers_in_messages_and_tracebacks(tmp_path: Path) -> None:
    logger = logging.getLogger("privacy-test")
    handler = logging.FileHandler(tmp_path / "app.log", encoding="utf-8")
    handler.addFilter(privacy.RedactingFilter())
    logger.addHandler(handler)
    try:
        logger.warning("looked up %s / %s", GOOD_ID, "+86 139-1234-5678")
        try:
            raise ValueError(f"bad card 6222021234567890123 for {GOOD_MOBILE}")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
        handler.close()
    written = (tmp_path / "app.log").read_text(encoding="utf-8")
    assert "110105********002X" in written and "6222********0123" in written
    for number in (GOOD_ID, GOOD_MOBILE, "1234-5678", "6222021234567890123"):
        assert number not in written
    assert "Traceback" in written and "ValueError" in written
