"""Registration facts for a report's domains: cache first, then RDAP or WHOIS, concurrently,
bounded by a per-lookup timeout, a concurrency cap and a whole-report deadline after which the
report goes out with ``unavailable``. Concurrent requests for one domain share one query."""

from __future__ import annotations

import asyncio
import collections
import functools
import json
import logging
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import aiohttp

from bot.analysis.domains import org_domain
from bot.analysis.json_depth import json_depth_within
from bot.analysis.models import DomainFact
from bot.lookups.bootstrap import MAX_BOOTSTRAP_BYTES, Bootstrap, note_attempt, save_bootstrap
from bot.lookups.rdap import rdap_lookup, read_capped
from bot.lookups.whois_client import whois_lookup
from bot.services.ports.lookups import CACHE_NEGATIVE_TTL, LookupFailed, RegistrationCache
from bot.settings import LookupSettings

log = logging.getLogger(__name__)
USER_AGENT = "phishbot/0.1 (passive registration lookups)"
# RDAP failures after which the same domain is asked over WHOIS (a registry's RDAP being down
# says nothing about the domain)
MEMO_SIZE = 10_000
RECENT_QUERIES = 1000  # the queries kept for tests and stats: the last ones only, the bot runs for months
MEMO_TTL = timedelta(minutes=10)  # never longer than the store's own TTLs
WHOIS_FALLBACK = {"server_error", "malformed", "http_error", "too_large"}


class RegistryIntel:
    """The ``DomainIntel`` port over real registries (or the ones RDAP_BASE_URL/WHOIS_SERVER name)."""

    def __init__(
        self,
        settings: LookupSettings,
        bootstrap: Bootstrap,
        cache: RegistrationCache | None,
        session: aiohttp.ClientSession,
    ) -> None:
        self.settings = settings
        self.bootstrap = bootstrap
        self.cache = cache
        self.session = session
        self._limit = asyncio.Semaphore(settings.concurrency)
        # recent answers in memory, in front of the SQLite cache: a hit costs a dict lookup, not a
        # round trip through aiosqlite's thread (whose tail latency is milliseconds)
        self._memo: dict[str, tuple[DomainFact, datetime]] = {}
        self._inflight: dict[str, asyncio.Task[DomainFact]] = {}
        # (protocol, domain) of the latest queries, for tests and stats; bounded
        self.queries: collections.deque[tuple[str, str]] = collections.deque(maxlen=RECENT_QUERIES)
        self.query_count = 0  # every query since start

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        names = []
        for domain in domains:
            # only registrable domains are ever queried, whatever the caller passes
            reg = org_domain(domain)
            if reg and reg not in names:
                names.append(reg)
        out: dict[str, DomainFact] = {}
        pending: dict[str, asyncio.Task[DomainFact]] = {}
        for name in names:
            cached = await self._cached(name, now)
            if cached is not None:
                out[name] = cached
                continue
            task = self._inflight.get(name)
            if task is None or task.done():
                task = asyncio.get_running_loop().create_task(self._fetch(name, now))
                self._inflight[name] = task
                task.add_done_callback(functools.partial(self._forget, name))
            pending[name] = task
        if pending:
            done, _ = await asyncio.wait(set(pending.values()), timeout=self.settings.deadline)
            for name, task in pending.items():
                if task in done and not task.cancelled() and task.exception() is None:
                    out[name] = task.result()
                else:
                    out[name] = DomainFact(domain=name, lookup="unavailable", reason="deadline")
        return {name: out[name] for name in names}

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        """What the memo and the cache already hold: no registry is asked."""
        out: dict[str, DomainFact] = {}
        for domain in domains:
            reg = org_domain(domain)
            fact = await self._cached(reg, now) if reg else None
            if reg and fact is not None:
                out[reg] = fact
        return out

    def _forget(self, name: str, task: asyncio.Task[DomainFact]) -> None:
        if self._inflight.get(name) is task:
            del self._inflight[name]
        if not task.cancelled() and task.exception() is not None:
            log.warning("lookup task failed: %s", type(task.exception()).__name__)

    async def _cached(self, name: str, now: datetime) -> DomainFact | None:
        memo = self._memo.get(name)
        if memo is not None:
            if memo[1] > now:
                return memo[0]
            del self._memo[name]
        if self.cache is None:
            return None
        try:
            fact = await self.cache.get(name, now)
        except Exception as exc:  # noqa: BLE001 - a broken cache must not stop the report
            log.warning("registration cache read failed: %s", type(exc).__name__)
            return None
        if fact is not None:
            self._remember(fact, now + MEMO_TTL)
        return fact

    def _remember(self, fact: DomainFact, until: datetime) -> None:
        if len(self._memo) >= MEMO_SIZE:
            self._memo.pop(next(iter(self._memo)))  # the oldest entry
        self._memo[fact.domain] = (replace(fact, lookup="cache"), until)

    async def _fetch(self, name: str, now: datetime) -> DomainFact:
        async with self._limit:
            result = await self._ask(name)
        if isinstance(result, LookupFailed):
            return DomainFact(domain=name, lookup="unavailable", reason=result.reason)
        self._remember(result, now + (CACHE_NEGATIVE_TTL if result.not_registered else MEMO_TTL))
        if self.cache is not None:
            try:
                await self.cache.put(result, now)
            except Exception as exc:  # noqa: BLE001 - the answer still serves this report
                log.warning("registration cache write failed: %s", type(exc).__name__)
        return result

    async def _ask(self, name: str) -> DomainFact | LookupFailed:
        timeout = self.settings.timeout
        base = self.bootstrap.base_for(name)
        if base is not None:
            self.queries.append(("rdap", name))
            self.query_count += 1
            result = await rdap_lookup(self.session, base, name, timeout, self.bootstrap.is_registry)
            if not (isinstance(result, LookupFailed) and result.reason in WHOIS_FALLBACK):
                return result
        self.queries.append(("whois", name))
        self.query_count += 1
        return await whois_lookup(name, self.settings.whois_server, timeout)

    async def refresh_bootstrap(self) -> bool:
        """Fetch IANA's dns.json (at most daily, never with RDAP_BASE_URL); True if adopted."""
        if not self.bootstrap.refresh_due or self.bootstrap.cache_path is None:
            return False
        note_attempt(self.bootstrap.cache_path)
        try:
            async with self.session.get(
                self.settings.rdap_bootstrap_url, timeout=aiohttp.ClientTimeout(total=self.settings.timeout)
            ) as resp:
                if resp.status != 200:
                    return False
                body = await read_capped(resp, MAX_BOOTSTRAP_BYTES)
            if body is None:
                return False
            if not json_depth_within(body):
                return False
            document: Any = json.loads(body)
        except (TimeoutError, aiohttp.ClientError, OSError, ValueError, RecursionError):
            return False
        if not isinstance(document, dict) or not self.bootstrap.adopt(document):
            return False
        save_bootstrap(self.bootstrap, document)
        return True
