"""The threat feeds' listings in SQLite (the ``FeedStore`` port: its contract is in
``bot/services/ports/feeds.py``): apart from the shared log, every query parameterised, every write
one transaction."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from aiosqlite import Row

from bot.analysis.models import Listing
from bot.services.ports.feeds import FeedRecord, FeedState
from bot.services.ports.times import utc_seconds as iso
from bot.storage.database import Database

_BATCH = 500  # names per IN (...) query
MERGE_BATCH = 5000  # names per write transaction


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _listing(row: Row) -> Listing:
    source, domain, first, last, label, threat = row
    return Listing(source=str(source), domain=str(domain), first_listed=str(first), last_listed=str(last),
                   label=str(label) if label else None, threat=str(threat))


_COLUMNS = "source, domain, first_listed, last_listed, label, threat"


class FeedStoreSQLite:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def merge_feed(self, source: str, records: Sequence[FeedRecord]) -> int:
        """In transactions of ``MERGE_BATCH`` names: a feed of a million URLs never holds the write
        lock for long (the bot, in another process, waits at most ``BUSY_TIMEOUT_MS`` for it). An
        import cut short is whole up to its last batch, and importing again is harmless."""
        new = 0
        for i in range(0, len(records), MERGE_BATCH):
            batch = records[i:i + MERGE_BATCH]
            async with self.db.transaction() as conn:
                before = await self._count(source)
                await conn.executemany(
                    "INSERT INTO feed_entry (source, domain, first_listed, last_listed, label, threat, urls)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, domain) DO UPDATE SET"
                    " first_listed = min(feed_entry.first_listed, excluded.first_listed),"
                    " last_listed = max(feed_entry.last_listed, excluded.last_listed),"
                    " label = coalesce(feed_entry.label, excluded.label), threat = excluded.threat, urls = excluded.urls",
                    [(source, r.domain, iso(r.first_listed), iso(r.last_listed), r.label, r.threat, r.urls)
                     for r in batch],
                )
                await conn.execute("UPDATE feed_generation SET generation = generation + 1 WHERE id = 1")
                new += await self._count(source) - before
        return new

    async def _count(self, source: str) -> int:
        async with self.db.read() as conn, conn.execute("SELECT count(*) FROM feed_entry WHERE source = ?", (source,)) as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def count_feed(self, source: str) -> int:
        return await self._count(source)

    async def feed_listings(self, domains: Collection[str]) -> list[Listing]:
        names = sorted(set(domains))
        out: list[Listing] = []
        for i in range(0, len(names), _BATCH):
            chunk = names[i:i + _BATCH]
            marks = ",".join("?" * len(chunk))
            async with self.db.read() as conn, conn.execute(
                f"SELECT {_COLUMNS} FROM feed_entry WHERE domain IN ({marks}) ORDER BY domain, first_listed",  # noqa: S608 - marks only
                chunk,
            ) as cur:
                out += [_listing(row) for row in await cur.fetchall()]
        return out

    async def all_listings(self) -> list[Listing]:
        async with self.db.read() as conn, conn.execute(f"SELECT {_COLUMNS} FROM feed_entry") as cur:  # noqa: S608 - fixed text
            return [_listing(row) for row in await cur.fetchall()]

    async def feed_generation(self) -> int:
        async with self.db.read() as conn, conn.execute("SELECT generation FROM feed_generation WHERE id = 1") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def feed_states(self) -> list[FeedState]:
        async with self.db.read() as conn, conn.execute(
            "SELECT s.source, s.url, s.etag, s.last_modified, s.checked_at, s.changed_at, s.status,"
            " (SELECT count(*) FROM feed_entry e WHERE e.source = s.source)"
            " FROM feed_state s UNION SELECT e.source, NULL, NULL, NULL, NULL, NULL, 'imported', count(*)"
            " FROM feed_entry e WHERE e.source NOT IN (SELECT source FROM feed_state) GROUP BY e.source ORDER BY 1",
        ) as cur:
            rows = await cur.fetchall()
        return [FeedState(source=r[0], url=r[1], etag=r[2], last_modified=r[3], checked_at=_time(r[4]),
                          changed_at=_time(r[5]), status=r[6], entries=int(r[7])) for r in rows]

    async def save_feed_state(self, state: FeedState) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO feed_state (source, url, etag, last_modified, checked_at, changed_at, status, entries)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET url = excluded.url,"
                " etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at,"
                " changed_at = coalesce(excluded.changed_at, feed_state.changed_at), status = excluded.status,"
                " entries = excluded.entries",
                (state.source, state.url, state.etag, state.last_modified,
                 iso(state.checked_at) if state.checked_at else None,
                 iso(state.changed_at) if state.changed_at else None, state.status, state.entries),
            )

    async def take_feed_lease(self, source: str, holder: str, now: datetime, until: datetime) -> bool:
        async with self.db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO feed_state (source, lease_holder, lease_until) VALUES (?, ?, ?)"
                " ON CONFLICT (source) DO UPDATE SET lease_holder = excluded.lease_holder,"
                " lease_until = excluded.lease_until WHERE feed_state.lease_until IS NULL"
                " OR feed_state.lease_until <= ? OR feed_state.lease_holder = excluded.lease_holder",
                (source, holder, iso(until), iso(now)),
            )
            return cur.rowcount > 0

    async def release_feed_lease(self, source: str, holder: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE feed_state SET lease_holder = NULL, lease_until = NULL WHERE source = ? AND lease_holder = ?",
                (source, holder),
            )
