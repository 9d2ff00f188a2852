"""Leases and the shared lookup budget in SQLite (the ``LeaseStore`` and ``BudgetStore`` ports:
their contracts are in ``bot/services/ports/leases.py``). Plain tables and one conditional
``INSERT … ON CONFLICT … DO UPDATE … WHERE`` per take: atomic between processes here through
SQLite's write lock (BEGIN IMMEDIATE), on PostgreSQL (``bot/storage/postgres.py``, the same
statements with its clock functions) through the row lock of the upsert.

Whose clock. A lease's expiry is stamped and compared on the **database's** clock, in the same
statement that takes it (``LATER``/``NOW`` below), never on a process's own wall clock: two
processes whose clocks disagree still agree on who holds a lease. ``expires_at`` is text in the
stores' fixed-width UTC form (``utc_text``: text order is time order), as the database writes it.

Ids. The budget's ``guild_id`` is ``INTEGER`` here — SQLite's INTEGER is 64-bit, so a Discord id
fits — and ``BIGINT`` in the PostgreSQL twin of migration 0009 (PostgreSQL's INTEGER is 32-bit)."""

from __future__ import annotations

from typing import Any

from bot.storage.database import Database


class LeaseStoreSQLite:
    # the database's time now, and ``?`` seconds from now, in the stores' fixed-width UTC text
    # (SQLite's %f is milliseconds: three more zeros make utc_text's microseconds)
    NOW = "(strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000+00:00')"
    LATER = "(strftime('%Y-%m-%dT%H:%M:%f', 'now', ?) || '000+00:00')"

    def __init__(self, db: Database) -> None:
        self.db = db

    def _seconds(self, seconds: float) -> Any:
        """``LATER``'s parameter: a modifier of SQLite's date functions."""
        return f"{seconds:+.3f} seconds"

    async def take_lease(self, name: str, holder: str, seconds: float) -> bool:
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                f"INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, {self.LATER})"  # noqa: S608 - fixed texts
                " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
                f" WHERE leases.expires_at <= {self.NOW} OR leases.holder = excluded.holder",
                (name, holder, self._seconds(seconds)),
            )
            return cur.rowcount > 0

    async def release_lease(self, name: str, holder: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    async def lease_holder(self, name: str) -> str | None:
        async with self.db.read() as conn, conn.execute(
            f"SELECT holder FROM leases WHERE name = ? AND expires_at > {self.NOW}", (name,),  # noqa: S608
        ) as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else None

    async def live_shard_leases(self) -> list[tuple[str, str]]:
        async with self.db.read() as conn, conn.execute(
            f"SELECT name, holder FROM leases WHERE substr(name, 1, 6) = 'shard:' AND expires_at > {self.NOW}"  # noqa: S608
            " ORDER BY name",
        ) as cur:
            return [(str(name), str(holder)) for name, holder in await cur.fetchall()]

    async def purge_expired_leases(self) -> int:
        async with self.db.transaction() as conn:
            cur = await conn.execute(f"DELETE FROM leases WHERE expires_at <= {self.NOW}")  # noqa: S608
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
