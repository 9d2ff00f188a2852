"""Guild features, web tokens, shared campaign pages and the network of servers in SQLite (the
``SharingStore`` port). Tokens are stored only as SHA-256 hashes."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from bot.services.protocols import CampaignDomain, CampaignInfrastructure, FeatureChanges, GuildFeatures, WebToken
from bot.storage.database import Database
from bot.storage.feed_store import iso

_FEATURES = "feed_external, share_pages, link_watch, network_publish, network_receive"
_REVOKE = "UPDATE web_token SET revoked_at = ? WHERE guild_id = ? AND kind = ? AND revoked_at IS NULL"


def _features(guild_id: int, row: tuple[object, ...] | None) -> GuildFeatures:
    if row is None:
        return GuildFeatures(guild_id)
    return GuildFeatures(guild_id, feed_external=bool(row[0]), share_pages=str(row[1]), link_watch=str(row[2]),
                         network_publish=bool(row[3]), network_receive=bool(row[4]))


class SharingStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- features ----------------------------------------------------------------------------

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
                " feed_external = coalesce(?2, feed_external), share_pages = coalesce(?3, share_pages),"
                " link_watch = coalesce(?4, link_watch), network_publish = coalesce(?5, network_publish),"
                " network_receive = coalesce(?6, network_receive), updated_at = ?7",
                (guild_id, flag(changes.feed_external), changes.share_pages, changes.link_watch,
                 flag(changes.network_publish), flag(changes.network_receive), iso(now)),
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

    # --- tokens ------------------------------------------------------------------------------

    async def active_token(self, guild_id: int, kind: str) -> WebToken | None:
        async with self.db.read() as conn, conn.execute(
            "SELECT nonce, created_at, last_used FROM web_token WHERE guild_id = ? AND kind = ? AND revoked_at IS NULL",
            (guild_id, kind),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        return WebToken(guild_id, kind, row[0], datetime.fromisoformat(row[1]),
                        datetime.fromisoformat(row[2]) if row[2] else None)

    async def replace_token(self, guild_id: int, kind: str, token_hash: str, nonce: str, now: datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(_REVOKE, (iso(now), guild_id, kind))
            await conn.execute(
                "INSERT INTO web_token (token_hash, guild_id, kind, nonce, created_at) VALUES (?, ?, ?, ?, ?)",
                (token_hash, guild_id, kind, nonce, iso(now)),
            )

    async def revoke_token(self, guild_id: int, kind: str, now: datetime) -> bool:
        async with self.db.transaction() as conn:
            cur = await conn.execute(_REVOKE, (iso(now), guild_id, kind))
            return cur.rowcount > 0

    async def token_guild(self, token_hash: str, kind: str) -> int | None:
        async with self.db.read() as conn, conn.execute(
            "SELECT guild_id FROM web_token WHERE token_hash = ? AND kind = ? AND revoked_at IS NULL",
            (token_hash, kind),
        ) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else None

    async def touch_token(self, token_hash: str, now: datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("UPDATE web_token SET last_used = ? WHERE token_hash = ?", (iso(now), token_hash))

    # --- shared campaign pages ---------------------------------------------------------------

    async def share_campaign(self, guild_id: int, campaign_id: str, shared: bool, now: datetime) -> None:
        async with self.db.transaction() as conn:
            if shared:
                await conn.execute(
                    "INSERT INTO shared_campaign (guild_id, campaign_id, shared_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (guild_id, campaign_id) DO NOTHING", (guild_id, campaign_id, iso(now)),
                )
            else:
                await conn.execute("DELETE FROM shared_campaign WHERE guild_id = ? AND campaign_id = ?",
                                   (guild_id, campaign_id))

    async def campaign_shared(self, guild_id: int, campaign_id: str) -> bool:
        async with self.db.read() as conn, conn.execute(
            "SELECT 1 FROM shared_campaign WHERE guild_id = ? AND campaign_id = ?", (guild_id, campaign_id),
        ) as cur:
            return await cur.fetchone() is not None

    async def shared_campaigns(self, guild_id: int) -> list[str]:
        async with self.db.read() as conn, conn.execute(
            "SELECT campaign_id FROM shared_campaign WHERE guild_id = ? ORDER BY shared_at DESC", (guild_id,),
        ) as cur:
            return [str(r[0]) for r in await cur.fetchall()]

    async def campaign_infrastructure(self, guild_id: int, campaign_id: str) -> CampaignInfrastructure:
        async with self.db.read() as conn:
            return await self._infrastructure(conn, guild_id, campaign_id)

    @staticmethod
    async def _infrastructure(conn: aiosqlite.Connection, guild_id: int, campaign_id: str) -> CampaignInfrastructure:
        """One snapshot: the counts agree with each other."""
        async with conn.execute(
            "SELECT d.domain, group_concat(DISTINCT d.role), min(d.age_days), count(DISTINCT r.id)"
            " FROM report r JOIN report_domain d ON d.report_id = r.id"
            " WHERE r.guild_id = ? AND r.campaign_id = ? AND d.bad_candidate = 1"
            " GROUP BY d.domain ORDER BY count(DISTINCT r.id) DESC, d.domain LIMIT 200",
            (guild_id, campaign_id),
        ) as cur:
            domains = tuple(
                CampaignDomain(str(d), tuple(sorted(str(roles).split(","))), None if age is None else int(age), int(n))
                for d, roles, age, n in await cur.fetchall()
            )
        counted: dict[str, tuple[tuple[str, int], ...]] = {}
        for column in ("envelope_domain", "handoff_ip", "verdict"):
            async with conn.execute(
                f"SELECT {column}, count(*) FROM report WHERE guild_id = ? AND campaign_id = ?"  # noqa: S608 - fixed names
                f" AND {column} IS NOT NULL GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 50",
                (guild_id, campaign_id),
            ) as cur:
                counted[column] = tuple((str(v), int(n)) for v, n in await cur.fetchall())
        return CampaignInfrastructure(domains=domains, envelope_domains=counted["envelope_domain"],
                                      handoff_ips=counted["handoff_ip"], verdicts=counted["verdict"])

    async def purge_guild_sharing(self, guild_id: int) -> int:
        removed = 0
        async with self.db.transaction() as conn:
            for table in ("guild_features", "web_token", "shared_campaign"):
                cur = await conn.execute(f"DELETE FROM {table} WHERE guild_id = ?", (guild_id,))  # noqa: S608 - fixed names
                removed += max(cur.rowcount, 0)
        return removed
