"""Web tokens, shared campaign pages and a campaign's sending infrastructure in SQLite (the
``SharingStore`` port: its contract is in ``bot/services/ports/sharing.py``). Tokens are stored only
as SHA-256 hashes."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from bot.services.ports.sharing import CampaignDomain, CampaignInfrastructure, Counted, WebToken
from bot.services.ports.times import utc_seconds
from bot.storage.database import Database

_REVOKE = "UPDATE web_token SET revoked_at = ? WHERE guild_id = ? AND kind = ? AND revoked_at IS NULL"


class SharingStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

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
            await conn.execute(_REVOKE, (utc_seconds(now), guild_id, kind))
            await conn.execute(
                "INSERT INTO web_token (token_hash, guild_id, kind, nonce, created_at) VALUES (?, ?, ?, ?, ?)",
                (token_hash, guild_id, kind, nonce, utc_seconds(now)),
            )

    async def revoke_token(self, guild_id: int, kind: str, now: datetime) -> bool:
        async with self.db.transaction() as conn:
            cur = await conn.execute(_REVOKE, (utc_seconds(now), guild_id, kind))
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
            await conn.execute("UPDATE web_token SET last_used = ? WHERE token_hash = ?", (utc_seconds(now), token_hash))

    # --- shared campaign pages ---------------------------------------------------------------

    async def share_campaign(self, guild_id: int, campaign_id: str, shared: bool, now: datetime) -> None:
        async with self.db.transaction() as conn:
            if shared:
                await conn.execute(
                    "INSERT INTO shared_campaign (guild_id, campaign_id, shared_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (guild_id, campaign_id) DO NOTHING", (guild_id, campaign_id, utc_seconds(now)),
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
        counted: dict[str, tuple[Counted, ...]] = {}
        for column in ("envelope_domain", "handoff_ip", "verdict"):
            async with conn.execute(
                f"SELECT {column}, count(*) FROM report WHERE guild_id = ? AND campaign_id = ?"  # noqa: S608 - fixed names
                f" AND {column} IS NOT NULL GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 50",
                (guild_id, campaign_id),
            ) as cur:
                counted[column] = tuple(Counted(str(v), int(n)) for v, n in await cur.fetchall())
        return CampaignInfrastructure(domains=domains, envelope_domains=counted["envelope_domain"],
                                      handoff_ips=counted["handoff_ip"], verdicts=counted["verdict"])
