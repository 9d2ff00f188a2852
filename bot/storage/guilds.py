"""Guild settings, features and the guild lifecycle in SQLite (the ``GuildStore`` port: its
contract is in ``bot/services/ports/guilds.py``)."""

from __future__ import annotations

import json
from datetime import datetime

import aiosqlite

from bot.services.ports.guilds import FeatureChanges, GuildFeatures, GuildSettings, SettingsChange
from bot.services.ports.times import utc_seconds, utc_text
from bot.storage.database import Database

_FEATURES = "feed_external, share_pages, link_watch, network_publish, network_receive"
# every table that holds a guild's rows, children before parents (a purge deletes them in this order)
GUILD_TABLES = ("vote", "registration", "registration_count", "registered_address", "report_domain",
                "report_reporter", "report_text", "pending_report", "domain_decision", "report", "campaign",
                "guild_features", "web_token", "shared_campaign", "lookup_budget", "guild_settings")


def _features(guild_id: int, row: tuple[object, ...] | None) -> GuildFeatures:
    if row is None:
        return GuildFeatures(guild_id)
    return GuildFeatures(guild_id, feed_external=bool(row[0]), share_pages=str(row[1]), link_watch=str(row[2]),
                         network_publish=bool(row[3]), network_receive=bool(row[4]))


class GuildStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- settings --------------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        async with self.db.read() as conn:
            return await self._settings(conn, guild_id)

    @staticmethod
    async def _settings(conn: aiosqlite.Connection, guild_id: int) -> GuildSettings:
        async with conn.execute(
            "SELECT language, keep_raw, raw_retention_days, auto_delete, lookups_enabled, report_channels"
            " FROM guild_settings WHERE guild_id = ?", (guild_id,),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return GuildSettings()
        return GuildSettings(language=row[0], keep_raw=bool(row[1]), raw_retention_days=int(row[2]),
                             auto_delete=bool(row[3]), lookups_enabled=bool(row[4]),
                             report_channels=tuple(int(c) for c in json.loads(row[5])))

    async def change_guild_settings(self, guild_id: int, change: SettingsChange) -> GuildSettings:
        async with self.db.transaction() as conn:
            settings = change.applied_to(await self._settings(conn, guild_id))  # read inside the write: no lost update
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, language, keep_raw, raw_retention_days, auto_delete,"
                " lookups_enabled, report_channels) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " language = excluded.language, keep_raw = excluded.keep_raw,"
                " raw_retention_days = excluded.raw_retention_days, auto_delete = excluded.auto_delete,"
                " lookups_enabled = excluded.lookups_enabled, report_channels = excluded.report_channels",
                (guild_id, settings.language, int(settings.keep_raw), int(settings.raw_retention_days),
                 int(settings.auto_delete), int(settings.lookups_enabled), json.dumps(list(settings.report_channels))),
            )
        return settings

    # --- features --------------------------------------------------------------------------

    async def guild_features(self, guild_id: int) -> GuildFeatures:
        async with self.db.read() as conn, conn.execute(
            f"SELECT {_FEATURES} FROM guild_features WHERE guild_id = ?", (guild_id,),  # noqa: S608 - fixed text
        ) as cur:
            row = await cur.fetchone()
        return _features(guild_id, tuple(row) if row else None)

    async def change_guild_features(self, guild_id: int, changes: FeatureChanges, now: datetime) -> GuildFeatures:
        def flag(value: bool | None) -> int | None:
            return None if value is None else int(value)

        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_features (guild_id, feed_external, share_pages, link_watch, network_publish,"
                " network_receive, updated_at) VALUES (?1, coalesce(?2, 0), coalesce(?3, 'off'), coalesce(?4, 'off'),"
                " coalesce(?5, 0), coalesce(?6, 0), ?7) ON CONFLICT (guild_id) DO UPDATE SET"
                " feed_external = coalesce(?2, guild_features.feed_external),"
                " share_pages = coalesce(?3, guild_features.share_pages),"
                " link_watch = coalesce(?4, guild_features.link_watch),"
                " network_publish = coalesce(?5, guild_features.network_publish),"
                " network_receive = coalesce(?6, guild_features.network_receive), updated_at = ?7",
                (guild_id, flag(changes.feed_external), changes.share_pages, changes.link_watch,
                 flag(changes.network_publish), flag(changes.network_receive), utc_seconds(now)),
            )
        return await self.guild_features(guild_id)

    async def watching_guilds(self) -> list[GuildFeatures]:
        async with self.db.read() as conn, conn.execute(
            f"SELECT guild_id, {_FEATURES} FROM guild_features WHERE link_watch != 'off'",  # noqa: S608 - fixed text
        ) as cur:
            return [_features(int(r[0]), tuple(r[1:])) for r in await cur.fetchall()]

    async def publishing_guilds(self) -> list[int]:
        async with self.db.read() as conn, conn.execute(
            "SELECT f.guild_id FROM guild_features f LEFT JOIN guild_settings g ON g.guild_id = f.guild_id"
            " WHERE f.network_publish = 1 AND g.left_at IS NULL ORDER BY f.guild_id",
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    # --- the lifecycle -------------------------------------------------------------------------

    async def mark_present(self, guild_id: int) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, left_at, bot_seen) VALUES (?, NULL, 1)"
                " ON CONFLICT (guild_id) DO UPDATE SET left_at = NULL, bot_seen = 1",
                (guild_id,),
            )

    async def mark_left(self, guild_id: int, left_at: datetime, *, first_only: bool = False) -> None:
        async with self.db.transaction() as conn:
            if first_only:  # the first departure counts: a guild already marked keeps its date
                await conn.execute(
                    "INSERT INTO guild_settings (guild_id, left_at) VALUES (?, ?)"
                    " ON CONFLICT (guild_id) DO UPDATE SET left_at = coalesce(guild_settings.left_at, excluded.left_at)",
                    (guild_id, utc_text(left_at)),
                )
            else:
                await conn.execute(
                    "INSERT INTO guild_settings (guild_id, left_at, bot_seen) VALUES (?, ?, 1)"
                    " ON CONFLICT (guild_id) DO UPDATE SET left_at = excluded.left_at, bot_seen = 1",
                    (guild_id, utc_text(left_at)),
                )

    async def bot_guilds(self) -> list[int]:
        async with self.db.read() as conn, conn.execute("SELECT guild_id FROM guild_settings WHERE bot_seen = 1") as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    async def guilds_left_before(self, cutoff: datetime) -> list[int]:
        async with self.db.read() as conn, conn.execute(
            "SELECT guild_id FROM guild_settings WHERE left_at IS NOT NULL AND left_at <= ?", (utc_text(cutoff),)
        ) as cur:
            return [int(r[0]) for r in await cur.fetchall()]

    LEFT_AT = "SELECT left_at FROM guild_settings WHERE guild_id = ?"  # PostgreSQL: FOR UPDATE

    async def purge_guild(self, guild_id: int, left_before: datetime | None = None) -> int | None:
        """Everything kept about one guild, in one transaction (the lookup cache and the threat feeds
        are not per guild). ``left_before``: only if the guild is still marked left at or before
        then, checked in the same transaction (None, nothing deleted: it came back meanwhile)."""
        removed = 0
        async with self.db.transaction() as conn:
            if left_before is not None:
                async with conn.execute(self.LEFT_AT, (guild_id,)) as cur:
                    row = await cur.fetchone()
                if row is None or row[0] is None or str(row[0]) > utc_text(left_before):
                    return None
            for table in GUILD_TABLES:
                cur = await conn.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))  # noqa: S608 - fixed names
                removed += max(cur.rowcount, 0)
        return removed
