"""Pictures of the Settings tabs and the Verify dialog over a demo data folder, for the docs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.dialogs --out docs/images \
        [--lang en]

It makes a throw-away data folder with the demo cases, a drawn seal and the organisation's
certificate (passphrase from the environment, as with no keyring), signs a sample PDF, then
grabs `settings-organisation.png`, `settings-certificate.png`, `settings-lpr.png`,
`settings-backups.png`, `verify-intact.png` and `verify-changed.png` with the bundled font.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from ui.main import create_application, parse_options
from ui.services import ContextCaseService
from ui.tasks import InlineTaskRunner
from ui.views.documents.verify_dialog import VerifyDialog

PASSPHRASE = "screenshot-only"


def wait_until(condition: Callable[[], bool], rounds: int = 500) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
        if condition():
            return
    raise RuntimeError("the dialog did not finish loading")


def star(x: float, y: float, radius: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star, point up."""
    import math

    corners = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.38
        angle = -math.pi / 2 + i * math.pi / 5
        corners.append((x + r * math.cos(angle), y + r * math.sin(angle)))
    return corners


def draw_seal(name: str) -> bytes:
    """A red round seal with a star and the organisation's name (bundled font)."""
    from PIL import Image, ImageDraw, ImageFont

    from app.paths import resource

    side = 600
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (206, 17, 38, 235)
    draw.ellipse((12, 12, side - 12, side - 12), outline=red, width=22)
    draw.polygon(star(side / 2, side / 2 - 10, 95), fill=red)
    font = ImageFont.truetype(str(resource("fonts", "wqy-microhei.ttc")), 44)
    for line, top in ((name[:8], 120), ("调解专用章", 410)):
        width = draw.textlength(line, font=font)
        draw.text(((side - width) / 2, top), line, font=font, fill=red)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def sample_pdf() -> bytes:
    """A one-page agreement-like PDF with Chinese text (the real templates come later)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from app.paths import resource

    if "ShotSong" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("ShotSong", str(resource("fonts", "uming.ttc"))))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    page.setFont("ShotSong", 18)
    page.drawCentredString(A4[0] / 2, 760, "人民调解协议书")
    page.setFont("ShotSong", 12)
    page.drawString(72, 720, "甲方同意分期偿还借款本金人民币伍万元整。")
    page.showPage()
    page.save()
    return out.getvalue()


def prepare(folder: Path) -> tuple[ContextCaseService, Path]:
    """Demo cases, a seal, the certificate and a signed PDF in `folder`."""
    from app.services.demo.service import seed_demo
    from app.services.organisation import service as organisation
    from app.services.organisation.accounts import key_holder
    from app.services.organisation.certificate import create_certificate
    from app.services.organisation.signing import sign_document

    service = ContextCaseService(folder / "data", actor="演示")
    ctx = service.context()
    seed_demo(ctx)
    profile = organisation.get_profile(ctx)
    boss = key_holder("gui:演示")
    organisation.set_seal_image(ctx, draw_seal(profile.name), by=boss)
    create_certificate(ctx, profile.name, PASSPHRASE, by=boss)
    signed = sign_document(ctx.data_dir, sample_pdf(), location="滨江市")
    path = folder / "调解协议书-已签名.pdf"
    path.write_bytes(signed.pdf)
    return service, path


def grab(widget: QWidget, out: Path) -> None:
    widget.grab().save(str(out))
    print(out)


def shoot_settings(service: ContextCaseService, out: Path) -> None:
    from ui.views.settings.dialog import SettingsDialog

    dialog = SettingsDialog(service, InlineTaskRunner(), service.data_dir)
    dialog.load()
    dialog.show()
    wait_until(lambda: dialog.organisation.saved is not None and dialog.lpr.state is not None)
    wait_until(lambda: dialog.certificate.info is not None)
    dialog.backups.back_up_now()  # one manual backup in the list, selected
    wait_until(lambda: dialog.backups.selected_entry() is not None)
    for name in ("organisation", "certificate", "lpr", "backups"):
        dialog.open_tab(name)
        wait_until(lambda: True, rounds=5)
        grab(dialog, out / f"settings-{name}.png")
    dialog.organisation.dirty = False
    dialog.close()


def has_report(dialog: VerifyDialog) -> bool:
    return dialog.report is not None


def shoot_verify(service: ContextCaseService, signed: Path, out: Path) -> None:
    changed = signed.with_name("调解协议书-被改动.pdf")
    data = bytearray(signed.read_bytes())
    data[len(data) // 3] ^= 0x01
    changed.write_bytes(bytes(data))
    for path, name in ((signed, "verify-intact.png"), (changed, "verify-changed.png")):
        dialog = VerifyDialog(InlineTaskRunner(), service.data_dir)
        dialog.show()
        dialog.verify_file(path)
        wait_until(partial(has_report, dialog))
        wait_until(lambda: True, rounds=5)
        grab(dialog, out / name)
        dialog.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    known, rest = parser.parse_known_args(argv)
    os.environ["MEDIATION_DESK_PASSPHRASE"] = PASSPHRASE
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    create_application(parse_options(rest))
    known.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="md-shots-") as tmp:
        service, signed = prepare(Path(tmp))
        shoot_settings(service, known.out)
        shoot_verify(service, signed, known.out)
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
