"""Threat feeds in: a file imported by an admin, or the configured feeds fetched on a schedule.

Each item a feed lists becomes the name ``listing_domain`` gives its host (the PSL's private section
respected; never a brand's own domain or a shared platform), aggregated per name: first and last
listing, the label the feed gives, how many of its URLs. Fetching is passive and bounded (the
``FeedFetcher``: timeouts, size cap, conditional requests) and goes only to the configured URLs;
one process of a deployment fetches a feed at a time (a lease in the store).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.feeds.formats import FeedItem, parse
from bot.feeds.sources import SOURCES, FeedConfig
from bot.services.listing_unit import listing_domain
from bot.services.periodic import every
from bot.services.ports.feeds import FeedFetcher, FeedRecord, FeedState, FeedStore, FetchFailed

log = logging.getLogger(__name__)
LEASE_SECONDS = 900  # a fetch that dies without releasing its lease blocks others this long at most


@dataclass(frozen=True)
class FeedRun:
    """What one import or fetch did."""

    source: str
    status: str  # imported | ok | not_modified | busy (another process holds the lease) | an error code
    items: int = 0  # URLs or names read
    listed: int = 0  # distinct names in this batch
    new: int = 0  # names the source did not list before
    skipped: int = 0  # items with nothing listable (an IP, a platform's own name, a brand's domain)
    entries: int = 0  # names the source lists now, in all


@dataclass
class _Merged:
    first: datetime
    last: datetime
    label: str | None
    threat: str
    urls: int = 1


def records(items: Iterable[FeedItem], now: datetime) -> tuple[list[FeedRecord], int, int]:
    """(one record per listable name, items read, items skipped)."""
    merged: dict[str, _Merged] = {}
    read = skipped = 0
    for item in items:
        read += 1
        name = listing_domain(item.host)
        if name is None:
            skipped += 1
            continue
        when = item.listed_at or now
        entry = merged.get(name)
        if entry is None:
            merged[name] = _Merged(when, when, item.label, item.threat)
            continue
        entry.first = min(entry.first, when)
        entry.last = max(entry.last, when)
        entry.label = entry.label or item.label
        entry.urls += 1
    out = [FeedRecord(name, m.first, m.last, m.label, m.threat, m.urls) for name, m in merged.items()]
    return out, read, skipped


async def _records(format_name: str, data: bytes, now: datetime) -> tuple[list[FeedRecord], int, int]:
    """Parsed in a worker thread, whatever the size: a feed is text from a server we do not control,
    and the event loop serves everyone else meanwhile."""

    def work() -> tuple[list[FeedRecord], int, int]:
        return records(parse(format_name, data), now)

    return await asyncio.to_thread(work)


async def import_feed(store: FeedStore, source: str, format_name: str, data: bytes, now: datetime,
                      name: str | None = None) -> FeedRun:
    """A feed file an admin has (``phishbot feeds import``): merged into the source's listings. The
    validators of the source's scheduled fetch are kept (its next request stays conditional)."""
    found, read, skipped = await _records(format_name, data, now)
    new = await store.merge_feed(source, found) if found else 0
    entries = await store.count_feed(source)
    previous = {s.source: s for s in await store.feed_states()}.get(source)
    fetched = previous is not None and previous.url is not None and previous.url.startswith(("http://", "https://"))
    await store.save_feed_state(FeedState(
        source=source, url=previous.url if fetched and previous else name,
        etag=previous.etag if previous else None, last_modified=previous.last_modified if previous else None,
        checked_at=now, changed_at=now if found else None, status="imported", entries=entries,
    ))
    return FeedRun(source, "imported", read, len(found), new, skipped, entries)


class ThreatFeeds:
    """The threat feeds as an admin sees them: a file imported, each feed's state."""

    def __init__(self, store: FeedStore) -> None:
        self.store = store

    async def import_file(self, source: str, format_name: str, data: bytes, now: datetime,
                          name: str | None = None) -> FeedRun:
        return await import_feed(self.store, source, format_name, data, now, name)

    async def states(self) -> list[FeedState]:
        return await self.store.feed_states()


def month_urls(template: str, now: datetime) -> list[str]:
    """A URL with ``{year}``/``{month}``: this month's file, then last month's (its last days)."""
    if "{year}" not in template and "{month}" not in template:
        return [template]
    this = now.astimezone(UTC)
    last = this.replace(day=1) - timedelta(days=1)
    return [template.format(year=f"{d.year:04d}", month=f"{d.month:02d}") for d in (this, last)]


class FeedUpdater:
    """Fetches the configured feeds: now (``update_all``), or every ``interval`` seconds (``run``)."""

    def __init__(self, store: FeedStore, fetcher: FeedFetcher, feeds: tuple[FeedConfig, ...], interval: float,
                 clock: Callable[[], datetime], on_change: Callable[[], Awaitable[object]] | None = None,
                 holder: str | None = None, leading: Callable[[], bool] | None = None) -> None:
        self.store = store
        self.fetcher = fetcher
        self.feeds = feeds
        self.interval = interval
        self.clock = clock
        self.on_change = on_change
        self.holder = holder or f"{os.uname().nodename}:{os.getpid()}"
        self.leading = leading  # several processes over one store: only the leader fetches on schedule

    async def update(self, feed: FeedConfig, force: bool = False) -> FeedRun:
        """Fetches one feed. On schedule (``force`` False) a feed another process fetched within
        the interval is left alone (status ``recent``): a deployment of several processes fetches
        each feed once an interval. A fetch running elsewhere right now is ``busy``."""
        now = self.clock()
        previous = {s.source: s for s in await self.store.feed_states()}.get(feed.source) or FeedState(feed.source)
        if (not force and previous.status in ("ok", "not_modified") and previous.checked_at is not None
                and now - previous.checked_at < timedelta(seconds=self.interval * 0.9)):
            return FeedRun(feed.source, "recent", entries=previous.entries)
        if not await self.store.take_feed_lease(feed.source, self.holder, now, now + timedelta(seconds=LEASE_SECONDS)):
            return FeedRun(feed.source, "busy")
        try:
            return await self._fetch(feed, previous, now)
        finally:
            await self.store.release_feed_lease(feed.source, self.holder)

    async def _fetch(self, feed: FeedConfig, previous: FeedState, now: datetime) -> FeedRun:
        urls = month_urls(feed.url, now)
        if len(urls) > 1 and previous.url == urls[0]:
            urls = urls[:1]  # last month's file was read when this month's was first fetched
        status = "not_modified"
        total = FeedRun(feed.source, status)
        state = previous
        for i, url in enumerate(urls):
            same = previous.url == url
            answer = await self.fetcher.fetch(url, previous.etag if same else None,
                                              previous.last_modified if same else None)
            if isinstance(answer, FetchFailed):
                if i > 0:
                    break  # last month's file is a bonus
                status = answer.reason
                log.warning("feed %s: %s", feed.source, answer.reason)
                break
            if i == 0:
                state = FeedState(feed.source, url, answer.etag, answer.last_modified)
            if answer.body is None:
                continue
            found, read, skipped = await _records(SOURCES[feed.source].format, answer.body, now)
            new = await self.store.merge_feed(feed.source, found) if found else 0
            status = "ok"
            total = FeedRun(feed.source, status, total.items + read, total.listed + len(found), total.new + new,
                            total.skipped + skipped)
        entries = await self.store.count_feed(feed.source)
        await self.store.save_feed_state(FeedState(
            source=feed.source, url=state.url or previous.url, etag=state.etag, last_modified=state.last_modified,
            checked_at=now, changed_at=now if status == "ok" else None, status=status, entries=entries,
        ))
        if status == "ok" and self.on_change is not None:
            await self.on_change()
        return FeedRun(feed.source, status, total.items, total.listed, total.new, total.skipped, entries)

    async def update_all(self, force: bool = False) -> list[FeedRun]:
        return [await self.update(feed, force) for feed in self.feeds]

    async def run(self, stop: asyncio.Event) -> None:
        """Fetches every ``interval`` seconds until ``stop`` is set; a failure waits for the next round."""
        await every(self.interval, stop, self._scheduled, "feed update")

    async def _scheduled(self) -> list[FeedRun]:
        if self.leading is not None and not self.leading():
            return []  # the leading process fetches (each feed's own lease guards a fetch besides)
        return await self.update_all()
