"""Problems met while opening the store that the user must hear about at once, although
the store did open (a daily backup that failed its check: the store may be damaged).

The GUI reads them from the context (`AppContext.notices`); the CLI, which opens contexts
inside its commands, reads what this process recorded (`take()`) after the command ran.
No heavy imports here: the CLI's commands that never open a store stay light.
"""

from __future__ import annotations

_recorded: list[str] = []


def record(message: str) -> None:
    _recorded.append(message)


def take() -> list[str]:
    """Everything recorded so far in this process, once."""
    found = list(dict.fromkeys(_recorded))
    _recorded.clear()
    return found
