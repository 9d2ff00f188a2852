"""Threat feeds in (SPEC §6): the names each feed lists, aggregated per name, the state of each
feed's last fetch, a lease so that one process fetches at a time, and the fetcher itself. Listings
are kept apart from the shared log and never counted with it. Times are UTC ``datetime``s in the
values, and text in ``ports.times.utc_seconds`` form inside ``Listing`` (``first_listed``,
``last_listed``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.analysis.models import Listing


@dataclass(frozen=True)
class FeedRecord:
    """One name a feed lists, aggregated over the feed's URLs on it (bot/services/feeds_in.py)."""

    domain: str  # the listed name (services/listing_unit.listing_domain): never a platform or a brand's own
    first_listed: datetime  # UTC
    last_listed: datetime  # UTC
    label: str | None  # what it imitates, as the feed says
    threat: str  # phishing | malware
    urls: int = 1


@dataclass(frozen=True)
class FeedState:
    """What the last fetch or import of one feed found, and the validators for the next request."""

    source: str
    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: datetime | None = None
    changed_at: datetime | None = None
    status: str = "never"  # ok | not_modified | imported | an error code (timeout, too_big, http_404, …)
    entries: int = 0  # names the source lists now (all of them, not only the last batch's)


class FeedStore(Protocol):
    """The threat feeds' listings, apart from the shared log (bot/storage/feed_store.py: SQLite)."""

    async def merge_feed(self, source: str, records: Sequence[FeedRecord]) -> int:
        """Adds or refreshes listings in one transaction (first_listed keeps its earliest value,
        last_listed its latest, the label its first non-empty one); returns how many names were new
        to the source. Bumps the feed generation."""
        ...

    async def feed_listings(self, domains: Collection[str]) -> list[Listing]:
        """Every listing of these exact names, all sources, all dates (``current`` left True: the
        caller judges recency)."""
        ...

    async def all_listings(self) -> list[Listing]:
        """Every listing (the in-memory index is built from it)."""
        ...

    async def feed_generation(self) -> int:
        """A number that moves on every write to the listings (other processes reload on a move)."""
        ...

    async def feed_states(self) -> list[FeedState]:
        """Every source with a state or with listings (a source only imported reads as
        ``status="imported"``), by source; ``entries`` counted now."""
        ...

    async def save_feed_state(self, state: FeedState) -> None:
        """Replaces the source's state, except that a ``changed_at`` of None keeps the old one."""
        ...

    async def count_feed(self, source: str) -> int:
        """How many names the source lists."""
        ...

    async def take_feed_lease(self, source: str, holder: str, now: datetime, until: datetime) -> bool:
        """True when ``holder`` may fetch ``source`` now (no other holder's lease is running)."""
        ...

    async def release_feed_lease(self, source: str, holder: str) -> None:
        """Ends ``holder``'s lease (another holder's is left alone)."""
        ...


@dataclass(frozen=True)
class Fetched:
    """A feed's answer: its body (``None`` when the server said it had not changed: 304)."""

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchFailed:
    """An expected failure of a feed download, as a value: timeout, refused, too_big, http_503, …"""

    reason: str


class FeedFetcher(Protocol):
    """Downloads one configured feed URL, passively and bounded (bot/feeds/fetch.py)."""

    async def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | FetchFailed: ...
