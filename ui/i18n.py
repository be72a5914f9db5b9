"""The UI language: Simplified Chinese by default (the source text of every UI string),
English through `mediation_desk_en.qm` when `--lang en` or `MEDIATION_DESK_LANG=en`.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource

LANG_ENV = "MEDIATION_DESK_LANG"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


SETTINGS = ("MediationDesk", "MediationDesk")  # organisation and application, as ui.main sets


def saved_language() -> str:
    """The language chosen in the menu (设置 → 语言), or "" when none was."""
    from PySide6.QtCore import QSettings

    return str(QSettings(*SETTINGS).value("language", "") or "")


def save_language(language: str) -> None:
    """Remember `language` (zh_CN or en) for the next start."""
    from PySide6.QtCore import QSettings

    settings = QSettings(*SETTINGS)
    settings.setValue("language", language)
    settings.sync()


def choose_language(requested: str | None = None) -> str:
    """`zh_CN` or `en` from the command line, else the environment, else the language chosen
    in the menu, else Chinese."""
    for value in (requested, os.environ.get(LANG_ENV), saved_language()):
        if value:
            normal = value.replace("-", "_").split(".")[0]
            if normal.lower().startswith("en"):
                return "en"
            if normal.lower().startswith("zh"):
                return "zh_CN"
    return DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's own strings (standard buttons) and the app's, for `language`, replacing any
    installed before. Chinese needs no app translation: it is the source text."""
    global _current
    remove_translators(app)
    _current = language
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [
        (f"qtbase_{language}", qt_dir),
        (f"mediation_desk_{language}", str(resource("translations"))),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    _installed.extend(installed)
    return installed


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source text (Chinese)."""
    global _current
    while _installed:
        app.removeTranslator(_installed.pop())
    _current = DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(DEFAULT_LANGUAGE))
