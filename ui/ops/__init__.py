"""Every call from the GUI into the core, one small module per area.

Each function takes the `Core` and the user's input and returns an `Op[T]` (see
`ui.tasks`): the work to run on the database thread, typed by what it returns, so mypy
checks each call from a view into the services. Views never open the store themselves:

    from ui.ops import settlement
    runner.run(settlement.basis(core, case_no)).success(self._arrived).failure(refused(...))

The services are imported inside the work (on the database thread), so a window shows
before SQLAlchemy and Alembic are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ui.tasks import Op, Progress

if TYPE_CHECKING:
    from app.services.context import AppContext
    from ui.services import Core

T = TypeVar("T")


def in_store(core: Core, work: Callable[[AppContext], T]) -> Op[T]:
    """`work(ctx)` on the database thread, the store opened there on first use."""
    return Op(lambda _progress: work(core.context()))


def in_store_with_progress(core: Core, work: Callable[[AppContext, Progress], T]) -> Op[T]:
    """`work(ctx, progress)`: a long job that reports how far it is."""
    return Op(lambda progress: work(core.context(), progress))
