"""Two processes over one store ask a registry about a domain once between them: the one holding
``lookup:NAME`` asks, the other waits for the answer in the (shared) registration cache; when the
asker gets no answer (failures are never cached), the waiter asks itself."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Collection
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.analysis.models import DomainFact
from bot.services.shared_lookups import SharedLookups
from bot.storage.database import Database
from bot.storage.leases import LeaseStoreSQLite
from bot.storage.registration_cache import RegistrationCacheSQLite

NOW = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)


class Registry:
    """One process's registry client behind the shared cache: slow, counted, failing on demand."""

    def __init__(self, cache: RegistrationCacheSQLite, asked: list[str], fail: bool = False) -> None:
        self.cache = cache
        self.asked = asked
        self.fail = fail
        self.asking = asyncio.Event()

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        self.asked.extend(domains)
        self.asking.set()
        await asyncio.sleep(0.3)
        out = {}
        for d in domains:
            fact = (DomainFact(domain=d, lookup="unavailable", reason="timeout") if self.fail
                    else DomainFact(domain=d, lookup="rdap", registered="2026-11-30T00:00:00Z", source="rdap"))
            await self.cache.put(fact, now)
            out[d] = fact
        return out

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        out = {}
        for d in domains:
            fact = await self.cache.get(d, now)
            if fact is not None:
                out[d] = fact
        return out


@pytest.fixture
async def two(tmp_path: Path) -> AsyncIterator[tuple[Database, Database]]:
    path = str(tmp_path / "shared.db")
    one, other = await Database.open(path), await Database.open(path)
    try:
        yield one, other
    finally:
        await other.close()
        await one.close()


def shared(db: Database, asked: list[str], holder: str, fail: bool = False) -> SharedLookups:
    return SharedLookups(Registry(RegistrationCacheSQLite(db), asked, fail), LeaseStoreSQLite(db), holder, 5.0,
                         poll=0.05)


async def test_one_query_for_two_processes(two: tuple[Database, Database]) -> None:
    asked: list[str] = []
    a, b = shared(two[0], asked, "h:1:a"), shared(two[1], asked, "h:2:b")
    first, second = await asyncio.gather(a.lookup(["servicecc-jp.example", "a-only.example"], NOW),
                                         b.lookup(["servicecc-jp.example"], NOW))
    assert sorted(asked) == ["a-only.example", "servicecc-jp.example"]  # each domain asked once in all
    assert first["servicecc-jp.example"].registered == second["servicecc-jp.example"].registered == "2026-11-30T00:00:00Z"
    assert a.waited + b.waited == 1
    again = await b.lookup(["servicecc-jp.example"], NOW)  # later: the cache, no lease, no query
    assert again["servicecc-jp.example"].lookup == "cache" and len(asked) == 2


async def test_the_waiter_asks_itself_when_the_asker_got_no_answer(two: tuple[Database, Database]) -> None:
    asked: list[str] = []
    a = shared(two[0], asked, "h:1:a", fail=True)
    b = shared(two[1], asked, "h:2:b")
    asking = asyncio.ensure_future(a.lookup(["flaky.example"], NOW))
    registry = a.intel
    assert isinstance(registry, Registry)
    await asyncio.wait_for(registry.asking.wait(), 5)  # a holds the lease and is asking
    second = await b.lookup(["flaky.example"], NOW)
    first = await asking
    assert asked == ["flaky.example", "flaky.example"]
    assert (first["flaky.example"].lookup, second["flaky.example"].lookup) == ("unavailable", "rdap")
    assert await LeaseStoreSQLite(two[0]).lease_holder("lookup:flaky.example") is None  # released


class Slow:
    """A registry client that takes ``seconds`` and records whether it finished or was cancelled."""

    def __init__(self, seconds: float, reason: str | None = None) -> None:
        self.seconds = seconds
        self.reason = reason  # None: an answer; else unavailable for this reason
        self.finished: list[str] = []
        self.cancelled = False
        self.fail_cached = False

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        try:
            await asyncio.sleep(self.seconds)
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        self.finished.extend(domains)
        return {d: DomainFact(domain=d, lookup="unavailable", reason=self.reason) if self.reason
                else DomainFact(domain=d, lookup="rdap", registered="2026-11-30T00:00:00Z", source="rdap") for d in domains}

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        if self.fail_cached:
            raise OSError("database is locked")
        return {}


class Hiccup(LeaseStoreSQLite):
    """The lease store, whose reads of a holder fail (a locked or restarting database)."""

    async def lease_holder(self, name: str) -> str | None:
        raise OSError("database is locked")


async def test_a_failed_read_of_the_holder_is_nobody_and_the_own_lookup_is_awaited(
        two: tuple[Database, Database]) -> None:
    other = LeaseStoreSQLite(two[1])
    assert await other.take_lease("lookup:b.example.com", "them:2:b", 0.2)  # another process is asking about b
    intel = Slow(0.3)
    lookups = SharedLookups(intel, Hiccup(two[0]), "me:1:a", 3.0, poll=0.05)
    facts = await lookups.lookup(["a.example.com", "b.example.com"], NOW)
    assert {d: f.lookup for d, f in facts.items()} == {"a.example.com": "rdap", "b.example.com": "rdap"}
    assert sorted(intel.finished) == ["a.example.com", "b.example.com"]  # b asked here once its lease ended
    assert await other.lease_holder("lookup:a.example.com") is None  # answered: released


async def test_a_failing_wait_never_leaves_the_own_lookup_running(two: tuple[Database, Database]) -> None:
    assert await LeaseStoreSQLite(two[1]).take_lease("lookup:b.example.com", "them:2:b", 30.0)
    intel = Slow(5.0)
    lookups = SharedLookups(intel, LeaseStoreSQLite(two[0]), "me:1:a", 3.0, poll=0.05)
    intel.fail_cached = False
    task = asyncio.ensure_future(lookups.lookup(["a.example.com", "b.example.com"], NOW))
    await asyncio.sleep(0.2)
    intel.fail_cached = True  # the wait's next read of the cache fails
    with pytest.raises(OSError, match="locked"):
        await task
    assert intel.cancelled  # the own lookup was cancelled and awaited, not left behind
    assert await LeaseStoreSQLite(two[1]).lease_holder("lookup:a.example.com") is None


async def test_the_whole_lookup_keeps_to_its_deadline(two: tuple[Database, Database]) -> None:
    """Another process's lease ends unanswered near the deadline: the lookup asked here then gets
    what remains of the deadline, not a deadline of its own (before: up to twice it)."""
    assert await LeaseStoreSQLite(two[1]).take_lease("lookup:b.example.com", "them:2:b", 0.6)
    lookups = SharedLookups(Slow(10.0), LeaseStoreSQLite(two[0]), "me:1:a", 1.0, poll=0.05)
    began = time.monotonic()
    facts = await lookups.lookup(["b.example.com"], NOW)
    assert time.monotonic() - began < 2.0  # one deadline (1 s) and slack; 10 s without the bound
    assert (facts["b.example.com"].lookup, facts["b.example.com"].reason) == ("unavailable", "deadline")


async def test_the_lease_outlasts_a_fetch_still_running(two: tuple[Database, Database]) -> None:
    """The registry client answers "deadline" while its fetch goes on (and will fill the cache):
    the lease stays, for the fetch's bound, so another process waits instead of asking again."""
    store = LeaseStoreSQLite(two[1])
    running = SharedLookups(Slow(0.0, reason="deadline"), LeaseStoreSQLite(two[0]), "me:1:a", 1.0, fetch_bound=30.0)
    await running.lookup(["slow.example"], NOW)
    assert await store.lease_holder("lookup:slow.example") == "me:1:a"
    failed = SharedLookups(Slow(0.0, reason="timeout"), LeaseStoreSQLite(two[0]), "me:1:a", 1.0, fetch_bound=30.0)
    await failed.lookup(["failed.example"], NOW)
    assert await store.lease_holder("lookup:failed.example") is None  # failed: another may try at once
