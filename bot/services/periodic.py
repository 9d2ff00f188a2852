"""Background work that repeats: the feed fetches, the feed index's and the network's refreshes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


async def every(seconds: float, stop: asyncio.Event, work: Callable[[], Awaitable[object]], what: str) -> None:
    """Runs ``work`` now and then every ``seconds`` until ``stop`` is set. A failure (a busy or
    closed database, a bug) is logged and waits for the next round: it never ends the loop."""
    while not stop.is_set():
        try:
            await work()
        except Exception:
            log.warning("%s failed", what, exc_info=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)
