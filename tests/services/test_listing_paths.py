"""Every path that lists a domain reads hosts one way (UTS #46 through the ``idna`` package) and
applies the listing rule (issue 10 item 8: a platform's customer unit, never the platform; never an
official domain; never a name IDNA 2008 refuses): threat feeds in, the blocklist feed out, link
watch, and sharing between servers (tests/services/test_network.py) — whatever the store holds."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.analysis.domains import to_ascii_host, valid_host_name
from bot.analysis.links import make_link
from bot.analysis.models import Listing
from bot.feeds.formats import parse
from bot.services.blocklist_feed import BlocklistFeeds
from bot.services.feeds_in import import_feed
from bot.services.link_watch import LinkWatch
from bot.services.listing_unit import listing_domain
from bot.services.listings import ListingIndex
from bot.services.ports.guilds import FeatureChanges
from tests.shared_log import LogUnderTest, run_sql, shared_log_at

NOW = datetime(2025, 10, 2, tzinfo=UTC)
GUILD = 5
# one host, written as mail, feeds and members write it: one key
ONE_HOST = ("faß.example", "FAẞ.example", "ｆａß．example", "ＦＡß。example", "xn--fa-hia.example", "fa\u00df.example.")
NOT_IDNA_2008 = ("☃.example", "exa\u200dmple.example", "xn--n3h.example", "xn--example-j06c.example")


@pytest.mark.parametrize("written", ONE_HOST)
def test_one_host_is_one_key_on_every_path(written: str) -> None:
    key = "xn--fa-hia.example"
    assert to_ascii_host(written) == key
    link = make_link(f"https://{written}/login", "text")
    assert link is not None and link.host == key
    assert [x.host for x in parse("openphish", f"https://{written}/login\n".encode())] == [key]
    assert [x.host for x in parse("plain", f"{written}\n0.0.0.0 {written}\n".encode())] == [key, key]
    assert listing_domain(key) == key


def test_uts46_is_not_idna_2003() -> None:
    assert to_ascii_host("faß.example") != to_ascii_host("fass.example")  # IDNA 2003 would fold ß to ss
    assert to_ascii_host("οδος.example") == "xn--pxavbm.example"  # ς stays ς
    assert to_ascii_host("ΟΔΟΣ.example") == to_ascii_host("οδοσ.example")  # upper-case Σ is σ everywhere
    assert to_ascii_host("⒈x.example") is None  # disallowed outright: not "1.x.example", another host


@pytest.mark.parametrize("written", NOT_IDNA_2008)
def test_a_name_idna_2008_refuses_is_read_but_never_listed(written: str) -> None:
    host = to_ascii_host(written)
    assert host is not None and not valid_host_name(host) and listing_domain(host) is None
    assert list(parse("plain", f"{written}\n".encode())) != []  # read (the analysis sees it) …
    assert not valid_host_name(next(iter(parse("plain", f"{written}\n".encode()))).host)  # … never listed


async def legacy_rows(log: LogUnderTest, names: tuple[str, ...]) -> None:
    """Confirmations as an older store holds them (before the listing rule, or written around it)."""
    for name in names:
        await run_sql(log.db, "INSERT INTO domain_decision (guild_id, domain, status, decided_at)"
                              " VALUES (?, ?, 'confirmed', ?)", (GUILD, name, NOW.isoformat()))


LEGACY = ("duckdns.org", "jotform.com", "amazon.co.jp", "xn--n3h.example", "xn--example-j06c.example",
          "foo.duckdns.org", "legit-listing.example")


async def test_the_blocklist_feed_applies_the_rule_to_every_source(store_place: str) -> None:
    async with shared_log_at(store_place) as log:
        await legacy_rows(log, LEGACY)
        index = ListingIndex(365)
        index.load(await _feed_listings(log), 1)
        await log.stores.guilds.change_guild_features(GUILD, FeatureChanges(feed_external=True), NOW)
        feeds = BlocklistFeeds(log.stores.reports, log.stores.guilds, index, None, lambda: NOW, time.monotonic)
        names = [e.domain for e in (await feeds.snapshot(GUILD)).entries]
        assert names == ["bar.duckdns.org", "foo.duckdns.org", "legit-listing.example"]


async def _feed_listings(log: LogUnderTest) -> list[Listing]:
    feed = "\n".join(("https://bar.duckdns.org/x", "https://☃.example/", "https://duckdns.org/",
                      "https://www.amazon.co.jp/", "https://ｆｏｏ.duckdns.org/y")).encode()
    await import_feed(log.stores.feeds, "openphish", "openphish", feed, NOW)
    found = await log.stores.feeds.all_listings()
    assert {x.domain for x in found} == {"bar.duckdns.org", "foo.duckdns.org"}  # feeds in: the rule at import
    # rows an older rule let in, straight into the index
    return [*found, replace(found[0], domain="jotform.com"), replace(found[0], domain="xn--n3h.example")]


async def test_link_watch_never_flags_a_platform_for_a_legacy_row(store_place: str) -> None:
    async with shared_log_at(store_place) as log:
        await legacy_rows(log, LEGACY)
        watch = LinkWatch(log.stores.reports, log.stores.guilds, None, None, lambda: NOW, time.monotonic)
        assert await watch.blocklist(GUILD) == {"foo.duckdns.org", "legit-listing.example"}
        hit = await watch.check(GUILD, "見て https://foo.duckdns.org/login", receive_network=False)
        assert hit is not None and hit.domain == "foo.duckdns.org"
        for innocent in ("https://bar.duckdns.org/", "https://form.jotform.com/123", "https://www.amazon.co.jp/dp/1",
                         "https://☃.example/"):
            found = await watch.check(GUILD, f"見て {innocent}", receive_network=False)
            assert found is None or found.judged is not None, innocent  # never "on the blocklist"
