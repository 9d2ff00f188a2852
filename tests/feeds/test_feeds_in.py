"""Feeds in: an import and a scheduled fetch against a fake feed server on loopback, into a real
SQLite store, and the in-memory index the analysis asks."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from bot.feeds.fetch import FeedFetcherHTTP
from bot.feeds.sources import FeedConfig
from bot.services.feeds_in import FeedUpdater, import_feed, month_urls
from bot.services.listings import IndexKeeper, ListingIndex, StoredListings
from bot.services.ports.feeds import FeedStore
from bot.storage.open import open_store
from tests.conftest import SHARED
from tests.fakes.feeds import FeedServer, feed_server

NOW = datetime(2025, 10, 2, 12, 0, tzinfo=UTC)
JPCERT = ("date,URL,description\n"
          "2025/10/01 10:00:00,https://smbc.example-phish.com/login,三井住友カード\n"
          "2025/10/01 11:00:00,https://www.smbc.example-phish.com/other,三井住友カード\n"
          "2025/09/20 09:00:00,https://foo.duckdns.org/x,Amazon\n"
          "2025/09/21 09:00:00,https://duckdns.org/,Amazon\n"
          "2025/09/22 09:00:00,https://www.smbc-card.com/,三井住友カード\n"
          "2025/09/23 09:00:00,https://198.51.100.7/x,国税庁\n").encode()


@pytest.fixture
async def store(store_place: str) -> AsyncIterator[FeedStore]:
    """The feeds of a fresh store (SQLite, then PostgreSQL)."""
    async with open_store(store_place) as stores:
        yield stores.feeds


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with feed_server() as s:
        yield s


async def test_import_aggregates_per_listed_name(store: FeedStore) -> None:
    run = await import_feed(store, "jpcert", "jpcert", JPCERT, NOW, "jpcert-202510.csv")
    assert (run.items, run.listed, run.new, run.skipped) == (6, 2, 2, 3)  # platform, brand and IP skipped
    listings = {x.domain: x for x in await store.all_listings()}
    assert set(listings) == {"example-phish.com", "foo.duckdns.org"}
    smbc = listings["example-phish.com"]
    assert smbc.first_listed.startswith("2025-10-01T01:00") and smbc.last_listed.startswith("2025-10-01T02:00")
    assert smbc.label == "三井住友カード"
    again = await import_feed(store, "jpcert", "jpcert", JPCERT, NOW, "jpcert-202510.csv")
    assert again.new == 0 and again.entries == 2  # importing twice adds nothing
    [state] = await store.feed_states()
    assert state.status == "imported" and state.entries == 2


async def test_index_and_stored_listings_agree(store: FeedStore) -> None:
    await import_feed(store, "jpcert", "jpcert", JPCERT, NOW)
    index = ListingIndex(listing_days=365)
    keeper = IndexKeeper(store, index)
    assert await keeper.refresh() and not await keeper.refresh()  # reloads only when the generation moves
    stored = StoredListings(store, 365)
    hosts = ["a.b.foo.duckdns.org", "login.smbc.example-phish.com", "duckdns.org", "example.com"]
    assert await index.for_hosts(hosts, NOW) == await stored.for_hosts(hosts, NOW)
    assert set(await index.for_hosts(hosts, NOW)) == {"a.b.foo.duckdns.org", "login.smbc.example-phish.com"}
    [found] = index.for_host("smbc.example-phish.com", NOW)
    assert found.current and found.source == "jpcert"
    later = NOW + timedelta(days=400)
    [old] = index.for_host("smbc.example-phish.com", later)
    assert not old.current  # still shown, no longer current
    assert index.current(later) == {}
    await import_feed(store, "local", "plain", b"new.example.net\n", NOW)
    assert await keeper.refresh() and "example.net" in index.current(NOW)


async def test_fetch_is_conditional_and_bounded(store: FeedStore, server: FeedServer) -> None:
    server.files["/feed.txt"] = b"https://a.example-phish.net/x\nhttps://b.example-phish.org/y\n"
    changes: list[int] = []

    async def changed() -> None:
        changes.append(1)

    async with aiohttp.ClientSession() as session:
        updater = FeedUpdater(store, FeedFetcherHTTP(session, 5.0, 1024 * 1024),
                              (FeedConfig("openphish", server.url("/feed.txt")),), 3600, lambda: NOW, changed)
        [first] = await updater.update_all()
        assert (first.status, first.listed, first.entries) == ("ok", 2, 2) and changes == [1]
        [second] = await updater.update_all(force=True)  # at once: an admin's `feeds fetch`
        assert second.status == "not_modified" and changes == [1]
        assert server.asked[1].if_none_match == server.etag("/feed.txt")
        assert server.asked[1].if_modified_since is not None
        server.files["/feed.txt"] += b"https://c.example-phish.jp/z\n"
        [third] = await updater.update_all(force=True)
        assert (third.status, third.new, third.entries) == ("ok", 1, 3)
    assert {a.path for a in server.asked} == {"/feed.txt"}  # only the configured URL, ever
    [state] = await store.feed_states()
    assert state.status == "ok" and state.etag == server.etag("/feed.txt")


async def test_fetch_failures_are_values(store: FeedStore, server: FeedServer) -> None:
    server.files["/big.txt"] = b"https://a.example-phish.net/x\n" * 10_000
    server.files["/gz.txt"] = b"https://gz.example-phish.net/x\n" * 10
    server.gzip_files.add("/gz.txt")
    server.slow["/slow.txt"] = 30
    server.status["/down.txt"] = 503
    server.endless.add("/endless.txt")
    async with aiohttp.ClientSession() as session:
        fetcher = FeedFetcherHTTP(session, 1.0, 64 * 1024)
        assert (await fetcher.fetch(server.url("/big.txt"), None, None)).reason == "too_big"  # type: ignore[union-attr]
        assert (await fetcher.fetch(server.url("/slow.txt"), None, None)).reason == "timeout"  # type: ignore[union-attr]
        assert (await fetcher.fetch(server.url("/down.txt"), None, None)).reason == "http_503"  # type: ignore[union-attr]
        assert (await fetcher.fetch(server.url("/missing"), None, None)).reason == "http_404"  # type: ignore[union-attr]
        assert (await fetcher.fetch(server.url("/endless.txt"), None, None)).reason == "too_big"  # type: ignore[union-attr]
        assert (await fetcher.fetch(server.url("/loop"), None, None)).reason == "redirects"  # type: ignore[union-attr]
        assert (await fetcher.fetch("http://127.0.0.1:9/none", None, None)).reason == "refused"  # type: ignore[union-attr]
        got = await fetcher.fetch(server.url("/gz.txt"), None, None)
        assert got.body == server.files["/gz.txt"]  # type: ignore[union-attr]
        # a failed feed keeps what it had, and says why
        updater = FeedUpdater(store, fetcher, (FeedConfig("openphish", server.url("/down.txt")),), 3600, lambda: NOW)
        [run] = await updater.update_all()
        assert run.status == "http_503"
        [state] = await store.feed_states()
        assert state.status == "http_503" and state.entries == 0


async def test_one_process_fetches_a_feed_once_an_interval(store: FeedStore, server: FeedServer) -> None:
    server.files["/feed.txt"] = b"https://a.example-phish.net/x\n"
    async with aiohttp.ClientSession() as session:
        fetcher = FeedFetcherHTTP(session, 5.0, 1024 * 1024)
        feeds = (FeedConfig("openphish", server.url("/feed.txt")),)
        one = FeedUpdater(store, fetcher, feeds, 3600, lambda: NOW, holder="one")
        two = FeedUpdater(store, fetcher, feeds, 3600, lambda: NOW, holder="two")
        assert [r.status for r in await one.update_all()] == ["ok"]
        assert [r.status for r in await two.update_all()] == ["recent"]  # fetched by another process just now
        assert [r.status for r in await two.update_all(force=True)] == ["not_modified"]  # an admin's fetch goes
        # a fetch running elsewhere right now: busy, whatever the schedule says
        assert await store.take_feed_lease("openphish", "three", NOW, NOW + timedelta(minutes=15))
        assert [r.status for r in await two.update_all(force=True)] == ["busy"]
        later = FeedUpdater(store, fetcher, feeds, 3600, lambda: NOW + timedelta(hours=1), holder="two")
        assert [r.status for r in await later.update_all()] == ["not_modified"]  # the interval and the lease ran out
    assert len(server.asked) == 3


async def test_jpcert_month_files(store: FeedStore, server: FeedServer) -> None:
    assert month_urls("http://x/{year}/{year}{month}.csv", datetime(2025, 1, 3, tzinfo=UTC)) == [
        "http://x/2025/202501.csv", "http://x/2024/202412.csv"]
    server.files["/2025/202510.csv"] = JPCERT
    server.files["/2025/202509.csv"] = b"date,URL,description\n2025/09/30 10:00:00,https://sept.example-other.com/,Apple\n"
    async with aiohttp.ClientSession() as session:
        updater = FeedUpdater(store, FeedFetcherHTTP(session, 5.0, 1024 * 1024),
                              (FeedConfig("jpcert", server.url("/{year}/{year}{month}.csv")),), 3600, lambda: NOW)
        [run] = await updater.update_all()
        assert run.status == "ok" and run.entries == 3  # this month's file and the end of last month's
        await updater.update_all(force=True)
    assert [a.path for a in server.asked] == ["/2025/202510.csv", "/2025/202509.csv", "/2025/202510.csv"]


async def test_import_of_a_year_of_jpcert(store: FeedStore) -> None:
    files = sorted((SHARED / "corpus-dev" / "urls").glob("jpcert-2024*.csv"))
    if not files:
        pytest.skip("../shared/corpus-dev/urls is not beside this checkout")
    total = 0
    for f in files:
        run = await import_feed(store, "jpcert", "jpcert", f.read_bytes(), NOW, f.name)
        total += run.items
    assert total > 50_000 and run.entries > 20_000
    names = {x.domain for x in await store.all_listings()}
    assert "duckdns.org" not in names and not any(n.endswith(".smbc-card.com") for n in names)
    await asyncio.sleep(0)


async def test_a_redirect_leaves_the_feeds_host_only_for_a_public_one(server: FeedServer) -> None:
    """The operator chose the feed's host, not where it sends us: a redirect to another host that
    is internal (a loopback name, a private or link-local address, the cloud metadata address) or
    to another scheme is not followed; one within the feed's own host is."""
    server.files["/feed.txt"] = b"https://a.example-phish.net/x\n"
    port = server.base.rsplit(":", 1)[1]
    server.redirects.update({
        "/moved": "/feed.txt",  # the same host: followed
        "/to-localhost": f"http://localhost:{port}/feed.txt",  # another name for this machine
        "/to-other-loopback": f"http://127.0.0.2:{port}/feed.txt",
        "/to-private": "http://10.0.0.1/feed.txt",
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-v6-loopback": f"http://[::1]:{port}/feed.txt",
        "/to-file": "file:///etc/passwd",
    })
    async with aiohttp.ClientSession() as session:
        fetcher = FeedFetcherHTTP(session, 5.0, 1024 * 1024)
        moved = await fetcher.fetch(server.url("/moved"), None, None)
        assert moved.body == server.files["/feed.txt"]  # type: ignore[union-attr]
        for path in ("/to-localhost", "/to-other-loopback", "/to-private", "/to-metadata", "/to-v6-loopback",
                     "/to-file"):
            got = await fetcher.fetch(server.url(path), None, None)
            assert got.reason == "redirect_refused", path  # type: ignore[union-attr]
    assert [a.path for a in server.asked].count("/feed.txt") == 1  # never asked through another host


async def test_https_never_redirects_to_http() -> None:
    from yarl import URL

    may = FeedFetcherHTTP._may_follow  # the policy alone (no TLS server here)
    assert not await may(URL("https://feeds.example.com/a"), URL("http://feeds.example.com/a"), "feeds.example.com")
    assert await may(URL("http://feeds.example.com/a"), URL("https://feeds.example.com/a"), "feeds.example.com")
    assert not await may(URL("https://feeds.example.com/a"), URL("ftp://feeds.example.com/a"), "feeds.example.com")
