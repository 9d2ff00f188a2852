"""Answer now, look up on: a view of a ``DomainIntel`` that waits at most ``wait`` seconds. What
has not answered by then is ``unavailable`` with reason ``pending``, while the lookup itself goes
on (shielded) and fills the cache, so the caller can judge again a moment later and update its
answer. The bot replies within ``DISCORD_REPLY_WAIT`` however slow a registry is."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Collection
from datetime import datetime

from bot.analysis.models import DomainFact
from bot.services.ports.lookups import DomainIntel


class QuickIntel:
    def __init__(self, intel: DomainIntel, wait: float) -> None:
        self.intel = intel
        self.wait = wait
        self.pending: set[str] = set()  # domains still being looked up after the last call

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        task = asyncio.ensure_future(self.intel.lookup(domains, now))
        task.add_done_callback(_consume)
        try:
            facts = await asyncio.wait_for(asyncio.shield(task), self.wait)
        except TimeoutError:
            facts = await self.intel.cached(domains, now)
            self.pending = {d for d in domains if d not in facts}
            for domain in self.pending:
                facts[domain] = DomainFact(domain=domain, lookup="unavailable", reason="pending")
            return facts
        self.pending = set()
        return facts

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        return await self.intel.cached(domains, now)


def _consume(task: asyncio.Future[dict[str, DomainFact]]) -> None:
    """The shielded lookup's outcome is read here too, so a failure after the wait is not an
    "exception never retrieved" warning (the intel logs its own failures)."""
    if not task.cancelled():
        with contextlib.suppress(Exception):
            task.exception()
