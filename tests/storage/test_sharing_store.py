"""The SQLite side of issue 14's ports (guild features, web tokens, shared pages): typed rows in and
out, one transaction per write, nothing left behind when a guild is purged, and migration 0007 (web
and feeds) over a database that already holds reports."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.services.ports.guilds import FeatureChanges, GuildFeatures
from bot.services.ports.sharing import CampaignInfrastructure, Counted
from bot.storage.database import LATEST, Database, migrations
from tests.shared_log import run_sql, shared_log_at, stores_at
from tests.web.conftest import SEED_EML, seed_variant

NOW = datetime(2021, 1, 25, tzinfo=UTC)


async def test_features_change_only_what_is_given(store_place: str) -> None:
    async with stores_at(store_place) as (stores, db):
        store = stores.guilds
        assert await store.guild_features(7) == GuildFeatures(7)  # defaults, nothing written
        await store.change_guild_features(7, FeatureChanges(link_watch="hide", network_publish=True), NOW)
        after = await store.change_guild_features(7, FeatureChanges(feed_external=True), NOW)
        assert after == GuildFeatures(7, feed_external=True, link_watch="hide", network_publish=True)
        assert [f.guild_id for f in await store.watching_guilds()] == [7]
        assert await store.publishing_guilds() == [7]
        await run_sql(db, "INSERT INTO guild_settings (guild_id, left_at) VALUES (7, ?)", (NOW.isoformat(),))
        assert await store.publishing_guilds() == []  # a guild the bot left publishes nothing


async def test_tokens_are_replaced_and_revoked_as_one(store_place: str) -> None:
    async with stores_at(store_place) as (stores, _db):
        store = stores.sharing
        await store.replace_token(7, "feed", "a" * 64, "n1", NOW)
        await store.replace_token(7, "pages", "b" * 64, "n2", NOW)
        await store.replace_token(7, "feed", "c" * 64, "n3", NOW + timedelta(minutes=1))
        assert await store.token_guild("a" * 64, "feed") is None and await store.token_guild("c" * 64, "feed") == 7
        assert await store.token_guild("c" * 64, "pages") is None  # a token of another kind opens nothing
        active = await store.active_token(7, "feed")
        assert active is not None and active.nonce == "n3" and active.created_at == NOW + timedelta(minutes=1)
        await store.touch_token("c" * 64, NOW + timedelta(hours=2))
        assert (await store.active_token(7, "feed")).last_used == NOW + timedelta(hours=2)  # type: ignore[union-attr]
        assert await store.revoke_token(7, "feed", NOW) and not await store.revoke_token(7, "feed", NOW)
        assert await store.active_token(7, "feed") is None and await store.token_guild("b" * 64, "pages") == 7
        await store.share_campaign(7, "C-1234", True, NOW)
        await store.share_campaign(7, "C-1234", True, NOW)  # twice is once
        assert await store.shared_campaigns(7) == ["C-1234"] and await store.campaign_shared(7, "C-1234")
        await stores.guilds.change_guild_features(7, FeatureChanges(link_watch="reply"), NOW)
        assert await stores.guilds.purge_guild(7) == 5  # three tokens, one shared campaign, the features
        assert await store.shared_campaigns(7) == [] and await store.token_guild("b" * 64, "pages") is None
        assert await stores.guilds.guild_features(7) == GuildFeatures(7)


async def test_campaign_infrastructure(store_place: str) -> None:
    async with shared_log_at(store_place) as log:
        first = await log.submit(SEED_EML, 1, 201, NOW)
        await log.submit(seed_variant(2), 1, 202, NOW)
        infra = await log.stores.sharing.campaign_infrastructure(1, first.saved.campaign_id or "")
    assert isinstance(infra, CampaignInfrastructure)
    assert [(d.domain, d.reports) for d in infra.domains] == [("ntc-cs.com", 2), ("servicecc-jp.cc", 2)]
    assert infra.envelope_domains == (Counted("ntc-cs.com", 2),)
    assert infra.handoff_ips == (Counted("203.0.113.45", 1),)
    assert infra.verdicts == (Counted("phishing", 2),)


async def test_migration_0007_over_a_database_with_reports(tmp_path: Path) -> None:
    """A database at version 4 holding a report reaches the latest version and keeps it."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for m in migrations()[:4]:
        conn.executescript(m.sql)
        conn.execute(f"PRAGMA user_version = {m.version}")
    conn.execute("INSERT INTO campaign VALUES ('C-0001', 1, NULL, '2021-01-24', '2021-01-24')")
    conn.execute("INSERT INTO report (public_id, guild_id, member_id, created_at, mail_time, verdict, score, input_sha256,"
                 " findings, campaign_id) VALUES ('R-1', 1, 2, '2021-01-24', '2021-01-24', 'phishing', 90, 'x', '[]', 'C-0001')")
    conn.execute("INSERT INTO report_domain VALUES (1, 1, 'servicecc-jp.cc', 'link', 1, 3)")
    conn.commit()
    conn.close()
    async with await Database.open(str(path)) as db:
        assert await db.version() == LATEST >= 7
        async with db.conn.execute("SELECT name FROM sqlite_master WHERE name = 'report_domain_by_domain'") as cur:
            assert await cur.fetchone() is not None
        async with db.conn.execute("SELECT count(*) FROM report_domain WHERE domain = 'servicecc-jp.cc'") as cur:
            assert (await cur.fetchone())[0] == 1  # type: ignore[index]
        async with db.conn.execute("SELECT generation FROM feed_generation") as cur:
            assert (await cur.fetchone())[0] == 0  # type: ignore[index]
