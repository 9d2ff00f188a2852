"""What is PostgreSQL's own: its migrations twin SQLite's (the same numbers, the same tables and
columns at the end), the dialect's translation of the stores' statements, the address shown
without its password, migrating from every earlier version, and the logical export read back."""

from __future__ import annotations

import gzip
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from bot.services.errors import StoreError
from bot.settings import SettingsError, masked_location, read_settings
from bot.storage import database as sqlite_db
from bot.storage import pg
from bot.storage.postgres import PostgresAdmin
from tests.cli.test_analyze_cli import SEED_EML as SEED_FILE
from tests.cli.test_analyze_cli import run
from tests.conftest import fresh_schema
from tests.shared_log import run_sql, shared_log_at, stores_at
from tests.web.conftest import SEED_EML, seed_variant

# what only the PostgreSQL schema has, and why: report_text's insertion order (SQLite's rowid)
PG_ONLY = {("report_text", "seq")}


def test_both_dialects_have_the_same_migration_numbers() -> None:
    sqlite = [(m.version, m.name) for m in sqlite_db.migrations()]
    postgres = [(m.version, m.name) for m in pg.migrations()]
    assert sqlite == postgres, "every migration has its PostgreSQL twin of the same number and name"
    assert sqlite_db.LATEST == pg.LATEST


async def test_both_dialects_end_in_the_same_tables_and_columns(tmp_path: Path, postgres_server: str) -> None:
    async with stores_at(tmp_path / "s.db") as (_stores, db):
        tables = [r[0] for r in await run_sql(db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
        sqlite = {(t, str(c[1])) for t in tables for c in await run_sql(db, f"PRAGMA table_info({t})")}
    with fresh_schema(postgres_server) as url:
        async with stores_at(url) as (_stores, db):
            rows = await run_sql(db, "SELECT table_name, column_name FROM information_schema.columns"
                                     " WHERE table_schema = current_schema() AND table_name != 'schema_version'")
    postgres = {(str(t), str(c)) for t, c in rows}
    assert postgres - PG_ONLY == sqlite


@pytest.mark.parametrize("start", range(1, pg.LATEST))
def test_every_earlier_postgresql_version_migrates_to_the_latest(postgres_server: str, start: int) -> None:
    """A database left at any version (a program of that version made it) reaches the latest with its rows."""
    import asyncio

    with fresh_schema(postgres_server) as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
                         " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            for m in pg.migrations()[:start]:
                conn.execute(m.sql.encode())
                conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (m.version,))
            if start >= 2:
                conn.execute("INSERT INTO campaign VALUES ('C-0001', 1, NULL, '2021-01-24', '2021-01-24')")
                conn.execute("INSERT INTO report (public_id, guild_id, member_id, created_at, mail_time, verdict, score,"
                             " input_sha256, findings, campaign_id) VALUES ('R-1', 1, 2, '2021-01-24', '2021-01-24',"
                             " 'phishing', 90, 'x', '[]', 'C-0001')")

        async def reopen() -> list[int]:
            database = await pg.PgDatabase.open(url, migrate=False)
            try:
                return await database.migrate()
            finally:
                await database.close()

        assert asyncio.run(reopen()) == list(range(start + 1, pg.LATEST + 1))
        with psycopg.connect(url) as conn:
            if start >= 2:
                assert conn.execute("SELECT count(*) FROM report").fetchone() == (1,)
            if start >= 2 and start < 6:
                assert conn.execute("SELECT count(*) FROM report_reporter").fetchone() == (1,)  # 0006 carried it


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT a FROM t WHERE b = ? AND c = ?", ("SELECT a FROM t WHERE b = %s AND c = %s", None)),
    ("SELECT ?1, ?2 WHERE x = ?1", ("SELECT %s, %s WHERE x = %s", (0, 1, 0))),
    ("SELECT 'a?%' || ? LIKE '%'", ("SELECT 'a?%%' || %s LIKE '%%'", None)),
    ("INSERT OR IGNORE INTO d (a) VALUES (?)", ("INSERT INTO d (a) VALUES (%s) ON CONFLICT DO NOTHING", None)),
    ("SELECT group_concat(DISTINCT r.brand)", ("SELECT string_agg(DISTINCT r.brand::text, ',')", None)),
    ("SET a = min(t.a, excluded.a), b = max(t.b, excluded.b), c = min(x)",
     ("SET a = least(t.a, excluded.a), b = greatest(t.b, excluded.b), c = min(x)", None)),
    ("SELECT text FROM report_text ORDER BY rowid LIMIT 1", ("SELECT text FROM report_text ORDER BY seq LIMIT 1", None)),
])
def test_the_statements_are_translated_to_postgresqls_dialect(sql: str, expected: tuple[str, object]) -> None:
    assert pg.translate(sql) == expected


def test_the_password_is_never_shown() -> None:
    url = "postgresql://phish:s3cr%40t@db.example.com:5433/phishbot?sslmode=require"
    assert masked_location(url) == "postgresql://phish:***@db.example.com:5433/phishbot?sslmode=require"
    assert pg.masked(url) == masked_location(url)
    assert masked_location("/var/lib/phishbot/phishbot.db") == "/var/lib/phishbot/phishbot.db"
    settings = read_settings({"PHISHBOT_DB": url}, env_file=None)
    assert settings.db_url == url and settings.db_shown == masked_location(url)
    assert "s3cr" not in repr(settings)
    for bad in ("mysql://phish:s3cret@db.example.com/x", "postgresql://phish:s3cret@db.example.com:99999/x"):
        with pytest.raises(SettingsError) as caught:
            read_settings({"PHISHBOT_DB": bad}, env_file=None)
        assert "s3cret" not in caught.value.sentence("en") and "s3cret" not in str(caught.value)


def test_db_commands_on_postgresql_name_it_without_the_password(postgres_server: str, tmp_path: Path) -> None:
    with fresh_schema(postgres_server) as url:
        # the throwaway cluster trusts its socket: a password in the address is accepted and ignored
        with_password = url.replace("postgres@", "postgres:s3cret-pw@", 1)
        env = {"PHISHBOT_DB": with_password, "ADDRESS_HASH_KEY": "k" * 32, "LOOKUPS_ENABLED": "false"}
        status = run("db", "status", "--json", env=env)
        assert status.returncode == 0, status.stderr.decode()
        obj = json.loads(status.stdout)
        assert obj["version"] == 0 and obj["latest"] == pg.LATEST  # status creates nothing
        migrated = run("db", "migrate", env=env)
        assert migrated.returncode == 0 and f"version {pg.LATEST}" in migrated.stdout.decode()
        assert run("report", str(SEED_FILE), "--guild", "1", "--member", "2", "--json", env=env).returncode == 0
        backup = run("db", "backup", str(tmp_path / "pg.dump"), "--json", env=env)
        assert backup.returncode == 0, backup.stderr.decode()
        assert (tmp_path / "pg.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
        assert os.stat(tmp_path / "pg.dump").st_mode & 0o077 == 0
        unreachable = run("db", "status", env={**env, "PHISHBOT_DB": "postgresql://postgres:s3cret-pw@/postgres"
                                                                      f"?host={tmp_path}"})
        assert unreachable.returncode == 1 and b"cannot be reached" in unreachable.stderr
        for proc in (status, migrated, backup, unreachable):
            assert b"s3cret-pw" not in proc.stdout + proc.stderr
        assert b"***" in unreachable.stderr


async def test_the_logical_export_is_restored_whole(postgres_server: str, tmp_path: Path) -> None:
    export, chunked = tmp_path / "export.jsonl.gz", tmp_path / "chunked.jsonl.gz"
    with fresh_schema(postgres_server) as url:
        async with shared_log_at(url) as log:
            first = await log.submit(SEED_EML, 1, 201, log_now())
            await log.submit(seed_variant(2), 1, 202, log_now())
            await log.community.register(1, 201, "taro.yamada@example.jp", "amazon", "", log_now())
            before = (await log.stores.reports.report_counts(1), await log.stores.reports.blocklist(1),
                      await log.stores.reports.campaign(1, first.saved.campaign_id or ""))
            admin = PostgresAdmin(log.stores.admin.db, use_pg_dump=False)  # type: ignore[attr-defined]
            done = await admin.backup(str(export), None)
            assert done.version == pg.LATEST
            # streamed: a table's rows in lines of ``chunk`` rows (here 1), never the database held whole
            fd = os.open(chunked, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                await admin.export(fd, chunk=1)
            finally:
                os.close(fd)
            with gzip.open(chunked, "rt") as fh:
                tables = [json.loads(line).get("table") for line in fh]
            assert tables.count("report") == 2 and tables.count("vote") == 1  # two reports; an empty table once
            with pytest.raises(StoreError) as caught:
                await admin.restore(str(export))  # into a database that holds reports
            assert caught.value.code == "restore_not_empty"
    with fresh_schema(postgres_server) as url:
        restored = run("db", "restore", str(export), "--json",
                       env={"PHISHBOT_DB": url, "ADDRESS_HASH_KEY": "k" * 32})
        assert restored.returncode == 0, restored.stderr.decode()
        assert json.loads(restored.stdout)["rows"] > 5
        async with shared_log_at(url) as log:
            after = (await log.stores.reports.report_counts(1), await log.stores.reports.blocklist(1),
                     await log.stores.reports.campaign(1, first.saved.campaign_id or ""))
            assert after == before
            third = await log.submit(seed_variant(3), 1, 203, log_now())  # the sequences go on past the rows
            assert not third.saved.duplicate
    with fresh_schema(postgres_server) as url:
        async with shared_log_at(url) as log:
            admin = PostgresAdmin(log.stores.admin.db, use_pg_dump=False)  # type: ignore[attr-defined]
            assert await admin.restore(str(chunked)) == json.loads(restored.stdout)["rows"]
            after = (await log.stores.reports.report_counts(1), await log.stores.reports.blocklist(1),
                     await log.stores.reports.campaign(1, first.saved.campaign_id or ""))
            assert after == before
    not_export = tmp_path / "x.gz"
    not_export.write_bytes(gzip.compress(b"hello"))
    with fresh_schema(postgres_server) as url:
        proc = run("db", "restore", str(not_export), env={"PHISHBOT_DB": url})
        assert proc.returncode == 1 and b"not a phishbot export" in proc.stderr


def log_now() -> datetime:
    return datetime(2021, 1, 25, tzinfo=UTC)


async def test_a_restore_takes_only_the_tables_own_columns_and_whole_files(postgres_server: str,
                                                                            tmp_path: Path) -> None:
    """An export is data: a column name that is SQL, a column the table lacks, a row of the wrong
    width and a truncated file are each 'not a phishbot export', and nothing is written."""
    evil = ("guild_id) SELECT (SELECT count(*) FROM pg_catalog.pg_authid) + ?::int8 * 0 --")
    with fresh_schema(postgres_server) as url:
        db = await pg.PgDatabase.open(url)
        try:
            admin = PostgresAdmin(db, use_pg_dump=False)
            version = await db.version()
            cases = {"sql": ([evil], [[0]]), "unknown": (["guild_id", "no_such_column"], [[1, 2]]),
                     "width": (["guild_id"], [[1, 2]]), "bool": (["guild_id"], [[True]]),
                     "list": (["guild_id"], [[[1]]]), "hex_in_a_number": (["guild_id"], [[{"hex": "00"}]])}
            for name, (columns, rows) in cases.items():
                path = tmp_path / f"{name}.jsonl.gz"
                with gzip.open(path, "wt") as fh:
                    fh.write(json.dumps({"format": "phishbot-postgresql-export", "version": version}) + "\n")
                    fh.write(json.dumps({"table": "guild_settings", "columns": columns, "rows": rows}) + "\n")
                with pytest.raises(StoreError) as caught:
                    await admin.restore(str(path))
                assert caught.value.code == "restore_format", name
            # good lines first, a bad one after: read a line at a time, yet nothing of it stays
            late = tmp_path / "late.jsonl.gz"
            with gzip.open(late, "wt") as fh:
                fh.write(json.dumps({"format": "phishbot-postgresql-export", "version": version}) + "\n")
                fh.write(json.dumps({"table": "guild_settings", "columns": ["guild_id"], "rows": [[7], [8]]}) + "\n")
                fh.write('{"table": "guild_settings", "columns": ["guild_id"], "rows": [[9]\n')
            with pytest.raises(StoreError) as caught:
                await admin.restore(str(late))
            assert caught.value.code == "restore_format"
            async with db.read() as conn, conn.execute("SELECT count(*) FROM guild_settings") as cur:
                assert await cur.fetchone() == (0,)
            whole = gzip.compress(json.dumps({"format": "phishbot-postgresql-export", "version": version}).encode()
                                  + b"\n" + b'{"table": "guild_settings", "columns": [], "rows": []}\n' * 50)
            truncated = tmp_path / "truncated.gz"
            truncated.write_bytes(whole[: len(whole) // 2])
            with pytest.raises(StoreError) as caught:
                await admin.restore(str(truncated))
            assert caught.value.code == "restore_format"
        finally:
            await db.close()
        proc = run("db", "restore", str(truncated), env={"PHISHBOT_DB": url})
        assert proc.returncode == 1 and b"not a phishbot export" in proc.stderr
        assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize(("url", "secret"), [
    ("postgresql://phish:s3cr%40t@db.example.com:5433/phishbot?sslmode=require", "s3cr"),
    ("postgresql://phish@db.example.com/phishbot?password=Xsecret9&sslmode=require", "Xsecret9"),
    ("postgresql://phish:#secret9@db.example.com/phishbot", "secret9"),  # libpq: '#secret9' is the password
    ("postgresql://phish:pw-secret9@/phishbot?host=/run/postgresql", "pw-secret9"),
    ("postgresql://phish:pw-secret9@db.example.com/phishbot?no_such_option=1", "pw-secret9"),  # unreadable
])
def test_the_password_is_masked_wherever_the_address_gives_it(url: str, secret: str) -> None:
    shown = masked_location(url)
    assert (secret not in shown and "db.example.com" in shown) or "/run/postgresql" in shown
    assert secret not in read_settings({"PHISHBOT_DB": url}, env_file=None).db_shown


def test_the_database_password_never_reaches_a_log_line(postgres_server: str, tmp_path: Path) -> None:
    """psycopg.pool logs a failed connection with the address it was given: the CLI's process
    takes the configured password out of every log line, whichever logger and handler."""
    import subprocess
    import sys

    url = f"postgresql://postgres:#pw-secret9@/postgres?host={tmp_path}&connect_timeout=1"  # libpq: '#pw-…'
    script = ("import logging, sys\n"
              "logging.basicConfig(level=logging.WARNING)\n"
              "from bot.cli import main\n"
              "sys.exit(main(['db', 'status']))\n")
    proc = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PHISHBOT_DB": url},
                          capture_output=True, timeout=120, check=False)
    assert proc.returncode == 1
    assert b"pw-secret9" not in proc.stdout + proc.stderr
    import logging

    from bot.settings import location_secrets, redact_secrets
    redact_secrets(location_secrets(url))
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    keep = Keep()
    logging.getLogger("psycopg.pool").addHandler(keep)
    try:
        logging.getLogger("psycopg.pool").warning("error connecting to %s: %s", url, "refused")
    finally:
        logging.getLogger("psycopg.pool").removeHandler(keep)
    assert records and "pw-secret9" not in records[0] and "***" in records[0]


def _fake_pg_dump(folder: Path, body: str) -> str:
    """A ``pg_dump`` that records how it was called (argv, environment) and then runs ``body``."""
    program = folder / "pg_dump"
    program.write_text("#!/bin/sh\n"
                       f'printf "%s\\n" "$@" > "{folder}/argv"\n'
                       f'env > "{folder}/env"\n' + body, encoding="utf-8")
    program.chmod(0o755)
    return str(program)


def test_pg_dump_takes_the_decoded_password_from_its_environment(tmp_path: Path) -> None:
    from bot.storage.postgres import _pg_dump, pg_dump_environment

    url = "postgresql://phish:s3cr%40t%23x@db.example.com:5433/phishbot?sslmode=require&options=-c%20a%3Db"
    env, args = pg_dump_environment(url, base={})
    assert env == {"PGPASSWORD": "s3cr@t#x", "PGUSER": "phish", "PGHOST": "db.example.com", "PGPORT": "5433",
                   "PGDATABASE": "phishbot", "PGSSLMODE": "require", "PGOPTIONS": "-c a=b"} and args == []
    program = _fake_pg_dump(tmp_path, "exit 0\n")
    with open(tmp_path / "out", "wb") as fh:
        _pg_dump(program, url, fh.fileno())
    assert "s3cr" not in (tmp_path / "argv").read_text()
    assert "PGPASSWORD=s3cr@t#x" in (tmp_path / "env").read_text().splitlines()


def test_the_newest_pg_dump_by_version_number(tmp_path: Path) -> None:
    from bot.storage.postgres import pg_dump_program

    for version in ("9.6", "15", "16", "10"):
        (tmp_path / version / "bin").mkdir(parents=True)
        _fake_pg_dump(tmp_path / version / "bin", "exit 0\n")
    assert pg_dump_program(str(tmp_path), path=str(tmp_path / "nowhere")) == str(tmp_path / "16" / "bin" / "pg_dump")


async def test_a_pg_dump_older_than_the_server_falls_back_to_the_export(postgres_server: str, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.storage import postgres

    program = _fake_pg_dump(tmp_path, 'echo "partial"\n'
                            'echo "pg_dump: error: aborting because of server version mismatch" >&2\nexit 1\n')
    monkeypatch.setattr(postgres, "pg_dump_program", lambda: program)
    target = tmp_path / "backup.dump"
    with fresh_schema(postgres_server) as url:
        db = await pg.PgDatabase.open(url)
        try:
            done = await PostgresAdmin(db).backup(str(target), None)
        finally:
            await db.close()
    assert done.fallback == "pg_dump_version"
    with gzip.open(target, "rt") as fh:  # phishbot's export from its first byte, nothing of pg_dump's before it
        assert json.loads(fh.readline())["format"] == "phishbot-postgresql-export"


async def test_one_task_needs_one_connection_at_a_time(postgres_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a pool of one connection, migrating and a report that leaves the fast path for the
    general one (every campaign id it would open is taken) both finish: a task that held one
    connection while asking for a second would wait on itself (here: fail at the timeout)."""
    import asyncio
    import hashlib
    import itertools

    from bot.community.campaigns import campaign_id_candidates

    opened = pg.PgDatabase.open.__func__  # type: ignore[attr-defined]

    async def one_connection(cls: type[pg.PgDatabase], /, url: str, **kw: object) -> pg.PgDatabase:
        db: pg.PgDatabase = await opened(cls, url, **{**kw, "pool_size": 1})
        return db

    monkeypatch.setattr(pg.PgDatabase, "open", classmethod(one_connection))
    with fresh_schema(postgres_server) as url:
        async with asyncio.timeout(20):
            db = await pg.PgDatabase.open(url)  # migrates: the version on the connection in hand
            assert db.pool.max_size == 1 and await db.version() == pg.LATEST
            await db.close()
        async with shared_log_at(url) as log:
            seeds = itertools.islice(campaign_id_candidates(f"1:{hashlib.sha256(SEED_EML).hexdigest()}"), 8)
            for campaign in seeds:  # another guild's campaigns hold every id the fast path would try
                await run_sql(log.db, "INSERT INTO campaign (id, guild_id, first_seen, last_seen) VALUES (?, ?, ?, ?)",
                              (campaign, 2, "2021-01-01T00:00:00+00:00", "2021-01-01T00:00:00+00:00"))
            async with asyncio.timeout(20):
                done = await log.submit(SEED_EML, 1, 201, log_now())
            assert done.saved is not None and done.saved.campaign_id is not None
            assert await log.scalar("SELECT count(*) FROM report WHERE guild_id = 1") == 1


async def test_an_older_phishbots_export_is_restored_then_migrated(postgres_server: str, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A backup made before an upgrade: restored into a new database at the schema it was made at,
    then carried up by the migrations since (here a made-up next migration that fills a new column
    from the rows it finds and adds a table the export carries from then on). A backup of a
    database not migrated yet leaves out the tables it does not have; a restore that fails into a
    new database can be retried with another version's export."""
    from bot.storage import postgres

    older, newer = tmp_path / "before-upgrade.jsonl.gz", tmp_path / "after-upgrade.jsonl.gz"
    made_at = pg.LATEST
    later = pg.Migration(made_at + 1, f"{made_at + 1:04d}_next.sql",
                         "ALTER TABLE report ADD COLUMN verdict_copy TEXT; UPDATE report SET verdict_copy = verdict;"
                         " CREATE TABLE new_things (id BIGINT PRIMARY KEY);")
    real = pg.migrations()
    with fresh_schema(postgres_server) as url:
        async with shared_log_at(url) as log:
            await log.submit(SEED_EML, 1, 201, log_now())
        # the code is upgraded (one more migration, one more table to export) before the backup
        monkeypatch.setattr(pg, "migrations", lambda: [*real, later])
        monkeypatch.setattr(pg, "LATEST", made_at + 1)
        monkeypatch.setattr(postgres, "LATEST", made_at + 1)
        monkeypatch.setattr(postgres, "EXPORT_TABLES", (*postgres.EXPORT_TABLES, "new_things"))
        db = await pg.PgDatabase.open(url, migrate=False)
        try:
            await PostgresAdmin(db, use_pg_dump=False).backup(str(older), None)
        finally:
            await db.close()
    with gzip.open(older, "rt") as fh:
        lines = [json.loads(line) for line in fh]
    assert lines[0]["version"] == made_at and "new_things" not in {part.get("table") for part in lines[1:]}
    broken = tmp_path / "broken.jsonl.gz"
    with gzip.open(older, "rt") as fh, gzip.open(broken, "wt") as out:
        out.write(fh.read() + '{"table": "report", "columns": ["id"], "rows": [[\n')
    with fresh_schema(postgres_server) as url:
        db = await pg.PgDatabase.open(url, migrate=False)
        try:
            admin = PostgresAdmin(db, use_pg_dump=False)
            assert await admin.restore(str(older)) > 1
            assert await db.version() == made_at + 1
            async with db.read() as conn, conn.execute("SELECT verdict, verdict_copy FROM report") as cur:
                rows = await cur.fetchall()
            assert len(rows) == 1 and rows[0][0] == rows[0][1] == "phishing"
            await admin.backup(str(newer), None)
            # a database already past the export's schema is refused, not half-loaded
            with pytest.raises(StoreError) as caught:
                await admin.restore(str(older))
            assert caught.value.code == "restore_version"
            assert dict(caught.value.params)["database"] == str(made_at + 1)
        finally:
            await db.close()
    with fresh_schema(postgres_server) as url:
        db = await pg.PgDatabase.open(url, migrate=False)
        try:
            admin = PostgresAdmin(db, use_pg_dump=False)
            with pytest.raises(StoreError) as caught:
                await admin.restore(str(broken))  # fails late: the schema it made stays, empty
            assert caught.value.code == "restore_format"
            assert await db.version() == made_at
            assert await admin.restore(str(newer)) > 1  # a retry with the newer export is taken
            assert await db.version() == made_at + 1
            async with db.read() as conn, conn.execute("SELECT count(*) FROM report") as cur:
                assert await cur.fetchone() == (1,)
        finally:
            await db.close()


@pytest.mark.parametrize(("header", "code"), [
    ({"version": "9"}, "restore_format"), ({}, "restore_format"), ({"version": True}, "restore_format"),
    ({"version": 3}, "restore_format"), ({"version": 10_000}, "restore_too_new"),
])
async def test_an_export_header_names_a_version_phishbot_made(postgres_server: str, tmp_path: Path,
                                                              header: dict[str, object], code: str) -> None:
    path = tmp_path / "header.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write(json.dumps({"format": "phishbot-postgresql-export", **header}) + "\n")
    with fresh_schema(postgres_server) as url:
        db = await pg.PgDatabase.open(url, migrate=False)
        try:
            with pytest.raises(StoreError) as caught:
                await PostgresAdmin(db, use_pg_dump=False).restore(str(path))
            assert caught.value.code == code
            assert await db.version() == 0  # nothing made for a file that is refused
        finally:
            await db.close()
        proc = run("db", "restore", str(path), env={"PHISHBOT_DB": url, "PHISHBOT_LANG": "en"})
        assert proc.returncode == 1 and b"Traceback" not in proc.stderr
        assert (b"newer phishbot" if code == "restore_too_new" else b"not a phishbot export") in proc.stderr
