"""Drive `ui.main.run_gui` in a fresh process through its `started` hook, as a user would:

    python -m tests.gui.run_gui_driver DATA_DIR first|sign-in|cancel

`first` fills 创建主管账户, `sign-in` signs in as that supervisor, `cancel` cancels 登录.
Prints what the dialog was, then `cases N` and the status bar's user once the case list is
read, then `exit CODE`. Gives up (exit 3) after 30 s.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

USERNAME, DISPLAY_NAME, PASSWORD = "zhangwei", "张伟", "主管-密码-2026"


def act(mode: str, dialog: object) -> None:
    from ui.views.lock.account_dialogs import FormDialog
    from ui.views.lock.sign_in_dialog import SignInDialog

    print("dialog", type(dialog).__name__, flush=True)
    if mode == "first" and isinstance(dialog, FormDialog):
        values = {
            "username": USERNAME,
            "display_name": DISPLAY_NAME,
            "password": PASSWORD,
            "password_again": PASSWORD,
        }
        for name, text in values.items():
            editor = dialog.rows[name].editor
            assert isinstance(editor, QLineEdit)
            editor.setText(text)
        dialog.ok_button.click()
    elif mode == "sign-in" and isinstance(dialog, SignInDialog):
        dialog.username.setText(USERNAME)
        dialog.password.setText(PASSWORD)
        dialog.sign_in_button.click()
    elif mode == "cancel" and isinstance(dialog, SignInDialog):
        dialog.reject()
    else:
        QApplication.exit(4)


def started(mode: str) -> object:
    from ui.main import app_lock_of

    def hook(window: object) -> None:
        lock = app_lock_of(window)  # type: ignore[arg-type]
        poll = QTimer(lock)
        poll.setInterval(10)

        def look() -> None:
            if lock.dialog is not None and lock.dialog.isVisible():
                poll.stop()
                act(mode, lock.dialog)

        def loaded(count: int) -> None:
            print("cases", count, window.user_label.text(), flush=True)  # type: ignore[attr-defined]
            QApplication.quit()

        poll.timeout.connect(look)
        poll.start()
        window.cases_loaded.connect(loaded)  # type: ignore[attr-defined]
        QTimer.singleShot(30_000, lambda: QApplication.exit(3))

    return hook


def main(argv: list[str]) -> int:
    from tests.security_fixtures import use_fast_kdf
    from ui.main import run_gui

    use_fast_kdf()
    data_dir, mode = argv
    code = run_gui(["--data-dir", data_dir], started=started(mode))  # type: ignore[arg-type]
    print("exit", code, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
