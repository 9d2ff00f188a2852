"""A per-guild lookup budget (SPEC §8): registry lookups a guild may cause per hour. Past it, the
domains are answered ``skipped`` (reason ``budget``) and the report is made without their ages,
so one busy or abusive server cannot spend the registries' patience for everyone. Cache hits
are free: only domains not already known cost budget.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime

from bot.analysis.models import DomainFact
from bot.services.ports.lookups import DomainIntel


class LookupBudget:
    def __init__(self, per_hour: int, clock: Callable[[], float]) -> None:
        self.per_hour = per_hour
        self.clock = clock
        self._spent: dict[int, tuple[int, float]] = {}  # guild -> (domains, window start)

    def take(self, guild_id: int, wanted: int) -> int:
        """How many of ``wanted`` lookups the guild may make now (and counts them as made)."""
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
        granted = self.budget.take(self.guild_id, len(rest))
        facts = dict(known)
        if granted:
            facts.update(await self.intel.lookup(rest[:granted], now))
        for domain in rest[granted:]:
            facts[domain] = DomainFact(domain=domain, lookup="skipped", reason="budget")
        return facts

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        return await self.intel.cached(domains, now)  # free: no budget spent
