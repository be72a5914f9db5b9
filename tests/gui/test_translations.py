"""Every UI string in the code has a finished English translation in the committed .ts."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "mediation_desk_en.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def translation_sources() -> list[Path]:
    """The files `update_translations.py` reads: `ui/` and the domain's vocabularies."""
    script = TS.parent / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.source_files())


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def test_committed_translation_is_complete():
    unfinished = [
        key
        for key, message in messages(TS).items()
        if (message.find("translation") is None)
        or message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert unfinished == []


def test_compiled_qm_matches_the_ts(qapp):
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    stale = []
    for (context, source), message in messages(TS).items():
        element = message.find("translation")
        forms = [f.text for f in element.iter("numerusform")] or [element.text]
        n = 2 if message.get("numerus") == "yes" else -1
        expected = forms[-1] if n == 2 else forms[0]  # %n is filled in later, by Qt
        if translator.translate(context, source, None, n) != expected:
            stale.append((context, source))
    assert stale == [], "run resources/translations/update_translations.py"


@pytest.mark.skipif(
    not LUPDATE.exists() and not shutil.which("pyside6-lupdate"),
    reason="pyside6-lupdate is not installed",
)
def test_every_string_in_the_code_is_in_the_ts(tmp_path):
    sources = [os.path.relpath(p, tmp_path) for p in translation_sources()]
    fresh = tmp_path / "fresh.ts"
    tool = str(LUPDATE) if LUPDATE.exists() else "pyside6-lupdate"
    subprocess.run(
        [tool, *sources, "-ts", fresh.name], cwd=tmp_path, check=True, capture_output=True
    )
    missing = sorted(set(messages(fresh)) - set(messages(TS)))
    assert missing == [], "run resources/translations/update_translations.py and translate"


def test_every_vocabulary_code_shows_in_english(qapp):
    import re

    from ui import i18n, labels
    from ui.views.session_wizard import words

    shown = (
        labels.lender_types, labels.repayment_methods, labels.party_roles, labels.party_kinds,
        labels.id_types, labels.charge_kinds, labels.mediator_roles, labels.account_roles,
        labels.document_kinds, labels.document_statuses, words.capacities,
        words.attendee_id_types, words.outcomes, words.sides,
    )  # fmt: skip
    i18n.install_translators(qapp, "en")
    try:
        chinese = {
            (fn.__name__, code): text
            for fn in shown
            for code, text in fn().items()
            if re.search(r"[\u4e00-\u9fff]", text)
        }
        steps = [step for step in words.steps() if re.search(r"[\u4e00-\u9fff]", step)]
    finally:
        i18n.remove_translators(qapp)
    assert chinese == {} and steps == []
    assert labels.lender_types()["private"] == "民间借贷"
