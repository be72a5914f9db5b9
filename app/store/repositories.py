"""Queries over the case file, used inside a unit of work (they never commit)."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.sql import Select

from app.domain.errors import DomainError
from app.store.errors import CaseNotFound
from app.store.models import Case, CaseCounter, Mediator, Organisation, Party

CASE_PREFIX = "TJ"
MAX_SEQ = 999_999


def format_case_no(year: int, seq: int) -> str:
    """`TJ-<year of intake>-<6-digit sequence within that year>`."""
    return f"{CASE_PREFIX}-{year:04d}-{seq:06d}"


def _like(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _with_everything(stmt: Select[Case]) -> Select[Case]:
    return stmt.options(
        selectinload(Case.parties),
        selectinload(Case.loan),
        selectinload(Case.claims),
        selectinload(Case.payments),
        selectinload(Case.charges),
        joinedload(Case.mediator),
    )


class CaseRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_no(self, case_no: str) -> Case | None:
        stmt = _with_everything(select(Case).where(Case.case_no == case_no.strip().upper()))
        return self.session.scalars(stmt).first()

    def require(self, case_no: str) -> Case:
        """The case, or `CaseNotFound` naming the number."""
        case = self.by_no(case_no)
        if case is None:
            raise CaseNotFound(case_no)
        return case

    def search(self, query: str = "", *, limit: int | None = None) -> list[Case]:
        """Cases whose number, or any party's name, ID number or phone contains `query`;
        newest first (the cases of a withdrawn batch are left out)."""
        stmt = select(Case).where(Case.withdrawn_at.is_(None))
        stmt = stmt.order_by(Case.created_at.desc(), Case.id.desc())
        text = query.strip()
        if text:
            like = _like(text)
            party_hit = (
                select(Party.id)
                .where(Party.case_id == Case.id)
                .where(
                    or_(
                        Party.name.like(like, escape="\\"),
                        Party.id_number.like(like, escape="\\"),
                        Party.phone.like(like, escape="\\"),
                    )
                )
                .exists()
            )
            stmt = stmt.where(or_(Case.case_no.like(like, escape="\\"), party_hit))
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(_with_everything(stmt)))

    def count(self) -> int:
        return int(self.session.scalar(select(func.count(Case.id))) or 0)

    def next_case_no(self, year: int) -> str:
        """Take the next number of `year` (call inside a write unit of work): from the
        office's blocks on an enrolled laptop (`app.store.sync_numbers`), else the store's
        own counter."""
        from app.store import sync_numbers

        given = sync_numbers.take(self.session, year, CASE_PREFIX)
        if given is not None:
            return given
        counter = self.session.get(CaseCounter, year)
        if counter is None:
            counter = CaseCounter(year=year, last_seq=0)
            self.session.add(counter)
        if counter.last_seq >= MAX_SEQ:
            raise DomainError(f"{year} 年的案号已用完（最多 {MAX_SEQ} 件）。")
        counter.last_seq += 1
        return format_case_no(year, counter.last_seq)

    def add(self, case: Case) -> Case:
        self.session.add(case)
        self.session.flush()
        return case


class OrganisationRepository:
    """The organisation profile (one row in practice) and its mediators."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def profile(self) -> Organisation | None:
        return self.session.scalars(select(Organisation).order_by(Organisation.id)).first()

    def mediators(self) -> list[Mediator]:
        return list(self.session.scalars(select(Mediator).order_by(Mediator.id)))

    def mediator_named(self, name: str) -> Mediator | None:
        stmt = select(Mediator).where(Mediator.name == name).order_by(Mediator.id)
        return self.session.scalars(stmt).first()
