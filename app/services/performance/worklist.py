"""Performance of the signed plans across cases: what is due today and this week, what is
overdue, which plans have defaulted — and the reminder to send for each instalment.

    found = worklist(ctx, date(2026, 6, 30))
    for item in found.items: print(item.group_label, item.case_no, item.reminder)

Groups: `today` (due today), `week` (due in the next six days), `overdue` (due before today
and not fully paid, the plan not yet defaulted), `defaulted` (one row per case whose plan
defaulted: the amount claimable now). Cases are those with a signed agreement still being
performed (已签署, 已申请司法确认, 已司法确认, 履行中, 已违约).

Reminders: the contact log's message templates are built on another branch. Until they are
here, `reminder_renderer` writes the reminder with the same placeholders as its
`instalment_reminder` template ({org}, {name}, {case_no}, {due}, {n}, {amount}, {org_phone});
point it at that template's renderer once it lands (one assignment, `REMINDER_TEMPLATE`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.case_status import CaseStatus, label
from app.domain.money import fmt_grouped

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.settlement.plan_tracking import PlanStatusInfo

S = CaseStatus
FOLLOWED = (S.SIGNED, S.CONFIRMATION_APPLIED, S.CONFIRMED, S.PERFORMING, S.DEFAULTED)
GROUPS = {"today": "今日到期", "week": "本周到期", "overdue": "已逾期", "defaulted": "已违约"}
WEEK_DAYS = 6
REMINDER_TEMPLATE = "instalment_reminder"
REMINDER_TEXT = (
    "【{org}】{name}您好：按调解协议（案号{case_no}），您应于{due}前支付第{n}期款项{amount}元。"
    "已支付的请忽略；如有困难请致电{org_phone}。"
)
DEFAULT_TEXT = (
    "【{org}】{name}您好：您未按调解协议（案号{case_no}）按期还款，已构成违约，现应支付"
    "{amount}元。请尽快致电{org_phone}与调解员联系。"
)


def builtin_reminder(values: Mapping[str, str]) -> str:
    """The reminder as the contact log's `instalment_reminder` words it (default text)."""
    text = DEFAULT_TEXT if values.get("group") == "defaulted" else REMINDER_TEXT
    return text.format_map(dict(values))


reminder_renderer: Callable[[Mapping[str, str]], str] = builtin_reminder
"""The hook: the contact log's template renderer replaces this when it lands."""


@dataclass(frozen=True)
class WorkItem:
    group: str
    group_label: str
    case_no: str
    status_label: str
    debtor: str
    debtor_phone: str
    mediator: str
    n: int | None
    due: date | None
    amount: Decimal
    days_late: int
    reminder: str


@dataclass(frozen=True)
class Worklist:
    on: date
    items: tuple[WorkItem, ...]

    def of(self, group: str) -> tuple[WorkItem, ...]:
        return tuple(i for i in self.items if i.group == group)

    @property
    def counts(self) -> dict[str, int]:
        return {g: len(self.of(g)) for g in GROUPS}


def worklist(ctx: AppContext, on: date) -> Worklist:
    """Every item to act on `on`, by group (today, week, overdue, defaulted), then due date."""
    from app.services.cases.service import list_cases
    from app.services.organisation.service import get_profile
    from app.services.settlement.plan_tracking import plan_status

    profile = get_profile(ctx)
    org = {"org": profile.name, "org_phone": profile.phone}
    items: list[WorkItem] = []
    for case in list_cases(ctx):
        if case.status not in FOLLOWED:
            continue
        status = plan_status(ctx, case.case_no, on)
        items.extend(_items(status, case.debtor_name, case.mediator_name, case.debtor_phone, org))
    order = list(GROUPS)
    items.sort(key=lambda i: (order.index(i.group), i.due or on, i.case_no))
    return Worklist(on, tuple(items))


def _items(
    status: PlanStatusInfo, debtor: str, mediator: str, phone: str, org: dict[str, str]
) -> list[WorkItem]:
    on = status.as_of
    base = {
        "case_no": status.case_no,
        "status_label": label(status.case_status),
        "debtor": debtor,
        "debtor_phone": phone,
        "mediator": mediator,
    }
    if status.defaulted:
        values = org | {
            "name": debtor,
            "case_no": status.case_no,
            "due": "",
            "n": "",
            "amount": fmt_grouped(status.claimable),
            "group": "defaulted",
        }
        late = (on - status.defaulted_on).days if status.defaulted_on else 0
        return [
            WorkItem(
                "defaulted",
                GROUPS["defaulted"],
                n=None,
                due=status.defaulted_on,
                amount=status.claimable,
                days_late=late,
                reminder=reminder_renderer(values),
                **base,
            )
        ]
    out = []
    for row in status.installments:
        if row.outstanding <= 0:
            continue
        group = _group(row.due, on)
        if group is None:
            continue
        values = org | {
            "name": debtor,
            "case_no": status.case_no,
            "group": group,
            "due": f"{row.due.year}年{row.due.month}月{row.due.day}日",
            "n": str(row.n),
            "amount": fmt_grouped(row.outstanding),
        }
        out.append(
            WorkItem(
                group,
                GROUPS[group],
                n=row.n,
                due=row.due,
                amount=row.outstanding,
                days_late=row.days_late,
                reminder=reminder_renderer(values),
                **base,
            )
        )
    return out


def _group(due: date, on: date) -> str | None:
    if due == on:
        return "today"
    if on < due <= on + timedelta(days=WEEK_DAYS):
        return "week"
    if due < on:
        return "overdue"
    return None
