"""Every UI string in the code has a finished English translation in the committed .ts."""

from __future__ import annotations

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
    sources = sorted(os.path.relpath(p, tmp_path) for p in (ROOT / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    tool = str(LUPDATE) if LUPDATE.exists() else "pyside6-lupdate"
    subprocess.run(
        [tool, *sources, "-ts", fresh.name], cwd=tmp_path, check=True, capture_output=True
    )
    missing = sorted(set(messages(fresh)) - set(messages(TS)))
    assert missing == [], "run resources/translations/update_translations.py and translate"
