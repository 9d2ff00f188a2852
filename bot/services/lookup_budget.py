"""A per-guild lookup budget (SPEC §8): registry lookups a guild may cause per hour. Past it, the
domains are answered ``skipped`` (reason ``budget``) and the report is made without their ages,
so one busy or abusive server cannot spend the registries' patience for everyone. Cache hits
are free: only domains not already known cost budget.

One process keeps the count in memory (it resets with the process, which errs on the guild's
side). Several processes over one store (issue 15: shards) share it through the store
(``BudgetStore``): one row per guild and UTC hour, one atomic increment per request, so that two
processes together never grant a guild more than its budget. If the store cannot be reached the
process falls back to its own count for that request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from datetime import UTC, datetime

from bot.analysis.models import DomainFact
from bot.services.ports.leases import BudgetStore
from bot.services.ports.lookups import DomainIntel

log = logging.getLogger(__name__)


def budget_hour(when: datetime) -> str:
    """The UTC hour a shared budget counts in (``2026-12-02T13``)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H")


class LookupBudget:
    def __init__(self, per_hour: int, clock: Callable[[], float], store: BudgetStore | None = None) -> None:
        self.per_hour = per_hour
        self.clock = clock
        self.store = store  # shared by the processes of a deployment; None: this process's count
        self._spent: dict[int, tuple[int, float]] = {}  # guild -> (domains, window start)

    async def take(self, guild_id: int, wanted: int, when: datetime) -> int:
        """How many of ``wanted`` lookups the guild may make now (and counts them as made):
        through the store when shared (in the UTC hour of ``when``), else in memory."""
        if wanted <= 0:
            return 0
        if self.store is not None:
            try:
                asked = await self.store.ask_budget(guild_id, budget_hour(when), wanted)
            except Exception:
                log.warning("the shared lookup budget is unavailable: counting in this process", exc_info=True)
            else:
                return max(0, min(wanted, self.per_hour - (asked - wanted)))
        return self._take_here(guild_id, wanted)

    def _take_here(self, guild_id: int, wanted: int) -> int:
        now = self.clock()
        spent, start = self._spent.get(guild_id, (0, now))
        if now - start >= 3600:
            spent, start = 0, now
        granted = max(0, min(wanted, self.per_hour - spent))
        self._spent[guild_id] = (spent + granted, start)
        return granted

    def for_guild(self, intel: DomainIntel, guild_id: int) -> DomainIntel:
        return _GuildIntel(intel, self, guild_id)


class _GuildIntel:
    def __init__(self, intel: DomainIntel, budget: LookupBudget, guild_id: int) -> None:
        self.intel = intel
        self.budget = budget
        self.guild_id = guild_id

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        wanted = list(dict.fromkeys(domains))
        known = await self.intel.cached(wanted, now)
        rest = [d for d in wanted if d not in known]
        granted = await self.budget.take(self.guild_id, len(rest), now)
        facts = dict(known)
        if granted:
            facts.update(await self.intel.lookup(rest[:granted], now))
        for domain in rest[granted:]:
            facts[domain] = DomainFact(domain=domain, lookup="skipped", reason="budget")
        return facts

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        return await self.intel.cached(domains, now)  # free: no budget spent
