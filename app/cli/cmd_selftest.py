"""`mediation-desk-cli selftest`: does this installation work, end to end?

In a temporary folder (removed afterwards; the user's data folder and keychain are never
touched) it creates an encrypted case store (running the bundled migrations), adds the demo
cases, recalculates a signed case, renders its agreement (the bundled fonts embedded),
reads the PDF back with PDFium (text and a page image), signs it with a new organisation
certificate and verifies the signature; imports every module of the app and the libraries
its areas load when used. In a frozen build it also checks that every loaded
module came from the bundle, not from a source tree. Prints one line, the verdict; exit 0
when every step passed, 1 when one failed (the line names the step and the cause).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXIT_FAILED = 1


@dataclass
class Run:
    """What the steps found, handed from one to the next."""

    folder: Path
    passphrase: str
    case_no: str = ""
    debtor: str = ""
    pdf: bytes = b""
    signed: bytes = b""
    notes: list[str] = field(default_factory=list)


@contextmanager
def _isolated(passphrase: str) -> Iterator[None]:
    """The temporary store's key comes from its own passphrase, never the user's keychain
    (nothing is written there); the environment and keyring are restored afterwards."""
    import keyring
    from keyring.backends import fail

    from app.security.secrets import PASSPHRASE_ENV

    before, backend = os.environ.get(PASSPHRASE_ENV), keyring.get_keyring()
    os.environ[PASSPHRASE_ENV] = passphrase
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        keyring.set_keyring(backend)
        if before is None:
            os.environ.pop(PASSPHRASE_ENV, None)
        else:
            os.environ[PASSPHRASE_ENV] = before


def step_store_and_demo(run: Run) -> None:
    """An encrypted store, migrated to the head, with the demo cases in it."""
    from app.services.demo.service import seed_demo
    from app.services.startup import open_context

    with open_context(run.folder, actor="selftest") as ctx:
        result = seed_demo(ctx)
    run.notes.append(f"{len(result.created)} demo cases")


def step_recalculate(run: Run) -> None:
    """The recalculation of a signed case, kept as a snapshot that checks out."""
    from app.services.cases.service import list_cases
    from app.services.recalc.service import as_of_for, recalculate
    from app.services.startup import open_context

    with open_context(run.folder, actor="selftest") as ctx:
        signed = [c for c in list_cases(ctx) if c.status == "signed"]
        if not signed:
            raise RuntimeError("no signed case among the demo cases")
        case = signed[0]
        snapshot = recalculate(ctx, case.case_no, as_of_for(ctx, case.case_no))
    if not snapshot.verify():
        raise RuntimeError(f"{case.case_no}: the snapshot's hash does not match")
    run.case_no, run.debtor = case.case_no, case.debtor_name
    run.notes.append(f"lawful total {snapshot.output['views']['lawful']['total']}")


def step_render(run: Run) -> None:
    """The agreement as PDF, read back by PDFium: the case number and debtor in its text."""
    from app.services.documents.service import render_document
    from app.services.startup import open_context

    with open_context(run.folder, actor="selftest") as ctx:
        run.pdf = render_document(ctx, run.case_no, "agreement").pdf
    pages, text, image = _read_pdf(run.pdf)
    for expected in ("调解协议", run.debtor):
        if expected not in text.replace(" ", ""):
            raise RuntimeError(f"the agreement's text lacks “{expected}”")
    if image.getbbox() is None:
        raise RuntimeError("the agreement's first page renders blank")
    run.notes.append(f"agreement {pages} pages")


def _read_pdf(pdf: bytes) -> tuple[int, str, Any]:
    """Page count, the text of every page and the first page as a PIL image (PDFium)."""
    import pypdfium2
    from PIL import ImageOps

    document = pypdfium2.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
        image = document[0].render(scale=0.5).to_pil().convert("L")
        return len(document), text, ImageOps.invert(image)
    finally:
        document.close()


def step_sign_and_verify(run: Run) -> None:
    """The organisation's PAdES signature on the agreement, then verified as intact."""
    from app.services.organisation.signing import sign_document, verify_document

    result = sign_document(run.folder, run.pdf, passphrase=run.passphrase)
    report = verify_document(result.pdf, data_dir=run.folder)
    if not report.intact:
        raise RuntimeError(f"verification: {report.summary}")
    run.signed = result.pdf


LIBRARIES = ("xlsxwriter", "pypdfium2", "reportlab", "pyhanko", "alembic")
"""What areas load only when used (reports and court papers write .xlsx)."""


def step_modules(run: Run) -> None:
    """Every module of the app (each area: contacts, litigation, reports, intake…) and the
    libraries they load when used can be imported: a build that left one out fails here,
    not on a user's laptop the first time that area is opened."""
    import importlib
    import pkgutil

    import app

    names = [m.name for m in pkgutil.walk_packages(app.__path__, "app.")]
    names = [n for n in names if not n.endswith("__main__")]
    if len(names) < 100:
        raise RuntimeError(f"only {len(names)} modules of the app found")
    missing = []
    for name in [*names, *LIBRARIES]:
        try:
            importlib.import_module(name)
        except ImportError as error:
            missing.append(f"{name} ({error})")
    if missing:
        raise RuntimeError(f"cannot import {', '.join(missing[:3])}")
    run.notes.append(f"{len(names)} modules of the app")


def step_bundle(run: Run) -> None:
    """The command line never loaded Qt; frozen, every loaded module's file lies inside
    the bundle (no source tree leaks in)."""
    qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
    if qt:
        raise RuntimeError(f"the command line loaded Qt: {', '.join(qt[:3])}")
    if not getattr(sys, "frozen", False):
        run.notes.append("not frozen")
        return
    root = Path(sys.executable).resolve().parent  # the install folder, _internal inside
    outside = sorted(
        (name, path)
        for name, module in list(sys.modules.items())
        if (path := getattr(module, "__file__", None))
        and Path(path).exists()  # the bootstrap modules carry a nominal path only
        and not Path(path).resolve().is_relative_to(root)
    )
    if outside:
        listed = ", ".join(f"{name} ({path})" for name, path in outside[:3])
        raise RuntimeError(f"modules from outside the bundle: {listed}")
    run.notes.append("all modules from the bundle")


STEPS: tuple[tuple[str, Callable[[Run], None]], ...] = (
    ("store", step_store_and_demo),
    ("recalculation", step_recalculate),
    ("agreement", step_render),
    ("signature", step_sign_and_verify),
    ("modules", step_modules),
    ("bundle", step_bundle),
)


def self_test(folder: Path) -> tuple[str | None, str]:
    """Run every step in `folder`: (the failed step or None, the notes or the cause)."""
    run = Run(folder, secrets.token_urlsafe(24))
    for name, step in STEPS:
        try:
            step(run)
        except Exception as error:  # a self-test reports every failure, it does not crash
            return name, f"{type(error).__name__}: {error}"
    return None, "; ".join(run.notes)


def run(args: argparse.Namespace) -> int:
    from app import __version__

    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="mediation-desk-selftest-") as tmp,
        _isolated(secrets.token_urlsafe(24)),
    ):
        folder = Path(tmp) / "data"
        folder.mkdir(mode=0o700)
        failed, detail = self_test(folder)
    seconds = time.perf_counter() - started
    head = f"Mediation Desk {__version__} selftest"
    if failed is not None:
        print(f"{head} FAILED at {failed}: {detail} ({seconds:.1f} s)")
        return EXIT_FAILED
    print(f"{head} passed: store, recalculation, agreement, signature ({detail}) "
          f"in {seconds:.1f} s")  # fmt: skip
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "selftest",
        help="check this installation end to end in a temporary folder (exit 0 when it works)",
        description="自检：在临时文件夹中建库、重新计算、生成并签署调解协议、核验签名。"
        "不读写您的数据文件夹。",
    )
    parser.set_defaults(handler=run)
