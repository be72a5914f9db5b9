"""Documents handed to another program (用系统阅读器打开) are written only into the app's
private folder (0700, files 0600) and removed when the app quits, or at the next start
after a crash; a second running app's files are left alone."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ui import private_files
from ui.private_files import PrivateFiles

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.7 personal data"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def runs(base: Path) -> list[Path]:
    return sorted(p for p in base.glob("run-*") if p.is_dir())


def test_files_are_private_and_a_running_app_keeps_its_own(tmp_path: Path) -> None:
    base = tmp_path / "mediation-desk-test"
    base.mkdir(mode=0o755)
    first = PrivateFiles(base)
    path = first.write("TJ/2026:1.pdf", PDF)
    assert path.read_bytes() == PDF and path.name == "TJ_2026_1.pdf"
    assert path.parent.parent == base
    assert (mode(base), mode(path.parent), mode(path)) == (0o700, 0o700, 0o600)
    second = PrivateFiles(base)
    assert second.sweep() == 0  # the first app still runs: its lock is held
    assert path.exists()
    first.clear()
    assert not path.exists() and runs(base) == [] and list(base.iterdir()) == []


def test_a_base_that_is_a_link_or_someone_elses_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir()
    link = tmp_path / "mediation-desk-link"
    link.symlink_to(real, target_is_directory=True)
    with pytest.raises(OSError, match="不是文件夹"):
        PrivateFiles(link).write("a.pdf", PDF)
    if os.getuid() == 0:  # root can hand the folder to another user
        other = tmp_path / "mediation-desk-other"
        other.mkdir(mode=0o700)
        os.chown(other, 12345, 12345)
        with pytest.raises(OSError, match="属于其他用户"):
            PrivateFiles(other).write("a.pdf", PDF)
    assert list(real.iterdir()) == []


def test_open_externally_writes_into_the_private_folder(monkeypatch, tmp_path) -> None:
    from types import SimpleNamespace

    from PySide6.QtGui import QDesktopServices

    from ui.views.documents.panel import DocumentsPanel, Preview

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    files = PrivateFiles(tmp_path / "private")
    monkeypatch.setattr(private_files, "_session", files)
    panel = SimpleNamespace(_preview=Preview(SimpleNamespace(number="TJ-2026-000001-XY-01"),
                                             PDF, 1, []))  # fmt: skip
    DocumentsPanel.open_externally(panel)  # type: ignore[arg-type]
    [url] = opened
    path = Path(url.toLocalFile())
    assert path == files.run_folder / "TJ-2026-000001-XY-01.pdf"
    assert path.read_bytes() == PDF and mode(path) == 0o600
    files.clear()
    assert not path.exists()


def drive(tmp_path: Path, data_dir: Path, how: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path / "tmp")}
    return subprocess.run(
        [sys.executable, "-m", "tests.gui.private_files_driver", str(data_dir), how],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip


def written(done: subprocess.CompletedProcess[str]) -> Path:
    return Path(next(line[6:] for line in done.stdout.splitlines() if line.startswith("wrote ")))


@pytest.mark.skipif(sys.platform == "win32", reason="TMPDIR and file modes are POSIX")
def test_the_app_removes_them_at_quit_and_at_the_start_after_a_crash(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    base = tmp_path / "tmp" / f"mediation-desk-{os.getuid()}"
    data_dir = tmp_path / "data"
    legacy = tmp_path / "tmp" / "mediation-desk"  # where earlier versions left them
    legacy.mkdir()
    (legacy / "TJ-2025-000007-XY-01.pdf").write_bytes(PDF)

    crashed = drive(tmp_path, data_dir, "crash")
    assert not legacy.exists()
    assert crashed.returncode == 70, crashed.stdout + crashed.stderr
    left = written(crashed)
    assert left.read_bytes() == PDF and left.parent.parent == base
    assert runs(base) == [left.parent]

    done = drive(tmp_path, data_dir, "quit")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "leftovers 0"  # the crashed run's folder went at start
    assert lines[-1] == "exit 0"
    assert not left.exists() and not written(done).exists()
    assert runs(base) == [] and list(base.iterdir()) == []
