"""A guild's settings and features, and its lifecycle in the bot (SPEC §6: a guild's data is purged
some days after the bot is removed from it). Writes are one transaction each; a guild never seen
reads as the defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

LINK_WATCH_MODES = ("off", "reply", "hide", "delete")
PAGE_SHARING = ("off", "chosen", "all")


@dataclass(frozen=True)
class GuildSettings:
    """What ``/setup`` and ``phishbot setup`` set for the report channels."""

    language: str | None = None  # ja | en; None: the guild's preferred locale
    keep_raw: bool = False  # keep the raw mail of its reports
    raw_retention_days: int = 30  # for raw mail and desk texts
    auto_delete: bool = False  # delete a member's paste once analysed
    lookups_enabled: bool = True
    report_channels: tuple[int, ...] = ()  # chosen channel ids; empty: channels by name

    @property
    def keep_raw_days(self) -> int | None:
        """Days the raw mail is kept, or None when it is not."""
        return self.raw_retention_days if self.keep_raw else None


@dataclass(frozen=True)
class SettingsChange:
    """A change to ``GuildSettings``: None leaves a field as it is (``language`` uses ``""`` for
    "back to the guild's locale")."""

    language: str | None = None
    keep_raw: bool | None = None
    raw_retention_days: int | None = None
    auto_delete: bool | None = None
    lookups_enabled: bool | None = None
    report_channels: tuple[int, ...] | None = None

    def applied_to(self, settings: GuildSettings) -> GuildSettings:
        return GuildSettings(
            language=settings.language if self.language is None else (self.language or None),
            keep_raw=settings.keep_raw if self.keep_raw is None else self.keep_raw,
            raw_retention_days=settings.raw_retention_days if self.raw_retention_days is None else self.raw_retention_days,
            auto_delete=settings.auto_delete if self.auto_delete is None else self.auto_delete,
            lookups_enabled=settings.lookups_enabled if self.lookups_enabled is None else self.lookups_enabled,
            report_channels=settings.report_channels if self.report_channels is None else self.report_channels,
        )


@dataclass(frozen=True)
class GuildFeatures:
    """What a guild turned on beyond its report channels."""

    guild_id: int
    feed_external: bool = False  # its blocklist feeds carry threat-feed and network entries too
    share_pages: str = "off"  # off | chosen | all: campaign pages on the web
    link_watch: str = "off"  # off | reply | hide | delete
    network_publish: bool = False  # its blocklist is offered to the bot's other servers
    network_receive: bool = False  # it sees what the other servers publish


@dataclass(frozen=True)
class FeatureChanges:
    """A change to ``GuildFeatures``: None leaves a field as it is."""

    feed_external: bool | None = None
    share_pages: str | None = None
    link_watch: str | None = None
    network_publish: bool | None = None
    network_receive: bool | None = None


class GuildStore(Protocol):
    # --- settings and features ------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings; ``GuildSettings()`` for a guild never set up."""
        ...

    async def change_guild_settings(self, guild_id: int, change: SettingsChange) -> GuildSettings:
        """Applies ``change`` to the settings as they are inside the same transaction (no lost
        update) and returns the result."""
        ...

    async def guild_features(self, guild_id: int) -> GuildFeatures:
        """``GuildFeatures(guild_id)`` for a guild that turned nothing on."""
        ...

    async def change_guild_features(self, guild_id: int, changes: FeatureChanges, now: datetime) -> GuildFeatures: ...

    async def watching_guilds(self) -> list[GuildFeatures]:
        """Guilds with link watch on, any order."""
        ...

    async def publishing_guilds(self) -> list[int]:
        """Guilds that publish their blocklist to the network and that the bot has not left, by id."""
        ...

    # --- the lifecycle --------------------------------------------------------------------------

    async def mark_present(self, guild_id: int) -> None:
        """The bot is in the guild (joined, or back): not left, and a guild of the bot's."""
        ...

    async def mark_left(self, guild_id: int, left_at: datetime, *, first_only: bool = False) -> None:
        """The bot left the guild at ``left_at``; ``first_only``: unless it is marked left already
        (its first departure counts)."""
        ...

    async def bot_guilds(self) -> list[int]:
        """Guilds the bot has been in (not those only the CLI was given), any order."""
        ...

    async def guilds_left_before(self, cutoff: datetime) -> list[int]:
        """Guilds marked left at or before ``cutoff``, any order."""
        ...

    async def purge_guild(self, guild_id: int, left_before: datetime | None = None) -> int | None:
        """Everything kept about one guild — reports, campaigns, decisions, claims, votes, desk
        texts, pending analyses, settings, features, web tokens, shared pages — deleted in one
        transaction (the lookup cache and the threat feeds are not per guild); how many rows.
        ``left_before``: only while the guild is still marked left at or before then, checked in
        that transaction (None: not purged, the bot came back to it meanwhile)."""
        ...
