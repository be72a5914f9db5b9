"""The case store itself: closing it at shutdown, backups and restoring one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.tasks import Op, op

if TYPE_CHECKING:
    from ui.services import Core


def close_store(core: Core) -> Op[None]:
    """Release the case store on its own thread (at shutdown)."""
    return op(core.close)
