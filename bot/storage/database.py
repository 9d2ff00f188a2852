"""One SQLite database per deployment, opened through aiosqlite.

WAL, foreign keys and a busy timeout on every connection; migrations are the numbered files in
``bot/storage/migrations`` (``NNNN_name.sql``), each applied in one transaction together with
``PRAGMA user_version = NNNN``, so a crash leaves the schema at the last whole version.

Writes and reads go through different connections: ``transaction()`` is the one writer (tasks
take turns), ``read()`` lends a reader from a small pool, each read a snapshot of what was
committed — a reader never sees another task's uncommitted (perhaps rolled-back) writes. A pool
of connections with a write lock is also how a PostgreSQL store would be shaped (issue 15).

Times are stored as UTC in one fixed-width ISO form (``services.ports.times.utc_text``), so that
text order is time order.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TypeVar

import aiosqlite

from bot.services.errors import StoreError
from bot.services.ports.times import utc_text

MIGRATIONS = os.path.join(os.path.dirname(__file__), "migrations")
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 65536
MMAP_BYTES = 268435456
READERS = 2  # reader connections (each one is a thread of aiosqlite's)


T = TypeVar("T")
utc_iso = utc_text  # the shared log's one stored time form (``services.ports.times``)


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
    """The connections, migrated. Use ``async with Database.open(path) as db``."""

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn  # the writer (and migrations, backups)
        self.path = path
        self.damaged: str | None = None  # what the integrity check said, when it failed: nothing is written
        # one writer serves every task of the process (the bot answers many members at once):
        # write transactions take turns, so no task's statements land inside another's transaction
        self._write = asyncio.Lock()
        self.on_write: Callable[[float], None] | None = None  # told each write transaction's seconds (metrics)
        self._writer: asyncio.Task[object] | None = None  # the task inside transaction(), if any
        self._idle: list[aiosqlite.Connection] = []
        self._readers: list[aiosqlite.Connection] = []
        self._free = asyncio.Semaphore(READERS)
        self._closed = False

    @property
    def in_memory(self) -> bool:
        return self.path == ":memory:" or self.path.startswith("file::memory:")

    @classmethod
    async def open(cls, path: str, *, migrate: bool = True, create: bool = True, check: bool = True) -> Database:
        """The database at ``path``, migrated (``migrate``). ``create=False``: a missing file is
        ``StoreError("missing")``, never created. ``check``: SQLite's quick integrity check runs first,
        and a damaged database is opened for reading only (every write raises ``StoreError("damaged")``).
        Migrating a database newer than this program is ``StoreError("too_new")``."""
        if path != ":memory:":
            await asyncio.to_thread(_prepare_file, path, create)
        conn = await aiosqlite.connect(path, isolation_level=None)  # explicit transactions only
        try:
            await _configure(conn)
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
        began = time.perf_counter()
        async with self._write:
            # BEGIN runs in aiosqlite's thread even if this task is cancelled while waiting for it:
            # shielded, it is awaited to its end and rolled back, never left open
            begin = asyncio.ensure_future(self.conn.execute("BEGIN IMMEDIATE"))
            self._writer = asyncio.current_task()
            try:
                await asyncio.shield(begin)
                yield self.conn
            except BaseException:
                with contextlib.suppress(Exception):
                    await begin
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                raise
            finally:
                self._writer = None
            # COMMIT too runs in aiosqlite's thread whatever happens to this task: a cancellation
            # while it runs waits for it (the lock is held until it is done), then goes on
            commit = asyncio.ensure_future(self.conn.execute("COMMIT"))
            try:
                await asyncio.shield(commit)
            except asyncio.CancelledError:
                while not commit.done():
                    with contextlib.suppress(asyncio.CancelledError):
                        await asyncio.shield(commit)
                raise
        if self.on_write is not None:
            self.on_write(time.perf_counter() - began)

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """One write transaction run whole in the writer's thread — BEGIN IMMEDIATE, ``work`` on the
        sqlite3 connection itself, COMMIT (ROLLBACK when it raises) — in one hop from the event
        loop (two: see below): for writes of many statements (a report), where a hop per statement
        costs more than SQLite does. Takes its turn with ``transaction()``; a cancelled caller still waits for the
        thread to finish it (committed or rolled back), never leaving it half done."""
        self._writable()
        began = time.perf_counter()
        async with self._write:
            def whole(conn: sqlite3.Connection) -> T:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work(conn)
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
                return result

            raw = self.conn._conn  # aiosqlite's sqlite3 connection: used only in its own thread, below
            run: Callable[..., Awaitable[T]] = self.conn._execute  # aiosqlite's: runs a function in that thread
            # aiosqlite's thread keeps the previous call's result (perhaps a cursor whose statement is
            # still open, such as a PRAGMA's) until its next call returns: a no-op call first lets it
            # go, else SQLite would refuse the COMMIT ("SQL statements in progress")
            await run(lambda: None)
            job = asyncio.ensure_future(run(whole, raw))
            try:
                result: T = await asyncio.shield(job)
            except asyncio.CancelledError:
                while not job.done():
                    with contextlib.suppress(asyncio.CancelledError, Exception):
                        await asyncio.shield(job)
                raise
        if self.on_write is not None:
            self.on_write(time.perf_counter() - began)
        return result

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[aiosqlite.Connection]:
        """A connection to read from, holding one snapshot of committed data for the whole block.

        Inside this task's own ``transaction()`` it is the writer (a transaction reads its own
        writes). An in-memory database has no second connection: its reads wait for the writer."""
        if self._writer is not None and self._writer is asyncio.current_task():
            yield self.conn
            return
        if self._closed:
            raise ValueError("the database is closed")
        if self.in_memory:
            async with self._write:
                yield self.conn
            return
        async with self._free:
            conn = self._idle.pop() if self._idle else await self._open_reader()
            try:
                await conn.execute("BEGIN")  # deferred: the snapshot starts at the first read
                yield conn
            finally:
                await self._give_back(conn)

    async def _give_back(self, conn: aiosqlite.Connection) -> None:
        """End the reader's snapshot and put it back in the pool; a reader that cannot be reset
        (or a closed pool) is closed instead — awaited: an open aiosqlite connection is a thread
        that keeps the interpreter alive at exit."""
        try:
            if conn.in_transaction:
                await conn.execute("COMMIT")
        except BaseException:
            await self._drop(conn)
            raise
        if self._closed:
            await self._drop(conn)
        else:
            self._idle.append(conn)

    async def _drop(self, conn: aiosqlite.Connection) -> None:
        if conn in self._readers:
            self._readers.remove(conn)
        with contextlib.suppress(Exception):
            await asyncio.shield(conn.close())

    async def _open_reader(self) -> aiosqlite.Connection:
        if self._closed:
            raise ValueError("the database is closed")
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        try:
            await _configure(conn)
            await conn.execute("PRAGMA query_only = 1")
            if self._closed:  # closed while this one was opening
                raise ValueError("the database is closed")
        except BaseException:
            await conn.close()
            raise
        self._readers.append(conn)
        return conn

    async def close(self) -> None:
        """Close every connection. The readers are stopped without waiting (aiosqlite queues the
        stop at once), so a close that is itself cancelled — a process shutting down cancels what
        is left — still leaves no connection thread alive to hold the interpreter at exit."""
        self._closed = True
        readers, self._readers, self._idle = self._readers, [], []
        stopping = []
        for conn in readers:
            with contextlib.suppress(Exception):
                stopping.append(conn.stop())
        await self.conn.close()
        await asyncio.gather(*(f for f in stopping if f is not None), return_exceptions=True)

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


def _prepare_file(path: str, create: bool) -> None:
    """The database's folder made and its file created readable by its owner only; with
    ``create=False`` a missing file is ``StoreError("missing")``."""
    if not create and not os.path.isfile(path):
        raise StoreError("missing", path=path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    _create_private(path)


def _create_private(path: str) -> None:
    """Create the database file readable by its owner only (0600, like secret.key): it holds
    reports, keyed address hashes and guild settings. SQLite gives its -wal and -shm files the
    same mode. An existing file is left as it is."""
    if path.startswith("file:"):
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


async def _configure(conn: aiosqlite.Connection) -> None:
    await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    await conn.execute("PRAGMA journal_mode = WAL")
    await conn.execute("PRAGMA foreign_keys = ON")
    await conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
    await conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # the default 2 MB thrashes at a million reports
    await conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (our migrations hold no ';' inside literals or triggers)."""
    body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]
