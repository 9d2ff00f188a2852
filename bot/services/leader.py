"""Work done once for all the processes of a deployment (issue 15: the bot in shards across
processes over one database): the housekeeping (purges) under the ``leader`` lease, which only the
processes that run the housekeeping (the bot's) take; the scheduled feed fetches under ``feeds``.
A ``Leader`` takes or renews its lease every third of its length; the process that holds it does
the work, the others skip it. The lease expires unless renewed, so when the holder dies another
process takes over within one lease length and one renewal period.

What is guaranteed, and on which clocks. The lease's expiry is stamped and judged on the
database's clock, in the statement that takes it, so the processes' wall clocks do not matter (a
process whose clock is minutes off cannot take a live lease). A process counts itself leader only
until ``SAFETY`` (80 %) of the lease has passed since it *sent* its last successful renewal,
measured on its own monotonic clock; the database's expiry is at least a whole lease after that
moment. So two processes never both count themselves leader as long as a process's monotonic
clock does not run more than 20 % slow against the database's over one lease (clock *rates*, not
offsets) — the worst case otherwise is a moment with no leader. What a lease cannot stop: a
process that checked ``leading`` and then stalled (a long pause, a stopped container) may finish
its piece of work after another took over. Every piece of work done under these leases is
idempotent — a ``DELETE … WHERE`` past a time, a feed fetch under that feed's own lease — so a
late one costs duplicate work, never wrong data.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from collections.abc import Callable

from bot.services.periodic import every
from bot.services.ports.leases import LeaseStore

log = logging.getLogger(__name__)
LEADER = "leader"  # the housekeeping (purges): held only by processes that run it (the bot's)
FEEDS = "feeds"  # the scheduled feed fetches: any long-running process (the bot's, ``phishbot serve``)
SAFETY = 0.8  # of the lease: a process stops counting itself leader after this share of it


def process_holder() -> str:
    """This process's name as a lease holder: host:pid:random (a restarted process with the same
    pid in a new container is another holder)."""
    return f"{socket.gethostname()[:64]}:{os.getpid()}:{secrets.token_hex(4)}"


class Leader:
    def __init__(self, store: LeaseStore, ttl: float, monotonic: Callable[[], float], holder: str | None = None,
                 name: str = LEADER) -> None:
        self.store = store
        self.ttl = ttl
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
        took = await self.store.take_lease(self.name, self.holder, self.ttl)
        self._valid_until = started + self.ttl * SAFETY if took else float("-inf")
        if took != self._leading:
            self._leading = took
            if took:
                log.info("lease %s taken: this process (%s) holds it", self.name, self.holder)
            else:
                log.info("lease %s lost: another process holds it", self.name)
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


def shard_lease(shard: int, count: int) -> str:
    """The lease a process holds while it runs shard ``shard`` of ``count``: two processes whose
    ``--shards`` ranges overlap would both answer that shard's guilds."""
    return f"shard:{shard}/{count}"


async def _same_count(store: LeaseStore, count: int, holder: str, wait: float,
                      monotonic: Callable[[], float]) -> None:
    """Refuses to run beside a live process of another shard count (waiting up to ``wait`` for
    its leases to expire: a deployment just restarted with a new count finds its predecessors')."""
    from bot.services.errors import ShardCountMismatch

    until = monotonic() + wait * 1.1
    while True:
        other = [(int(name.rpartition("/")[2]), who) for name, who in await store.live_shard_leases()
                 if who != holder and name.rpartition("/")[2].isdigit() and int(name.rpartition("/")[2]) != count]
        if not other:
            return
        if monotonic() >= until:
            raise ShardCountMismatch(count, *other[0])
        await asyncio.sleep(min(max(wait, 0.1) / 6, 5.0))


async def claim_shards(store: LeaseStore, shards: tuple[int, ...], count: int, ttl: float,
                       monotonic: Callable[[], float], holder: str) -> list[Leader]:
    """This process's shards, each under its lease (renewed like the leader's by ``Leader.run``).
    One held by another process is waited for up to one lease length (a process that just died,
    as a restart after a crash finds it, lets it expire); still held then, another live process
    runs it: ``ShardTaken``, and the ones taken here are let go."""
    from bot.services.errors import ShardTaken

    leases = [Leader(store, ttl, monotonic, holder=holder, name=shard_lease(n, count)) for n in shards]
    try:
        await _same_count(store, count, holder, ttl, monotonic)
        for shard, lease in zip(shards, leases, strict=True):
            until = monotonic() + ttl * 1.1
            while not await lease.renew():
                if monotonic() >= until:
                    raise ShardTaken(shard, count, await store.lease_holder(lease.name) or "?")
                await asyncio.sleep(min(ttl / 6, 5.0))
        # again once ours are held: of two processes of different counts starting at the same
        # moment, the later to look sees the other's leases: at least one refuses, never neither
        await _same_count(store, count, holder, 0.0, monotonic)
    except BaseException:
        for lease in leases:
            with contextlib.suppress(Exception):
                await store.release_lease(lease.name, holder)
        raise
    return leases
