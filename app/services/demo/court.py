"""The demo's cases after the agreement: evidence, payments under the plans, a default, the
court's ruling.

- The case whose mediation failed (调解终结) has the lender's evidence: the loan contract,
  the transfer record, the repayment history, the notice sent and a recording.
- The broken agreement nobody confirmed (已违约): the first two instalments paid on their
  due dates, then nothing; the plan tracker moves it to 已违约 on the day the third is
  more than the agreed days late. It has evidence too.
- The broken confirmed agreement: the court's ruling kept when it was confirmed (已司法确认),
  three instalments paid, then the default the same way.
- One batch has a file for all its cases (the lender's entrustment letter).

No random draws: the files are made from the case itself, so the demo's people and loans
stay what they were.
"""

from __future__ import annotations

import dataclasses
import io
import struct
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.money import fmt
from app.services.clock import CHINA_TZ

if TYPE_CHECKING:
    from app.services.context import AppContext

RULING_COURT_CODES = {"滨江市滨江区人民法院": "浙0108", "滨江市西湖区人民法院": "浙0106"}
PAID_BEFORE_DEFAULT = {"defaulted": 2, "confirmed_defaulted": 3}
WITH_EVIDENCE = ("terminated", "defaulted", "confirmed_defaulted")


def after_walk(ctx: AppContext, case_no: str, story: str, intake: datetime, actor: str) -> None:
    """What happens to a demo case once it reached its status (see the module's doc)."""
    if story in WITH_EVIDENCE:
        add_case_evidence(ctx, case_no, intake + timedelta(days=1), actor)
    if story == "confirmed_defaulted":
        keep_ruling(ctx, case_no, actor)
    if story in PAID_BEFORE_DEFAULT:
        pay_then_default(ctx, case_no, PAID_BEFORE_DEFAULT[story], actor)


def _at(ctx: AppContext, moment: datetime, actor: str) -> AppContext:
    return dataclasses.replace(ctx, actor=actor, clock=lambda: moment)


def _confirmed_at(ctx: AppContext, case_no: str) -> datetime:
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        return next(
            e.at
            for e in uow.audit.for_case(case.id)
            if e.action == "case.status_changed" and e.detail.get("to") == "confirmed"
        )


def keep_ruling(ctx: AppContext, case_no: str, actor: str) -> None:
    """The court's ruling, kept the day the case was confirmed (ruled two days before)."""
    from app.services.litigation.rulings import record_confirmation_ruling

    at = _confirmed_at(ctx, case_no)
    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        court, seq = case.court, 100 + case.id
    day = at.astimezone(CHINA_TZ).date()
    number = f"（{day.year}）{RULING_COURT_CODES.get(court, '浙0108')}民特{seq}号"
    record_confirmation_ruling(_at(ctx, at, actor), case_no, number, day - timedelta(days=2))


def pay_then_default(ctx: AppContext, case_no: str, paid: int, actor: str) -> None:
    """Pay the first `paid` instalments on their due dates, then let the plan default."""
    from app.services.settlement.plan_tracking import check_default, plan_status
    from app.services.settlement.plan_tracking import record_plan_payment as record

    status = plan_status(ctx, case_no, date(2100, 1, 1))
    for row in status.installments[:paid]:
        moment = datetime.combine(row.due, time(10, 0), CHINA_TZ)
        record(_at(ctx, moment, actor), case_no, row.due, row.amount, "按期还款")
    late = status.installments[paid]
    threshold = late.due + timedelta(days=status.settlement.terms.acceleration_days + 1)
    moment = datetime.combine(threshold, time(9, 0), CHINA_TZ)
    check_default(_at(ctx, moment, actor), case_no, threshold)


def add_case_evidence(ctx: AppContext, case_no: str, at: datetime, actor: str) -> None:
    from app.services.litigation.evidence import add_evidence

    with ctx.read() as uow:
        case = uow.cases.require(case_no)
        creditor = case.creditor.name if case.creditor else "债权人"
        debtor = case.debtor.name if case.debtor else "债务人"
        loan = case.loan
        assert loan is not None
        payments = [(p.date, p.amount) for p in case.payments]
        contract = (
            loan.contract_no,
            loan.contract_date,
            loan.principal,
            loan.disbursed,
            loan.disbursement_date,
            loan.annual_rate,
        )
    source = f"债权人{creditor}提供"
    files = (
        ("loan_contract", "借款合同", "借款合同.pdf", _contract_pdf(creditor, debtor, contract)),
        ("transfer", "放款凭证", "放款凭证.csv", _transfer_csv(creditor, debtor, contract)),
        ("repayment", "还款记录", "还款记录.csv", _repayments_csv(debtor, payments)),
        ("notice", "催告通知及送达记录", "催告通知.txt", _notice_txt(creditor, debtor, case_no)),
        ("recording", "催收电话录音", "催收电话录音.wav", _silence_wav(case_no)),
    )
    for n, (kind, title, name, data) in enumerate(files):
        moment = at + timedelta(minutes=5 * n)
        add_evidence(
            _at(ctx, moment, actor), data, name, kind, case_no=case_no, title=title, source=source
        )


def add_batch_evidence(ctx: AppContext, batch: str, at: datetime, actor: str) -> None:
    """The lender's entrustment letter for a whole batch."""
    from app.services.litigation.evidence import add_evidence

    text = (
        f"委托调解函\n\n兹将“{batch}”所列借款合同纠纷委托贵会调解。\n"
        "所附案件清单与本函具有同等效力。\n"
    ).encode()
    add_evidence(
        _at(ctx, at, actor),
        b"\xef\xbb\xbf" + text,
        "委托调解函.txt",
        "other",
        batch=batch,
        title="委托调解函（本批次）",
        source="债权人提供",
        purpose="证明债权人将本批次纠纷委托调解，及案件清单",
    )


def _contract_pdf(creditor: str, debtor: str, c: tuple[Any, ...]) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from app.documents.pdf.styles import SONG, register_fonts

    register_fonts()
    out = io.BytesIO()
    pdf = Canvas(out, invariant=1)
    pdf.setFont(SONG, 16)
    pdf.drawString(200, 780, "借款合同（演示件）")
    pdf.setFont(SONG, 11)
    lines = [
        f"合同编号：{c[0] or '—'}",
        f"出借人：{creditor}",
        f"借款人：{debtor}",
        f"签订日期：{c[1]}",
        f"借款本金：人民币 {fmt(c[2])} 元（实际放款 {fmt(c[3])} 元）",
        f"放款日期：{c[4]}",
        f"年利率：{c[5]}",
    ]
    for i, line in enumerate(lines):
        pdf.drawString(72, 740 - 22 * i, line)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _transfer_csv(creditor: str, debtor: str, c: tuple[Any, ...]) -> bytes:
    rows = [
        "交易日期,付款人,收款人,金额（元）,摘要",
        f"{c[4]},{creditor},{debtor},{fmt(c[3])},借款发放",
    ]
    return ("\ufeff" + "\n".join(rows) + "\n").encode("utf-8")


def _repayments_csv(debtor: str, payments: list[tuple[date, Decimal]]) -> bytes:
    rows = ["还款日期,还款人,金额（元）"]
    rows += [f"{d},{debtor},{fmt(a)}" for d, a in payments]
    return ("\ufeff" + "\n".join(rows) + "\n").encode("utf-8")


def _notice_txt(creditor: str, debtor: str, case_no: str) -> bytes:
    text = (
        f"催告通知\n\n{debtor}：\n您在{creditor}的借款已逾期，请于收到本通知后十日内还款。\n"
        f"（短信已送达，送达记录见本件；关联案件 {case_no}）\n"
    )
    return ("\ufeff" + text).encode("utf-8")


def _silence_wav(case_no: str, seconds: int = 1, rate: int = 8000) -> bytes:
    """A short mono 16-bit WAV (silence with the case number in a LIST chunk): a stand-in
    for a call recording."""
    frames = b"\x00\x00" * rate * seconds
    info = b"INFO" + b"ICMT" + struct.pack("<I", len(case_no)) + case_no.encode("ascii")
    chunks = (
        b"fmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
        + b"LIST"
        + struct.pack("<I", len(info))
        + info
        + b"data"
        + struct.pack("<I", len(frames))
        + frames
    )
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks
