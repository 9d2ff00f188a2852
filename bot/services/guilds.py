"""A guild's settings and its lifecycle in the bot: the settings read through a short cache (a
change made here takes effect at once, one made by another process within ``SETTINGS_TTL``),
what ``/setup`` and ``phishbot setup`` change, and the guild lifecycle — the bot joins, leaves,
comes back; a guild's data is purged ``retention_days`` after the bot left it (SPEC §6), unless it
returned meanwhile. Raw mail, desk texts and pending analyses past their time go in the same
housekeeping."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services.lookup_budget import budget_hour
from bot.services.ports.guilds import GuildFeatures, GuildSettings, GuildStore, SettingsChange
from bot.services.ports.leases import BudgetStore, LeaseStore
from bot.services.ports.reports import ReportStore
from bot.services.sharing_setup import SharingRequest, SharingSetup, SharingState

log = logging.getLogger(__name__)
SETTINGS_TTL = 60.0  # seconds
MAX_KEPT = 5000  # guilds whose settings are kept in memory


@dataclass(frozen=True)
class SetupResult:
    settings: GuildSettings
    sharing: SharingState | None  # None where nothing beyond the report channels is set up


class Guilds:
    def __init__(
        self, store: GuildStore, reports: ReportStore, *, retention_days: int = 30,
        sharing: SharingSetup | None = None, on_change: Callable[[int], Awaitable[None]] | None = None,
        monotonic: Callable[[], float] = time.monotonic, ttl: float = SETTINGS_TTL,
        leading: Callable[[], bool] | None = None, budgets: BudgetStore | None = None,
        leases: LeaseStore | None = None,
    ) -> None:
        self.store = store
        self.reports = reports
        self.retention_days = retention_days
        self.sharing = sharing
        self.on_change = on_change  # what follows a guild's change at once (feeds, link watch, network)
        self.monotonic = monotonic
        self.ttl = ttl
        self._kept: dict[int, tuple[float, GuildSettings]] = {}
        # several processes over one store: only the leader's housekeeping runs (None: always)
        self.leading = leading
        self.budgets = budgets
        self.leases = leases

    # --- settings ----------------------------------------------------------------------------

    async def settings(self, guild_id: int) -> GuildSettings:
        now = self.monotonic()
        kept = self._kept.get(guild_id)
        if kept is None or now - kept[0] > self.ttl:
            kept = (now, await self.store.guild_settings(guild_id))
            if len(self._kept) > MAX_KEPT:
                self._kept.clear()
            self._kept[guild_id] = kept
        return kept[1]

    async def features(self, guild_id: int) -> GuildFeatures:
        return await self.store.guild_features(guild_id)

    async def change(self, guild_id: int, change: SettingsChange) -> GuildSettings:
        settings = await self.store.change_guild_settings(guild_id, change)
        self._kept[guild_id] = (self.monotonic(), settings)
        return settings

    async def setup(self, guild_id: int, change: SettingsChange, request: SharingRequest, now: datetime) -> SetupResult:
        """What an admin changes: the report channels' settings (only when ``change`` changes
        something), then what the guild shares (the feed, pages, link watch, the network); the
        guild's feeds, link watch and the network follow at once."""
        settings = await self.change(guild_id, change) if change != SettingsChange() else await self.settings(guild_id)
        state = None
        if self.sharing is not None:
            state = await self.sharing.apply(guild_id, request, now)
            if request != SharingRequest():
                await self._changed(guild_id)
        return SetupResult(settings, state)

    async def _changed(self, guild_id: int) -> None:
        if self.on_change is not None:
            await self.on_change(guild_id)

    # --- the lifecycle --------------------------------------------------------------------------

    async def joined(self, guild_id: int) -> None:
        """The bot is in the guild (it joined, or it is there at start-up)."""
        await self.store.mark_present(guild_id)

    async def left(self, guild_id: int, now: datetime) -> None:
        """The bot was removed from the guild: its data is purged after ``retention_days`` unless
        the bot returns; meanwhile it publishes nothing to the network."""
        await self.store.mark_left(guild_id, now)
        self._kept.pop(guild_id, None)
        await self._changed(guild_id)
        log.info("left guild %s: its data is purged in %d days unless the bot returns", guild_id, self.retention_days)

    async def present(self, guild_ids: Collection[int], now: datetime,
                      owns: Callable[[int], bool] | None = None) -> None:
        """The guilds the bot is in at start-up: kept; the guilds it was in and is no longer (removed
        while it was offline) are marked left now, so their data is purged in due time. Guild ids
        only the CLI was given are not the bot's to purge. ``owns``: which guilds this process
        serves (its shards); another process's guilds are never marked left here."""
        present = set(guild_ids)
        for guild_id in present:
            await self.store.mark_present(guild_id)
        for guild_id in await self.store.bot_guilds():
            if guild_id not in present and (owns is None or owns(guild_id)):
                await self.store.mark_left(guild_id, now, first_only=True)

    async def housekeeping(self, now: datetime, is_present: Callable[[int], bool]) -> int | None:
        """Purges the guilds left more than ``retention_days`` ago (one that is back — ``is_present``
        — is marked present instead), then the raw mail, desk texts and pending analyses past
        their time, and the lookup budgets' past hours; how many guilds were purged. With several
        processes over the store only the leader does it: elsewhere None, nothing done."""
        if self.leading is not None and not self.leading():
            log.info("housekeeping: left to the leading process")
            return None
        purged = 0
        cutoff = now - timedelta(days=self.retention_days)
        for guild_id in await self.store.guilds_left_before(cutoff):
            if is_present(guild_id):
                await self.store.mark_present(guild_id)
                continue
            removed = await self.store.purge_guild(guild_id, cutoff)  # unless another process saw it return
            if removed is None:
                continue
            self._kept.pop(guild_id, None)
            purged += 1
            log.info("purged the data of guild %s (%d rows), %d days after the bot left", guild_id, removed,
                     self.retention_days)
        expired = await self.reports.purge_expired(now)
        if self.budgets is not None:
            await self.budgets.purge_budgets(budget_hour(now - timedelta(hours=1)))
        if self.leases is not None:  # lookup leases left by a process that died mid-lookup
            await self.leases.purge_expired_leases()
        log.info("housekeeping: %d guilds purged, %d expired rows removed", purged, expired)
        return purged
