"""The store: migrations tracked with PRAGMA user_version, WAL, and closing cleanly."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.analysis.models import DomainFact
from bot.services.errors import StoreError
from bot.storage import database
from bot.storage.database import LATEST, Database, migrations
from bot.storage.registration_cache import RegistrationCacheSQLite as RegistrationCache

NOW = datetime(2021, 1, 24, tzinfo=UTC)


async def test_new_database_is_migrated_and_in_wal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "sub" / "phishbot.db")
    async with await Database.open(path) as db:
        assert await db.version() == LATEST
        async with db.conn.execute("PRAGMA journal_mode") as cur:
            assert (await cur.fetchone())[0] == "wal"  # type: ignore[index]
        async with db.conn.execute("PRAGMA foreign_keys") as cur:
            assert (await cur.fetchone())[0] == 1  # type: ignore[index]
    async with await Database.open(path) as db:  # reopening applies nothing
        assert await db.migrate() == []


async def test_migrations_apply_from_every_earlier_version(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for start in range(LATEST + 1):
        path = tmp_path / f"from{start}.db"
        conn = sqlite3.connect(path)
        for m in migrations()[:start]:
            conn.executescript(m.sql)
            conn.execute(f"PRAGMA user_version = {m.version}")
        conn.commit()
        conn.close()
        async with await Database.open(str(path)) as db:
            assert await db.version() == LATEST


async def test_a_failing_migration_leaves_the_last_whole_version(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    broken = [*migrations(), database.Migration(LATEST + 1, "9999_broken.sql", "CREATE TABLE t (a);\nNOT SQL AT ALL;")]
    monkeypatch.setattr(database, "migrations", lambda: broken)
    monkeypatch.setattr(database, "LATEST", LATEST + 1)
    path = str(tmp_path / "x.db")
    with pytest.raises(sqlite3.OperationalError):
        await Database.open(path)
    monkeypatch.undo()
    async with await Database.open(path) as db:
        assert await db.version() == LATEST
        async with db.conn.execute("SELECT name FROM sqlite_master WHERE name = 't'") as cur:
            assert await cur.fetchone() is None  # the half of the broken migration was rolled back


async def test_a_newer_database_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    with pytest.raises(StoreError) as caught:
        await Database.open(str(path))
    assert caught.value.code == "too_new" and caught.value.params["version"] == str(LATEST + 5)


async def test_cache_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    async with await Database.open(str(tmp_path / "c.db")) as db:
        cache = RegistrationCache(db)
        fact = DomainFact("servicecc-jp.cc", "rdap", registered="2021-01-21T00:00:00+00:00", registrar="R",
                          statuses=("active",), source="rdap")
        await cache.put(fact, NOW)
        got = await cache.get("servicecc-jp.cc", NOW)
        assert got == DomainFact("servicecc-jp.cc", "cache", registered="2021-01-21T00:00:00+00:00", registrar="R",
                                 statuses=("active",), source="rdap")
        await cache.put(DomainFact("x.example", "unavailable", reason="timeout"), NOW)
        assert await cache.get("x.example", NOW) is None
        assert await cache.purge_expired(NOW.replace(year=2022)) == 1


def test_address_hash_key_is_created_once_with_mode_0600(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import stat

    from bot.storage.secret_key import address_hash_key

    db = str(tmp_path / "data" / "p.db")
    first = address_hash_key(db, None)
    path = tmp_path / "data" / "secret.key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert len(first) == 64
    assert address_hash_key(db, None) == first  # the same key on every run
    assert address_hash_key(db, "configured-key") == b"configured-key"  # ADDRESS_HASH_KEY wins
    path.write_bytes(b"short")
    with pytest.raises(RuntimeError, match="too short"):
        address_hash_key(db, None)


async def test_transactions_take_turns_and_a_cancelled_one_leaves_nothing_open(tmp_path: Path) -> None:
    import asyncio

    async with await Database.open(str(tmp_path / "t.db")) as db:
        await db.conn.execute("CREATE TABLE t (a INTEGER)")

        async def write(value: int, pause: float) -> None:
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO t VALUES (?)", (value,))
                await asyncio.sleep(pause)
                await conn.execute("INSERT INTO t VALUES (?)", (value,))

        await asyncio.gather(*(write(i, 0.01) for i in range(5)))  # one connection, five tasks at once
        for _ in range(20):  # cancelled at every stage: waiting for the lock, in BEGIN, in the body
            task = asyncio.ensure_future(write(99, 0.01))
            await asyncio.sleep(0.001 * _)
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            assert not db.conn.in_transaction
        await write(7, 0)
        async with db.conn.execute("SELECT a, count(*) FROM t GROUP BY a ORDER BY a") as cur:
            rows = list(await cur.fetchall())
    assert [r for r in rows if r[0] != 99] == [(0, 2), (1, 2), (2, 2), (3, 2), (4, 2), (7, 2)]
    assert all(n % 2 == 0 for _, n in rows)  # each cancelled writer left both of its rows or none


async def test_verdict_kinds_migration_keeps_reports_and_their_domains(tmp_path: Path) -> None:
    """0005 rebuilds the STRICT report table for the new verdicts: rows, ids and their
    report_domain rows (which the drop would cascade away) survive; the CHECK knows the kinds."""
    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path)
    for m in migrations()[:4]:
        conn.executescript(m.sql)
        conn.execute(f"PRAGMA user_version = {m.version}")
    conn.execute("INSERT INTO campaign VALUES ('C-1a2b', 1, 'smbc-card', '2021-01-24', '2021-01-24')")
    for rid, verdict in ((7, "phishing"), (8, "suspicious"), (9, "no_signs")):
        conn.execute(
            "INSERT INTO report (id, public_id, guild_id, member_id, created_at, mail_time, verdict, score, input_sha256,"
            " findings, campaign_id) VALUES (?, ?, 1, 201, '2021-01-24', '2021-01-24', ?, 50, ?, '[]', 'C-1a2b')",
            (rid, f"R-{rid:010d}", verdict, f"{rid:064x}"),
        )
        conn.execute("INSERT INTO report_domain VALUES (?, 1, 'servicecc-jp.example', 'link', 1, 3)", (rid,))
    conn.commit()
    conn.close()
    async with await Database.open(str(path)) as db:
        assert await db.version() == LATEST
        async with db.conn.execute("SELECT id, verdict, campaign_id FROM report ORDER BY id") as cur:
            assert [tuple(r) for r in await cur.fetchall()] == [
                (7, "phishing", "C-1a2b"), (8, "suspicious", "C-1a2b"), (9, "no_signs", "C-1a2b")]
        async with db.conn.execute("SELECT report_id, domain FROM report_domain ORDER BY report_id") as cur:
            assert [tuple(r) for r in await cur.fetchall()] == [(i, "servicecc-jp.example") for i in (7, 8, 9)]
        async with db.conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'report%' AND type = 'index'") as cur:
            indexes = {r[0] for r in await cur.fetchall()}
        assert {"report_input", "report_message", "report_campaign", "report_member"} <= indexes
        assert "report_domain_keep" not in indexes
        for verdict in ("scam", "malware", "spam"):
            await db.conn.execute(
                "INSERT INTO report (public_id, guild_id, created_at, mail_time, verdict, score, input_sha256, findings)"
                " VALUES (?, 1, 'x', 'x', ?, 70, ?, '[]')", (f"R-{verdict}", verdict, verdict))
        with pytest.raises(sqlite3.IntegrityError):
            await db.conn.execute(
                "INSERT INTO report (public_id, guild_id, created_at, mail_time, verdict, score, input_sha256, findings)"
                " VALUES ('R-bad', 1, 'x', 'x', 'safe', 0, 'bad', '[]')")
        # deleting a report still cascades to its domains (the foreign key points at the new table)
        await db.conn.execute("DELETE FROM report WHERE id = 7")
        async with db.conn.execute("SELECT count(*) FROM report_domain WHERE report_id = 7") as cur:
            assert (await cur.fetchone())[0] == 0  # type: ignore[index]
