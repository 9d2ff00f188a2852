"""Registry lookups shared by the processes of a deployment (issue 15: the bot in shards over one
store). The registration cache is in the store already, so an answer one process had is every
process's; what this adds is the lookup *under way*: a process about to ask a registry about a
domain first takes the lease ``lookup:NAME`` (one conditional upsert). When another process holds
it, this one does not ask: it waits for that answer to appear in the cache (polling, up to the
lookup deadline). When that lease ends without an answer (the registry failed — failures are never
cached — or the process died), it asks itself. Within one process, ``RegistryIntel`` already joins
concurrent requests for a domain.

So two shards that see the same campaign at the same moment send the registry one query, not two.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Collection
from datetime import datetime, timedelta

from bot.analysis.models import DomainFact
from bot.services.ports.leases import LeaseStore
from bot.services.ports.lookups import DomainIntel

log = logging.getLogger(__name__)
POLL_SECONDS = 0.25


def lookup_lease(domain: str) -> str:
    return f"lookup:{domain}"


class SharedLookups:
    def __init__(self, intel: DomainIntel, leases: LeaseStore, holder: str, deadline: float,
                 clock: Callable[[], datetime], monotonic: Callable[[], float] = time.monotonic,
                 poll: float = POLL_SECONDS) -> None:
        self.intel = intel
        self.leases = leases
        self.holder = holder
        self.deadline = deadline  # LOOKUP_DEADLINE: a lease's length, and the longest wait for another's answer
        self.clock = clock
        self.monotonic = monotonic
        self.poll = poll
        self.waited = 0  # domains answered by another process's lookup (the metrics, the tests)

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        return await self.intel.cached(domains, now)

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        wanted = list(dict.fromkeys(domains))
        facts = await self.intel.cached(wanted, now)
        mine: list[str] = []
        theirs: list[str] = []
        for domain in (d for d in wanted if d not in facts):
            (mine if await self._take(domain) else theirs).append(domain)
        try:
            asked = asyncio.ensure_future(self.intel.lookup(mine, now)) if mine else None
            if theirs:
                facts.update(await self._wait_for_others(theirs, now, mine))
            if asked is not None:
                facts.update(await asked)
        finally:
            for domain in mine:
                with contextlib.suppress(Exception):  # a lease left behind expires by itself
                    await self.leases.release_lease(lookup_lease(domain), self.holder)
        return facts

    async def _take(self, domain: str) -> bool:
        now = self.clock()
        try:
            return await self.leases.take_lease(lookup_lease(domain), self.holder, now,
                                                now + timedelta(seconds=self.deadline))
        except Exception:
            log.warning("lookup lease unavailable: asking the registry", exc_info=True)
            return True

    async def _wait_for_others(self, domains: list[str], now: datetime, mine: list[str]) -> dict[str, DomainFact]:
        """Another process is asking about ``domains``: their answers from the cache as they come;
        the ones whose lease ends unanswered are asked here (their leases taken, added to ``mine``)."""
        out: dict[str, DomainFact] = {}
        pending = set(domains)
        late: list[str] = []
        until = self.monotonic() + self.deadline
        while pending and self.monotonic() < until:
            await asyncio.sleep(self.poll)
            got = await self.intel.cached(pending, now)
            out.update(got)
            self.waited += len(got)
            pending -= set(got)
            for domain in sorted(pending):
                if await self.leases.lease_holder(lookup_lease(domain), self.clock()) is None and await self._take(domain):
                    pending.discard(domain)
                    late.append(domain)
        mine.extend(late)
        if late:
            out.update(await self.intel.lookup(late, now))
        for domain in pending:
            out[domain] = DomainFact(domain=domain, lookup="unavailable", reason="deadline")
        return out
