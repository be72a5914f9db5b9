"""Performance of the signed plans across cases: what is due today and this week, what is
overdue, which plans have defaulted — and the reminder to send for each instalment.

    found = worklist(ctx, date(2026, 6, 30))
    for item in found.items: print(item.group_label, item.case_no, item.reminder)

Groups: `today` (due today), `week` (due in the next six days), `overdue` (due before today
and not fully paid, the plan not yet defaulted), `defaulted` (one row per case whose plan
defaulted: the amount claimable now). Cases are those with a signed agreement still being
performed (已签署, 已申请司法确认, 已司法确认, 履行中, 已违约).

Reminders: the contact log's message templates (`app.domain.contact_messages`) word them:
`instalment_reminder` for an instalment, `default_notice` for a defaulted plan, filled with
the item's own instalment (not the contact log's "next due"). A template that lacks a value
(the organisation's phone, say) leaves the reminder empty and says what is missing
(`reminder_problem`). `app.services.performance.reminders` exports them for the SMS platform
and logs one as a contact attempt when the mediator marks it sent.
"""

from __future__ import annotations

from collections.abc import Mapping
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
DEFAULT_TEMPLATE = "default_notice"


def reminder_of(template: str, values: Mapping[str, str]) -> tuple[str, str]:
    """(text, "") rendered by the contact log's template, or ("", what is missing)."""
    from app.domain import contact_messages as messages
    from app.domain.errors import DomainError

    try:
        return messages.render(template, values), ""
    except DomainError as error:
        return "", str(error)


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
    template: str = REMINDER_TEMPLATE
    reminder_problem: str = ""


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
            "claimable": fmt_grouped(status.claimable),
        }
        text, problem = reminder_of(DEFAULT_TEMPLATE, values)
        late = (on - status.defaulted_on).days if status.defaulted_on else 0
        return [
            WorkItem(
                "defaulted",
                GROUPS["defaulted"],
                n=None,
                due=status.defaulted_on,
                amount=status.claimable,
                days_late=late,
                reminder=text,
                template=DEFAULT_TEMPLATE,
                reminder_problem=problem,
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
            "due": f"{row.due.year}年{row.due.month}月{row.due.day}日",
            "n": str(row.n),
            "amount": fmt_grouped(row.outstanding),
        }
        text, problem = reminder_of(REMINDER_TEMPLATE, values)
        out.append(
            WorkItem(
                group,
                GROUPS[group],
                n=row.n,
                due=row.due,
                amount=row.outstanding,
                days_late=row.days_late,
                reminder=text,
                reminder_problem=problem,
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
