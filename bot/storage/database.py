"""One SQLite database per deployment, opened through aiosqlite.

WAL, foreign keys and a busy timeout on every connection; migrations are the numbered files in
``bot/storage/migrations`` (``NNNN_name.sql``), each applied in one transaction together with
``PRAGMA user_version = NNNN``, so a crash leaves the schema at the last whole version.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from types import TracebackType

import aiosqlite

from bot.services.protocols import StoreError

MIGRATIONS = os.path.join(os.path.dirname(__file__), "migrations")
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 65536
MMAP_BYTES = 268435456


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    found = []
    for name in sorted(os.listdir(MIGRATIONS)):
        m = _NAME.match(name)
        if m:
            with open(os.path.join(MIGRATIONS, name), encoding="utf-8") as fh:
                found.append(Migration(int(m.group(1)), name, fh.read()))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps: {versions}")
    return found


LATEST = len(migrations())


class Database:
    """The connection, migrated. Use ``async with Database.open(path) as db``."""

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.damaged: str | None = None  # what the integrity check said, when it failed: nothing is written
        # one connection serves every task of the process (the bot answers many members at once):
        # write transactions take turns, so no task's statements land inside another's transaction
        self._write = asyncio.Lock()

    @classmethod
    async def open(cls, path: str, *, migrate: bool = True, create: bool = True, check: bool = True) -> Database:
        """The database at ``path``, migrated (``migrate``). ``create=False``: a missing file is
        ``StoreError("missing")``, never created. ``check``: SQLite's quick integrity check runs first,
        and a damaged database is opened for reading only (every write raises ``StoreError("damaged")``).
        Migrating a database newer than this program is ``StoreError("too_new")``."""
        if path != ":memory:":
            if not create and not os.path.isfile(path):
                raise StoreError("missing", path=path)
            folder = os.path.dirname(os.path.abspath(path))
            os.makedirs(folder, exist_ok=True)
        conn = await aiosqlite.connect(path, isolation_level=None)  # explicit transactions only
        try:
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
            await conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # the default 2 MB thrashes at a million reports
            await conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            db = cls(conn, path)
            if check:
                await db._quick_check()
            if migrate:
                await db.migrate()
        except BaseException:
            await conn.close()
            raise
        return db

    async def _quick_check(self) -> None:
        self.damaged = await self._check("quick_check")

    async def integrity(self) -> str | None:
        """SQLite's full integrity check: None when the database is sound, else what it found."""
        return await self._check("integrity_check")

    async def _check(self, pragma: str) -> str | None:
        try:
            async with self.conn.execute(f"PRAGMA {pragma}(5)") as cur:
                rows = [str(r[0]) for r in await cur.fetchall()]
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "encrypted" in str(exc):
                raise  # not SQLite at all: the caller says it cannot be opened
            return str(exc)[:300]  # "database disk image is malformed": too damaged to check
        return None if rows == ["ok"] else "; ".join(rows)[:300]

    def _writable(self) -> None:
        if self.damaged is not None:
            raise StoreError("damaged", path=self.path)

    async def version(self) -> int:
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self) -> list[int]:
        """Apply the migrations this database lacks; returns the versions applied."""
        applied = []
        current = await self.version()
        if current > LATEST:
            raise StoreError("too_new", path=self.path, version=current, latest=LATEST)
        if current < LATEST:
            self._writable()
        for migration in migrations():
            if migration.version <= current:
                continue
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(migration.sql):
                    await self.conn.execute(statement)
                await self.conn.execute(f"PRAGMA user_version = {migration.version}")
                await self.conn.execute("COMMIT")
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            applied.append(migration.version)
        return applied

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of it is committed, or none of it. Every
        write goes through here, one task at a time."""
        self._writable()
        async with self._write:
            # BEGIN runs in aiosqlite's thread even if this task is cancelled while waiting for it:
            # shielded, it is awaited to its end and rolled back, never left open
            begin = asyncio.ensure_future(self.conn.execute("BEGIN IMMEDIATE"))
            try:
                await asyncio.shield(begin)
                yield self.conn
            except BaseException:
                with contextlib.suppress(Exception):
                    await begin
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                raise
            await self.conn.execute("COMMIT")

    async def close(self) -> None:
        await self.conn.close()

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (our migrations hold no ';' inside literals or triggers)."""
    body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]
