"""The shared log's use-cases over a fresh store (an SQLite file or a PostgreSQL address: the
``store_place`` fixture gives both), as the composition root builds them, for tests that call the
use-cases directly (no CLI, no Discord)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bot import wiring
from bot.analysis.models import Limits
from bot.services.analyse_mail import Analyser
from bot.services.app import SharedLog
from bot.services.community import Community
from bot.services.listings import FeedListings
from bot.services.network import NetworkIndex
from bot.services.ports.guilds import SettingsChange
from bot.services.ports.lookups import DomainIntel
from bot.services.ports.stores import Stores
from bot.services.submit import Submissions, Submitted
from bot.settings import AppSettings
from bot.storage.database import Database
from bot.storage.open import open_store
from bot.storage.pg import PgDatabase

KEY = b"k" * 32


@dataclass
class LogUnderTest:
    db: Database | PgDatabase
    stores: Stores
    log: SharedLog

    async def scalar(self, sql: str) -> object:
        """The first value a fixed query answers (the same SQL on both stores)."""
        async with self.db.read() as conn, conn.execute(sql) as cur:
            row = await cur.fetchone()
        return row[0] if row else None

    @property
    def community(self) -> Community:
        return self.log.community

    @property
    def submissions(self) -> Submissions:
        return self.log.submissions

    async def submit(self, data: bytes, guild_id: int, member_id: int, now: datetime, *,
                     keep_raw_days: int | None = None) -> Submitted:
        """A mail filed by a member (``keep_raw_days``: the guild keeps this one's raw mail that long)."""
        if keep_raw_days is None:
            return await self.log.submissions.submit(data, guild_id, member_id, now)
        before = await self.log.guilds.settings(guild_id)
        await self.log.guilds.change(guild_id, SettingsChange(keep_raw=True, raw_retention_days=keep_raw_days))
        try:
            return await self.log.submissions.submit(data, guild_id, member_id, now)
        finally:
            await self.log.guilds.change(guild_id, SettingsChange(keep_raw=before.keep_raw,
                                                                  raw_retention_days=before.raw_retention_days))


@contextlib.asynccontextmanager
async def shared_log_at(
    path: Path | str, *, key: bytes = KEY, intel: DomainIntel | None = None, limits: Limits | None = None,
    analyser: Analyser | None = None, listings: FeedListings | None = None, network: NetworkIndex | None = None,
    settings: AppSettings | None = None,
) -> AsyncIterator[LogUnderTest]:
    settings = settings or AppSettings(db=str(path), address_hash_key="test-key")
    if limits is not None:
        from dataclasses import replace

        settings = replace(settings, limits=limits)
    async with open_store(str(path)) as stores:
        db = stores.admin.db  # type: ignore[attr-defined]  # both stores' admin holds its database
        yield LogUnderTest(db, stores, wiring.shared_log(settings, stores, key, intel=intel, listings=listings,
                                                          network=network, analyser=analyser))


@contextlib.asynccontextmanager
async def stores_at(place: str | Path, *, migrate: bool = True) -> AsyncIterator[tuple[Stores, Any]]:
    """Every port over the store at ``place`` (a file or a PostgreSQL address), and its database
    (``Database`` or ``PgDatabase``: both have ``transaction()`` and ``read()``)."""
    async with open_store(str(place), migrate=migrate) as stores:
        yield stores, stores.admin.db  # type: ignore[attr-defined]


async def run_sql(db: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """One statement in its own write transaction (``?`` placeholders, as the stores write them);
    its rows."""
    async with db.transaction() as conn, conn.execute(sql, params) as cur:
        return [tuple(r) for r in await cur.fetchall()]
