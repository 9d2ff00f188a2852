"""Every port of the store over one SQLite database (one writer, a pool of readers): what the
composition root opens when ``PHISHBOT_DB`` is a file."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from bot.services.ports.stores import Stores
from bot.storage.admin import SQLiteAdmin
from bot.storage.database import Database
from bot.storage.feeds import FeedStoreSQLite
from bot.storage.guilds import GuildStoreSQLite
from bot.storage.leases import BudgetStoreSQLite, LeaseStoreSQLite
from bot.storage.members import MemberStoreSQLite
from bot.storage.registration_cache import RegistrationCacheSQLite
from bot.storage.reports import ReportStoreSQLite
from bot.storage.sharing import SharingStoreSQLite


def sqlite_stores(db: Database) -> Stores:
    return Stores(reports=ReportStoreSQLite(db), members=MemberStoreSQLite(db), guilds=GuildStoreSQLite(db),
                  feeds=FeedStoreSQLite(db), sharing=SharingStoreSQLite(db), cache=RegistrationCacheSQLite(db),
                  admin=SQLiteAdmin(db), leases=LeaseStoreSQLite(db), budgets=BudgetStoreSQLite(db))


@contextlib.asynccontextmanager
async def open_sqlite(path: str, *, migrate: bool = True, create: bool = True, check: bool = True
                      ) -> AsyncIterator[Stores]:
    """The stores over the database at ``path`` (``Database.open``'s options), closed at the end."""
    db = await Database.open(path, migrate=migrate, create=create, check=check)
    try:
        yield sqlite_stores(db)
    finally:
        await db.close()
