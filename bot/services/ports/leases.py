"""Leases: a named right held by one process of a deployment at a time, for a while (issue 15: the
bot in several processes over one database). Work that must happen once — the purges, the feed
fetches — runs in the holder of the ``leader`` lease; a lookup under way holds ``lookup:NAME``.
A lease expires unless its holder renews it, so a process that dies hands over by itself.

Times are the database's: a lease's expiry is stamped and judged on the database server's clock in
the statement that takes or reads it, so the processes' own clocks may disagree."""

from __future__ import annotations

from typing import Protocol


class LeaseStore(Protocol):
    async def take_lease(self, name: str, holder: str, seconds: float) -> bool:
        """True when ``holder`` now holds ``name`` for ``seconds`` from the database's now: the
        lease was free, expired or already ``holder``'s (a renewal). One atomic statement."""
        ...

    async def release_lease(self, name: str, holder: str) -> None:
        """Ends ``holder``'s lease (another holder's is left alone)."""
        ...

    async def lease_holder(self, name: str) -> str | None:
        """Who holds ``name`` now (None: nobody, or the lease has expired)."""
        ...

    async def purge_expired_leases(self) -> int:
        """Removes the leases that have expired (a lookup's lease is one row per name)."""
        ...

    async def live_shard_leases(self) -> list[tuple[str, str]]:
        """The shard leases (``shard:N/C``) held now, as (name, holder): what the other processes
        of the deployment run."""
        ...


class BudgetStore(Protocol):
    """The per-guild hourly lookup budget, counted in the store so that the processes of a
    deployment spend one budget between them."""

    async def ask_budget(self, guild_id: int, hour: str, wanted: int) -> int:
        """Adds ``wanted`` to what the guild asked for in ``hour`` (a UTC hour, ``YYYY-MM-DDTHH``)
        and returns the new total, in one atomic statement."""
        ...

    async def purge_budgets(self, before_hour: str) -> int:
        """Forgets the hours before ``before_hour``."""
        ...
