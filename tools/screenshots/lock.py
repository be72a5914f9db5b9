"""Pictures of the app lock over a demo data folder, for the docs and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.lock --out docs/images \
        [--lang en]

It makes a throw-away data folder with the demo cases and three accounts, then grabs
`first-account.png` (the first start), `sign-in.png` (after two wrong passwords, 登录 waiting),
`lock-screen.png` (the main window covered, the lock dialog over it, drawn together) and
`settings-accounts.png` (Settings → 账户 as the supervisor).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.main import create_application, parse_options
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner

PASSPHRASE = "screenshot-only"
BOSS, BOSS_PW = "zhangwei", "screenshot-boss-1"
MEDIATOR, MEDIATOR_PW = "wangfang", "screenshot-med-1"


def wait_until(condition: object, rounds: int = 500) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
        if callable(condition) and condition():
            return
    raise RuntimeError("the window did not finish loading")


def prepare(folder: Path) -> ContextCaseService:
    """Demo cases and three accounts (a supervisor, two mediators, one deactivated)."""
    from app.services.demo.service import seed_demo
    from app.services.lock import BackoffPolicy
    from app.services.organisation import accounts as accounts

    service = ContextCaseService(folder / "data", actor="演示")
    ctx = service.context()
    seed_demo(ctx)
    accounts.create_first_supervisor(ctx, BOSS, "张伟", BOSS_PW)
    boss = accounts.sign_in(ctx, BOSS, BOSS_PW, policy=BackoffPolicy())
    accounts.create_account(ctx, boss, MEDIATOR, "王芳", "mediator", MEDIATOR_PW)
    accounts.create_account(ctx, boss, "liming", "李明", "mediator", MEDIATOR_PW)
    accounts.set_active(ctx, boss, "liming", False)
    service.signed_in = boss
    return service


def grab(widget: QWidget, out: Path) -> None:
    wait_until(lambda: True, rounds=5)
    widget.grab().save(str(out))
    print(out)


def shoot_first_account(service: ContextCaseService, out: Path) -> None:
    from ui.views.lock.first_account_dialog import FirstAccountDialog

    dialog = FirstAccountDialog(service, InlineTaskRunner())
    dialog.show()
    grab(dialog, out / "first-account.png")
    dialog.close()


def shoot_sign_in(service: ContextCaseService, out: Path) -> None:
    from app.services.lock import BackoffPolicy
    from ui.views.lock.sign_in_dialog import SignInDialog

    dialog = SignInDialog(service, InlineTaskRunner(), policy=BackoffPolicy(free=2))
    dialog.show()
    dialog.username.setText(MEDIATOR)
    for attempt in ("wrong-1", "wrong-2"):
        dialog.password.setText(attempt)
        dialog.submit()
        checking = dialog.sign_in_button.text()
        wait_until(lambda text=checking: dialog.sign_in_button.text() != text)
    dialog.countdown.stop()
    grab(dialog, out / "sign-in.png")
    dialog.close()


def shoot_lock_screen(service: ContextCaseService, out: Path) -> None:
    """The covered main window with the lock dialog drawn in its middle."""
    from ui.app_lock import AppLock
    from ui.views.main_window import MainWindow

    runner = InlineTaskRunner()
    window = MainWindow(service, runner, service.data_dir)
    window.resize(1366, 768)
    window.show()
    window.refresh()
    wait_until(lambda: window.model.rowCount() > 0)
    window.set_user(service.signed_in)
    lock = AppLock(window, service, runner)
    lock.lock_now()
    dialog = lock.dialog
    assert isinstance(dialog, QDialog)
    wait_until(lambda: True, rounds=5)
    picture = window.grab()
    shown = dialog.grab()
    painter = QPainter(picture)
    corner = QPoint(
        (picture.width() - shown.width()) // 2, (picture.height() - shown.height()) // 2
    )
    painter.drawPixmap(corner, shown)
    painter.end()
    QPixmap(picture).save(str(out / "lock-screen.png"))
    print(out / "lock-screen.png")
    lock.stop()
    window.close()


def shoot_accounts(service: ContextCaseService, out: Path) -> None:
    from ui.views.settings.accounts import AccountsTab

    tab = AccountsTab(service, InlineTaskRunner())
    tab.resize(900, 520)
    tab.load()
    tab.show()
    wait_until(lambda: bool(tab.accounts))
    tab.select(MEDIATOR)
    grab(tab, out / "settings-accounts.png")
    tab.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    known, rest = parser.parse_known_args(argv)
    os.environ["MEDIATION_DESK_PASSPHRASE"] = PASSPHRASE
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    create_application(parse_options(rest))
    known.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="md-lock-shots-") as tmp:
        service = prepare(Path(tmp))
        shoot_first_account(service, known.out)
        shoot_sign_in(service, known.out)
        shoot_lock_screen(service, known.out)
        shoot_accounts(service, known.out)
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
