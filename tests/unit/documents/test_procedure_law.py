"""The documents cite the current procedure law (issue 16, item 7), read back from the
rendered PDFs: the application for judicial confirmation and the agreement's own clause
cite 《民事诉讼法》第二百零五条、第二百零六条 and 《人民调解法》第三十三条; a case a court
entrusted to the centre before filing (委派调解) also 《特邀调解规定》第十九条、第二十四条."""

from __future__ import annotations

import pytest

from app.documents.pdf import render_pdf
from tests.unit.documents.pdf_checks import all_text
from tests.unit.documents.sample import sample

CPL = "《中华人民共和国民事诉讼法》第二百零五条、第二百零六条"
PML = "《中华人民共和国人民调解法》第三十三条"
INVITED = "《最高人民法院关于人民法院特邀调解的规定》第十九条、第二十四条"
COURT = "杭州市滨江区人民法院"


@pytest.fixture(scope="module")
def texts() -> dict[tuple[str, bool], str]:
    """(kind, entrusted) → the text of the rendered PDF."""
    out = {}
    for kind in ("confirmation", "agreement"):
        for entrusted in (False, True):
            data = sample(kind, entrusting_court=COURT if entrusted else "")
            out[(kind, entrusted)] = all_text(render_pdf(kind, data))
    return out


def test_the_application_cites_the_procedure_law_and_the_mediation_law(texts) -> None:
    text = texts[("confirmation", False)]
    assert f"依照{CPL}和{PML}的规定，申请人自调解协议生效之日起三十日内共同提出申请" in text
    assert "特邀调解" not in text and "关于确认调解协议案件的规定" not in text


def test_an_entrusted_cases_application_also_cites_the_invited_mediation_rules(texts) -> None:
    text = texts[("confirmation", True)]
    assert f"本纠纷系{COURT}在立案前委派滨江区金融纠纷人民调解委员会调解的案件" in text
    assert f"依照{CPL}，{PML}和{INVITED}的规定" in text


def test_the_agreements_clause_on_judicial_confirmation_cites_the_same(texts) -> None:
    plain, entrusted = texts[("agreement", False)], texts[("agreement", True)]
    assert f"共同向有管辖权的人民法院申请司法确认（{CPL}，{PML}）。" in plain
    assert "特邀调解" not in plain
    assert f"共同向{COURT}申请司法确认（{CPL}，{PML}，{INVITED}）。" in entrusted
    assert f"本纠纷系{COURT}在立案前委派调解" in entrusted
