"""Threat-feed listings as facts for the analysis and for the views: in memory for the bot and the
web server (a lookup costs microseconds: a few dictionary probes, no suffix list), or from the store
for a one-off command. Listings are shown beside the community's counts, never counted with them.

A listing is *current* while the feed listed the name within ``FEED_LISTING_DAYS``: current ones
feed link watch, the blocklist feeds and a ``listed_link`` finding's full weight; older ones are
still shown, with their date.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.analysis.models import Listing
from bot.services.listing_unit import lookup_names
from bot.services.periodic import every
from bot.services.ports.feeds import FeedStore

log = logging.getLogger(__name__)


class FeedListings(Protocol):
    """Listings by host, each marked current or not (the analysis's facts)."""

    async def for_hosts(self, hosts: Collection[str], now: datetime) -> dict[str, tuple[Listing, ...]]: ...


def _cutoff(now: datetime, days: int) -> str:
    """In the stored form of listing times (UTC, seconds), so that the text compares as time."""
    when = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    return (when - timedelta(days=days)).astimezone(UTC).isoformat(timespec="seconds")


def _marked(found: Iterable[Listing], cutoff: str) -> tuple[Listing, ...]:
    """Current ones first, then by first listing."""
    marked = [replace(x, current=x.last_listed >= cutoff) for x in found]
    return tuple(sorted(marked, key=lambda x: (not x.current, x.first_listed, x.source)))


class ListingIndex:
    """Every listing in memory, by listed name. Loaded whole from the store, and again whenever the
    store's feed generation moves (an import, a fetch, another process's fetch)."""

    def __init__(self, listing_days: int) -> None:
        self.listing_days = listing_days
        self.generation = -1
        self._by_name: dict[str, tuple[Listing, ...]] = {}

    def load(self, listings: Iterable[Listing], generation: int) -> None:
        texts: dict[str, str] = {}  # one string object per distinct date, label and source
        by_name: dict[str, list[Listing]] = {}

        def shared(text: str) -> str:
            return texts.setdefault(text, text)

        for x in listings:
            by_name.setdefault(x.domain, []).append(Listing(
                source=shared(x.source), domain=x.domain, first_listed=shared(x.first_listed),
                last_listed=shared(x.last_listed), label=shared(x.label) if x.label else None, threat=shared(x.threat),
            ))
        self._by_name = {name: tuple(found) for name, found in by_name.items()}
        self.generation = generation

    def __len__(self) -> int:
        return len(self._by_name)

    def for_name(self, name: str, now: datetime) -> tuple[Listing, ...]:
        found = self._by_name.get(name)
        return _marked(found, _cutoff(now, self.listing_days)) if found else ()

    def for_host(self, host: str, now: datetime) -> tuple[Listing, ...]:
        for name in lookup_names(host):
            found = self._by_name.get(name)
            if found:
                return _marked(found, _cutoff(now, self.listing_days))
        return ()

    def current_for_host(self, host: str, now: datetime) -> tuple[Listing, ...]:
        return tuple(x for x in self.for_host(host, now) if x.current)

    def current(self, now: datetime) -> dict[str, tuple[Listing, ...]]:
        """Every name with a current listing (the blocklist feeds' share of the feeds)."""
        cutoff = _cutoff(now, self.listing_days)
        out: dict[str, tuple[Listing, ...]] = {}
        for name, found in self._by_name.items():
            if any(x.last_listed >= cutoff for x in found):
                out[name] = _marked(found, cutoff)
        return out

    async def for_hosts(self, hosts: Collection[str], now: datetime) -> dict[str, tuple[Listing, ...]]:
        return {host: found for host in set(hosts) if (found := self.for_host(host, now))}


class StoredListings:
    """Listings read from the store for each question (a command that runs once: loading the
    whole index would cost more than the few queries it asks)."""

    def __init__(self, store: FeedStore, listing_days: int) -> None:
        self.store = store
        self.listing_days = listing_days

    async def for_hosts(self, hosts: Collection[str], now: datetime) -> dict[str, tuple[Listing, ...]]:
        names = {host: lookup_names(host) for host in set(hosts)}
        found: dict[str, list[Listing]] = {}
        for x in await self.store.feed_listings({n for group in names.values() for n in group}):
            found.setdefault(x.domain, []).append(x)
        cutoff = _cutoff(now, self.listing_days)
        out: dict[str, tuple[Listing, ...]] = {}
        for host, group in names.items():
            for name in group:
                if name in found:
                    out[host] = _marked(found[name], cutoff)
                    break
        return out

    async def for_name(self, name: str, now: datetime) -> tuple[Listing, ...]:
        return _marked(await self.store.feed_listings([name]), _cutoff(now, self.listing_days))


class IndexKeeper:
    """Keeps a ``ListingIndex`` in step with the store: reloads when the feed generation moves
    (checked every ``every`` seconds, and at once after this process's own writes)."""

    def __init__(self, store: FeedStore, index: ListingIndex, every: float = 60.0) -> None:
        self.store = store
        self.index = index
        self.every = every
        self._lock = asyncio.Lock()

    async def refresh(self) -> bool:
        async with self._lock:
            generation = await self.store.feed_generation()
            if generation == self.index.generation:
                return False
            listings = await self.store.all_listings()
            # built in a worker thread (tens of thousands of names), swapped in at once: readers on the
            # loop see the old index or the new one, never a half-built one
            await asyncio.to_thread(self.index.load, listings, generation)
            log.info("threat-feed index: %d listed names (generation %d)", len(self.index), generation)
            return True

    async def run(self, stop: asyncio.Event) -> None:
        await every(self.every, stop, self.refresh, "threat-feed index refresh")


def listings_by_source(found: Iterable[Listing]) -> Mapping[str, Listing]:
    """One listing per source: the earliest, current ones before old ones."""
    out: dict[str, Listing] = {}
    for x in found:
        out.setdefault(x.source, x)
    return out
