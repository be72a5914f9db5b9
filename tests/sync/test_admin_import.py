"""`admin import FILE`: a lender's CSV through the laptop's own importer into the office,
then handed out with `admin assign`. Skipped while the build has no batch importer
(`app.services.intake`, branch intake) — it runs as soon as that is merged."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.sync.processes import admin, admin_json

HEADERS = ("合同编号", "债权人", "借款人姓名", "身份证号", "手机号", "出借人类型", "合同日期",
           "借款本金", "年利率", "还款方式", "期数", "主张截止日", "剩余本金", "欠息")
IDS = ("11010519491231002X", "440524198001010013", "110105198502030015")


def _csv(path: Path, contracts: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADERS)
        for n, contract in enumerate(contracts):
            out.writerow([contract, "滨江消费金融有限公司", f"借款人{n}", IDS[n % 3],
                          f"1391234{n:04d}", "消费金融公司", "2022-03-10", "50000", "18%",
                          "等额本息", "12", "2025-06-30", "30000.50", "1234.56"])
    return path


def test_a_batch_imported_at_the_office_is_handed_out(office_url: str, tmp_path: Path) -> None:
    pytest.importorskip("app.services.intake.service")
    first = _csv(tmp_path / "b1.csv", ["HT-001", "HT-002", "HT-003"])
    done = admin(office_url, "import", str(first), "--batch", "滨江2026-03")
    assert done.returncode == 0, done.stderr
    cases = admin_json(office_url, "cases")
    assert len(cases) == 3 and {c["holder"] for c in cases} == {None}
    assert {c["status"] for c in cases} == {"intake"}
    again = admin(office_url, "import", str(_csv(tmp_path / "b2.csv", ["HT-003", "HT-004"])),
                  "--batch", "滨江2026-04")
    assert again.returncode == 1  # HT-003 is already at the office: reported, not imported
    assert len(admin_json(office_url, "cases")) == 4
    assert admin(office_url, "assign", "--batch", "滨江2026-03", "--mediator", "张调解员",
                 "--count", "2").returncode == 0
    holders = sorted(str(c["holder"]) for c in admin_json(office_url, "cases"))
    assert holders == ["None", "None", "张调解员", "张调解员"]


def test_without_the_importer_admin_import_says_so(office_url: str, tmp_path: Path) -> None:
    try:
        import app.services.intake.service  # noqa: F401
    except ImportError:
        done = admin(office_url, "import", str(_csv(tmp_path / "b.csv", ["HT-1"])))
        assert done.returncode == 2 and "批量导入" in done.stderr
    else:
        pytest.skip("the importer is in this build")
