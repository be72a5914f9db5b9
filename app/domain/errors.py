"""Errors a user can cause, with messages that name the field and the fix."""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """A rule of mediation was broken; the message is written for a mediator."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (`payments[3].date`) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InputError(DomainError):
    """An input refused whole, with every problem found listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))
