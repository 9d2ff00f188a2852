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
from datetime import datetime

from bot.analysis.models import DomainFact
from bot.services.ports.leases import LeaseStore
from bot.services.ports.lookups import DomainIntel

log = logging.getLogger(__name__)
POLL_SECONDS = 0.25


def lookup_lease(domain: str) -> str:
    return f"lookup:{domain}"


class SharedLookups:
    def __init__(self, intel: DomainIntel, leases: LeaseStore, holder: str, deadline: float,
                 monotonic: Callable[[], float] = time.monotonic, poll: float = POLL_SECONDS,
                 fetch_bound: float | None = None) -> None:
        self.intel = intel
        self.leases = leases
        self.holder = holder
        self.deadline = deadline  # LOOKUP_DEADLINE: the longest a report waits for its lookups, in all
        # how long one registry fetch may really run (RDAP, then WHOIS: twice LOOKUP_TIMEOUT): the
        # registry client answers "deadline" when the report's wait ends, but its fetch goes on and
        # fills the cache, so its lease must last that long too, or another process asks again
        self.fetch_bound = deadline if fetch_bound is None else fetch_bound
        self.monotonic = monotonic
        self.poll = poll
        self.waited = 0  # domains answered by another process's lookup (the metrics, the tests)

    @property
    def lease_seconds(self) -> float:
        return max(self.deadline, self.fetch_bound)

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        return await self.intel.cached(domains, now)

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        """Within ``deadline`` in all: this process's own lookups and the wait for another's
        answers run side by side; a domain whose other asker gave up is asked here in what remains."""
        wanted = list(dict.fromkeys(domains))
        facts = await self.intel.cached(wanted, now)
        until = self.monotonic() + self.deadline
        mine: list[str] = []
        theirs: list[str] = []
        for domain in (d for d in wanted if d not in facts):
            (mine if await self._take(domain) else theirs).append(domain)
        asked = asyncio.ensure_future(self.intel.lookup(list(mine), now)) if mine else None
        try:
            if theirs:
                facts.update(await self._wait_for_others(theirs, now, mine, until))
            if asked is not None:
                facts.update(await asked)
        finally:
            if asked is not None and not asked.done():  # the wait failed or was cancelled: never left running
                asked.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asked
            await self._let_go(mine, facts)
        return facts

    async def _take(self, domain: str) -> bool:
        try:
            return await self.leases.take_lease(lookup_lease(domain), self.holder, self.lease_seconds)
        except Exception:
            log.warning("lookup lease unavailable: asking the registry", exc_info=True)
            return True

    async def _holder(self, domain: str) -> str | None:
        """Who holds the domain's lookup lease; a read that fails counts as nobody (this process
        then asks itself, as when the lease cannot be taken: a query too many, never none)."""
        try:
            return await self.leases.lease_holder(lookup_lease(domain))
        except Exception:
            log.warning("lookup lease unreadable: taking it over", exc_info=True)
            return None

    async def _let_go(self, mine: list[str], facts: dict[str, DomainFact]) -> None:
        """The leases of this process's lookups: released once answered (or failed: another may
        try); kept for ``fetch_bound`` when the answer is "deadline" — the fetch goes on."""
        for domain in mine:
            fact = facts.get(domain)
            with contextlib.suppress(Exception):  # a lease left behind expires by itself
                if fact is not None and fact.lookup == "unavailable" and fact.reason == "deadline":
                    await self.leases.take_lease(lookup_lease(domain), self.holder, self.fetch_bound)
                else:
                    await self.leases.release_lease(lookup_lease(domain), self.holder)

    async def _wait_for_others(self, domains: list[str], now: datetime, mine: list[str],
                               until: float) -> dict[str, DomainFact]:
        """Another process is asking about ``domains``: their answers from the cache as they come,
        until ``until`` (monotonic); one whose lease ends unanswered is asked here at once (its lease
        taken, added to ``mine``), within the same ``until``."""
        out: dict[str, DomainFact] = {}
        pending = set(domains)
        late: dict[asyncio.Future[dict[str, DomainFact]], list[str]] = {}
        try:
            while pending and self.monotonic() < until:
                await asyncio.sleep(max(0.0, min(self.poll, until - self.monotonic())))
                got = await self.intel.cached(pending, now)
                out.update(got)
                self.waited += len(got)
                pending -= set(got)
                took = [d for d in sorted(pending) if await self._holder(d) is None and await self._take(d)]
                if took:
                    pending -= set(took)
                    mine.extend(took)
                    late[asyncio.ensure_future(self.intel.lookup(took, now))] = took
            if late:
                done, _ = await asyncio.wait(set(late), timeout=max(0.0, until - self.monotonic()))
                for task in done:
                    if not task.cancelled() and task.exception() is None:
                        out.update(task.result())
        finally:
            for task in late:
                if not task.done():
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError, Exception):
                        await task
        for domain in (*pending, *(d for took in late.values() for d in took)):
            out.setdefault(domain, DomainFact(domain=domain, lookup="unavailable", reason="deadline"))
        return out
