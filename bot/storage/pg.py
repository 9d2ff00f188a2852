"""One PostgreSQL database shared by every process of a deployment, through psycopg 3 and its
connection pool (``psycopg_pool``): what ``PHISHBOT_DB=postgresql://…`` opens.

It offers the SQLite ``Database``'s small interface — ``transaction()`` (one write transaction),
``read()`` (one snapshot of committed data), ``conn.execute(sql, params)`` answering a cursor with
``fetchone``/``fetchall``/``rowcount`` — so that the stores' SQL is written once
(``bot/storage/*.py``) and the few statements that differ between the dialects are overridden in
``bot/storage/postgres.py``. Statements are written with SQLite's ``?``/``?N`` placeholders and
``translate`` turns them into psycopg's ``%s`` (a few functions too: ``group_concat`` →
``string_agg``, two-argument ``min``/``max`` → ``least``/``greatest``, ``INSERT OR IGNORE`` → ``ON
CONFLICT DO NOTHING``).

Concurrency. SQLite has one writer at a time; here several processes write at once, each
transaction READ COMMITTED. Writes whose correctness depends on what they read (placing a report in
a campaign and deduplicating it, merging campaigns and moving their votes, recounting a guild's
registrations) run under ``locked(guild_id)``: the transaction first takes
``pg_advisory_xact_lock(LOCK_SPACE, guild_key(guild_id))``, so two such writes of one guild take turns (across
processes) while other guilds' writes go on; the lock ends with the transaction. Single-statement
upserts need no lock (``ON CONFLICT`` is atomic). Reads are REPEATABLE READ READ ONLY transactions:
one snapshot per ``read()``, as on SQLite.

Migrations: ``bot/storage/migrations/postgresql/NNNN_name.sql``, the same numbers as SQLite's,
each applied in one transaction with its row in ``schema_version``, under an advisory lock so that
processes starting together migrate once.

The address's password never reaches a message: ``masked(url)`` is what is shown and logged
(``bot.settings.masked_location``: the address as libpq reads it), and the CLI's processes redact the
configured password from every log record (``bot.settings.redact_secrets``).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import os
import re
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from bot.services.errors import StoreError

MIGRATIONS = os.path.join(os.path.dirname(__file__), "migrations", "postgresql")
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
LOCK_SPACE = 0x70B07  # advisory lock keys (LOCK_SPACE, guild_key(guild_id)): a guild's order-sensitive writes
MIGRATION_LOCK = (0x70B07, -1)  # migrations: one process at a time
POOL_SIZE = 8
URL_SCHEMES = ("postgresql://", "postgres://")


def guild_key(guild_id: int) -> int:
    """The guild's half of its advisory lock key: the two-key form takes 32-bit integers and Discord
    ids are 64-bit, so its low 32 bits (two guilds that share them only take turns needlessly)."""
    return (guild_id & 0xFFFFFFFF) - 0x80000000


def is_postgres_url(text: str) -> bool:
    return text.startswith(URL_SCHEMES)


def masked(url: str) -> str:
    """The address as it may be shown: its password replaced by ``***`` (user, host, database kept)."""
    from bot.settings import masked_location

    return masked_location(url)


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

async def _version(raw: Any) -> int:
    """The schema's version, read on the connection ``raw``."""
    cur = await raw.execute("SELECT to_regclass('schema_version') IS NOT NULL")
    row = await cur.fetchone()
    if not row or not row[0]:
        return 0
    cur = await raw.execute("SELECT coalesce(max(version), 0) FROM schema_version")
    row = await cur.fetchone()
    return int(row[0]) if row else 0


# --- SQLite's placeholders and functions in PostgreSQL's dialect ------------------------------------

_TOKEN = re.compile(r"'(?:[^']|'')*'|\?(\d*)|%|\bINSERT OR IGNORE INTO\b|\bgroup_concat\(DISTINCT ([\w.]+)\)"
                    r"|\b(min|max)\(([\w.]+), ([\w.]+)\)|\browid\b")


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """(the statement for psycopg, the order of the parameters it takes: indexes into the
    caller's, or None when they are taken as given)."""
    order: list[int] = []
    numbered = False
    ignore = False
    position = 0

    def swap(m: re.Match[str]) -> str:
        nonlocal numbered, ignore, position
        text = m.group(0)
        if text.startswith("'"):
            return text.replace("%", "%%")
        if text.startswith("?"):
            if m.group(1):
                numbered = True
                order.append(int(m.group(1)) - 1)
            else:
                order.append(position)
                position += 1
            return "%s"
        if text == "%":
            return "%%"
        if text.startswith("INSERT"):
            ignore = True
            return "INSERT INTO"
        if text.startswith("group_concat"):
            return f"string_agg(DISTINCT {m.group(2)}::text, ',')"
        if m.group(3):
            return f"{'least' if m.group(3) == 'min' else 'greatest'}({m.group(4)}, {m.group(5)})"
        return "seq"  # rowid: the tables that are read in insertion order have a ``seq`` column

    out = _TOKEN.sub(swap, sql)
    if ignore:
        out += " ON CONFLICT DO NOTHING"
    if re.match(r"\s*INSERT INTO report \(", out):
        out += " RETURNING id"  # the cursor's lastrowid
    return out, tuple(order) if numbered else None


def _params(order: tuple[int, ...] | None, params: Sequence[Any] | None) -> Sequence[Any]:
    if params is None:
        return ()
    if order is None:
        return params
    return [params[i] for i in order]


class Cursor:
    """What ``Conn.execute`` answers, awaited or used as ``async with``: the rows, ``rowcount``,
    ``lastrowid`` (a report's id: its INSERT returns it)."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int, returning: bool) -> None:
        self._rows = rows
        self._at = 0
        self.rowcount = rowcount
        self.lastrowid = rows[0][0] if returning and rows else None

    async def fetchone(self) -> tuple[Any, ...] | None:
        if self._at >= len(self._rows):
            return None
        self._at += 1
        return self._rows[self._at - 1]

    async def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._at = self._rows[self._at:], len(self._rows)
        return rows

    async def close(self) -> None:
        return None


class _Pending:
    def __init__(self, run: Callable[[], Any]) -> None:
        self._run = run
        self._cursor: Cursor | None = None

    def __await__(self) -> Any:
        return self._run().__await__()

    async def __aenter__(self) -> Cursor:
        self._cursor = await self._run()
        return self._cursor

    async def __aexit__(self, *exc: object) -> None:
        return None


class Conn:
    """One pooled psycopg connection with aiosqlite's calling shape (see the module's docstring)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> _Pending:
        return _Pending(lambda: self._execute(sql, params))

    async def _execute(self, sql: str, params: Sequence[Any] | None) -> Cursor:
        text, order = translate(sql)
        async with self.raw.cursor() as cur:
            await cur.execute(text, _params(order, params))
            rows = await cur.fetchall() if cur.description is not None else []
            return Cursor(rows, cur.rowcount, text.endswith("RETURNING id"))

    async def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Cursor:
        text, order = translate(sql)
        batch = [_params(order, p) for p in seq]
        if not batch:
            return Cursor([], 0, False)
        async with self.raw.cursor() as cur:
            await cur.executemany(text, batch)  # one pipeline: one round trip for the batch
            return Cursor([], cur.rowcount, False)


_guild_lock: contextvars.ContextVar[int | None] = contextvars.ContextVar("phishbot_pg_guild_lock", default=None)


class PgDatabase:
    """The pool, migrated. ``await PgDatabase.open(url)``; ``close()`` at the end."""

    def __init__(self, pool: Any, url: str) -> None:
        self.pool = pool
        self.url = url
        self.path = masked(url)  # what messages show
        self.damaged: str | None = None  # PostgreSQL checks its own pages; nothing to report at opening
        self.on_write: Callable[[float], None] | None = None
        self._writer: contextvars.ContextVar[Conn | None] = contextvars.ContextVar(f"pg_writer_{id(self)}",
                                                                                    default=None)

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True, create: bool = True, check: bool = True,  # noqa: ARG003
                   pool_size: int = POOL_SIZE) -> PgDatabase:
        """The database at ``url``, migrated (``migrate``). The database itself must exist (an
        operator creates it: ``createdb``); ``create`` and ``check`` are SQLite's and change nothing
        here. An unreachable server is ``StoreError("unreachable")``; a schema newer than this
        program is ``StoreError("too_new")``."""
        import psycopg
        from psycopg_pool import AsyncConnectionPool

        async def configure(conn: Any) -> None:
            await conn.execute("SET TIME ZONE 'UTC'")
            await conn.set_autocommit(True)

        pool = AsyncConnectionPool(url, min_size=1, max_size=pool_size, open=False, configure=configure,
                                   kwargs={"autocommit": True}, timeout=30)
        try:
            await pool.open(wait=True, timeout=15)
        except (psycopg.Error, Exception) as exc:  # psycopg_pool's PoolTimeout is not a psycopg.Error
            with contextlib.suppress(Exception):
                await pool.close()
            raise StoreError("unreachable", path=masked(url)) from exc
        db = cls(pool, url)
        try:
            if migrate:
                await db.migrate()
            elif create is False:
                pass
        except BaseException:
            await db.close()
            raise
        return db

    # --- schema ------------------------------------------------------------------------------

    async def version(self) -> int:
        async with self.pool.connection() as raw:
            return await _version(raw)

    async def migrate(self, up_to: int | None = None) -> list[int]:
        """Applies the migrations not applied yet (``up_to``: only those up to that version: a
        restore builds the schema its export was made at, loads it, then migrates the rest)."""
        applied: list[int] = []
        async with self.pool.connection() as raw:
            async with raw.transaction():
                await raw.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
                await raw.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                                  " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            current = await _version(raw)  # on this connection: one task never waits for a second one
            if current > LATEST:
                raise StoreError("too_new", path=self.path, version=current, latest=LATEST)
            for migration in migrations():
                if migration.version <= current or (up_to is not None and migration.version > up_to):
                    continue
                async with raw.transaction():
                    await raw.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
                    cur = await raw.execute("SELECT 1 FROM schema_version WHERE version = %s", (migration.version,))
                    if await cur.fetchone() is not None:
                        continue  # another process applied it while this one waited
                    await raw.execute(migration.sql.encode("utf-8"))  # several statements, no parameters
                    await raw.execute("INSERT INTO schema_version (version) VALUES (%s)", (migration.version,))
                applied.append(migration.version)
        return applied

    # --- transactions ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self, guild_id: int) -> Any:
        """Transactions opened inside this block take the guild's advisory lock first."""
        token = _guild_lock.set(guild_id)
        try:
            yield
        finally:
            _guild_lock.reset(token)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        """One write transaction (READ COMMITTED): all of it committed, or none of it."""
        began = time.perf_counter()
        lock = _guild_lock.get()
        async with self.pool.connection() as raw:
            conn = Conn(raw)
            # BEGIN and the guild's lock in one round trip (both fixed text; the key is an int)
            await raw.execute("BEGIN" if lock is None
                              else f"BEGIN; SELECT pg_advisory_xact_lock({LOCK_SPACE}, {guild_key(int(lock))})")
            token = self._writer.set(conn)
            try:
                yield conn
            except BaseException:
                self._writer.reset(token)
                with contextlib.suppress(Exception):
                    await asyncio.shield(raw.execute("ROLLBACK"))
                raise
            self._writer.reset(token)
            await asyncio.shield(raw.execute("COMMIT"))
        if self.on_write is not None:
            self.on_write(time.perf_counter() - began)

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[Conn]:
        """A snapshot of committed data for the whole block (inside this task's own transaction:
        that transaction, which reads its own writes)."""
        writer = self._writer.get()
        if writer is not None:
            yield writer
            return
        async with self.pool.connection() as raw:
            await raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield Conn(raw)
            finally:
                with contextlib.suppress(Exception):
                    await raw.execute("COMMIT")

    async def close(self) -> None:
        await self.pool.close()

    async def __aenter__(self) -> PgDatabase:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()
