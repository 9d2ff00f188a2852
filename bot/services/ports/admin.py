"""The store itself, for its operators (``phishbot db status|migrate|backup|restore``, the bot's and the web
server's health): where it is, its schema version and integrity, migrating it, an online backup.
Expected failures raise ``services.errors.StoreError`` (``no_database``, ``backup_exists``, …)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class StoreStatus:
    location: str  # a path (SQLite) or an address without its password
    version: int  # the schema version it is at
    latest: int  # the version this program migrates to
    integrity: str | None  # None when sound; else what the full check found
    size_bytes: int

    @property
    def up_to_date(self) -> bool:
        return self.version == self.latest


@dataclass(frozen=True)
class Migrated:
    location: str
    applied: tuple[int, ...]  # versions applied now, in order
    version: int


@dataclass(frozen=True)
class BackedUp:
    location: str
    target: str
    version: int
    address_key: str | None  # where the address key was copied beside the backup, if it was
    # why the backup is phishbot's logical export although pg_dump is installed ("pg_dump_version": pg_dump
    # refused a server newer than itself); None otherwise
    fallback: str | None = None


class StoreAdmin(Protocol):
    @property
    def location(self) -> str: ...

    @property
    def damaged(self) -> str | None:
        """What the quick check at opening found wrong, or None: a damaged store is opened for
        reading only (every write refused), and the bot and the web server refuse to serve it."""
        ...

    async def healthy(self) -> bool:
        """The store answers a trivial query now."""
        ...

    async def status(self) -> StoreStatus:
        """Runs the full integrity check (slow on a large store)."""
        ...

    async def migrate(self) -> Migrated:
        """Applies the migrations the store lacks, each in its own transaction."""
        ...

    async def backup(self, target: str, key_file: str | None) -> BackedUp:
        """An online, consistent copy at ``target`` (a new file: ``StoreError("backup_exists")``
        when it exists), readable by its owner only; ``key_file``: the address key file to copy
        beside it (``TARGET.secret.key``)."""
        ...

    async def restore(self, source: str) -> int:
        """Loads a logical export (what ``backup`` writes when ``pg_dump`` is absent) into this
        store, migrated and empty; returns the rows loaded. ``StoreError``: ``restore_format`` (not an
        export), ``restore_too_new`` (made by a newer phishbot), ``restore_version`` (the database past the
        export's schema), ``restore_not_empty``,
        ``restore_sqlite`` (an SQLite backup is a database file: it is copied in place)."""
        ...
