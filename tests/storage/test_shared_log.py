"""The shared log's store through its ports (``services.ports.reports`` and ``members``): one
transaction per write, readers during writes, a locked database, and a crash in the middle of a
report."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime

import aiosqlite
import pytest

from bot.community.campaigns import CampaignKeys
from bot.community.leaks import Claim
from bot.services.ports.members import Forgotten, ServiceClaim, Vote
from bot.services.ports.reports import CampaignCounts, EntryDomain, EntryFinding, ReportEntry
from bot.services.ports.stores import Stores
from bot.storage.database import Database
from bot.storage.sqlite import sqlite_stores
from tests.shared_log import run_sql, stores_at

NOW = datetime(2021, 1, 25, tzinfo=UTC)


def new_report(n: int, link: str = "servicecc-jp.cc", guild: int = 1) -> ReportEntry:
    keys = CampaignKeys(frozenset({link}), "ntc-cs.com", "203.0.113.45", "smbc-card", "三井住友カード重要", NOW)
    return ReportEntry(
        guild_id=guild, member_id=100 + n, created_at=NOW, mail_time=NOW, verdict="phishing", score=90, brand="smbc-card",
        keys=keys, message_id_hash=f"m{n}", input_sha256=f"h{n}", recipient_key=f"k{n}", recipient_masked="x***@example.jp",
        findings=(EntryFinding("self_sent", "medium"),),
        domains=(EntryDomain(link, "link", True, 3), EntryDomain("ntc-cs.com", "envelope", True, 6913)),
        public_id=f"R-{n:010d}",
    )


def stores_of(db: Database) -> Stores:
    return sqlite_stores(db)


async def test_a_crash_in_the_middle_of_a_report_leaves_nothing(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    async with await Database.open(str(tmp_path / "s.db")) as db:
        store = stores_of(db).reports

        def crash(*args: object, **kw: object) -> str:
            raise RuntimeError("power cut after the campaign, before the report")

        with monkeypatch.context() as patched:
            patched.setattr("bot.storage.reports.findings_json", crash)
            with pytest.raises(RuntimeError):
                await store.save_report(new_report(1))
        for table in ("report", "campaign", "report_domain"):
            async with db.conn.execute(f"SELECT count(*) FROM {table}") as cur:
                assert (await cur.fetchone())[0] == 0, table  # type: ignore[index]
        assert not (await store.save_report(new_report(1))).duplicate  # and it can be written afterwards


async def test_a_write_refused_in_its_middle_leaves_nothing(store_place: str) -> None:
    """The report's row breaks a constraint (a verdict no report may have): its campaign, written
    before it, goes too (on PostgreSQL the whole write is one statement)."""
    from dataclasses import replace

    async with stores_at(store_place) as (stores, db):
        store = stores.reports
        bad = replace(new_report(1), verdict="bogus")
        with pytest.raises(Exception, match=r"(?i)check"):
            await store.save_report(bad)
        for table in ("report", "campaign", "report_domain", "report_reporter"):
            assert await run_sql(db, f"SELECT count(*) FROM {table}") == [(0,)], table
        assert not (await store.save_report(new_report(1))).duplicate  # and it can be written afterwards
        second = await store.save_report(new_report(2))  # joins the first's campaign
        assert await store.campaign_counts(1, second.campaign_id or "") == CampaignCounts(2, 2)


async def test_readers_are_not_blocked_by_a_writer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "s.db")
    async with await Database.open(path) as db:
        store = stores_of(db).reports
        await store.save_report(new_report(1))
        async with aiosqlite.connect(path) as reader:
            await db.conn.execute("BEGIN IMMEDIATE")  # a write in progress
            await db.conn.execute("UPDATE report SET score = 10")
            async with reader.execute("SELECT score FROM report") as cur:
                assert (await cur.fetchone())[0] == 90  # type: ignore[index]  # WAL: the committed state
            await db.conn.execute("COMMIT")
            async with reader.execute("SELECT score FROM report") as cur:
                assert (await cur.fetchone())[0] == 10  # type: ignore[index]


async def test_a_locked_database_is_an_error_not_a_hang(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "s.db")
    async with await Database.open(path) as db:
        await db.conn.execute("PRAGMA busy_timeout = 200")
        store = stores_of(db).reports
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                await asyncio.wait_for(store.save_report(new_report(1)), 10)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert not (await store.save_report(new_report(1))).duplicate


async def test_forget_and_votes(store_place: str) -> None:
    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        members = stores.members
        stored = await store.save_report(new_report(1))
        assert stored.campaign_id
        await members.register(1, 101, "k1", "x***@example.jp", [ServiceClaim("amazon", "Amazon", True)], NOW)
        assert await members.claims_of(1, ["k1"]) == [Claim("k1", 101, "amazon", True, True)]
        await members.vote(1, stored.campaign_id, 101, "rakuten", NOW)
        await members.vote(1, stored.campaign_id, 101, "amazon", NOW)
        assert await members.votes(1, stored.campaign_id) == [Vote(101, "amazon")]
        assert await members.votes(2, stored.campaign_id) == []  # another guild's
        forgotten = await members.forget(1, 101)
        assert forgotten == Forgotten(registration=1, registered_address=1, vote=1, reports_unlinked=1, report_texts=0)
        assert await members.claims_of(1, ["k1"]) == []
        assert await members.member_registrations(1, 101) == []
        view = await store.campaign(1, stored.campaign_id)
        assert view is not None
        assert view.reports == 1
        assert view.members == 0


@pytest.mark.parametrize(("verdict", "bad"), [("phishing", True), ("scam", True), ("malware", True),
                                               ("spam", False), ("suspicious", False), ("no_signs", False)])
async def test_known_bad_domains_come_from_phishing_scam_and_malware(store_place: str, verdict: str, bad: bool) -> None:
    from dataclasses import replace

    async with stores_at(store_place) as (stores, _db):
        store = stores.reports
        for n in (1, 2):  # two members: enough for the exported blocklist
            await store.save_report(replace(new_report(n, link="lure.example"), verdict=verdict))
        summary = await store.domain_summary(1, "lure.example")
        assert (summary.reports == 2) is bad
        assert ("lure.example" in await store.blocklist(1)) is bad
        counts = await store.report_counts(1)
        assert counts.verdicts == {verdict: 2}


async def test_a_batch_is_saved_in_order_as_one_transaction(store_place: str) -> None:
    from dataclasses import replace

    async with stores_at(store_place) as (stores, db):
        store = stores.reports
        saved = await store.save_reports([new_report(1), new_report(2), replace(new_report(1), member_id=999),
                                          new_report(3, link="elsewhere.example")])
        assert [s.duplicate for s in saved] == [False, False, True, False]
        assert saved[2].new_reporter and saved[2].public_id == saved[0].public_id  # a later copy is a reporter
        assert len({s.campaign_id for s in saved}) == 1  # later reports join the first's campaign
        assert (await store.domain_summary(1, "servicecc-jp.cc")).members == 3
        with pytest.raises(Exception, match=r"(?i)check"):
            await store.save_reports([new_report(4), replace(new_report(5), verdict="bogus")])
        assert await run_sql(db, "SELECT count(*) FROM report") == [(3,)]  # none of the failed batch
        assert await store.save_reports([]) == []


async def test_real_discord_ids_fit_every_write(store_place: str) -> None:
    """Discord ids are 64-bit (a guild's: 1150000000029360228): ids, locks and counts take them."""
    from dataclasses import replace

    guild, member = 1150000000029360228, 1150000000029360229
    async with stores_at(store_place) as (stores, _db):
        saved = await stores.reports.save_report(replace(new_report(1, guild=guild), member_id=member))
        again = await stores.reports.save_reports([replace(new_report(2, guild=guild), member_id=member + 1)])
        assert again[0].campaign_id == saved.campaign_id
        await stores.members.register(guild, member, "k1", "x***@example.jp", [ServiceClaim("amazon", "A", True)], NOW)
        await stores.members.vote(guild, saved.campaign_id or "", member, "amazon", NOW)
        assert (await stores.reports.domain_summary(guild, "servicecc-jp.cc")).members == 2
        assert (await stores.guilds.purge_guild(guild) or 0) > 0


async def test_a_vote_on_a_campaign_merged_away_meanwhile_is_no_campaign(store_place: str) -> None:
    """The campaign was shown, then merged into another before the vote is written: the vote is the
    'no such campaign' answer (CommunityError), not the store's foreign-key error, and writes nothing."""
    from bot.services.errors import CommunityError
    from tests.shared_log import shared_log_at
    from tests.web.conftest import SEED_EML

    async with shared_log_at(store_place) as log:
        done = await log.submit(SEED_EML, 1, 201, NOW)
        campaign = done.saved.campaign_id if done.saved else None
        assert campaign is not None
        members = log.community.members
        vote = members.vote

        async def merged_first(guild_id: int, campaign_id: str, member_id: int, service: str,
                               now: datetime) -> bool:
            # what a merge leaves: the campaign gone, its reports in another (here: in none)
            await run_sql(log.db, "UPDATE report SET campaign_id = NULL WHERE campaign_id = ?", (campaign_id,))
            await run_sql(log.db, "DELETE FROM campaign WHERE id = ?", (campaign_id,))
            return await vote(guild_id, campaign_id, member_id, service, now)

        members.vote = merged_first  # type: ignore[method-assign]
        with pytest.raises(CommunityError) as caught:
            await log.community.vote(1, 301, campaign, "amazon", NOW)
        assert caught.value.code == "no_campaign"
        assert await log.scalar("SELECT count(*) FROM vote") == 0
