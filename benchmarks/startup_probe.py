"""One cold start, driven from inside the process; `benchmarks/startup.py` times it.

    python benchmarks/startup_probe.py bare|window|signin|cases [DATA_DIR]

Prints one line, the marker, the moment the awaited thing is first painted:
`bare` a plain PySide6 QMainWindow (the floor); `window` the app's main window; `signin` the
登录 dialog over it; `cases` the case list filled after signing in at once with the
benchmark's account (the password check included). Imports nothing of the app before the
start it measures; prints `modules …` with the heavy modules loaded at the marker.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
USERNAME, PASSWORD = "zhangwei", "主管-密码-2026"
HEAVY = ("sqlalchemy", "alembic", "reportlab", "pyhanko", "pypdf", "pypdfium2", "argon2")


def report(marker: str) -> None:
    loaded = sorted(h for h in HEAVY if h in sys.modules)
    print(marker, "modules", ",".join(loaded) or "-", flush=True)


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare"))
    window.resize(1366, 768)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is window and event.type() == QEvent.Type.Paint:
                report("bare")
                app.exit(0)
            return False

    painted = FirstPaint()
    window.installEventFilter(painted)
    window.show()
    return app.exec()


def app_start(mode: str, data_dir: str) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from ui.main import run_gui

    state = {"signed": False}

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                name = type(watched).__name__
                if mode == "window" and name == "MainWindow":
                    report("window")
                    QApplication.exit(0)
                elif name == "SignInDialog" and not state["signed"]:
                    state["signed"] = True
                    if mode == "signin":
                        report("signin")
                        QApplication.exit(0)
                    else:
                        watched.username.setText(USERNAME)  # type: ignore[attr-defined]
                        watched.password.setText(PASSWORD)  # type: ignore[attr-defined]
                        watched.sign_in_button.click()  # type: ignore[attr-defined]
            return False

    watch = Watch()

    def started(window: object) -> None:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(watch)

        def loaded(_count: int) -> None:
            report("cases")
            QApplication.exit(0)

        window.cases_loaded.connect(loaded)  # type: ignore[attr-defined]

    return run_gui(["--data-dir", data_dir], started=started)  # type: ignore[arg-type]


if __name__ == "__main__":
    which = sys.argv[1]
    sys.exit(bare() if which == "bare" else app_start(which, sys.argv[2]))
