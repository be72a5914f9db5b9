"""The store on a real SQLite file: column types, pragmas, transactions, guards."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError, StatementError

from app.domain.errors import DomainError
from app.store.models import Case, LoanTerms, Organisation, Party, Payment
from app.store.records import AuditEvent, Document, ImmutableRowError, RecalcSnapshot
from app.store.unit_of_work import MissingAuditEvent, ReadOnlyViolation, Store
from tests.security_fixtures import store_key

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def add_case(store: Store, case_no: str = "TJ-2026-900001", **loan: Any) -> int:
    with store.write("测试员", T0) as uow:
        case = Case(case_no=case_no, created_at=T0, updated_at=T0)
        terms = {
            "lender_type": "bank",
            "contract_date": date(2021, 3, 15),
            "disbursement_date": date(2021, 3, 15),
            "principal": Decimal("100000.00"),
            "disbursed": Decimal("95000.00"),
            "maturity": date(2022, 3, 15),
        }
        case.loan = LoanTerms(**(terms | loan))
        uow.session.add(case)
        uow.record("case.created", case=case)
        return case.id


def raw(store: Store, sql: str, **params: Any) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(text(sql), params))


# -- money and other column types ---------------------------------------------------------------


def test_money_is_stored_as_integer_fen_and_read_back_to_the_fen(store: Store) -> None:
    case_id = add_case(store, principal=Decimal("12345678.91"), disbursed=Decimal("0.01"))
    assert raw(store, "SELECT principal, typeof(principal), disbursed FROM loan_terms") == [
        (1234567891, "integer", 1)
    ]
    with store.read() as uow:
        loan = uow.session.get(Case, case_id).loan
        assert loan.principal == Decimal("12345678.91")
        assert str(loan.disbursed) == "0.01"


@pytest.mark.parametrize("bad", [Decimal("100.001"), Decimal("0.005")])
def test_money_refuses_fractions_of_a_fen(store: Store, bad: Decimal) -> None:
    with pytest.raises(StatementError, match="fractions of a fen"):
        add_case(store, principal=bad + 1000, disbursed=bad)


def test_money_refuses_floats(store: Store) -> None:
    with pytest.raises(StatementError, match="finite Decimal"):
        add_case(store, principal=100000.0)


def test_rates_are_text_decimals_never_real(store: Store) -> None:
    case_id = add_case(store, annual_rate=Decimal("0.0612"), overdue_rate=Decimal("0.0918"))
    rows = raw(store, "SELECT annual_rate, typeof(annual_rate), overdue_rate FROM loan_terms")
    assert rows == [("0.0612", "text", "0.0918")]
    with store.read() as uow:
        assert uow.session.get(Case, case_id).loan.annual_rate == Decimal("0.0612")


def test_timestamps_are_stored_in_utc_and_come_back_aware(store: Store) -> None:
    beijing = timezone(timedelta(hours=8))
    with store.write("测试员", datetime(2026, 1, 1, 7, 30, tzinfo=beijing)) as uow:
        case = Case(case_no="TJ-2026-900002", created_at=uow.now, updated_at=uow.now)
        uow.session.add(case)
        uow.record("case.created", case=case)
    assert raw(store, 'SELECT created_at FROM "case"') == [("2025-12-31 23:30:00.000000",)]
    with store.read() as uow:
        (found,) = uow.cases.search()
        assert found.created_at == datetime(2025, 12, 31, 23, 30, tzinfo=UTC)
        assert found.created_at.tzinfo is UTC


def test_naive_timestamps_are_refused(store: Store) -> None:
    naive = datetime(2026, 1, 1, 8, 0)
    with pytest.raises(StatementError, match="aware datetime"), store.write("测试员", T0) as uow:
        uow.session.add(Case(case_no="TJ-2026-900003", created_at=naive, updated_at=T0))
        uow.session.flush()


# -- pragmas and transactions ---------------------------------------------------------------------


def test_every_connection_gets_the_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        found = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "busy_timeout", "synchronous")
        }
    assert found == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "busy_timeout": 5000,
        "synchronous": 2,
    }  # 2 = FULL


def test_writes_begin_immediate_and_reads_begin_deferred(store: Store) -> None:
    seen: list[str] = []

    def log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("BEGIN"):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", log)
    add_case(store)
    with store.read() as uow:
        uow.cases.count()
    assert seen == ["BEGIN IMMEDIATE", "BEGIN DEFERRED"]


def test_a_second_writer_is_refused_at_once_with_a_calm_message(
    store: Store, data_dir: Path
) -> None:
    other = Store(data_dir / "cases.db", key=store_key(data_dir), busy_timeout_ms=50)
    try:
        with store.write("A", T0):
            with pytest.raises(DomainError, match="占用"), other.write("B", T0):
                pytest.fail("the second writer must not get in")
            with other.read() as uow:  # WAL: readers are not blocked by the writer
                assert uow.cases.count() == 0
    finally:
        other.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), store.write("测试员", T0) as uow:
        uow.session.add(Party(case_id=4242, role="debtor", name="无案件"))
        uow.record("party.added")


def test_a_write_without_an_audit_event_is_a_bug_and_is_rolled_back(store: Store) -> None:
    with pytest.raises(MissingAuditEvent), store.write("测试员", T0) as uow:
        uow.session.add(Organisation(name="调解委员会"))
    assert raw(store, "SELECT count(*) FROM organisation") == [(0,)]


def test_a_read_unit_of_work_cannot_write(store: Store) -> None:
    with pytest.raises(ReadOnlyViolation), store.read() as uow:
        uow.session.add(Organisation(name="调解委员会"))
        uow.session.flush()


def test_an_exception_rolls_the_whole_unit_back(store: Store) -> None:
    with pytest.raises(RuntimeError, match="boom"), store.write("测试员", T0) as uow:
        case = Case(case_no="TJ-2026-900009", created_at=T0, updated_at=T0)
        uow.session.add(case)
        uow.record("case.created", case=case)
        raise RuntimeError("boom")
    assert raw(store, 'SELECT count(*) FROM "case"') == [(0,)]
    assert raw(store, "SELECT count(*) FROM audit_event") == [(0,)]


def test_one_creditor_per_case(store: Store) -> None:
    case_id = add_case(store)
    with pytest.raises(IntegrityError, match="UNIQUE"), store.write("测试员", T0) as uow:
        for name in ("甲银行", "乙银行"):
            uow.session.add(Party(case_id=case_id, role="creditor", kind="organisation", name=name))
        uow.record("party.added")


def test_check_constraints_refuse_unknown_codes(store: Store) -> None:
    with pytest.raises(IntegrityError, match="ck_loan_terms_lender_type"):
        add_case(store, lender_type="pawnshop")


# -- immutable rows --------------------------------------------------------------------------------


def _snapshot_and_signed_document(store: Store) -> None:
    case_id = add_case(store)
    with store.write("测试员", T0) as uow:
        uow.session.add(
            RecalcSnapshot(
                case_id=case_id,
                as_of=date(2026, 3, 1),
                input_json={},
                output_json={},
                engine_version="1",
                sha256="0" * 64,
                created_at=T0,
            )
        )
        uow.session.add(
            Document(
                case_id=case_id,
                kind="agreement",
                status="signed",
                file_sha256="a" * 64,
                content=b"%PDF",
                created_at=T0,
            )
        )
        uow.record("documents.added")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE recalc_snapshot SET engine_version = '2'",
        "DELETE FROM recalc_snapshot",
        "UPDATE audit_event SET actor = '别人'",
        "DELETE FROM audit_event",
        "UPDATE document SET content = x'00'",
        "UPDATE document SET status = 'draft'",
        "DELETE FROM document",
    ],
)
def test_triggers_keep_history_immutable_for_any_writer(store: Store, sql: str) -> None:
    _snapshot_and_signed_document(store)
    with (
        pytest.raises(IntegrityError, match=r"immutable|cannot be deleted"),
        store.engine.begin() as conn,
    ):
        conn.exec_driver_sql(sql)


def test_a_signed_document_stays_signed_and_a_printed_one_may_become_signed(
    store: Store,
) -> None:
    _snapshot_and_signed_document(store)
    with pytest.raises(IntegrityError, match="immutable"), store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE document SET status = 'printed'")  # printing is an event
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO document (case_id, kind, version, status, file_sha256, content,"
            " created_at) SELECT case_id, kind, 2, 'printed', file_sha256, content, created_at"
            " FROM document"
        )
        conn.exec_driver_sql("UPDATE document SET status = 'signed' WHERE version = 2")
    assert raw(store, "SELECT version, status FROM document") == [(1, "signed"), (2, "signed")]


def test_the_orm_refuses_changes_to_immutable_rows_before_sql_is_sent(store: Store) -> None:
    _snapshot_and_signed_document(store)
    with pytest.raises(ImmutableRowError), store.write("测试员", T0) as uow:
        event_row = uow.session.get(AuditEvent, 1)
        event_row.actor = "别人"
        uow.session.flush()


def test_payments_must_be_positive(store: Store) -> None:
    case_id = add_case(store)
    with pytest.raises(IntegrityError, match="amount_positive"), store.write("测试员", T0) as uow:
        uow.session.add(Payment(case_id=case_id, date=date(2022, 1, 1), amount=Decimal(0)))
        uow.record("payment.added")
