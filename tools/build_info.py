"""What the installer build needs from the project: its version (from `pyproject.toml`) and
the Windows version resource made from it, and which Qt files the bundle leaves out.

Used by `build_installer.spec` (PyInstaller runs it with this folder's parent on the path)
and by the tests, which check it without building.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = "Mediation Desk"
PRODUCT_ZH = "调解工作台"
COMPANY = "Mediation Desk"

# Qt pieces the app never uses. Matched against a bundled file's destination path (lower
# case, "/" separators) so the same list holds on Windows ("Qt6Quick.dll") and Linux
# ("libQt6Quick.so.6"). `excludes=` stops Python modules only: plugins and the libraries
# they pull in must be filtered out of a.binaries / a.datas.
UNUSED_QT = (
    # Qt Quick, QML and everything built on them
    "qt6quick", "qt6qml", "qt6labs", "qt6virtualkeyboard", "qt6wayland", "qt6pdf",
    "qt6opengl", "qt6sql", "qt6network", "qt6svg", "qt6designer", "qt6help",
    "qt6uitools", "qt6test", "qt6concurrent", "qt6xml", "qt6statemachine",
    "qt6shadertools", "qt6websockets", "qt6eglfs", "qt6wlshell",
    "plugins/platforminputcontexts/",  # virtual keyboard, ibus, compose
    "plugins/qmltooling/", "plugins/designer/", "plugins/sqldrivers/", "plugins/tls/",
    "plugins/networkinformation/", "plugins/vectorimageformats/", "plugins/generic/",
    "plugins/wayland-", "plugins/egldeviceintegrations/", "plugins/platformthemes/",
    "plugins/iconengines/", "plugins/xcbglintegrations/",
    "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqminimalegl",
    "platforms/libqvnc", "platforms/libqwayland", "platforms/libqvkkhrdisplay",
    "platforms/qdirect2d", "platforms/libqminimal", "platforms/qminimal",
    # image formats: PNG and JPEG are built into QtGui or kept; ICO for the window icon
    "imageformats/libqtiff", "imageformats/qtiff", "imageformats/libqwebp",
    "imageformats/qwebp", "imageformats/libqsvg", "imageformats/qsvg",
    "imageformats/libqpdf", "imageformats/qpdf", "imageformats/libqicns",
    "imageformats/qicns", "imageformats/libqtga", "imageformats/qtga",
    "imageformats/libqwbmp", "imageformats/qwbmp", "imageformats/libqgif",
    "imageformats/qgif",
    # Qt's translations except Chinese (the English strings are the source text)
    "translations/qtwebengine", "translations/qt_help", "translations/assistant",
    "translations/designer", "translations/linguist", "translations/qtmultimedia",
    "translations/qtdeclarative", "translations/qtconnectivity", "translations/qtlocation",
    "translations/qtserialport", "translations/qtwebsockets", "translations/qtquick",
)
KEPT_TRANSLATIONS = ("qtbase_zh_cn.qm", "qt_zh_cn.qm", "qtbase_en.qm", "qt_en.qm")

# Python packages nothing imports at run time (pulled in by hooks or optional imports):
# build tools, debuggers, the Pillow codecs no seal image or document uses, lxml's parts
# pyHanko does not use.
EXCLUDED_MODULES = (
    "tkinter", "matplotlib", "numpy", "IPython", "pytest", "hypothesis", "mypy",
    "pygments", "setuptools", "pkg_resources", "distutils", "doctest", "pdb", "pydoc",
    "pydoc_data", "unittest", "xmlrpc", "ftplib", "http.server", "readline",
    "reportlab.graphics.testshapes", "sqlalchemy.testing", "sqlalchemy.ext.mypy",
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
    # The office server's own (the `server` extra, installed for the tests): a laptop
    # syncs over HTTPS with the standard library and never talks to PostgreSQL (Alembic
    # needs SQLAlchemy's postgresql dialect module itself, not a driver).
    "psycopg", "psycopg_binary", "psycopg_pool",
    "psycopg2", "starlette", "uvicorn", "server",
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingtk",
    "PIL.ImageTk", "PIL._imagingft", "PIL.ImageFont", "PIL.ImageDraw", "PIL.ImageDraw2",
    "PIL.ImageText", "PIL._imagingcms", "PIL.ImageCms",
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.cssselect",
    # pyHanko imports aiohttp (online time stamps, never used offline): its pure-Python
    # fallbacks are enough, the C speed-ups stay out.
    "aiohttp._http_parser", "aiohttp._http_writer", "aiohttp._websocket.reader_c",
    "aiohttp._websocket.mask", "yarl._quoting_c", "multidict._multidict",
    "multidict._testcapi", "propcache._helpers_c", "frozenlist._frozenlist",
    "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtNetwork", "PySide6.QtSql", "PySide6.QtSvg", "PySide6.QtSvgWidgets",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtUiTools", "PySide6.QtTest", "PySide6.QtXml", "PySide6.QtConcurrent",
    "PySide6.QtDBus", "PySide6.QtPdf", "PySide6.QtLabsStyleKit", "PySide6.QtQmlFeatures",
    "PySide6.QtQuickTest",
)


def project_version(root: Path = ROOT) -> str:
    """The version in `pyproject.toml` (the one source of it)."""
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" → (1, 2, 3, 0): the first four numbers in it, as Windows wants them."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:4]]
    padded = [*numbers, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def version_file_text(version: str, exe_name: str, description: str) -> str:
    """PyInstaller's version-resource text (`EXE(version=...)`) for one executable."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": f"© {COMPANY}",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": f"{PRODUCT_ZH} {PRODUCT}",
        "ProductVersion": version,
    }
    table = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Generated from pyproject.toml by tools/build_info.py: do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
{table}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200, 0x0409, 1200])]),
  ],
)
"""


def write_version_files(folder: Path, root: Path = ROOT) -> dict[str, Path]:
    """The version resources of both executables, written into `folder` (the build's)."""
    version = project_version(root)
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for exe_name, description in (
        ("mediation-desk", f"{PRODUCT_ZH} {PRODUCT}"),
        ("mediation-desk-cli", f"{PRODUCT_ZH} {PRODUCT} — command line"),
    ):
        path = folder / f"version-{exe_name}.txt"
        path.write_text(version_file_text(version, exe_name, description), encoding="utf-8")
        made[exe_name] = path
    return made


def unwanted(dest: str) -> bool:
    """True for a bundled file (its destination path) the app does not need."""
    path = str(PurePosixPath(dest.replace("\\", "/"))).lower()
    name = path.rsplit("/", 1)[-1]
    if "/translations/" in f"/{path}" and name.endswith(".qm") and "pyside6" in path:
        return name not in KEPT_TRANSLATIONS
    return any(part in path for part in UNUSED_QT)


def bundled_tree(
    folder: Path, dest: str, skip: tuple[str, ...] = (".pyc",)
) -> list[tuple[str, str]]:
    """(file, destination folder) for every file under `folder` but caches and `skip`
    suffixes."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in skip:
            relative = path.parent.relative_to(folder)
            found.append((str(path), str(PurePosixPath(dest, *relative.parts))))
    return found


SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
KEEP_SYSTEM = ("libpython", "libdbus-1.")  # the interpreter; QtDBus loads libdbus at run time


def is_system_library(entry: tuple[str, str, str]) -> bool:
    """A library copied from the Linux system (not from a wheel, not the interpreter)."""
    name = PurePosixPath(entry[0]).name
    return entry[1].startswith(SYSTEM_LIBRARY_DIRS) and not name.startswith(KEEP_SYSTEM)


def write_report(folder: Path, binaries: list[tuple[str, str, str]]) -> Path:
    """`bundle-report.json` in the build folder: the system libraries the bundle carries
    (Linux; a Windows bundle has none), for the size check of the tests."""
    import json

    path = folder / "bundle-report.json"
    system = sorted(entry[0] for entry in binaries if is_system_library(entry))
    path.write_text(json.dumps({"system_libraries": system}, indent=1), encoding="utf-8")
    return path


def prune_system_libraries(
    binaries: list[tuple[str, str, str]],
    imports: Callable[[str], Iterable[tuple[str, str | None]]] | None = None,
) -> list[tuple[str, str, str]]:
    """Linux: drop the system libraries that only left-out plugins needed (GTK for the
    gtk3 theme, EGL/GLX integrations...). A system library stays when a kept module,
    plugin or library loads it (ldd's closure). Elsewhere the list is returned as it is."""
    if sys.platform != "linux":
        return binaries
    if imports is None:
        from PyInstaller.depend.bindepend import get_imports

        imports = get_imports

    needed = {
        PurePosixPath(name).name
        for entry in binaries
        if not is_system_library(entry)
        for name, _path in imports(entry[1])
    }
    return [e for e in binaries if not is_system_library(e) or PurePosixPath(e[0]).name in needed]
