"""Readers never see uncommitted writes (issue 10, item 15), and migration 0006 carries the data
of every earlier version across: reporters, claims, times in UTC."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.community.leaks import Claim
from bot.services.ports.guilds import SettingsChange
from bot.services.ports.members import MemberRegistration, RegistrationCounts
from bot.services.ports.reports import CampaignCounts
from bot.services.ports.times import utc_text
from bot.storage.database import LATEST, Database, migrations
from bot.storage.sqlite import sqlite_stores
from tests.shared_log import stores_at
from tests.storage.test_shared_log import new_report

NOW = datetime(2021, 1, 25, tzinfo=UTC)


async def test_a_rolled_back_write_is_never_visible_to_a_reader(store_place: str) -> None:
    async with stores_at(store_place) as (stores, db):
        store = stores.reports
        written = asyncio.Event()
        release = asyncio.Event()

        async def failing_write() -> None:
            async with db.transaction() as conn:
                await conn.execute(
                    "INSERT INTO domain_decision (guild_id, domain, status, moderator_id, decided_at)"
                    " VALUES (1, 'ghost.example', 'confirmed', 9, ?)", (utc_text(NOW),))
                written.set()
                await release.wait()
                raise RuntimeError("the write fails after its insert")

        async def writer() -> None:
            with pytest.raises(RuntimeError):
                await failing_write()

        task = asyncio.create_task(writer())
        await written.wait()
        # while the writer's transaction is open (and before it rolls back), readers run
        blocklist, summary, counts = await asyncio.gather(store.blocklist(1), store.domain_summary(1, "ghost.example"),
                                                          store.report_counts(1))
        assert blocklist == []
        assert summary.decision is None
        assert counts.known_bad_domains == 0
        release.set()
        await task
        assert await store.blocklist(1) == []
        # and a committed write is seen by the next read
        await store.decide(1, "real.example", "confirmed", 9, NOW)
        assert await store.blocklist(1) == ["real.example"]


async def test_reads_inside_a_transaction_see_its_own_writes(store_place: str) -> None:
    for path in (store_place, ":memory:"):
        async with stores_at(path) as (stores, _db):
            guilds = stores.guilds
            await guilds.change_guild_settings(5, SettingsChange(language="ja"))
            await guilds.change_guild_settings(5, SettingsChange(keep_raw=True))  # reads inside its write: no lost update
            settings = await guilds.guild_settings(5)
            assert settings.language == "ja"
            assert settings.keep_raw is True


async def test_many_concurrent_readers_and_writers(store_place: str) -> None:
    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        await asyncio.gather(*(store.save_report(new_report(n)) for n in range(20)),
                             *(store.blocklist(1) for _ in range(20)))
        assert len(await store.blocklist(1)) == 2


def _at_version(path: Path, version: int) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    for m in migrations()[:version]:
        conn.executescript(m.sql)
        conn.execute(f"PRAGMA user_version = {m.version}")
    return conn


@pytest.mark.parametrize("start", [2, 3, 4, 5])
async def test_0006_keeps_reports_claims_and_turns_times_into_utc(tmp_path: Path, start: int) -> None:
    path = tmp_path / f"v{start}.db"
    conn = _at_version(path, start)
    conn.execute("INSERT INTO campaign VALUES ('C-aaaa', 1, 'smbc-card', '2021-01-24T19:00:00+09:00', '2021-01-24T11:00:00Z')")
    conn.execute(
        "INSERT INTO report (id, public_id, guild_id, member_id, created_at, mail_time, verdict, score, input_sha256,"
        " recipient_key, recipient_masked, findings, campaign_id) VALUES (1, 'R-1', 1, 201,"
        " '2021-01-25T09:00:00+09:00', '2021-01-24T19:00:00+09:00', 'phishing', 90, 'h1', 'k1', 'x***@example.jp', '[]',"
        " 'C-aaaa')")
    conn.execute("INSERT INTO report_domain VALUES (1, 1, 'servicecc-jp.cc', 'link', 1, 3)")
    conn.execute("INSERT INTO registered_address VALUES (1, 'k1', 201, 'x***@example.jp')")
    conn.execute("INSERT INTO registration VALUES (1, 'k1', 'amazon', 'Amazon', 1, 201, '2021-01-25T09:00:00+09:00')")
    if start >= 3:
        conn.execute("INSERT INTO registration_count VALUES (1, 'amazon', 1, 1)")
    conn.commit()
    conn.close()
    async with await Database.open(str(path)) as db:
        assert await db.version() == LATEST
        stores = sqlite_stores(db)
        store, members = stores.reports, stores.members
        view = await store.campaign(1, "C-aaaa")
        assert view is not None
        assert view.first_seen == "2021-01-24T10:00:00.000000+00:00"
        assert view.last_seen == "2021-01-24T11:00:00.000000+00:00"
        assert view.reporters == {201}
        assert view.recipients == ("k1",)
        assert await members.claims_of(1, ["k1"]) == [Claim("k1", 201, "amazon", True, True)]
        assert await members.member_registrations(1, 201) == [MemberRegistration("x***@example.jp", "amazon", "Amazon", True)]
        assert await members.registration_counts(1) == RegistrationCounts(1, {"amazon": 1}, {})
        async with db.read() as conn2, conn2.execute("SELECT created_at, mail_time FROM report") as cur:
            assert await cur.fetchone() == ("2021-01-25T00:00:00.000000+00:00", "2021-01-24T10:00:00.000000+00:00")
        # a second member's copy of the migrated report is a second member
        again = await store.save_report(replace(new_report(7), input_sha256="h1", message_id_hash=None, member_id=202))
        assert again.duplicate
        assert again.new_reporter
        assert await store.campaign_counts(1, "C-aaaa") == CampaignCounts(1, 2)
