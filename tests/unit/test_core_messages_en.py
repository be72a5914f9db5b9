"""The core's messages in English (`app.i18n`, `resources/translations/core_en.json`): every
template of a covered module has English, and real messages come out English end to end."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app import i18n
from app.domain.errors import DomainError
from tools.extract_core_messages import extract, fields, load_catalogue

CHINESE = re.compile(r"[\u4e00-\u9fff]")
QUOTED = re.compile(r'"[^"]*"')  # Chinese the user is to type, quoted in the English

# The modules whose every message must have English; the list grows until it is `app`.
COVERED = (
    "app.domain", "app.services", "app.store", "app.security", "app.i18n",
    "app.cli.inputs", "app.cli.json_input", "app.cli.main",
)


def test_every_message_of_a_covered_module_has_english() -> None:
    catalogue = load_catalogue()
    missing = sorted(
        {f"{t.module}:{t.line}: {t.text}" for t in extract(COVERED) if t.text not in catalogue}
    )
    assert missing == []


def test_the_english_uses_only_the_sources_fields_and_no_chinese() -> None:
    """A field may be left out (a message whose English half already says it), never added."""
    wrong = [
        (source, english)
        for source, english in load_catalogue().items()
        if not fields(english) <= fields(source)
        or CHINESE.search(QUOTED.sub("", english))
        or not english.strip()
    ]
    assert wrong == []


def test_the_extraction_rule() -> None:
    """f-string fields numbered by first appearance, docstrings and logs left out."""
    found = {t.text for t in extract(("app.domain.recalc",))}
    assert "more than {0} items（最多 {0} 项，请检查）" in found  # the same field twice
    assert "第 {0} 期利息到期" in found
    assert "罚息：逾期本金 × 逾期利率 × 天数 / {basis}" in found  # a plain string's own field
    assert not any(t.module.startswith("app.documents") for t in extract(("app",)))


def test_a_message_is_translated_with_its_values() -> None:
    english = i18n.translate("身份证号最后一位校验码应为X，请核对。", "en")
    assert english == (
        "The last character of the ID number (its check digit) should be X; please check it."
    )
    assert i18n.translate("身份证号最后一位校验码应为X，请核对。", "zh_CN").startswith("身份证号")


def test_a_note_made_of_pieces_and_labels_is_translated_whole() -> None:
    note = (
        "还款冲抵：利息 603.33、罚息 100.00；多付 5.00（债权人应返还）；"
        "冲抵顺序按民法典第五百六十一条（实现债权费用→利息→罚息→复利→费用→本金）"
    )
    assert i18n.translate(note) == (
        "Payment allocated: interest 603.33, penalty interest 100.00; overpaid 5.00 (to be "
        "returned by the creditor); allocated in the order of Civil Code art. 561 (costs of "
        "recovery→interest→penalty interest→compound interest→charges→principal)"
    )
    joined = "第 1 期利息到期（提前还款后按未到期本金 270000.00 / 300000.00 调整）"
    assert i18n.translate(joined) == (
        "Instalment 1: interest falls due (adjusted after prepayment by principal not yet due "
        "270000.00 / 300000.00)"
    )


def test_unknown_text_comes_back_as_it_was_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="app.i18n"):
        assert i18n.translate("这句话不在目录里。") == "这句话不在目录里。"
    assert "这句话不在目录里" in caplog.text
    assert i18n.translate("plain English 12.00") == "plain English 12.00"


def test_a_wrong_check_digit_is_refused_in_english() -> None:
    from app.domain.identifiers import check_resident_id, make_resident_id

    good = make_resident_id("110105", date(1980, 5, 1), 12)
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    problem = check_resident_id(wrong, today=date(2026, 1, 1))
    assert problem and CHINESE.search(problem)
    english = i18n.translate(problem)
    assert english.startswith("The last character of the ID number") and not CHINESE.search(english)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from app.services.demo.service import seed_demo
    from app.services.startup import open_context

    folder = tmp_path_factory.mktemp("core-en") / "data"
    with open_context(folder, actor="演示") as ctx:
        seed_demo(ctx)
    yield folder


def test_every_note_of_every_demo_recalculation_is_english(demo_store: Path) -> None:
    """The notes, warnings and legal bases of the 24 demo cases, as the panel shows them."""
    from app.services.cases import service as cases
    from app.services.recalc import service as rc
    from app.services.startup import open_context

    untranslated: set[str] = set()
    with open_context(demo_store, actor="检查") as ctx:
        for case in cases.list_cases(ctx):
            try:
                shown = rc.preview(ctx, case.case_no, date(2026, 6, 30))
            except DomainError:
                continue
            out = shown
            texts = [line["note"] for line in out["lines"] if line["note"]]
            texts += out["warnings"] + [cap["basis"] for cap in out["regime"]["caps"]]
            untranslated |= {t for t in texts if CHINESE.search(i18n.translate(t))}
    assert sorted(untranslated) == []


def test_the_cli_prints_its_errors_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli.main import main

    bad = tmp_path / "case.json"
    bad.write_text('{"lender_type": "bank", "principal": "-5"}', encoding="utf-8")
    assert main(["--lang", "en", "recalc", str(bad)]) == 2
    english = capsys.readouterr().err
    assert main(["--lang", "zh_CN", "recalc", str(bad)]) == 2
    chinese = capsys.readouterr().err
    assert CHINESE.search(chinese) and english and not CHINESE.search(english)
    i18n.set_language("zh_CN")



def test_an_import_problem_joined_from_two_messages_reads_as_two_sentences() -> None:
    """A bad ID number with intake's hint after it (`f"{reason}{hint}"` in the importer)."""
    from app.domain.identifiers import check_resident_id
    from app.services.intake.cells import ID_LOST_DIGITS

    problem = check_resident_id("110105198005010000", today=date(2026, 1, 1))
    assert problem
    english = i18n.translate(problem + ID_LOST_DIGITS)
    assert english.startswith("The last character of the ID number (its check digit) should be")
    assert "; please check it. The last three digits are 000: Excel seems" in english
    assert not CHINESE.search(english)
