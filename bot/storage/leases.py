"""Leases and the shared lookup budget in SQLite (the ``LeaseStore`` and ``BudgetStore`` ports:
their contracts are in ``bot/services/ports/leases.py``). Plain tables and one conditional
``INSERT … ON CONFLICT … DO UPDATE … WHERE`` per take: the same SQL serves PostgreSQL (migration
0009), where the row lock of the upsert makes it atomic between processes as SQLite's write lock
(BEGIN IMMEDIATE) does here."""

from __future__ import annotations

from datetime import datetime

from bot.services.ports.times import utc_text
from bot.storage.database import Database


class LeaseStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def take_lease(self, name: str, holder: str, now: datetime, until: datetime) -> bool:
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
                " WHERE leases.expires_at <= ? OR leases.holder = excluded.holder",
                (name, holder, utc_text(until), utc_text(now)),
            )
            return cur.rowcount > 0

    async def release_lease(self, name: str, holder: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    async def lease_holder(self, name: str, now: datetime) -> str | None:
        async with self.db.read() as conn, conn.execute(
            "SELECT holder FROM leases WHERE name = ? AND expires_at > ?", (name, utc_text(now)),
        ) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    async def purge_expired_leases(self, now: datetime) -> int:
        async with self.db.transaction() as conn:
            cur = await conn.execute("DELETE FROM leases WHERE expires_at <= ?", (utc_text(now),))
            return cur.rowcount


class BudgetStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ask_budget(self, guild_id: int, hour: str, wanted: int) -> int:
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO lookup_budget (guild_id, hour, asked) VALUES (?, ?, ?)"
                " ON CONFLICT (guild_id, hour) DO UPDATE SET asked = lookup_budget.asked + excluded.asked"
                " RETURNING asked",
                (guild_id, hour, wanted),
            )
            row = await cur.fetchone()
            await cur.close()
        return int(row[0]) if row else wanted

    async def purge_budgets(self, before_hour: str) -> int:
        async with self.db.transaction() as conn:
            cur = await conn.execute("DELETE FROM lookup_budget WHERE hour < ?", (before_hour,))
            return cur.rowcount
