"""A hostile feed server on loopback (tests/fakes/feeds.py): huge, a byte at a time, a gzip bomb,
JSON nested a hundred thousand deep. Each is answered within its bound — size (a byte cap while
streaming, decompressed or not), time (the whole download), depth (JSON) — and parsing and the
index reload happen off the event loop."""

from __future__ import annotations

import gzip
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from bot.analysis.json_depth import json_depth_within
from bot.analysis.models import Listing
from bot.feeds.fetch import FeedFetcherHTTP
from bot.feeds.formats import parse
from bot.feeds.sources import FeedConfig
from bot.services import feeds_in
from bot.services.feeds_in import FeedUpdater
from bot.services.listings import IndexKeeper, ListingIndex
from bot.services.ports.feeds import Fetched, FetchFailed
from bot.storage.database import Database
from bot.storage.feeds import FeedStoreSQLite
from tests.fakes.feeds import FeedServer, feed_server

NOW = datetime(2025, 10, 2, 12, 0, tzinfo=UTC)
PHISHTANK_JSON = (b'[{"phish_id": 1, "url": "https://login.nested-phish.example/x", "submission_time":'
                  b' "2025-10-01T00:00:00+00:00", "target": "Amazon", "details": [{"ip_address": "192.0.2.1"}]}]')


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[FeedStoreSQLite]:
    db = await Database.open(str(tmp_path / "feeds.db"))
    try:
        yield FeedStoreSQLite(db)
    finally:
        await db.close()


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with feed_server() as s:
        yield s


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_is_refused_not_a_recursion_error(depth: int) -> None:
    for opening, closing in (("[", "]"), ('{"a":', "}")):
        text = "[" + opening * depth + closing * depth + "]"
        assert not json_depth_within(text)
        assert list(parse("phishtank", text.encode())) == []
    assert [x.host for x in parse("phishtank", PHISHTANK_JSON)] == ["login.nested-phish.example"]


def test_brackets_inside_strings_do_not_hide_nesting() -> None:
    hidden = '[{"url": "' + "]" * 100 + '"}, ' + "[" * 60 + "]" * 60 + "]"
    assert not json_depth_within(hidden)
    assert json_depth_within('[{"url": "' + "[" * 100 + '\\"' + '"}]')


async def test_a_nested_feed_is_a_feed_without_entries(store: FeedStoreSQLite, server: FeedServer) -> None:
    server.files["/dump.json"] = b"[" * 200_000 + b"]" * 200_000
    async with aiohttp.ClientSession() as session:
        updater = FeedUpdater(store, FeedFetcherHTTP(session, 5.0, 1024 * 1024),
                              (FeedConfig("phishtank", server.url("/dump.json")),), 3600, lambda: NOW)
        [run] = await updater.update_all()
    assert (run.status, run.items, run.entries) == ("ok", 0, 0)


async def test_gzip_bomb_stops_at_the_cap(server: FeedServer) -> None:
    server.gzipped["/bomb.txt"] = gzip.compress(b"\0" * (64 * 1024 * 1024), 9)  # ~64 KB on the wire
    assert len(server.gzipped["/bomb.txt"]) < 256 * 1024
    async with aiohttp.ClientSession() as session:
        got = await FeedFetcherHTTP(session, 5.0, 1024 * 1024).fetch(server.url("/bomb.txt"), None, None)
    assert isinstance(got, FetchFailed) and got.reason == "too_big"


async def test_a_byte_at_a_time_is_cut_by_the_time_bound(server: FeedServer) -> None:
    server.drip["/drip.txt"] = 0.05  # always sending: no read timeout would ever fire
    async with aiohttp.ClientSession() as session:
        got = await FeedFetcherHTTP(session, 1.0, 1024 * 1024).fetch(server.url("/drip.txt"), None, None)
    assert isinstance(got, FetchFailed) and got.reason == "timeout"


async def test_a_huge_body_without_length_stops_at_the_cap(server: FeedServer) -> None:
    server.endless.add("/endless.txt")
    async with aiohttp.ClientSession() as session:
        got = await FeedFetcherHTTP(session, 5.0, 256 * 1024).fetch(server.url("/endless.txt"), None, None)
    assert isinstance(got, FetchFailed) and got.reason == "too_big"


class _Fetcher:
    def __init__(self, body: bytes) -> None:
        self.body = body

    async def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | FetchFailed:
        return Fetched(self.body, None, None)


async def test_parsing_and_reload_run_off_the_event_loop(store: FeedStoreSQLite,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    loop_thread = threading.get_ident()
    parsed_in: list[int] = []
    loaded_in: list[int] = []
    real_records = feeds_in.records
    real_load = ListingIndex.load

    def records(*args: object) -> object:
        parsed_in.append(threading.get_ident())
        return real_records(*args)  # type: ignore[arg-type]

    def load(self: ListingIndex, listings: list[Listing], generation: int) -> None:
        loaded_in.append(threading.get_ident())
        real_load(self, listings, generation)

    monkeypatch.setattr(feeds_in, "records", records)
    monkeypatch.setattr(ListingIndex, "load", load)
    small = b"https://a.small-feed-phish.example/x\n"  # a few bytes: still off the loop
    updater = FeedUpdater(store, _Fetcher(small), (FeedConfig("openphish", "http://127.0.0.1:9/feed"),), 3600,
                          lambda: NOW)
    [run] = await updater.update_all()
    assert run.status == "ok" and parsed_in and loop_thread not in parsed_in
    index = ListingIndex(365)
    assert await IndexKeeper(store, index).refresh()
    assert loaded_in and loop_thread not in loaded_in and len(index) == 1
