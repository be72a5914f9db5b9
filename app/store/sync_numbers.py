"""Case numbers on an enrolled laptop: from the blocks the office handed out, then
device-coded numbers (`TJ-2026-D017-0001`) when a block runs out offline.

Both are unique across the centre by construction and final (they get printed). A laptop
that is not enrolled keeps numbering from its own `case_counter` as before.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.sync_tables import SyncCounter, SyncNumberBlock, SyncState

DEVICE_CODE = "device_code"


def device_code(session: Session) -> str | None:
    row = session.get(SyncState, DEVICE_CODE)
    return row.value if row is not None and row.value else None


def take(session: Session, year: int, prefix: str) -> str | None:
    """The next number for `year` on an enrolled laptop; None when not enrolled."""
    code = device_code(session)
    if code is None:
        return None
    block = session.scalars(
        select(SyncNumberBlock)
        .where(SyncNumberBlock.year == year, SyncNumberBlock.next_seq <= SyncNumberBlock.last_seq)
        .order_by(SyncNumberBlock.id)
        .limit(1)
    ).first()
    while block is not None and block.next_seq <= block.last_seq:
        seq = block.next_seq
        block.next_seq = seq + 1
        number = f"{prefix}-{year:04d}-{seq:06d}"
        if not _used(session, number):  # a number this laptop printed before enrolment
            return number
    if block is not None:
        return take(session, year, prefix)
    name = f"device_no_{year}"
    counter = session.get(SyncCounter, name)
    if counter is None:
        counter = SyncCounter(name=name, value=0)
        session.add(counter)
    counter.value += 1
    return f"{prefix}-{year:04d}-{code}-{counter.value:04d}"


def take_many(session: Session, year: int, prefix: str, count: int) -> list[str] | None:
    """`count` numbers for `year` at once (a batch import's chunk), as `take` would give
    them one by one; None when not enrolled."""
    code = device_code(session)
    if code is None:
        return None
    out: list[str] = []
    blocks = session.scalars(
        select(SyncNumberBlock)
        .where(SyncNumberBlock.year == year, SyncNumberBlock.next_seq <= SyncNumberBlock.last_seq)
        .order_by(SyncNumberBlock.id)
    ).all()
    for block in blocks:
        while len(out) < count and block.next_seq <= block.last_seq:
            last = min(block.last_seq, block.next_seq + count - len(out) - 1)
            numbers = [f"{prefix}-{year:04d}-{seq:06d}" for seq in range(block.next_seq, last + 1)]
            block.next_seq = last + 1
            used = _used_of(session, numbers)
            out += [n for n in numbers if n not in used]
    if len(out) < count:
        name = f"device_no_{year}"
        counter = session.get(SyncCounter, name)
        if counter is None:
            counter = SyncCounter(name=name, value=0)
            session.add(counter)
        first, counter.value = counter.value + 1, counter.value + count - len(out)
        out += [f"{prefix}-{year:04d}-{code}-{n:04d}" for n in range(first, counter.value + 1)]
    return out


def _used_of(session: Session, numbers: list[str]) -> set[str]:
    from app.store.models import Case

    return set(session.scalars(select(Case.case_no).where(Case.case_no.in_(numbers))))


def _used(session: Session, number: str) -> bool:
    from app.store.models import Case

    return session.scalar(select(Case.id).where(Case.case_no == number)) is not None


def left(session: Session, year: int) -> int:
    """Numbers of `year` still unused in this laptop's blocks."""
    blocks = session.scalars(select(SyncNumberBlock).where(SyncNumberBlock.year == year))
    return sum(max(0, b.last_seq - b.next_seq + 1) for b in blocks)
