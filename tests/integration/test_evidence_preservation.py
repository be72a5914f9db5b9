"""存证: evidence kept encrypted with its SHA-256, never changed; the sealed certificate;
`verify` finds a changed or missing file (exit 1), and keeps its old behaviour otherwise."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import InputError
from tests.session_fixtures import copy_demo, make_demo
from tests.unit.documents.pdf_checks import all_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("evidence") / "data")


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    return copy_demo(template, tmp_path / "data")


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[Any]:
    from app.services.context import open_context

    with open_context(data_dir, actor="张调解员", migrate=False) as context:
        yield context


def failed_case(ctx: Any) -> str:
    from app.services.cases.service import list_cases

    return next(c.case_no for c in list_cases(ctx) if c.status == "terminated")


def test_a_file_is_kept_once_with_its_hash_time_source_and_who(ctx: Any) -> None:
    from app.services.litigation.evidence import add_evidence, case_evidence, evidence_content

    case_no = failed_case(ctx)
    before = len(case_evidence(ctx, case_no))
    data = b"%PDF-1.4 a transfer slip"
    item = add_evidence(
        ctx,
        data,
        "C:\\银行\\转账回单.pdf",
        "transfer",
        case_no=case_no,
        source="债权人邮件 2026-06-01",
    )
    again = add_evidence(ctx, data, "copy.pdf", "transfer", case_no=case_no)
    assert again.id == item.id and len(case_evidence(ctx, case_no)) == before + 1
    assert item.sha256 == hashlib.sha256(data).hexdigest() and item.size == len(data)
    assert (item.filename, item.title, item.media_type) == (
        "转账回单.pdf",
        "转账回单",
        "application/pdf",
    )
    assert item.source == "债权人邮件 2026-06-01" and item.added_by == "张调解员"
    assert item.added_at.tzinfo is not None
    assert evidence_content(ctx, item.id) == data


def test_the_bytes_are_encrypted_and_never_changed(ctx: Any, data_dir: Path) -> None:
    from sqlalchemy import text

    from app.services.litigation.evidence import add_evidence

    marker = b"UNIQUE-EVIDENCE-MARKER-0123456789"
    item = add_evidence(ctx, marker * 10, "m.txt", "other", case_no=failed_case(ctx))
    assert marker not in (data_dir / "cases.db").read_bytes()
    with pytest.raises(sqlite3.DatabaseError):  # the store is SQLCipher: not plain SQLite
        sqlite3.connect(data_dir / "cases.db").execute("SELECT 1 FROM evidence").fetchall()
    with pytest.raises(Exception, match="never changed"), ctx.write() as uow:
        uow.session.execute(text("UPDATE evidence SET sha256 = 'x' WHERE id = :i"), {"i": item.id})
        uow.record("test.tamper")


def test_problems_are_named(ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.litigation import evidence

    case_no = failed_case(ctx)
    with pytest.raises(InputError) as refused:
        evidence.add_evidence(ctx, b"x", "a.bin", "photo", case_no=case_no)
    assert [p.path for p in refused.value.problems] == ["kind"]
    with pytest.raises(InputError) as refused:
        evidence.add_evidence(ctx, b"x", "a.bin", "other", batch="没有这个批次")
    assert refused.value.problems[0].path == "batch"
    with pytest.raises(InputError) as refused:
        evidence.add_evidence(ctx, b"x", "a.bin", "other")
    assert refused.value.problems[0].path == "case_no"
    monkeypatch.setattr(evidence, "MAX_BYTES", 4)
    with pytest.raises(InputError) as refused:
        evidence.add_evidence(ctx, b"12345", "a.bin", "other", case_no=case_no)
    assert refused.value.problems[0].path == "file"
    assert evidence.add_evidence(ctx, b"12345", "a.wav", "recording", case_no=case_no).size == 5


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def test_the_sealed_certificate_catches_a_changed_and_a_missing_file(
    ctx: Any, data_dir: Path, tmp_path: Path
) -> None:
    from app.services.litigation.evidence import case_evidence

    case_no = failed_case(ctx)
    items = case_evidence(ctx, case_no)
    folder = tmp_path / "存证"
    done = run_cli(
        "--data-dir", data_dir, "evidence", "export", case_no, "--out", folder, "--certificate"
    )
    assert done.returncode == 0, done.stderr
    (cert,) = folder.glob("*证据保全证书.pdf")
    text = all_text(cert.read_bytes())
    for item in items:
        assert item.sha256 in text and item.title in text
    report = run_cli("--data-dir", data_dir, "verify", cert)
    assert report.returncode == 0, report.stdout
    found = json.loads(report.stdout)
    assert found["intact"] and found["evidence"]["intact"]
    assert [i["state"] for i in found["evidence"]["items"]] == ["intact"] * len(items)
    assert found["store_record"]["kind"] == "certificate"
    changed, gone = sorted(p for p in folder.iterdir() if p != cert)[1:3]
    changed.write_bytes(changed.read_bytes() + b" ")
    gone.unlink()
    report = run_cli("verify", cert)
    assert report.returncode == 1
    states = {i["file"]: i["state"] for i in json.loads(report.stdout)["evidence"]["items"]}
    assert states[changed.name] == "changed" and states[gone.name] == "missing"
    assert list(states.values()).count("intact") == len(items) - 2
    assert json.loads(report.stdout)["intact"]  # the certificate itself is untouched


def test_verify_keeps_its_behaviour_for_other_pdfs(ctx: Any, tmp_path: Path) -> None:
    from app.services.litigation.papers import render_court_document

    plain = tmp_path / "list.pdf"
    plain.write_bytes(render_court_document(ctx, failed_case(ctx), "evidence").pdf)
    done = run_cli("verify", plain)
    assert done.returncode == 1 and "evidence" not in json.loads(done.stdout)
    done = run_cli("verify", plain, "--files", tmp_path)
    assert done.returncode == 2 and "不是证据保全证书" in done.stderr
    (tmp_path / "not.pdf").write_bytes(b"hello")
    assert run_cli("verify", tmp_path / "not.pdf").returncode == 2
