"""Leases and the shared lookup budget (migration 0009) over one store opened twice (an SQLite file,
a PostgreSQL schema), as two processes of a sharded deployment open it: one holder at a time, expiry hands over, renewal keeps,
and the budget's count is atomic between the two openings."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.services.leader import Leader, process_holder
from bot.services.lookup_budget import LookupBudget, budget_hour
from bot.services.ports.stores import Stores
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
    until = T0 + timedelta(seconds=60)
    assert await a.take_lease("leader", "host:1:aa", T0, until)
    assert not await b.take_lease("leader", "host:2:bb", T0 + timedelta(seconds=30), until)
    assert await a.take_lease("leader", "host:1:aa", T0 + timedelta(seconds=30), until + timedelta(seconds=30))  # renewed
    assert not await b.take_lease("leader", "host:2:bb", T0 + timedelta(seconds=61), until)  # the renewal holds
    assert await b.lease_holder("leader", T0 + timedelta(seconds=61)) == "host:1:aa"
    later = T0 + timedelta(seconds=90)  # the holder died: its lease ran out
    assert await b.lease_holder("leader", later) is None
    assert await b.take_lease("leader", "host:2:bb", later, later + timedelta(seconds=60))
    assert not await a.take_lease("leader", "host:1:aa", later, later + timedelta(seconds=60))
    await a.release_lease("leader", "host:1:aa")  # not its lease any more: nothing happens
    assert await a.lease_holder("leader", later) == "host:2:bb"
    await b.release_lease("leader", "host:2:bb")
    assert await a.take_lease("leader", "host:1:aa", later, later + timedelta(seconds=60))  # released: free at once
    assert await a.purge_expired_leases(later + timedelta(seconds=61)) == 1


async def test_concurrent_takers_get_one_lease(two: tuple[Stores, Stores]) -> None:
    stores = [two[i % 2].leases for i in range(10)]
    took = await asyncio.gather(*(s.take_lease("leader", f"h:{i}:x", T0, T0 + timedelta(seconds=60))
                                  for i, s in enumerate(stores)))
    assert sum(took) == 1


async def test_the_budget_is_one_count_for_both_processes(two: tuple[Stores, Stores]) -> None:
    budgets = [LookupBudget(10, lambda: 0.0, s.budgets) for s in two]
    granted = await asyncio.gather(*(budgets[i % 2].take(7, 3, T0) for i in range(8)))
    assert sum(granted) == 10 and sorted(granted)[:-4] == [0, 0, 0, 0]  # 3+3+3+1, then nothing
    assert await budgets[1].take(8, 3, T0) == 3  # another guild: its own budget
    assert await budgets[0].take(7, 3, T0 + timedelta(hours=1)) == 3  # the next hour: a new budget
    assert await two[0].budgets.purge_budgets(budget_hour(T0 + timedelta(hours=1))) == 2


async def test_the_leader_leads_until_its_lease_runs_out_and_hands_over(two: tuple[Stores, Stores]) -> None:
    wall, mono = [T0], [0.0]
    first = Leader(two[0].leases, 10.0, lambda: wall[0], lambda: mono[0], holder="h:1:a")
    second = Leader(two[1].leases, 10.0, lambda: wall[0], lambda: mono[0], holder="h:2:b")
    assert await first.renew() and leads(first)
    assert not await second.renew() and not leads(second)
    wall[0], mono[0] = T0 + timedelta(seconds=9), 9.0
    assert not leads(first)  # past 80 % of the lease without a renewal: it no longer counts itself leader
    assert not await second.renew()  # ...yet the lease is still its: nobody leads for a moment, never two
    wall[0], mono[0] = T0 + timedelta(seconds=10), 10.0
    assert await second.renew() and leads(second)
    assert not await first.renew() and not leads(first)


async def test_a_stopping_leader_hands_over_at_once(two: tuple[Stores, Stores]) -> None:
    first = Leader(two[0].leases, 30.0, lambda: T0, lambda: 0.0)
    stop = asyncio.Event()
    task = asyncio.ensure_future(first.run(stop))
    await asyncio.sleep(0.2)
    assert leads(first)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert not leads(first)
    assert await two[1].leases.lease_holder("leader", T0) is None


def test_holders_differ_between_processes_and_restarts() -> None:
    host, pid, rand = process_holder().split(":")
    assert host and pid.isdigit() and len(rand) == 8
    assert process_holder() != process_holder()
