"""Sharing between servers: one server alone cannot put a domain on every other server's list. A
published domain counts for a receiving server only when ``NETWORK_MIN_SERVERS`` other servers
publish it, the servers an operator ignores count for nothing, and only names the listing rule
allows (never a shared platform or a brand's official domain) are taken from any store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.network import NetworkIndex
from bot.services.ports.guilds import FeatureChanges
from bot.settings import SettingsError, read_settings
from tests.shared_log import LogUnderTest, run_sql, shared_log_at

NOW = datetime(2021, 1, 25, tzinfo=UTC)
RECEIVER = 10


async def publish(log: LogUnderTest, guild: int, domain: str) -> None:
    """Two members of ``guild`` report phish on ``domain``; the guild publishes its blocklist."""
    for member in (1, 2):
        await log.submit(f"Subject: 三井住友カード\n\nログインしてください https://smbc.{domain}/login?m={guild}{member}"
                         .encode(), guild, guild * 100 + member, NOW)
    assert domain in await log.stores.reports.blocklist(guild)
    await log.stores.guilds.change_guild_features(guild, FeatureChanges(network_publish=True), NOW)


async def confirm(log: LogUnderTest, guild: int, domain: str) -> None:
    """A moderator's confirmation as the store holds it, whatever the use-case would refuse."""
    await run_sql(log.db, "INSERT INTO domain_decision (guild_id, domain, status, decided_at)"
                          " VALUES (?, ?, 'confirmed', ?)", (guild, domain, NOW.isoformat()))
    await log.stores.guilds.change_guild_features(guild, FeatureChanges(network_publish=True), NOW)


async def test_one_server_alone_lists_nothing_for_the_others(store_place: str) -> None:
    async with shared_log_at(store_place) as log:
        await publish(log, 1, "lone-phish.example")
        network = NetworkIndex(log.stores.reports, log.stores.guilds)
        await network.refresh()
        assert network.servers("lone-phish.example", RECEIVER) == 0
        assert "lone-phish.example" not in network.names(RECEIVER)
        await publish(log, 2, "lone-phish.example")  # a second, independent server reports it
        await network.refresh()
        assert network.servers("lone-phish.example", RECEIVER) == 2
        assert network.names(RECEIVER) == {"lone-phish.example": 2}
        assert network.servers("lone-phish.example", 1) == 0  # for server 1 only one *other* server reports it
        lenient = NetworkIndex(log.stores.reports, log.stores.guilds, min_servers=1)
        await lenient.refresh()
        assert lenient.servers("lone-phish.example", 1) == 1


async def test_ignored_servers_count_for_nothing(store_place: str) -> None:
    async with shared_log_at(store_place) as log:
        for guild in (1, 2, 3):
            await publish(log, guild, "crowd-phish.example")
        network = NetworkIndex(log.stores.reports, log.stores.guilds, ignored={2, 3})
        await network.refresh()
        assert network.servers("crowd-phish.example", RECEIVER) == 0
        network = NetworkIndex(log.stores.reports, log.stores.guilds, ignored={3})
        await network.refresh()
        assert network.servers("crowd-phish.example", RECEIVER) == 2


async def test_platforms_and_official_domains_are_never_shared(store_place: str) -> None:
    async with shared_log_at(store_place) as log:
        for guild in (1, 2, 3):
            for name in ("duckdns.org", "jotform.com", "amazon.co.jp", "foo.duckdns.org"):
                await confirm(log, guild, name)
        network = NetworkIndex(log.stores.reports, log.stores.guilds)
        await network.refresh()
        assert network.names(RECEIVER) == {"foo.duckdns.org": 3}


def test_settings_read_the_trust_model() -> None:
    settings = read_settings({"NETWORK_MIN_SERVERS": "3", "NETWORK_IGNORED_SERVERS": "123456789012345678, 42"}, None)
    assert settings.network.min_servers == 3 and settings.network.ignored == {123456789012345678, 42}
    assert read_settings({}, None).network.min_servers == 2
    with pytest.raises(SettingsError, match="not_ids") as refused:
        read_settings({"NETWORK_IGNORED_SERVERS": "42,evil.example"}, None)
    assert "evil.example" in refused.value.sentence("ja")
