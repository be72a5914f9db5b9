"""`app.documents.render.render_pdf`: what each document says, its footer, QR code, bytes."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from app.documents.content import content_hash, parse_qr_payload, qr_payload
from app.documents.model import DocumentData, Party
from app.documents.render import KINDS, render_pdf
from app.documents.sample import sample_data
from app.domain.numerals import format_amount, format_date_cn, rmb_upper
from tests.unit.documents.core_checks import (
    all_flat,
    decode_qr,
    flat,
    ink_outside,
    page_images,
    page_texts,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {kind: render_pdf(kind, sample_data(kind)) for kind in KINDS}


def both(amount: Decimal) -> list[str]:
    return [format_amount(amount), rmb_upper(amount)]


def expected(kind: str, data: DocumentData) -> list[str]:
    """What the text of `kind` must contain for the sample case."""
    names = [p.name for p in data.parties]
    ids = [p.id_number for p in data.parties]
    s, claim, recalc = data.settlement, data.claim, data.recalculation
    assert claim is not None and recalc is not None
    plan: list[str] = []
    if s is not None:
        for row in s.rows:
            plan += [format_date_cn(row.due), *both(row.amount)]
    if kind == "notice":
        return [*names, *both(claim.amounts.total), "2026年12月15日9时30分", "第二十三条"]
    if kind == "record":
        assert data.session is not None
        return [*(a.name for a in data.session.attendees),
                *(a.id_number for a in data.session.attendees), "达成调解协议", "已核验"]
    if kind == "termination":
        return [*names, *ids, *both(claim.amounts.total), *both(recalc.lawful.total),
                "第二十六条", "第一百九十五条"]
    assert s is not None
    if kind == "plan":
        return [*names[:2], *both(s.total), *plan]
    if kind == "confirmation":
        return [*names, *ids, *both(s.total), "杭州市西湖区人民法院", "2027年1月14日",
                "第二百零五条、第二百零六条", "第三十三条"]
    agent = data.parties[0].agent
    assert agent is not None
    return [*names, *ids, agent.id_number, *both(s.total), *both(recalc.lawful.total),
            *both(s.waived.total), *both(recalc.reductions.total), *plan, "一式四份",
            "第二十九条"]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_says_who_what_and_how_much(kind: str, rendered: dict[str, bytes]) -> None:
    text = all_flat(rendered[kind])
    missing = [item for item in expected(kind, sample_data(kind)) if flat(item) not in text]
    assert missing == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_has_its_number_count_and_document_number(
    kind: str, rendered: dict[str, bytes]
) -> None:
    pages = page_texts(rendered[kind])
    number = sample_data(kind).meta.number
    for index, text in enumerate(pages, 1):
        assert f"第{index}页共{len(pages)}页" in flat(text)
        assert number in text
    assert 1 <= len(pages) <= 5


def test_agreement_and_plan_annex_pages(rendered: dict[str, bytes]) -> None:
    pages = [flat(t) for t in page_texts(rendered["agreement"])]
    assert pages[0].startswith("人民调解协议书")
    annex = [i for i, t in enumerate(pages) if t.startswith("附件：还款计划表")]
    assert annex and annex[0] >= 2
    assert "人民调解员：陈思远" in "".join(pages[: annex[0]])  # signatures before the annex


def test_qr_on_the_last_page_decodes_to_case_document_and_hash(
    rendered: dict[str, bytes], tmp_path: Path
) -> None:
    data = sample_data("agreement")
    images = page_images(rendered["agreement"], tmp_path, dpi=150)
    assert decode_qr(images[0]) == []
    found = decode_qr(images[-1])
    assert found == [qr_payload(data)]
    fields = parse_qr_payload(found[0])
    assert fields == {"case_no": "TJ-2026-000123", "document": "TJ-2026-000123-XY-01",
                      "sha256": content_hash(data)}


def test_same_data_same_bytes_and_the_documents_own_date(rendered: dict[str, bytes]) -> None:
    again = render_pdf("agreement", sample_data("agreement"))
    assert again == rendered["agreement"]
    info = pypdf.PdfReader(io.BytesIO(again)).metadata
    assert info is not None
    assert info["/CreationDate"] == "D:20261215113000+08'00'"


def test_same_bytes_in_a_fresh_process(rendered: dict[str, bytes], tmp_path: Path) -> None:
    out = tmp_path / "again.pdf"
    code = (
        "import sys; from app.documents.render import render_pdf; "
        "from app.documents.sample import sample_data; "
        "open(sys.argv[1], 'wb').write(render_pdf('agreement', sample_data('agreement')))"
    )
    env_hash = {"PYTHONHASHSEED": "12345"}
    import os

    subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, check=True, timeout=120,
                   env={**os.environ, **env_hash})
    assert out.read_bytes() == rendered["agreement"]


def test_a_changed_amount_changes_the_bytes_and_the_hash() -> None:
    data = sample_data("plan")
    assert data.settlement is not None
    rows = (replace(data.settlement.rows[0], amount=Decimal("10000.01")),
            *data.settlement.rows[1:])
    changed = replace(data, settlement=replace(data.settlement, rows=rows))
    assert content_hash(changed) != content_hash(data)
    assert render_pdf("plan", changed) != render_pdf("plan", data)


def test_fonts_are_embedded_subsets_only() -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf("record", sample_data("record"))))
    fonts = {f.get_object()["/BaseFont"] for p in reader.pages
             for f in p["/Resources"]["/Font"].values()}
    assert fonts and all("+" in str(name) for name in fonts)


def long_case() -> DocumentData:
    return sample_data("agreement", long_names=True)


@pytest.mark.parametrize("kind", ["agreement", "plan", "confirmation", "notice"])
def test_long_names_and_addresses_wrap_inside_the_margins(kind: str, tmp_path: Path) -> None:
    data = replace(sample_data(kind, long_names=True), meta=sample_data(kind).meta)
    pdf = render_pdf(kind, data)
    text = all_flat(pdf)
    creditor, debtor = data.parties[0].name, data.parties[1].name
    assert flat(creditor) in text and flat(debtor) in text
    if kind in ("agreement", "confirmation"):
        assert flat(data.parties[1].address) in text
    normal = len(page_texts(render_pdf(kind, sample_data(kind))))
    assert len(page_texts(pdf)) <= normal + 2
    for page in page_images(pdf, tmp_path):
        # 28 mm binding margin, 20 mm right margin (a hanging comma may use 4 mm of it)
        assert not ink_outside(page, left_mm=26, right_mm=195, bottom_mm=32)


def test_a_long_name_makes_its_signature_row_taller_not_overlapping() -> None:
    from app.documents.context import build_context
    from app.documents.flow import Builder
    from app.documents.signatures import ROW_HEIGHT

    def table_height(data: DocumentData) -> float:
        block = {"type": "signatures", "label": "{role}：{name}", "hint": "（签名）"}
        table = Builder(data, build_context("plan", data)).blocks([block])[-1]
        return float(table.wrap(460, 800)[1])

    short = table_height(sample_data("plan"))
    assert short >= 3 * ROW_HEIGHT
    assert table_height(sample_data("plan", long_names=True)) > short + 5  # its row grows


def signature(shade: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (240, 80), (0, 0, 0, 0))
    ImageDraw.Draw(image).line((10, 60, 120, 10, 230, 50), fill=(shade, 0, 0, 255), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_signature_images_are_drawn_on_the_signature_lines() -> None:
    data = sample_data("plan")
    parties = tuple(replace(p, signature_png=signature(i * 60)) for i, p in enumerate(data.parties))
    signed = replace(data, parties=parties)

    def images(pdf: bytes) -> int:
        return len(pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].images)

    assert images(render_pdf("plan", data)) == 0
    assert images(render_pdf("plan", signed)) == 3


def test_without_a_seal_image_the_place_of_the_seal_is_marked() -> None:
    data = sample_data("notice")
    plain = replace(data, organisation=replace(data.organisation, seal_png=None))
    pdf = render_pdf("notice", plain)
    assert "杭州市西湖区金融纠纷人民调解委员会（印章）" in all_flat(pdf)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].images) == 0


def test_markup_characters_in_names_print_as_typed() -> None:
    data = sample_data("plan")
    odd = Party("debtor", "person", "A&B <张> 公司", "居民身份证", "1", address="x")
    changed = replace(data, parties=(data.parties[0], odd))
    assert "A&B<张>公司" in all_flat(render_pdf("plan", changed))
