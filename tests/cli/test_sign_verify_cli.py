"""`python -m app sign` and `python -m app verify` as a user (or a script) runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli.main import main
from app.security.secrets import PASSPHRASE_ENV
from tests.security_fixtures import memory_keyring
from tests.unit.signing.pdfs import append_text_with_pypdf, chinese_pdf, flip, seal_png

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str | Path, passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    """A fresh `python -m app` with no terminal (stdin is /dev/null) and no keyring."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop(PASSPHRASE_ENV, None)
    if passphrase is not None:
        env[PASSPHRASE_ENV] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def signed_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One real `sign` in a fresh data dir, shared by the verify tests."""
    folder = tmp_path_factory.mktemp("cli")
    source = folder / "协议.pdf"
    source.write_bytes(chinese_pdf())
    out = folder / "协议-已签名.pdf"
    done = run_cli("--data-dir", folder / "data", "sign", source, "--out", out, passphrase="pw")
    return {"folder": folder, "data": folder / "data", "out": out, "done": done}


def test_sign_in_a_fresh_data_dir_creates_the_identity_first(signed_env: dict[str, Any]) -> None:
    done = signed_env["done"]
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    summary = json.loads(done.stdout)
    assert summary["identity_created"] is True
    assert summary["signer"] == "C=CN,O=调解组织,CN=调解组织"
    signing = signed_env["data"] / "signing"
    assert sorted(p.name for p in signing.iterdir()) == ["org-cert.pem", "org-key.pem"]
    assert Path(summary["output"]) == signed_env["out"]
    assert signed_env["out"].read_bytes().startswith(b"%PDF-")


def test_verify_prints_an_intact_report_and_exits_0(signed_env: dict[str, Any]) -> None:
    done = run_cli("verify", signed_env["out"], "--data-dir", signed_env["data"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    report = json.loads(done.stdout)
    assert report["intact"] is True
    assert "调解组织" in done.stdout  # ensure_ascii=False: Chinese as written
    sig = report["signatures"][0]
    assert (sig["intact"], sig["valid"], sig["trusted"]) == (True, True, False)
    assert sig["signed_by_organisation"] is True
    signed_summary = json.loads(signed_env["done"].stdout)
    assert report["document_sha256"] == signed_summary["sha256"]
    assert sig["certificate_sha256"] == signed_summary["certificate_sha256"]


def test_verify_tampered_and_unsigned_exit_1(signed_env: dict[str, Any]) -> None:
    folder: Path = signed_env["folder"]
    signed = signed_env["out"].read_bytes()
    (folder / "tampered.pdf").write_bytes(flip(signed, 300))
    (folder / "appended.pdf").write_bytes(append_text_with_pypdf(signed))
    for name in ("tampered.pdf", "appended.pdf", "协议.pdf"):
        done = run_cli("verify", folder / name)
        assert done.returncode == 1, (name, done.stderr)
        assert json.loads(done.stdout)["intact"] is False


def test_verify_unreadable_exits_2_with_nothing_on_stdout(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("不是 PDF", encoding="utf-8")
    for target in (tmp_path / "note.txt", tmp_path / "missing.pdf"):
        done = run_cli("verify", target)
        assert (done.returncode, done.stdout) == (2, "")
        assert str(target) in done.stderr


def test_sign_without_keyring_env_or_terminal_exits_2_naming_the_variable(
    tmp_path: Path,
) -> None:
    (tmp_path / "in.pdf").write_bytes(chinese_pdf())
    done = run_cli("--data-dir", tmp_path / "d", "sign", tmp_path / "in.pdf", "--out", "o.pdf")
    assert (done.returncode, done.stdout) == (2, "")
    assert PASSPHRASE_ENV in done.stderr
    assert not (tmp_path / "d" / "signing").exists()
    assert not (ROOT / "o.pdf").exists()


def test_sign_refuses_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_text("hello", encoding="utf-8")
    out = tmp_path / "out.pdf"
    done = run_cli(
        "--data-dir", tmp_path / "d", "sign", tmp_path / "in.pdf", "--out", out, passphrase="p"
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert "不是 PDF" in done.stderr
    assert not out.exists()


def test_sign_with_keyring_asks_nothing_and_keeps_the_secret_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)

    def no_prompt(*_args: object) -> str:
        raise AssertionError("asked for a passphrase")

    monkeypatch.setattr("getpass.getpass", no_prompt)
    (tmp_path / "in.pdf").write_bytes(chinese_pdf())
    argv = ["--data-dir", str(tmp_path / "d"), "sign", str(tmp_path / "in.pdf")]
    with memory_keyring() as fake:
        code = main(
            [*argv, "--out", str(tmp_path / "out.pdf"), "--seal", str(seal_png_file(tmp_path))]
        )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert json.loads(out)["identity_created"] is True
    assert list(fake.secrets) == [(f"MediationDesk:{tmp_path / 'd'}", "signing-key-passphrase")]
    code = main(["verify", str(tmp_path / "out.pdf"), "--data-dir", str(tmp_path / "d")])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["signatures"][0]["signed_by_organisation"] is True


def seal_png_file(folder: Path) -> Path:
    path = folder / "印章.png"
    path.write_bytes(seal_png())
    return path


def test_sign_on_a_terminal_asks_twice_at_first_setup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return "typed-pass"

    monkeypatch.setattr("getpass.getpass", typed)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    (tmp_path / "in.pdf").write_bytes(chinese_pdf())
    argv = ["--data-dir", str(tmp_path / "d"), "sign", str(tmp_path / "in.pdf")]
    assert main([*argv, "--out", str(tmp_path / "a.pdf")]) == 0
    assert len(prompts) == 2 and "没有可用的系统钥匙串" in prompts[0]
    assert main([*argv, "--out", str(tmp_path / "b.pdf")]) == 0
    assert len(prompts) == 3  # the key exists now: asked once
    capsys.readouterr()
