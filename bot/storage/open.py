"""The store a location names: a file path (SQLite, the embedded default) or a ``postgresql://``
address (PostgreSQL, shared by several processes). The composition root opens stores through here."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable

from bot.services.ports.stores import Stores
from bot.storage.pg import is_postgres_url


@contextlib.asynccontextmanager
async def open_store(location: str, *, migrate: bool = True, create: bool = True, check: bool = True,
                     on_write: Callable[[float], None] | None = None) -> AsyncIterator[Stores]:
    """Every port over the store at ``location``, closed at the end (``Database.open``'s options;
    ``on_write``: told each write transaction's seconds)."""
    if is_postgres_url(location):
        from bot.storage.pg import PgDatabase
        from bot.storage.postgres import postgres_stores

        pg = await PgDatabase.open(location, migrate=migrate, create=create, check=check)
        pg.on_write = on_write
        try:
            yield postgres_stores(pg)
        finally:
            await pg.close()
        return
    from bot.storage.database import Database
    from bot.storage.sqlite import sqlite_stores

    db = await Database.open(location, migrate=migrate, create=create, check=check)
    db.on_write = on_write
    try:
        yield sqlite_stores(db)
    finally:
        await db.close()
