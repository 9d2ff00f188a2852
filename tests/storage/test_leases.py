"""Leases and the shared lookup budget (migration 0009) over one store opened twice (an SQLite file,
a PostgreSQL schema), as two processes of a sharded deployment open it: one holder at a time, expiry hands over, renewal keeps,
and the budget's count is atomic between the two openings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.services.leader import Leader, process_holder
from bot.services.lookup_budget import LookupBudget, budget_hour
from bot.services.ports.stores import Stores
from bot.services.ports.times import utc_text
from bot.storage.open import open_store

T0 = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)


def leads(leader: Leader) -> bool:
    return leader.leading  # (a call: mypy would take a property read twice for the same value)


@pytest.fixture
async def two(store_place: str) -> AsyncIterator[tuple[Stores, Stores]]:
    """One store opened twice, as two processes open it (SQLite: one file; PostgreSQL: two pools)."""
    async with open_store(store_place) as one, open_store(store_place) as other:
        yield one, other


async def test_one_holder_at_a_time_until_the_lease_expires(two: tuple[Stores, Stores]) -> None:
    a, b = two[0].leases, two[1].leases
    assert await a.take_lease("leader", "host:1:aa", 60.0)
    assert not await b.take_lease("leader", "host:2:bb", 60.0)
    assert await a.take_lease("leader", "host:1:aa", 60.0)  # renewed
    assert await b.lease_holder("leader") == "host:1:aa"
    assert await a.take_lease("leader", "host:1:aa", 0.2)  # a short renewal; then the holder dies
    await asyncio.sleep(0.3)  # (the database's clock decides: no other way to let a lease run out)
    assert await b.lease_holder("leader") is None
    assert await b.take_lease("leader", "host:2:bb", 60.0)
    assert not await a.take_lease("leader", "host:1:aa", 60.0)
    await a.release_lease("leader", "host:1:aa")  # not its lease any more: nothing happens
    assert await a.lease_holder("leader") == "host:2:bb"
    await b.release_lease("leader", "host:2:bb")
    assert await a.take_lease("leader", "host:1:aa", 60.0)  # released: free at once
    assert await a.take_lease("lookup:x.example", "host:1:aa", -1.0)  # already over
    assert await a.purge_expired_leases() == 1
    assert await b.lease_holder("leader") == "host:1:aa"


async def test_expiry_is_the_databases_time(two: tuple[Stores, Stores]) -> None:
    """Stamped by the database in the taking statement, in the stores' fixed-width UTC text (the
    process passes a length, no time of its own)."""
    assert await two[0].leases.take_lease("leader", "host:1:aa", 60.0)
    db = two[1].leases.db  # type: ignore[attr-defined]
    async with db.read() as conn, conn.execute("SELECT expires_at FROM leases WHERE name = 'leader'") as cur:
        row = await cur.fetchone()
    assert row is not None
    expires = str(row[0])
    assert len(expires) == len(utc_text(T0)) and expires.endswith("+00:00")
    ahead = (datetime.fromisoformat(expires) - datetime.now(UTC)).total_seconds()
    assert 55 < ahead <= 60.5  # (this machine's clock is the database's here)


async def test_clock_skew_between_processes_cannot_make_two_leaders(two: tuple[Stores, Stores]) -> None:
    """The review's case: B's clock 15 s ahead of A's and A's renewal late (46 s into a 60 s
    lease). No process clock is asked: B cannot take the lease the database says is A's."""
    mono = [0.0]
    first = Leader(two[0].leases, 60.0, lambda: mono[0], holder="A:1:a")
    second = Leader(two[1].leases, 60.0, lambda: mono[0] + 15.0, holder="B:2:b")
    assert await first.renew()
    mono[0] = 46.0
    assert not await second.renew() and not leads(second)


async def test_concurrent_takers_get_one_lease(two: tuple[Stores, Stores]) -> None:
    stores = [two[i % 2].leases for i in range(10)]
    took = await asyncio.gather(*(s.take_lease("leader", f"h:{i}:x", 60.0) for i, s in enumerate(stores)))
    assert sum(took) == 1


async def test_the_budget_is_one_count_for_both_processes(two: tuple[Stores, Stores]) -> None:
    budgets = [LookupBudget(10, lambda: 0.0, s.budgets) for s in two]
    granted = await asyncio.gather(*(budgets[i % 2].take(7, 3, T0) for i in range(8)))
    assert sum(granted) == 10 and sorted(granted)[:-4] == [0, 0, 0, 0]  # 3+3+3+1, then nothing
    assert await budgets[1].take(8, 3, T0) == 3  # another guild: its own budget
    assert await budgets[0].take(7, 3, T0 + timedelta(hours=1)) == 3  # the next hour: a new budget
    assert await two[0].budgets.purge_budgets(budget_hour(T0 + timedelta(hours=1))) == 2


async def test_the_leader_leads_until_its_lease_runs_out_and_hands_over(two: tuple[Stores, Stores]) -> None:
    mono = [0.0]
    first = Leader(two[0].leases, 0.5, lambda: mono[0], holder="h:1:a")
    second = Leader(two[1].leases, 0.5, lambda: mono[0], holder="h:2:b")
    assert await first.renew() and leads(first)
    assert not await second.renew() and not leads(second)
    mono[0] = 0.45
    assert not leads(first)  # past 80 % of the lease without a renewal: it no longer counts itself leader
    assert not await second.renew()  # ...yet the lease is still its: nobody leads for a moment, never two
    await asyncio.sleep(0.6)  # the lease runs out on the database's clock
    assert await second.renew() and leads(second)
    assert not await first.renew() and not leads(first)


async def test_a_stopping_leader_hands_over_at_once(two: tuple[Stores, Stores]) -> None:
    first = Leader(two[0].leases, 30.0, lambda: 0.0)
    stop = asyncio.Event()
    task = asyncio.ensure_future(first.run(stop))
    await asyncio.sleep(0.2)
    assert leads(first)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert not leads(first)
    assert await two[1].leases.lease_holder("leader") is None


def test_holders_differ_between_processes_and_restarts() -> None:
    host, pid, rand = process_holder().split(":")
    assert host and pid.isdigit() and len(rand) == 8
    assert process_holder() != process_holder()


async def test_a_process_of_another_shard_count_refuses_to_start(two: tuple[Stores, Stores]) -> None:
    """``--shard-count 2`` beside a live ``--shard-count 4`` would split the guilds differently:
    the newcomer refuses (after waiting one lease length, as for a dead predecessor's leases), and
    holds nothing afterwards; a process of the same count starts beside it."""
    from bot.services.errors import ShardCountMismatch
    from bot.services.leader import claim_shards

    a, b = two[0].leases, two[1].leases
    running = await claim_shards(a, (0, 1), 4, 30.0, time.monotonic, "host:1:aa")
    assert await b.live_shard_leases() == [("shard:0/4", "host:1:aa"), ("shard:1/4", "host:1:aa")]
    with pytest.raises(ShardCountMismatch) as refused:
        await claim_shards(b, (1,), 2, 0.3, time.monotonic, "host:2:bb")
    assert (refused.value.count, refused.value.other, refused.value.holder) == (2, 4, "host:1:aa")
    assert await a.lease_holder("shard:1/2") is None  # nothing left held by the refused process
    beside = await claim_shards(b, (2, 3), 4, 30.0, time.monotonic, "host:2:bb")
    assert [lease.name for lease in beside] == ["shard:2/4", "shard:3/4"]
    # a deployment restarted with a new count after a crash: the dead processes' leases expire and it starts
    for lease in (*running, *beside):
        assert await lease.store.take_lease(lease.name, lease.holder, 0.2)
    restarted = await claim_shards(b, (0,), 2, 1.0, time.monotonic, "host:3:cc")
    assert [lease.name for lease in restarted] == ["shard:0/2"]
