"""Two processes over one store ask a registry about a domain once between them: the one holding
``lookup:NAME`` asks, the other waits for the answer in the (shared) registration cache; when the
asker gets no answer (failures are never cached), the waiter asks itself."""

from __future__ import annotations

import asyncio
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
                         lambda: NOW, poll=0.05)


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
    assert await LeaseStoreSQLite(two[0]).lease_holder("lookup:flaky.example", NOW) is None  # released
