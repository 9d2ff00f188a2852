"""Which registry lookups a guild's requests may make (SPEC §8): the registries behind their cache,
within the guild's hourly budget when there is one (the bot; the CLI has none), and for an answer
that must go out fast, at most ``reply_wait`` seconds of waiting (``QuickIntel``: the lookups go on
and the answer is updated later)."""

from __future__ import annotations

from bot.services.lookup_budget import LookupBudget
from bot.services.ports.lookups import DomainIntel
from bot.services.quick_intel import QuickIntel


class GuildLookups:
    def __init__(self, intel: DomainIntel, budget: LookupBudget | None = None, reply_wait: float | None = None) -> None:
        self.intel = intel  # everything, unbudgeted: joining lookups already under way, refreshing answers
        self.budget = budget
        self.reply_wait = reply_wait

    def for_guild(self, guild_id: int) -> DomainIntel:
        """The registries as this guild may ask them (its budget spent per domain not cached)."""
        return self.budget.for_guild(self.intel, guild_id) if self.budget is not None else self.intel

    def quick(self, guild_id: int) -> QuickIntel | None:
        """``for_guild`` that answers within ``reply_wait``; None when answers may wait for the
        registries (the CLI)."""
        if self.reply_wait is None:
            return None
        return QuickIntel(self.for_guild(guild_id), self.reply_wait)
