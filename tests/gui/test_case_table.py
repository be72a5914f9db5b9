"""The case list model: checked by qtmodeltester, masked display, numeric sort, filter."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.gui.fakes import summary
from ui.models.case_table import CASE_ROLE, CaseFilterProxy, CaseTableModel, Column


@pytest.fixture
def model(qapp, sample_cases):
    m = CaseTableModel()
    m.set_cases(sample_cases)
    return m


@pytest.fixture
def proxy(model):
    p = CaseFilterProxy()
    p.setSourceModel(model)
    return p


def shown(proxy: CaseFilterProxy, column: Column) -> list[str]:
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks the resets that follow.
    model.set_cases([summary(n) for n in range(1, 30)])
    model.set_cases([])


def test_empty_model_passes_qtmodeltester(qtmodeltester, qapp):
    qtmodeltester.check(CaseTableModel(), force_py=True)


def test_proxy_passes_qtmodeltester(qtmodeltester, proxy):
    proxy.set_query("张")
    qtmodeltester.check(proxy, force_py=True)


@pytest.fixture
def shanghai_time(monkeypatch):
    """Local time is Beijing time, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_row_shows_masked_identifiers_and_readable_values(model, shanghai_time):
    row = [model.index(0, c).data() for c in Column]
    assert row[Column.CASE_NO] == "TJ-2026-000001"
    assert row[Column.DEBTOR] == "张三"
    assert row[Column.ID_NUMBER] == "4201**********1234"
    assert row[Column.PHONE] == "138****5678"
    assert row[Column.LENDER_TYPE] == "银行"
    assert row[Column.PRINCIPAL] == "100,000.00"
    assert row[Column.CLAIMED] == "131,250.50"
    assert row[Column.STATUS] == "待受理"
    assert row[Column.UPDATED] == "2026-03-02 10:30"  # 02:30 UTC is 10:30 in Beijing
    assert model.index(1, Column.LENDER_TYPE).data() == "民间借贷"
    assert model.index(2, Column.LENDER_TYPE).data() == "信用卡"
    assert model.index(0, 0).data(CASE_ROLE).case_no == "TJ-2026-000001"


def test_identifiers_are_normalised_before_masking(qapp):
    """The domain masks: an imported "+86 138-1234-5678" shows like a typed 13812345678."""
    m = CaseTableModel()
    m.set_cases([summary(1, debtor_phone="+86 138-1234-5678", debtor_id_number="4201 02 x")])
    assert m.index(0, Column.PHONE).data() == "138****5678"
    assert m.index(0, Column.ID_NUMBER).data() == "4*****X"  # short text: one char each end


def test_headers_are_chinese_and_amounts_align_right(model):
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers[:4] == ["案号", "债务人", "身份证号", "手机号"]
    align = model.index(0, Column.PRINCIPAL).data(Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight


def test_amounts_sort_as_numbers_not_text(proxy):
    proxy.sort(Column.PRINCIPAL, Qt.SortOrder.AscendingOrder)
    assert shown(proxy, Column.PRINCIPAL) == ["9,000.00", "25,000.00", "100,000.00"]
    proxy.sort(Column.CLAIMED, Qt.SortOrder.DescendingOrder)
    assert shown(proxy, Column.CLAIMED) == ["131,250.50", "30,000.00", "9,500.00"]


def test_update_time_sorts_by_time(proxy):
    proxy.sort(Column.UPDATED, Qt.SortOrder.DescendingOrder)
    assert shown(proxy, Column.DEBTOR) == ["欧阳娜娜", "李四", "张三"]


@pytest.mark.parametrize(
    ("query", "debtors"),
    [
        ("张三", ["张三"]),  # debtor name
        ("欧阳", ["欧阳娜娜"]),  # part of a name
        ("王五", ["李四"]),  # creditor name
        ("tj-2026-000002", ["李四"]),  # case number, any case
        ("000003", ["欧阳娜娜"]),
        ("199003071234", ["张三"]),  # the masked middle of the ID number
        ("420102199003071234", ["张三"]),  # the whole ID number
        ("12345678", ["张三"]),  # phone digits hidden on screen
        ("139 0000 1111", ["欧阳娜娜"]),  # a phone typed with spaces
        ("银行 张", ["张三"]),  # every word must match
        ("赵六", []),
        ("", ["张三", "李四", "欧阳娜娜"]),
    ],
)
def test_filter_searches_full_values(proxy, query, debtors):
    proxy.set_query(query)
    assert shown(proxy, Column.DEBTOR) == debtors


def test_new_cases_replace_old_ones(model):
    model.set_cases([summary(7, debtor_name="赵六")])
    assert model.rowCount() == 1
    assert model.row_of("TJ-2026-000007") == 0
    assert model.row_of("TJ-2026-000001") == -1
    assert model.index(0, Column.PRINCIPAL).data() == "10,000.00"
    assert model.case_at(0).principal == Decimal("10000.00")
