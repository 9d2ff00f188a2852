"""Sharing between servers (opt-in): a guild may publish its blocklist to the bot's other guilds
that chose to receive. What is published is each publishing guild's own blocklist (the shared log's
rule: two members or a moderator), counted per domain as "servers" — shown apart from the guild's
own counts, never added to them. A guild that stops publishing, or that the bot leaves, takes its
entries with it at the next refresh (at once in the process that made the change).

Trust: one server alone cannot put a domain on everyone's list. A published domain counts for a
receiving server only when at least ``min_servers`` (``NETWORK_MIN_SERVERS``, default 2) *other*
servers publish it; the servers an operator names in ``NETWORK_IGNORED_SERVERS`` count for nothing.
Only a name the shared log's listing rule allows is taken (``listing_domain``: never a shared
platform, a brand's official domain, a shortener…), whatever a publishing server's store holds."""

from __future__ import annotations

import asyncio
from collections.abc import Collection

from bot.services.listing_unit import listing_domain
from bot.services.periodic import every
from bot.services.ports.guilds import GuildStore
from bot.services.ports.reports import ReportStore


class NetworkIndex:
    def __init__(self, reports: ReportStore, guilds: GuildStore, every: float = 300.0, *, min_servers: int = 2,
                 ignored: Collection[int] = ()) -> None:
        self.reports = reports
        self.guilds = guilds
        self.every = every
        self.min_servers = max(1, min_servers)
        self.ignored = frozenset(ignored)
        self._guilds: dict[str, frozenset[int]] = {}  # domain -> publishing guilds that list it
        self._lock = asyncio.Lock()

    async def refresh(self) -> None:
        async with self._lock:
            by_domain: dict[str, set[int]] = {}
            for guild_id in await self.guilds.publishing_guilds():
                if guild_id in self.ignored:
                    continue
                for domain in await self.reports.blocklist(guild_id):
                    if listing_domain(domain) == domain:
                        by_domain.setdefault(domain, set()).add(guild_id)
            self._guilds = {d: frozenset(g) for d, g in by_domain.items()}

    def _count(self, guilds: frozenset[int], guild_id: int) -> int:
        count = len(guilds - {guild_id})
        return count if count >= self.min_servers else 0

    def servers(self, domain: str, guild_id: int) -> int:
        """How many *other* servers publish ``domain``; 0 when fewer than ``min_servers`` do."""
        return self._count(self._guilds.get(domain, frozenset()), guild_id)

    def names(self, guild_id: int) -> dict[str, int]:
        """Every domain enough other servers publish, with how many of them do."""
        out: dict[str, int] = {}
        for domain, guilds in self._guilds.items():
            count = self._count(guilds, guild_id)
            if count:
                out[domain] = count
        return out

    async def run(self, stop: asyncio.Event) -> None:
        await every(self.every, stop, self.refresh, "network refresh")
