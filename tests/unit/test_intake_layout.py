"""The header row and its columns, and cells as text: merged header cells, two-level
headers, units in brackets, a 合计 row, the classic spreadsheet traps."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.services.intake.cells import as_amount, as_date, as_id, as_term, clean
from app.services.intake.layout import column_letter, find_layout
from app.services.intake.reader import FileRefused, Sheet, decode_csv

HEADER = [
    "合同编号",
    "债权人",
    "借款人姓名",
    "身份证号",
    "出借人类型",
    "合同日期",
    "借款本金（元）",
    "还款方式",
    "主张截止日",
    "剩余本金",
]


def test_units_in_brackets_and_full_width_headers_match() -> None:
    layout = find_layout(Sheet("s", [[" 合同编号 ", *HEADER[1:]], ["x"] * len(HEADER)]), {}, set())
    assert layout.fields["principal"] == 6 and layout.fields["contract_no"] == 0
    assert layout.header_row == 0 and layout.data_start == 1


def test_a_header_merged_across_columns_is_named_with_its_fix() -> None:
    rows = [[*HEADER, "客户经理", ""], ["x"] * 12]
    layout = find_layout(Sheet("s", rows, [((0, 10), (0, 11))]), {}, set())
    assert any("K1:L1" in w and "取消合并" in w for w in layout.warnings)


def test_a_two_level_header_reads_group_and_sub_header() -> None:
    top = ["", "", "借款人", "", *[""] * 6]
    sub = ["合同编号", "债权人", "姓名", "身份证号", *HEADER[4:]]
    sheet = Sheet("s", [top, sub, ["x"] * 10], [((0, 2), (0, 3))])
    layout = find_layout(sheet, {}, set())
    assert layout.header_row == 1 and layout.fields["debtor_name"] == 2


def test_a_required_column_missing_refuses_the_sheet_naming_the_names() -> None:
    with pytest.raises(FileRefused, match="身份证号、身份证号码、证件号码"):
        find_layout(Sheet("s", [[h for h in HEADER if h != "身份证号"]]), {}, set())


def test_cells_as_text() -> None:
    assert clean(" 王\u3000芳\u200b ") == "王 芳"
    assert as_id(4.20106198503124e17)[1] is not None and as_id("4.20106E+17")[1] is not None
    assert as_id("11010519491231002x") == ("11010519491231002x", None)
    assert as_date(datetime(2023, 3, 10, 0, 0)) == ("2023-03-10", None)
    assert as_date(20230310) == ("20230310", None)
    assert as_date(44995.0)[1] is not None and "日期序号" in str(as_date(44995.0)[1])
    assert as_date("2023/3/10 0:00:00") == ("2023/3/10", None)
    assert as_amount(1234.56) == ("1234.56", None) and as_amount(0.1 + 0.2) == ("0.3", None)
    assert as_amount("1,234.50元") == ("1,234.50", None)
    assert as_term(12.0) == ("12", None) and as_term("24期") == ("24", None)
    assert date(2023, 3, 10).isoformat() == "2023-03-10"


def test_csv_encodings() -> None:
    text = "合同编号,借款人\r\nA,张三\r\n"
    assert decode_csv(text.encode("utf-8"), "a.csv") == (text, "UTF-8")
    assert decode_csv(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.csv") == (text, "UTF-8-BOM")
    assert decode_csv(text.encode("gbk"), "a.csv") == (text, "GB18030")
    with pytest.raises(FileRefused, match="GB18030"):
        decode_csv(text.encode("utf-16"), "a.csv")
    assert column_letter(0) == "A" and column_letter(26) == "AA"
