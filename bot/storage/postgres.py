"""Every port of the store over one PostgreSQL database (``PHISHBOT_DB=postgresql://…``).

The stores are SQLite's (``bot/storage/*.py``: one text of each statement) run over
``pg.PgDatabase``, which speaks the same small interface; what differs is here:

- the statements SQLite writes with its own functions or rules (bare columns beside ``GROUP BY``,
  ``date()``/``julianday()``/``strftime()`` for the charts' weeks and hours);
- the writes that read before they write (a report's dedupe and campaign, a vote beside a merge,
  a guild's registration counts, a guild's purge) run under the guild's advisory lock
  (``PgDatabase.locked``): on SQLite one writer at a time makes them safe, here several processes
  write at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import itertools
import json
import os
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from bot.community.campaigns import CampaignKeys, campaign_id_candidates, matching_campaigns
from bot.services.errors import StoreError
from bot.services.ports.admin import BackedUp, Migrated, StoreStatus
from bot.services.ports.guilds import GuildSettings, SettingsChange
from bot.services.ports.members import Forgotten, ServiceClaim
from bot.services.ports.reports import BrandCount, HourCount, ReportEntry, SavedReport, WeekVerdicts
from bot.services.ports.stores import Stores
from bot.services.ports.times import utc_text
from bot.storage.admin import _copy_key, _new_private_file
from bot.storage.database import Database
from bot.storage.feeds import FeedStoreSQLite
from bot.storage.guilds import GUILD_TABLES, GuildStoreSQLite
from bot.storage.leases import BudgetStoreSQLite, LeaseStoreSQLite
from bot.storage.members import MemberStoreSQLite
from bot.storage.pg import LATEST, LOCK_SPACE, PgDatabase, guild_key, translate
from bot.storage.registration_cache import RegistrationCacheSQLite
from bot.storage.reports import FIND_REPORT, ReportStoreSQLite, findings_json
from bot.storage.sharing import SharingStoreSQLite

EXPORT_FORMAT = "phishbot-postgresql-export"
FIRST_EXPORT = 9  # the schema version of the first PostgreSQL store, and of its first exports


def _shared(db: PgDatabase) -> Database:
    """The PostgreSQL database where the SQLite stores expect theirs: it offers the same
    ``transaction()``/``read()``/``execute`` (``bot.storage.pg``)."""
    return cast(Database, db)


class ReportStorePostgres(ReportStoreSQLite):
    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))
        self.pg = db

    async def save_report(self, entry: ReportEntry) -> SavedReport:
        """The contract of ``ReportStore.save_report`` in two round trips: (1) BEGIN, the guild's
        lock, the dedupe lookup, which new campaign ids are taken and the campaign candidates, as one
        pipeline; the pure rules choose the campaign; (2) one statement that writes the campaign,
        the report, its reporter and its domains, then COMMIT, as one pipeline (a duplicate: its
        new reporter, then COMMIT). A report that merges campaigns (rare) takes the general path
        (``ReportStoreSQLite._save_steps``, a round trip per statement, under the same lock)."""
        if not entry.in_campaign:  # no campaign to join or open: the general path, which skips both
            return await self._general(entry)
        saved = await self._save_fast(entry)
        # the general path after the fast one's connection went back to the pool: a task never holds
        # two of its connections at once (a full pool would wait on itself)
        return saved if saved is not None else await self._general(entry)

    async def _save_fast(self, entry: ReportEntry) -> SavedReport | None:
        """``save_report``'s two round trips; None: the general path is to store it (nothing written)."""
        import psycopg

        new = entry
        seeds = list(itertools.islice(campaign_id_candidates(f"{new.guild_id}:{new.input_sha256}"), 8))
        find_sql, find_order = translate(FIND_REPORT)
        query = self._candidate_sql(new.guild_id, new.keys)
        candidates = (translate(query[0])[0], query[1]) if query else None
        began = time.perf_counter()
        async with self.pg.pool.connection() as raw:
            # client-side binding (libpq's quoting): several statements in one simple query, one round trip
            try:
                find_params = [(new.guild_id, new.input_sha256, new.guild_id, new.message_id_hash)[i]
                               for i in find_order or (0, 1, 2, 3)]
                lock = ("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_SPACE, guild_key(new.guild_id)])
                reads: list[tuple[str, list[Any]]] = [lock,
                         (find_sql, find_params), ("SELECT id FROM campaign WHERE id = ANY(%s)", [seeds])]
                if candidates:
                    reads.append(candidates)
                results = await _batch(raw, [("BEGIN", []), *reads])  # BEGIN, lock, find, taken, candidates
                existing = results[2][0] if results[2] else None
                created = utc_text(new.created_at)
                if existing is not None:
                    [inserted, _] = await _batch(raw, [(
                        "INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key,"
                        " recipient_masked) VALUES (%s, %s, %s, %s, %s, %s)"
                        " ON CONFLICT (report_id, member_id) DO NOTHING RETURNING id",
                        [existing[0], new.guild_id, new.member_id, created, new.recipient_key, new.recipient_masked]),
                        ("COMMIT", [])])
                    added = len(inserted)
                    self._wrote(began)
                    return SavedReport(str(existing[1]), existing[2], duplicate=True, new_reporter=added > 0)
                rows = results[4] if candidates else []
                matches = matching_campaigns(new.keys, self._known(rows))
                used = {str(r[0]) for r in results[3]}
                fresh = [c for c in seeds if c not in used]
                if len(matches) > 1 or (not matches and not fresh):
                    await raw.execute("ROLLBACK")
                    return None
                when = utc_text(new.mail_time)
                if matches:
                    campaign = matches[0]
                    head = ("UPDATE campaign SET first_seen = least(first_seen, %s), last_seen = greatest(last_seen, %s),"
                            " brand = coalesce(brand, %s) WHERE id = %s AND guild_id = %s RETURNING id")
                    head_params: tuple[Any, ...] = (when, when, new.brand, campaign, new.guild_id)
                else:
                    campaign = fresh[0]
                    head = ("INSERT INTO campaign (id, guild_id, brand, first_seen, last_seen) VALUES (%s, %s, %s, %s, %s)"
                            " RETURNING id")
                    head_params = (campaign, new.guild_id, new.brand, when, when)
                [written, _] = await _batch(raw, [(
                        f"WITH c AS ({head}),"  # noqa: S608 - head is one of two fixed texts
                        " r AS (INSERT INTO report (public_id, guild_id, member_id, created_at, mail_time, verdict, score,"
                        " brand, subject_key, envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key,"
                        " recipient_masked, findings, campaign_id, raw, raw_expires_at)"
                        " SELECT %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, c.id, %s, %s FROM c"
                        " RETURNING id),"
                        " p AS (INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key,"
                        " recipient_masked) SELECT r.id, %s, %s, %s, %s, %s FROM r),"
                        " d AS (INSERT INTO report_domain (report_id, guild_id, domain, role, bad_candidate, age_days)"
                        " SELECT r.id, %s, x.domain, x.role, x.bad, x.age FROM r,"
                        " unnest(%s::text[], %s::text[], %s::int[], %s::int[]) AS x (domain, role, bad, age)"
                        " ON CONFLICT DO NOTHING)"
                        " SELECT id FROM r",
                        [*head_params,
                         new.public_id, new.guild_id, new.member_id, created, when, new.verdict, new.score, new.brand,
                         new.keys.subject_key, new.keys.envelope_domain, new.keys.handoff_ip, new.message_id_hash,
                         new.input_sha256, new.recipient_key, new.recipient_masked, findings_json(new.findings), new.raw,
                         utc_text(new.raw_expires_at) if new.raw_expires_at else None,
                         new.guild_id, new.member_id, created, new.recipient_key, new.recipient_masked,
                         new.guild_id, [d.domain for d in new.domains], [d.role for d in new.domains],
                         [int(d.bad_candidate) for d in new.domains], [d.age_days for d in new.domains]]),
                    ("COMMIT", [])])
                if not written:
                    raise RuntimeError("the campaign to join was not there")  # never under the guild's lock
            except psycopg.errors.UniqueViolation:
                # a new campaign id taken at this moment by another guild's first report: once more, in full
                with contextlib.suppress(Exception):
                    await raw.execute("ROLLBACK")
                return None
            except BaseException:
                with contextlib.suppress(Exception):
                    await asyncio.shield(raw.execute("ROLLBACK"))
                raise
        self._wrote(began)
        return SavedReport(new.public_id, campaign, duplicate=False, new_reporter=True)

    async def save_reports(self, entries: Sequence[ReportEntry]) -> list[SavedReport]:
        """Many reports in one transaction, under the locks of their guilds (taken in guild order:
        two batches never wait for each other in a cycle)."""
        batch = list(entries)
        if not batch:
            return []
        async with self.pg.transaction() as conn:
            for key in sorted({guild_key(e.guild_id) for e in batch}):
                await conn.execute("SELECT pg_advisory_xact_lock(?, ?)", (LOCK_SPACE, key))
            return [await self._save_async(e, conn) for e in batch]

    async def _general(self, entry: ReportEntry) -> SavedReport:
        with self.pg.locked(entry.guild_id):  # dedupe and campaign placement: one at a time per guild
            async with self.pg.transaction() as conn:
                return await self._save_async(entry, conn)

    def _wrote(self, began: float) -> None:
        if self.pg.on_write is not None:
            self.pg.on_write(time.perf_counter() - began)

    def _candidate_sql(self, guild_id: int, keys: CampaignKeys) -> tuple[str, list[Any]] | None:
        """SQLite's candidate query (``ReportStoreSQLite._candidate_sql``) where SQLite's bare columns
        beside GROUP BY are DISTINCT ON."""
        parts: list[str] = []
        params: list[Any] = []
        columns = "r.campaign_id, r.envelope_domain, r.handoff_ip, r.brand, r.subject_key, r.mail_time"
        for domain in sorted(keys.link_domains)[:20]:
            parts.append(
                f"(SELECT DISTINCT ON (r.campaign_id) {columns}, ?::text AS link FROM report_domain d"  # noqa: S608
                " JOIN report r ON r.id = d.report_id WHERE d.guild_id = ? AND d.domain = ? AND d.role = 'link'"
                " AND d.bad_candidate = 1 AND r.campaign_id IS NOT NULL ORDER BY r.campaign_id LIMIT 20)"
            )
            params += [domain, guild_id, domain]
        for column, value in (("envelope_domain", keys.envelope_domain), ("handoff_ip", keys.handoff_ip),
                              ("subject_key", keys.subject_key)):
            if value is None:
                continue
            parts.append(  # the column comes from the fixed tuple above, never from input
                f"(SELECT DISTINCT ON (r.campaign_id, r.brand) {columns}, NULL::text AS link FROM report r"  # noqa: S608
                f" WHERE r.guild_id = ? AND r.{column} = ? AND r.campaign_id IS NOT NULL"
                " ORDER BY r.campaign_id, r.brand LIMIT 20)"
            )
            params += [guild_id, value]
        return (" UNION ALL ".join(parts), params) if parts else None

    async def weekly_verdicts(self, guild_id: int, since: datetime) -> list[WeekVerdicts]:
        async with self.pg.read() as conn, conn.execute(
            "SELECT to_char(date_trunc('week', created_at::timestamptz AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,"
            " verdict, count(*) FROM report WHERE guild_id = ? AND created_at >= ? AND created_at::timestamptz >= ?"
            " GROUP BY week, verdict ORDER BY week, verdict",
            (guild_id, (since - timedelta(days=1)).isoformat(), since),
        ) as cur:
            return [WeekVerdicts(str(w), str(v), int(n)) for w, v, n in await cur.fetchall() if w is not None]

    async def brand_counts(self, guild_id: int, since: datetime, until: datetime, limit: int = 10) -> list[BrandCount]:
        async with self.pg.read() as conn, conn.execute(
            "SELECT brand, count(*) FROM report WHERE guild_id = ? AND brand IS NOT NULL"
            " AND verdict NOT IN ('no_signs', 'spam') AND created_at >= ? AND created_at < ?"
            " AND created_at::timestamptz >= ? AND created_at::timestamptz < ?"
            " GROUP BY brand ORDER BY 2 DESC, 1 LIMIT ?",
            (guild_id, (since - timedelta(days=1)).isoformat(), (until + timedelta(days=1)).isoformat(),
             since, until, limit),
        ) as cur:
            return [BrandCount(str(b), int(n)) for b, n in await cur.fetchall()]

    async def campaign_hours(self, guild_id: int, campaign_id: str, limit: int = 20000) -> list[HourCount]:
        async with self.pg.read() as conn, conn.execute(
            "SELECT to_char(mail_time::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24') || ':00:00+00:00'"
            " AS hour, count(*) FROM report WHERE campaign_id = ? AND guild_id = ? GROUP BY hour ORDER BY hour LIMIT ?",
            (campaign_id, guild_id, limit),
        ) as cur:
            return [HourCount(str(h), int(n)) for h, n in await cur.fetchall() if h is not None]


async def _batch(raw: Any, statements: list[tuple[str, list[Any]]]) -> list[list[Any]]:
    """Several statements in one round trip (psycopg's pipeline mode, the extended protocol: each
    statement prepared once per connection and reused, so the server plans it once); each one's
    rows. (One text of several statements with the values bound client-side was the other way to
    one round trip: the same speed here, with the server planning every statement every time —
    twice its CPU per report — and less of the client's.)"""
    cursors = []
    async with raw.pipeline():
        for sql, params in statements:
            cursors.append(await raw.execute(sql, params, prepare=True))
    return [await cur.fetchall() if cur.description is not None else [] for cur in cursors]


class MemberStorePostgres(MemberStoreSQLite):
    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))
        self.pg = db

    async def register(self, guild_id: int, member_id: int, address_key: str, masked: str,
                       claims: Sequence[ServiceClaim], now: datetime) -> None:
        with self.pg.locked(guild_id):  # the guild's counts are recounted from what the transaction reads
            await super().register(guild_id, member_id, address_key, masked, claims, now)

    async def vote(self, guild_id: int, campaign_id: str, member_id: int, service: str, now: datetime) -> bool:
        with self.pg.locked(guild_id):  # never beside a merge that moves this campaign's votes
            return await super().vote(guild_id, campaign_id, member_id, service, now)

    async def forget(self, guild_id: int, member_id: int) -> Forgotten:
        with self.pg.locked(guild_id):
            return await super().forget(guild_id, member_id)


class GuildStorePostgres(GuildStoreSQLite):
    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))
        self.pg = db

    async def change_guild_settings(self, guild_id: int, change: SettingsChange) -> GuildSettings:
        with self.pg.locked(guild_id):  # read, change, write: two changes at once both count
            return await super().change_guild_settings(guild_id, change)

    LEFT_AT = "SELECT left_at FROM guild_settings WHERE guild_id = ? FOR UPDATE"  # a return waits for the purge

    async def purge_guild(self, guild_id: int, left_before: datetime | None = None) -> int | None:
        with self.pg.locked(guild_id):
            return await super().purge_guild(guild_id, left_before)


class FeedStorePostgres(FeedStoreSQLite):
    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))


class SharingStorePostgres(SharingStoreSQLite):
    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))


class LeaseStorePostgres(LeaseStoreSQLite):
    """SQLite's statements with the server's clock: ``statement_timestamp()`` (one instant for the
    whole statement, the server's own clock), in the same fixed-width UTC text."""

    NOW = "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
    LATER = ("to_char((statement_timestamp() + make_interval(secs => ?::float8)) AT TIME ZONE 'UTC',"
             " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')")

    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))

    def _seconds(self, seconds: float) -> Any:
        return float(seconds)


class BudgetStorePostgres(BudgetStoreSQLite):
    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))


class RegistrationCachePostgres(RegistrationCacheSQLite):
    def __init__(self, db: PgDatabase) -> None:
        super().__init__(_shared(db))


# --- the operators' side -------------------------------------------------------------------------

# every table a logical export carries, parents before children (a restore inserts in this order)
EXPORT_TABLES = ("registration_cache", "guild_settings", "campaign", "report", "report_domain", "domain_decision",
                 "registered_address", "registration", "vote", "registration_count", "report_text",
                 "report_reporter", "pending_report", "feed_entry", "feed_state", "feed_generation",
                 "guild_features", "web_token", "shared_campaign", "leases", "lookup_budget")
if set(GUILD_TABLES) - set(EXPORT_TABLES):
    raise RuntimeError("every guild table is exported")


def pg_dump_program(root: str = "/usr/lib/postgresql", path: str | None = None) -> str | None:
    """``pg_dump`` on PATH (``path``: another search path), else the newest in ``root/*/bin`` (by
    version number: 16 after 9); None when absent."""
    import glob

    found = shutil.which("pg_dump", path=path)
    if found:
        return found

    def version(candidate: str) -> tuple[int, ...]:
        name = os.path.basename(os.path.dirname(os.path.dirname(candidate)))
        return tuple(int(p) if p.isdigit() else -1 for p in name.split("."))

    for candidate in sorted(glob.glob(os.path.join(glob.escape(root), "*", "bin", "pg_dump")), key=version,
                            reverse=True):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


class PostgresAdmin:
    def __init__(self, db: PgDatabase, *, use_pg_dump: bool = True) -> None:
        self.db = db
        self.use_pg_dump = use_pg_dump

    @property
    def location(self) -> str:
        return self.db.path

    @property
    def damaged(self) -> str | None:
        return None

    async def healthy(self) -> bool:
        async with self.db.read() as conn, conn.execute("SELECT 1") as cur:
            return await cur.fetchone() is not None

    async def status(self) -> StoreStatus:
        """PostgreSQL checks its own pages (checksums, WAL); the status reports the schema and size."""
        version = await self.db.version()
        async with self.db.read() as conn, conn.execute("SELECT pg_database_size(current_database())") as cur:
            row = await cur.fetchone()
        return StoreStatus(location=self.db.path, version=version, latest=LATEST, integrity=None,
                           size_bytes=int(row[0]) if row else 0)

    async def migrate(self) -> Migrated:
        applied = await self.db.migrate()
        return Migrated(location=self.db.path, applied=tuple(applied), version=await self.db.version())

    async def backup(self, target: str, key_file: str | None) -> BackedUp:
        """``pg_dump --format=custom`` (restore with ``pg_restore``) when it is installed, else a
        logical export of every table (gzip'd JSON lines; ``phishbot db restore`` reads it)."""
        # the file is made new (O_EXCL|O_NOFOLLOW, 0600) and written through its descriptor only:
        # pg_dump's standard output, or the export's gzip stream; never reopened by name
        fd, target = await asyncio.to_thread(_new_private_file, target)
        program = pg_dump_program() if self.use_pg_dump else None
        fallback = None
        try:
            if program is not None:
                try:
                    await asyncio.to_thread(_pg_dump, program, self.db.url, fd)
                except _VersionMismatch:
                    # a pg_dump older than the server refuses it: the logical export instead, from the start
                    fallback = "pg_dump_version"
                    os.lseek(fd, 0, os.SEEK_SET)
                    os.ftruncate(fd, 0)
                    await self.export(fd)
            else:
                await self.export(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.remove(target)
            raise
        finally:
            with contextlib.suppress(OSError):
                os.close(fd)
        copied = await asyncio.to_thread(_copy_key, key_file, target) if key_file is not None else None
        return BackedUp(location=self.db.path, target=target, version=await self.db.version(), address_key=copied,
                        fallback=fallback)

    async def export(self, fd: int, chunk: int = 2000) -> None:
        """Every table, in one snapshot, as gzip'd JSON lines: a header, then per table its columns
        and its rows (bytes as hex), ``chunk`` rows a line. Rows come through a server-side cursor
        ``chunk`` at a time and go out as they come: a database of millions of reports is never held
        in memory whole."""
        with os.fdopen(os.dup(fd), "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as fh:
            async with self.db.read() as conn:
                # the version in the same snapshot as the rows (a migration could land in between)
                async with conn.execute("SELECT coalesce(max(version), 0) FROM schema_version") as cur:
                    row = await cur.fetchone()
                version = int(row[0]) if row else 0
                await asyncio.to_thread(fh.write, json.dumps({"format": EXPORT_FORMAT, "version": version}) + "\n")
                for table in EXPORT_TABLES:
                    async with conn.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        " AND table_name = ? ORDER BY ordinal_position", (table,),
                    ) as cur:
                        columns = [str(r[0]) for r in await cur.fetchall()]
                    if not columns:  # a table of a later schema than this database's (not migrated yet)
                        continue
                    written = False
                    # a named cursor lives on the server, inside read()'s snapshot transaction
                    async with conn.raw.cursor(name=f"phishbot_export_{table}") as rows_at:
                        await rows_at.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
                        while rows := await rows_at.fetchmany(chunk):
                            part = [[{"hex": bytes(v).hex()} if isinstance(v, bytes | memoryview) else v for v in r]
                                    for r in rows]
                            line = json.dumps({"table": table, "columns": columns, "rows": part}, ensure_ascii=False)
                            await asyncio.to_thread(fh.write, line + "\n")
                            written = True
                    if not written:
                        await asyncio.to_thread(
                            fh.write, json.dumps({"table": table, "columns": columns, "rows": []}) + "\n")

    async def restore(self, source: str) -> int:
        """Load a logical export into this (migrated, empty) database, one line (a table's chunk of
        rows) at a time, in one transaction (a file that turns out bad half-way leaves nothing);
        returns the rows loaded. Into a new database (no schema yet) an export of any earlier
        version: its own schema first, then the migrations since, which carry its rows along."""
        reader = await asyncio.to_thread(_ExportReader, source)
        try:
            made_at = reader.header.get("version")
            if not isinstance(made_at, int) or isinstance(made_at, bool) or made_at < FIRST_EXPORT:
                raise StoreError("restore_format", path=source)  # no phishbot made such a header
            if made_at > LATEST:
                raise StoreError("restore_too_new", path=source, version=made_at, latest=LATEST)
            now_at = await self.db.version()
            if now_at > made_at:  # no way back down: the export's rows fit its own schema
                raise StoreError("restore_version", path=source, version=made_at, database=now_at)
            if now_at and await self._holds_reports():
                raise StoreError("restore_not_empty", path=self.db.path)
            # a new database (or one a failed restore left empty at an older schema): the schema
            # the export was made at, an older phishbot's too; the migrations since come after the load
            await self.db.migrate(up_to=made_at)
            loaded = await self._load(reader, source)
        finally:
            await asyncio.to_thread(reader.close)
        await self.db.migrate()  # an older export's schema brought up to this version, its rows with it
        return loaded

    async def _holds_reports(self) -> bool:
        async with self.db.read() as conn, conn.execute(
                "SELECT to_regclass('report') IS NOT NULL AND EXISTS (SELECT 1 FROM report)") as cur:
            row = await cur.fetchone()
        return bool(row and row[0])

    async def _load(self, reader: _ExportReader, source: str) -> int:
        import psycopg
        from psycopg import sql

        loaded = 0
        async with self.db.transaction() as conn:
            async with conn.execute("SELECT count(*) FROM report") as cur:
                row = await cur.fetchone()
            if row and row[0]:
                raise StoreError("restore_not_empty", path=self.db.path)
            await conn.execute("DELETE FROM feed_generation")
            own: dict[str, set[str]] = {}
            while (part := await asyncio.to_thread(reader.next_part)) is not None:
                table, columns, rows = part
                if table not in EXPORT_TABLES:
                    continue
                # the file's columns are data: each must be one of the table's own (read from
                # the schema), and is quoted as an identifier; every row has one value per column
                if table not in own:
                    async with conn.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        " AND table_name = ?", (table,),
                    ) as cur:
                        own[table] = {str(r[0]) for r in await cur.fetchall()}
                if not own[table] and not rows:  # a table this schema does not have, with nothing in it
                    continue
                if not columns or len(set(columns)) != len(columns) or not set(columns) <= own[table]:
                    raise StoreError("restore_format", path=source)
                if any(not isinstance(r, list) or len(r) != len(columns) for r in rows):
                    raise StoreError("restore_format", path=source)
                statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                    sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in columns),
                    sql.SQL(", ").join(sql.SQL("?") for _ in columns)).as_string(conn.raw)
                try:
                    await conn.executemany(
                        statement, [[bytes.fromhex(v["hex"]) if isinstance(v, dict) else v for v in r]
                                    for r in rows])
                except (psycopg.errors.DataError, psycopg.errors.IntegrityError, psycopg.errors.ProgrammingError,
                        KeyError, TypeError, ValueError) as exc:  # a value of the wrong type is DatatypeMismatch
                    raise StoreError("restore_format", path=source) from exc
                loaded += len(rows)
            for table, column in (("report", "id"), ("report_reporter", "id"), ("report_text", "seq")):
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"  # noqa: S608 - fixed names
                    f" (SELECT coalesce(max({column}), 0) + 1 FROM {table}), false)")
        return loaded


# libpq's connection parameters and the environment variables that carry them (pg_dump reads these)
_PG_ENV = {"host": "PGHOST", "hostaddr": "PGHOSTADDR", "port": "PGPORT", "dbname": "PGDATABASE", "user": "PGUSER",
           "password": "PGPASSWORD", "passfile": "PGPASSFILE", "service": "PGSERVICE", "options": "PGOPTIONS",
           "application_name": "PGAPPNAME", "connect_timeout": "PGCONNECT_TIMEOUT", "sslmode": "PGSSLMODE",
           "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY", "sslrootcert": "PGSSLROOTCERT", "sslcrl": "PGSSLCRL",
           "requiressl": "PGREQUIRESSL", "sslcompression": "PGSSLCOMPRESSION", "gssencmode": "PGGSSENCMODE",
           "channel_binding": "PGCHANNELBINDING", "krbsrvname": "PGKRBSRVNAME",
           "target_session_attrs": "PGTARGETSESSIONATTRS", "client_encoding": "PGCLIENTENCODING",
           "sslsni": "PGSSLSNI", "load_balance_hosts": "PGLOADBALANCEHOSTS"}


class _VersionMismatch(Exception):
    """pg_dump refused the server: it is older than the server."""


def pg_dump_environment(url: str, base: dict[str, str] | None = None) -> tuple[dict[str, str], list[str]]:
    """(pg_dump's environment, the connection arguments of its command line) for ``url``, as libpq
    reads it (``psycopg.conninfo``: a percent-encoded password decoded): every parameter through
    its ``PG*`` variable, the password always (never on a command line, which others can read);
    a parameter without a variable in a ``--dbname`` conninfo."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    env = dict(os.environ if base is None else base)
    rest: dict[str, str] = {}
    for key, value in conninfo_to_dict(url).items():
        if value is None:
            continue
        if key in _PG_ENV:
            env[_PG_ENV[key]] = str(value)
        else:
            rest[key] = str(value)
    return env, (["--dbname", make_conninfo(**rest)] if rest else [])


def _pg_dump(program: str, url: str, fd: int) -> None:
    """pg_dump into the open file ``fd``; the password goes through the environment, never the
    command line. A server newer than pg_dump is ``_VersionMismatch``."""
    env, args = pg_dump_environment(url)
    done = subprocess.run([program, "--format=custom", "--no-owner", *args],  # noqa: S603
                          env=env, stdout=fd, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        from bot.storage.pg import masked

        detail = done.stderr.decode("utf-8", "replace")
        if "server version mismatch" in detail:
            raise _VersionMismatch(detail)
        secret = env.get("PGPASSWORD") or "\0"
        raise StoreError("backup_failed", path=masked(url), detail=detail.replace(secret, "***")[:300])


class _ExportReader:
    """A logical export read one line at a time: the header at opening, then each table's chunk
    of rows; anything else is ``restore_format`` (a truncated file too: gzip then ends early)."""

    def __init__(self, source: str) -> None:
        self.source = source
        try:
            self.fh = gzip.open(source, "rt", encoding="utf-8")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise StoreError("restore_format", path=source) from exc
        try:
            try:
                first = self.fh.readline()
            except (OSError, EOFError, ValueError) as exc:
                raise StoreError("restore_format", path=source) from exc
            header = self._read(first)
            if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT:
                raise StoreError("restore_format", path=source)
        except BaseException:
            self.fh.close()
            raise
        self.header: dict[str, Any] = header

    def _read(self, line: str) -> Any:
        try:
            return json.loads(line)
        except ValueError as exc:
            raise StoreError("restore_format", path=self.source) from exc

    def next_part(self) -> tuple[str, list[str], list[list[Any]]] | None:
        try:
            line = self.fh.readline()
        except (OSError, EOFError, ValueError) as exc:  # gzip.BadGzipFile is an OSError; truncated: EOFError
            raise StoreError("restore_format", path=self.source) from exc
        if not line:
            return None
        part = self._read(line)
        try:
            if not isinstance(part["rows"], list) or not isinstance(part["columns"], list):
                raise ValueError("rows and columns are lists")
            return str(part["table"]), [str(c) for c in part["columns"]], part["rows"]
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError("restore_format", path=self.source) from exc

    def close(self) -> None:
        self.fh.close()


def postgres_stores(db: PgDatabase) -> Stores:
    return Stores(reports=ReportStorePostgres(db), members=MemberStorePostgres(db), guilds=GuildStorePostgres(db),
                  feeds=FeedStorePostgres(db), sharing=SharingStorePostgres(db), cache=RegistrationCachePostgres(db),
                  admin=PostgresAdmin(db), leases=LeaseStorePostgres(db), budgets=BudgetStorePostgres(db))


@contextlib.asynccontextmanager
async def open_postgres(url: str, *, migrate: bool = True) -> AsyncIterator[Stores]:
    db = await PgDatabase.open(url, migrate=migrate)
    try:
        yield postgres_stores(db)
    finally:
        await db.close()
