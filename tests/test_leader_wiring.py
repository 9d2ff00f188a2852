"""Which processes compete for the ``leader`` lease (issue 15, review of the shards): only those that
do its work. ``phishbot serve`` never runs the housekeeping, so if it held the lease nobody would
purge; it competes for the feed fetches' lease (``feeds``) instead."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.feeds.sources import FeedConfig
from bot.services.leader import FEEDS, LEADER
from bot.settings import AppSettings, FeedSettings, LookupSettings, WebSettings
from bot.wiring import long_running


def settings_at(tmp_path: Path) -> AppSettings:
    feeds = FeedSettings(sources=(FeedConfig(source="openphish", url="http://127.0.0.1:9/feed.txt"),))
    return AppSettings(db=str(tmp_path / "phishbot.db"), lookups=LookupSettings(enabled=False),
                       address_hash_key="test-key-0123456789", feeds=feeds,
                       web=WebSettings(host="127.0.0.1", port=0))


async def test_serve_started_first_does_not_keep_the_bot_from_purging(tmp_path: Path) -> None:
    settings = settings_at(tmp_path)
    left = 5 << 22
    async with long_running(settings, ready=lambda: True) as serve:  # phishbot serve: first to start
        assert serve.leader is None
        assert serve.feeds_leader is not None and serve.feeds_leader.leading  # it fetches the feeds
        now = datetime.now(UTC)
        await serve.stores.guilds.mark_left(left, now - timedelta(days=40))
        async with long_running(settings, ready=lambda: True, housekeeper=True) as bot:
            assert bot.leader is not None and bot.leader.leading
            assert bot.leader.name == LEADER
            assert bot.feeds_leader is not None and bot.feeds_leader.name == FEEDS
            assert not bot.feeds_leader.leading  # serve holds that one: the feeds are fetched once
            assert await bot.log.guilds.housekeeping(now, lambda _: False) == 1
            assert await bot.stores.guilds.guilds_left_before(now) == []
        assert await serve.log.guilds.housekeeping(now, lambda _: False) is None  # serve never purges
