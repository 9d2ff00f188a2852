"""Members' claims, votes and forgetting in SQLite (the ``MemberStore`` port: its contract is in
``bot/services/ports/members.py``). Every write is one transaction, which also keeps the guild's
registration counts (``registration_count``) in step: the leak ranking reads them on every
campaign view, a registration changes them rarely."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from bot.community.leaks import Claim
from bot.services.ports.members import Forgotten, MemberRegistration, RegistrationCounts, ServiceClaim, Vote
from bot.services.ports.times import utc_text
from bot.storage.database import Database

# registration_count's row for the number of distinct addresses with answers (no slug is empty)
ADDRESSES = ""


class MemberStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- claims ----------------------------------------------------------------------------

    async def register(
        self, guild_id: int, member_id: int, address_key: str, masked: str, claims: Sequence[ServiceClaim],
        now: datetime,
    ) -> None:
        """The member's own claims about an address (another member's claims about it stay theirs)."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO registered_address (guild_id, address_key, member_id, masked) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, address_key, member_id) DO UPDATE SET masked = excluded.masked",
                (guild_id, address_key, member_id, masked),
            )
            await conn.executemany(
                "INSERT INTO registration (guild_id, address_key, member_id, service, service_name, registered,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, address_key, member_id, service)"
                " DO UPDATE SET registered = excluded.registered, service_name = excluded.service_name,"
                " updated_at = excluded.updated_at",
                [(guild_id, address_key, member_id, c.slug, c.name, int(c.registered), utc_text(now)) for c in claims],
            )
            await _recount(conn, guild_id, {c.slug for c in claims})
            await _recount_addresses(conn, guild_id)

    async def member_registrations(self, guild_id: int, member_id: int) -> list[MemberRegistration]:
        async with self.db.read() as conn, conn.execute(
            "SELECT a.masked, r.service, r.service_name, r.registered FROM registration r"
            " JOIN registered_address a ON a.guild_id = r.guild_id AND a.address_key = r.address_key"
            " AND a.member_id = r.member_id"
            " WHERE r.guild_id = ? AND r.member_id = ? ORDER BY a.masked, r.service", (guild_id, member_id),
        ) as cur:
            return [MemberRegistration(str(m), str(s), str(n), bool(r)) for m, s, n, r in await cur.fetchall()]

    async def registration_counts(self, guild_id: int) -> RegistrationCounts:
        """(addresses with an answer, service -> addresses "registered", service -> addresses "not
        registered" and by nobody "registered"): each address once, however many members claim it."""
        yes: dict[str, int] = {}
        no: dict[str, int] = {}
        async with self.db.read() as conn, conn.execute(
            "SELECT service, registered, n FROM registration_count WHERE guild_id = ? AND n > 0", (guild_id,),
        ) as cur:
            rows = await cur.fetchall()
        addresses = 0
        for service, registered, count in rows:
            if service == ADDRESSES:
                addresses = int(count)
            else:
                (yes if registered else no)[service] = int(count)
        return RegistrationCounts(addresses, yes, no)

    async def claims_of(self, guild_id: int, address_keys: Iterable[str]) -> list[Claim]:
        """Every member's answers about these addresses: (address, member, service, registered,
        evidence) — evidence: the member reported a mail received at that address."""
        keys = sorted(set(address_keys))[:5000]
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        async with self.db.read() as conn:
            async with conn.execute(
                f"SELECT address_key, member_id, service, registered FROM registration"  # noqa: S608
                f" WHERE guild_id = ? AND address_key IN ({marks})", [guild_id, *keys],
            ) as cur:
                rows = list(await cur.fetchall())
            async with conn.execute(
                f"SELECT DISTINCT recipient_key, member_id FROM report_reporter"  # noqa: S608
                f" WHERE guild_id = ? AND recipient_key IS NOT NULL AND recipient_key IN ({marks})"
                " AND member_id IS NOT NULL", [guild_id, *keys],
            ) as cur:
                evidence = {(str(k), int(m)) for k, m in await cur.fetchall()}
        return [Claim(str(k), int(m), str(s), bool(r), (str(k), int(m)) in evidence) for k, m, s, r in rows]

    # --- votes -----------------------------------------------------------------------------

    async def votes(self, guild_id: int, campaign_id: str) -> list[Vote]:
        async with self.db.read() as conn, conn.execute(
            "SELECT member_id, service FROM vote WHERE campaign_id = ? AND guild_id = ?", (campaign_id, guild_id),
        ) as cur:
            return [Vote(int(m), str(s)) for m, s in await cur.fetchall()]

    async def vote(self, guild_id: int, campaign_id: str, member_id: int, service: str, now: datetime) -> bool:
        """False (nothing written): the guild has no such campaign, e.g. merged into another since it
        was shown; checked in the statement that writes (on PostgreSQL under the guild's lock, which
        a merge takes too)."""
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO vote (guild_id, campaign_id, member_id, service, voted_at) SELECT ?, ?, ?, ?, ?"
                " WHERE EXISTS (SELECT 1 FROM campaign WHERE id = ? AND guild_id = ?)"
                " ON CONFLICT (campaign_id, member_id) DO UPDATE SET service = excluded.service,"
                " voted_at = excluded.voted_at",
                (guild_id, campaign_id, member_id, service, utc_text(now), campaign_id, guild_id),
            )
            return bool(cur.rowcount and cur.rowcount > 0)

    # --- forgetting ------------------------------------------------------------------------

    async def forget(self, guild_id: int, member_id: int) -> Forgotten:
        async with self.db.transaction() as conn:
            async with conn.execute(
                "SELECT DISTINCT service FROM registration WHERE guild_id = ? AND member_id = ?", (guild_id, member_id)
            ) as cur:
                touched = {r[0] for r in await cur.fetchall()}
            counts: dict[str, int] = {}
            for table in ("registration", "registered_address", "vote"):
                cur = await conn.execute(f"DELETE FROM {table} WHERE guild_id = ? AND member_id = ?", (guild_id, member_id))  # noqa: S608
                counts[table] = cur.rowcount
            cur = await conn.execute(
                "UPDATE report_reporter SET member_id = NULL, recipient_key = NULL, recipient_masked = NULL"
                " WHERE guild_id = ? AND member_id = ?", (guild_id, member_id),
            )
            counts["reports_unlinked"] = cur.rowcount
            await conn.execute(
                "UPDATE report SET member_id = NULL, recipient_key = NULL, recipient_masked = NULL, raw = NULL,"
                " raw_expires_at = NULL WHERE guild_id = ? AND member_id = ?",
                (guild_id, member_id),
            )
            cur = await conn.execute("DELETE FROM report_text WHERE guild_id = ? AND member_id = ?", (guild_id, member_id))
            counts["report_texts"] = cur.rowcount
            await conn.execute("DELETE FROM pending_report WHERE guild_id = ? AND member_id = ?", (guild_id, member_id))
            await _recount(conn, guild_id, touched)
            await _recount_addresses(conn, guild_id)
        return Forgotten(**counts)


async def _recount(conn: Any, guild_id: int, services: set[str]) -> None:
    """Refresh the per-service answer counts of these services (inside the caller's transaction):
    addresses some member says are registered, and addresses only said not to be."""
    for service in sorted(services):
        await conn.execute("DELETE FROM registration_count WHERE guild_id = ? AND service = ?", (guild_id, service))
        await conn.execute(
            "INSERT INTO registration_count (guild_id, service, registered, n)"
            " SELECT ?1, ?2, 1, count(DISTINCT address_key) FROM registration"
            " WHERE guild_id = ?1 AND service = ?2 AND registered = 1"
            " UNION ALL SELECT ?1, ?2, 0, count(DISTINCT r.address_key) FROM registration r"
            " WHERE r.guild_id = ?1 AND r.service = ?2 AND r.registered = 0 AND NOT EXISTS (SELECT 1 FROM registration y"
            " WHERE y.guild_id = ?1 AND y.address_key = r.address_key AND y.service = ?2 AND y.registered = 1)",
            (guild_id, service),
        )


async def _recount_addresses(conn: Any, guild_id: int) -> None:
    """Refresh the number of distinct addresses with answers (one row, ``ADDRESSES``): the ranking
    reads it on every campaign view, a registration changes it rarely."""
    await conn.execute(
        "INSERT INTO registration_count (guild_id, service, registered, n)"
        " SELECT ?1, ?2, 1, count(DISTINCT address_key) FROM registered_address WHERE guild_id = ?1"
        " ON CONFLICT (guild_id, service, registered) DO UPDATE SET n = excluded.n",
        (guild_id, ADDRESSES),
    )
