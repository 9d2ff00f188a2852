"""Work done once for all the processes of a deployment (issue 15: the bot in shards across
processes over one database): the purges, the scheduled feed fetches. Each process runs a
``Leader``, which takes or renews the ``leader`` lease every third of its length; the process that
holds it does the periodic work, the others skip it. The lease expires unless renewed, so when the
leader dies another process takes over within one lease length and one renewal period.

A process counts itself leader only until a little before the lease's end as it last renewed it
(measured on its own monotonic clock), so two processes never both believe they lead, even when
a renewal is late: the worst case is a moment with no leader, never two.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.services.periodic import every
from bot.services.ports.leases import LeaseStore

log = logging.getLogger(__name__)
LEADER = "leader"
SAFETY = 0.8  # of the lease: a process stops counting itself leader after this share of it


def process_holder() -> str:
    """This process's name as a lease holder: host:pid:random (a restarted process with the same
    pid in a new container is another holder)."""
    return f"{socket.gethostname()[:64]}:{os.getpid()}:{secrets.token_hex(4)}"


class Leader:
    def __init__(self, store: LeaseStore, ttl: float, clock: Callable[[], datetime],
                 monotonic: Callable[[], float], holder: str | None = None, name: str = LEADER) -> None:
        self.store = store
        self.ttl = ttl
        self.clock = clock
        self.monotonic = monotonic
        self.holder = holder or process_holder()
        self.name = name
        self._valid_until = float("-inf")  # monotonic: leading until then
        self._leading = False

    @property
    def leading(self) -> bool:
        return self.monotonic() < self._valid_until

    async def renew(self) -> bool:
        """Takes the lease, or renews it; whether this process leads now."""
        started = self.monotonic()
        now = self.clock()
        took = await self.store.take_lease(self.name, self.holder, now, now + timedelta(seconds=self.ttl))
        self._valid_until = started + self.ttl * SAFETY if took else float("-inf")
        if took != self._leading:
            self._leading = took
            if took:
                log.info("leading: this process (%s) does the work done once for all processes", self.holder)
            else:
                log.info("no longer leading: another process holds the lease")
        return took

    async def run(self, stop: asyncio.Event) -> None:
        """Renews every third of the lease until ``stop``; then lets the lease go, so another
        process takes over at once instead of after it expires."""
        await every(self.ttl / 3, stop, self.renew, "leader lease")
        if self._leading:
            self._valid_until = float("-inf")
            self._leading = False
            try:
                await self.store.release_lease(self.name, self.holder)
            except Exception:  # noqa: BLE001 - closing: the lease then expires by itself
                log.warning("the leader lease could not be released; it expires in %.0f s", self.ttl)


ALWAYS: Callable[[], bool] = lambda: True  # noqa: E731 - one process alone (the CLI): it always leads
