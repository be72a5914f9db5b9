"""What the installer build takes from the project, checked without building."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import app
from tools import build_info

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_comes_from_pyproject_and_the_app_agrees() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        declared = tomllib.load(handle)["project"]["version"]
    assert build_info.project_version() == declared == app.__version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.3.4.5.6", (2, 3, 4, 5)),
     ("1.0.0rc2", (1, 0, 0, 2)), ("3.1.4+local.7", (3, 1, 4, 0))],
)  # fmt: skip
def test_windows_gets_four_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert build_info.version_tuple(version) == numbers


def test_version_resources_name_each_executable_and_the_version(tmp_path: Path) -> None:
    made = build_info.write_version_files(tmp_path)
    assert set(made) == {"mediation-desk", "mediation-desk-cli"}
    version = build_info.project_version()
    for exe, path in made.items():
        text = path.read_text(encoding="utf-8")
        compile(text, str(path), "eval")  # PyInstaller evaluates it: valid Python
        assert f"StringStruct('FileVersion', '{version}')" in text
        assert f"StringStruct('OriginalFilename', '{exe}.exe')" in text
        numbers = build_info.version_tuple(version)
        assert f"filevers={numbers}" in text
        assert "调解工作台" in text
        assert re.search(r"StringTable\('080404b0'", text)  # Simplified Chinese, Unicode


@pytest.mark.parametrize(
    "dest",
    ["PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/lib/libQt6Quick.so.6",
     "PySide6/Qt6Quick.dll", "PySide6\\plugins\\imageformats\\qtiff.dll",
     "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
     "PySide6/Qt/translations/qtbase_de.qm", "PySide6/translations/qt_help_zh_CN.qm",
     "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt6Network.dll"],
)  # fmt: skip
def test_unused_qt_files_are_left_out(dest: str) -> None:
    assert build_info.unwanted(dest)


@pytest.mark.parametrize(
    "dest",
    ["PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt6Widgets.dll", "PySide6/Qt6Gui.dll",
     "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/plugins/platforms/qwindows.dll",
     "PySide6/Qt/plugins/platforms/libqoffscreen.so",
     "PySide6/plugins/styles/qmodernwindowsstyle.dll",
     "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
     "PySide6/plugins/imageformats/qjpeg.dll", "PySide6/Qt/translations/qtbase_zh_CN.qm",
     "PySide6/Qt/lib/libicudata.so.73", "resources/fonts/uming.ttc",
     "pypdfium2_raw/libpdfium.so", "pypdfium2_raw/pdfium.dll"],
)  # fmt: skip
def test_what_the_app_needs_stays(dest: str) -> None:
    assert not build_info.unwanted(dest)


def test_system_libraries_only_left_out_plugins_needed_are_pruned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(build_info.sys, "platform", "linux")
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/venv/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("libfontconfig.so.1", "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1", "BINARY"),
        ("libexpat.so.1", "/lib/x86_64-linux-gnu/libexpat.so.1", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0", "BINARY"),
        ("libdbus-1.so.3", "/lib/x86_64-linux-gnu/libdbus-1.so.3", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "BINARY"),
    ]
    loads = {  # ldd lists the whole closure of what a library loads
        "/venv/PySide6/Qt/lib/libQt6Gui.so.6": [
            ("libfontconfig.so.1", "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1"),
            ("libexpat.so.1", "/lib/x86_64-linux-gnu/libexpat.so.1"),
        ],
    }
    kept = build_info.prune_system_libraries(binaries, lambda path: loads.get(path, []))
    names = [entry[0] for entry in kept]
    assert names == [
        "PySide6/Qt/lib/libQt6Gui.so.6", "libfontconfig.so.1", "libexpat.so.1",
        "libdbus-1.so.3", "libpython3.11.so.1.0",
    ]  # fmt: skip


def test_on_windows_nothing_is_pruned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_info.sys, "platform", "win32")
    binaries = [("Qt6Gui.dll", "C:/venv/PySide6/Qt6Gui.dll", "BINARY")]
    assert build_info.prune_system_libraries(binaries, lambda _path: []) == binaries


def test_bundled_tree_leaves_caches_and_sources_out(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "a.ttc").write_bytes(b"x")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "m.cpython-311.pyc").write_bytes(b"x")
    (tmp_path / "update.py").write_text("")
    (tmp_path / "en.ts").write_text("")
    found = build_info.bundled_tree(tmp_path, "resources", skip=(".pyc", ".py", ".ts"))
    assert found == [(str(tmp_path / "fonts" / "a.ttc"), "resources/fonts")]


def test_the_windows_setup_script_installs_the_bundle_and_keeps_the_data() -> None:
    """installer/mediation-desk.iss cannot be compiled here (Inno Setup is a Windows
    program): what it refers to is checked instead."""
    iss = (ROOT / "installer" / "mediation-desk.iss").read_text(encoding="utf-8")
    assert "DefaultDirName={autopf}\\MediationDesk" in iss  # Program Files
    assert "{autoprograms}\\调解工作台 Mediation Desk" in iss  # the start-menu entry
    assert (ROOT / "resources" / "icons" / "mediation-desk.ico").is_file()
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    for exe in ("mediation-desk", "mediation-desk-cli"):
        assert f'"{exe}"' in spec and f'"{exe}.exe"' in iss
    uninstall = iss.split("[UninstallDelete]")[1].split("[Code]")[0]
    deleted = [line for line in uninstall.splitlines() if line.startswith("Type:")]
    assert deleted and all("{app}\\" in line for line in deleted)  # never the data folder
    assert "LOCALAPPDATA" not in "".join(deleted) and "{localappdata}" not in iss
