"""Screenshots of every step of the session wizard at 1366 × 768, for `docs/wizard/`.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.wizard \
        --out docs/wizard [--lang en]

It makes a demo store in a temporary folder, fills a session on a scheduled case the way a
mediator would (through the services, on a fixed day: 6 July 2026, 10:00), opens the wizard
with the bundled font and the app's style, and saves `wizard.grab()` of each step.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.views.session_wizard.window import SessionWizard

WIDTH, HEIGHT = 1366, 768
AT = datetime(2026, 7, 6, 2, 0, tzinfo=UTC)
NAMES = (
    "checkin",
    "parties",
    "debt",
    "recalc",
    "settlement",
    "record",
    "documents",
    "signatures",
    "finish",
)


def prepare(ctx: Any) -> str:
    """A demo store with one session filled up to the signatures; its case number."""
    from app.services.demo.service import seed_demo
    from app.services.recalc import service as recalculation
    from app.services.sessions import service as sessions
    from app.services.settlement import service as settlement

    seed_demo(ctx)
    case_no = most_reduced(ctx)
    state = sessions.start_or_resume(ctx, case_no)
    sid = state.session_id
    debtor = next(p for p in state.case.parties if p.role == "debtor")
    sessions.save_field(ctx, sid, "place", "滨江区金融街8号 调解中心第二调解室")
    sessions.add_attendee(ctx, sid, "debtor", party_id=debtor.id)
    sessions.save_field(ctx, sid, "attendees[0].identity_checked", True)
    sessions.add_attendee(ctx, sid, "creditor_agent")
    for field, value in (
        ("name", "周文斌"),
        ("id_number", "440524198001010013"),
        ("identity_checked", True),
        ("authorisation", "授权委托书（特别授权，至2026年12月31日）"),
    ):
        sessions.save_field(ctx, sid, f"attendees[1].{field}", value)
    for party in state.case.parties:
        if not party.address:
            sessions.save_field(
                ctx, sid, f"parties[{party.id}].address", "浙江省杭州市上城区解放东路18号"
            )
    recalculation.recalculate(ctx, case_no, ctx.today())
    levers = {"waive_penalty": "100", "waive_compound": "100", "waive_fees": "100"}
    plan = {"frequency": "monthly", "first_due": "2026-08-15", "count": 6, "round_to": "1"}
    terms = {"acceleration_days": 15, "waiver_revives_on_default": True}
    settlement.save_settlement(ctx, case_no, levers, plan, terms)
    for path, text in (
        ("statements.creditor.claim", "请求债务人偿还全部借款本金、利息及罚息。"),
        ("statements.creditor.concessions", "如一次性或半年内还清，可以减免罚息和费用。"),
        ("statements.debtor.facts", "借款属实，对本金无异议，认为罚息过高。"),
        ("statements.debtor.ability", "在物流公司工作，月收入约六千元，需抚养一个孩子。"),
        ("statements.debtor.proposal", "希望分六个月还清，每月十五日前还款。"),
        ("notes", "双方在调解员主持下就还款方案达成一致。"),
        ("outcome", "agreed"),
    ):
        sessions.save_field(ctx, sid, path, text)
    return str(case_no)


def most_reduced(ctx: Any) -> str:
    """The case about to be mediated whose lawful figure cuts the claim most (the picture
    should show what the recalculation is for)."""
    from decimal import Decimal

    from app.services.cases.service import list_cases
    from app.services.recalc.service import preview

    def cut(case_no: str) -> Decimal:
        return Decimal(preview(ctx, case_no, ctx.today())["reduction"]["total"])

    waiting = [c.case_no for c in list_cases(ctx) if c.status in ("contacting", "scheduled")]
    return str(max(sorted(waiting), key=cut))


class Camera:
    """Goes through the steps, waiting for what each step loads, and saves each picture.

    On the signatures step the first signer signs before the picture and the next one's
    signature is on the pad; after it everyone else signs, so the finish step can finish.
    """

    def __init__(self, wizard: SessionWizard, out: Path) -> None:
        self.wizard = wizard
        self.out = out
        self.step = 0
        self.pending: Any = None  # the signing progress a pad signature is waiting on

    def start(self, _state: Any) -> None:
        QTimer.singleShot(100, self.show_next)

    def page(self) -> Any:
        return self.wizard.pages[self.step]

    def show_next(self) -> None:
        if self.step >= len(NAMES):
            self.wizard.close()
            QApplication.quit()
            return
        self.wizard.go(self.step)
        if NAMES[self.step] == "documents":
            self.page().render_documents()
        if NAMES[self.step] == "finish":
            self.page().confirm = lambda _question: True
            self.page().finish()
        self.wait_until(self.ready, self.shoot)

    def ready(self) -> bool:
        page, key = self.page(), NAMES[self.step]
        if key == "recalc":
            return page.panel.result() is not None
        if key == "settlement":
            return page.page.proposal() is not None
        if key == "documents":
            return bool(page.shown_pages)
        if key == "signatures":
            return self.signed_some(1) and not page.pad.is_empty()
        if key == "finish":
            return bool(page.previewed)
        return True

    def signed_some(self, wanted: int) -> bool:
        """Sign on the pad (one signer at a time) until `wanted` have signed."""
        page = self.page()
        progress = page.progress
        if progress is None or progress is self.pending:
            return False
        done = len(progress.signatures)
        if done >= wanted or progress.complete:
            if page.pad.is_empty() and not progress.complete:
                draw(page.pad)
            return True
        draw(page.pad)
        self.pending = progress
        page.sign_on_pad()
        return False

    def wait_until(self, ready: Callable[[], bool], then: Callable[[], None]) -> None:
        def poll() -> None:
            QTimer.singleShot(0 if ready() else 100, then if ready() else poll)

        QTimer.singleShot(300, poll)

    def shoot(self) -> None:
        self.wizard.setFocus()
        path = self.out / f"step-{self.step + 1}-{NAMES[self.step]}.png"
        self.wizard.grab().save(str(path))
        print(path)
        if NAMES[self.step] == "signatures":
            everyone = len(self.page().progress.required)
            self.wait_until(lambda: self.signed_some(everyone), self.next_step)
            return
        self.next_step()

    def next_step(self) -> None:
        self.step += 1
        self.show_next()


def draw(pad: Any) -> None:
    """A few strokes of a signature, as the pad keeps them."""
    from ui.views.documents.signature_pad import Point

    pad.clear()
    strokes = [
        [(60 + i * 6, 120 - (i % 5) * 9) for i in range(25)],
        [(120 + i * 4, 80 + i * 3) for i in range(18)],
        [(230 + i * 5, 95 + (i % 3) * 12) for i in range(20)],
    ]
    for stroke in strokes:
        pad._strokes.append(tuple(Point(x, y, 0.6) for x, y in stroke))
    pad.strokes_changed.emit()
    pad.update()


def main(argv: list[str]) -> int:
    from app.services.context import open_context
    from ui.main import create_application, parse_options
    from ui.ops import maintenance
    from ui.services import ContextCaseService
    from ui.tasks import TaskRunner

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/wizard"))
    known, rest = parser.parse_known_args(argv)
    known.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="wizard-shots-")) / "data"
    with open_context(folder, actor="演示", clock=lambda: AT) as ctx:
        case_no = prepare(ctx)
    app = create_application(parse_options([*rest, "--data-dir", str(folder)]))
    runner = TaskRunner()
    service = ContextCaseService(folder, actor="林晓燕", clock=lambda: AT)
    wizard = SessionWizard(service, runner, case_no)
    runner.setParent(wizard)
    wizard.resize(WIDTH, HEIGHT)
    camera = Camera(wizard, known.out)
    wizard.session_loaded.connect(camera.start)
    wizard.show()
    wizard.open()
    QTimer.singleShot(120_000, lambda: app.exit(3))  # never hang a script
    code = app.exec()
    runner.run(maintenance.close_store(service)).failure(lambda _e: None)
    runner.wait_for_done(10_000)
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
