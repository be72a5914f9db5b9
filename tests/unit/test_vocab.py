"""Every code of every vocabulary has a Chinese label and an English translation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.domain import session_record, vocab

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "mediation_desk_en.ts"
CONTEXTS = {"account_role": vocab.ROLES}


def translations() -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.findtext("translation", "")
    return found


@pytest.mark.parametrize("name", sorted(vocab.VOCABULARIES))
def test_every_code_has_a_chinese_label_and_its_english(name: str) -> None:
    table = vocab.VOCABULARIES[name]
    english = translations()
    context = CONTEXTS.get(name, vocab.LABELS)
    assert table, name
    for code, label in table.items():
        assert re.fullmatch(r"[a-z][a-z_]*", code), code
        assert re.search(r"[\u4e00-\u9fff]", label), (code, label)
        assert english.get((context, label)), (name, code, label)


def test_the_session_words_have_their_english_too() -> None:
    english = translations()
    labels = [
        *(label for _key, label in session_record.STEPS),
        *session_record.CAPACITIES.values(),
        *session_record.OUTCOMES.values(),
        *session_record.SIDES.values(),
        *(label for asked in session_record.STATEMENT_PROMPTS.values() for _k, label in asked),
    ]
    assert [label for label in labels if not english.get(("session_wizard", label))] == []
    for code, label in session_record.ATTENDEE_ID_TYPES.items():
        assert english.get((vocab.LABELS, label)), code


def test_the_store_checks_the_same_codes() -> None:
    from app.store.models import Base

    checks = " ".join(
        str(constraint.sqltext)
        for table in Base.metadata.tables.values()
        for constraint in table.constraints
        if hasattr(constraint, "sqltext")
    )
    for name in ("lender_type", "party_role", "id_type", "repayment_method", "fee_kind"):
        for code in vocab.VOCABULARIES[name]:
            assert f"'{code}'" in checks, (name, code)
