"""The composition root: the only module that knows every concrete class."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import aiohttp

from bot.lookups.bootstrap import load_bootstrap
from bot.lookups.intel import USER_AGENT, RegistryIntel
from bot.settings import AppSettings
from bot.storage.database import Database
from bot.storage.registration_cache import RegistrationCache

if TYPE_CHECKING:
    from bot.metrics import Metrics
    from bot.services.analyse_mail import Analyser
    from bot.services.blocklist_feed import BlocklistFeeds
    from bot.services.community import Community
    from bot.services.feeds_in import FeedUpdater
    from bot.services.link_watch import LinkWatch
    from bot.services.listings import IndexKeeper, ListingIndex, StoredListings
    from bot.services.network import NetworkIndex
    from bot.services.other_sources import OtherSources
    from bot.services.protocols import FeedFetcher, Fetched, FetchFailed
    from bot.services.web_tokens import WebTokens
    from bot.storage.feed_store import FeedStoreSQLite
    from bot.storage.shared_log import SharedLogStore
    from bot.storage.sharing_store import SharingStoreSQLite
    from bot.web.app import WebServer

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def registry_intel(settings: AppSettings, shared: Database | None = None) -> AsyncIterator[RegistryIntel]:
    """RDAP/WHOIS lookups with the cache in the database — ``shared``, the process's one connection
    when the caller has it open. A database that cannot be opened costs the cache, not the lookups."""
    db: Database | None = shared
    if db is None:
        try:
            db = await Database.open(settings.db_path)
        except Exception as exc:  # noqa: BLE001 - read-only folder, locked or broken file: go on uncached
            log.warning("the lookup cache is unavailable (%s): looking up without it", type(exc).__name__)
    cache_dir = os.path.dirname(os.path.abspath(settings.db_path)) if db is not None else None
    try:
        connector = aiohttp.TCPConnector(limit=settings.lookups.concurrency)
        async with aiohttp.ClientSession(connector=connector, headers={"User-Agent": USER_AGENT}) as session:
            intel = RegistryIntel(
                settings.lookups,
                load_bootstrap(settings.lookups.rdap_base_url, cache_dir),
                RegistrationCache(db) if db is not None else None,
                session,
            )
            refresh = asyncio.get_running_loop().create_task(intel.refresh_bootstrap())
            try:
                yield intel
            finally:
                if not refresh.done():
                    refresh.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await refresh
    finally:
        if db is not None and db is not shared:
            await db.close()


@contextlib.asynccontextmanager
async def analysis_workers(
    settings: AppSettings, initializer: Callable[[], None] | None = None,
) -> AsyncIterator[Analyser]:
    """The bot's analyser: worker processes (``ANALYSIS_WORKERS``); if they cannot be started, a
    worker thread, said loudly in the log (the event loop stays free, but a runaway mail can then
    only be stopped by the core's own time checks)."""
    from bot.services.analyse_mail import ThreadAnalyser
    from bot.services.analysis_pool import ProcessAnalyser

    pool = ProcessAnalyser(settings.discord.analysis_workers, initializer=initializer)
    analyser: Analyser = pool
    try:
        await pool.start()
    except (OSError, ValueError, RuntimeError) as exc:
        log.error("analysis worker processes could not be started (%s): analysing in a thread", exc)
        await pool.close()
        analyser = ThreadAnalyser()
    try:
        yield analyser
    finally:
        await analyser.close()


@contextlib.asynccontextmanager
async def community(settings: AppSettings, analyser: Analyser | None = None) -> AsyncIterator[tuple[Community, SharedLogStore]]:
    """The shared log's use-cases over the database (created and migrated on first use)."""
    from bot.services.community import Community
    from bot.storage.secret_key import address_hash_key
    from bot.storage.shared_log import SharedLogStore

    db = await Database.open(settings.db_path)
    try:
        store = SharedLogStore(db)
        yield Community(store, address_hash_key(settings.db_path, settings.address_hash_key), analyser), store
    finally:
        await db.close()


@contextlib.asynccontextmanager
async def open_services(
    settings: AppSettings, analyser: Analyser | None = None,
) -> AsyncIterator[tuple[Community, SharedLogStore, RegistryIntel | None]]:
    """The bot's use-cases: the shared log and, when lookups are on, the registries, over one
    database connection (the lookup cache shares it); mails are read by ``analyser``."""
    async with community(settings, analyser) as (comm, store):
        if not settings.lookups.enabled:
            yield comm, store, None
            return
        async with registry_intel(settings, store.db) as intel:
            yield comm, store, intel


@dataclass
class Outreach:
    """Beyond the report channel: the threat feeds, the network of servers, link watch, the web
    tokens and blocklist feeds, the metrics — over the process's one database connection."""

    settings: AppSettings
    metrics: Metrics
    feed_store: FeedStoreSQLite
    sharing: SharingStoreSQLite
    index: ListingIndex
    keeper: IndexKeeper
    network: NetworkIndex
    tokens: WebTokens
    blocklist: BlocklistFeeds
    watch: LinkWatch
    web: WebServer | None = None
    updater: FeedUpdater | None = None

    async def guild_changed(self, guild_id: int) -> None:
        """A guild changed what it shares: its feeds, the network and link watch follow at once."""
        self.blocklist.forget(guild_id)
        self.watch.forget(guild_id)
        await self.network.refresh()


def _utcnow() -> datetime:
    return datetime.now(UTC)


@contextlib.asynccontextmanager
async def outreach(settings: AppSettings, comm: Community, store: SharedLogStore, ready: Callable[[], bool],
                   metrics: Metrics | None = None) -> AsyncIterator[Outreach]:
    """Opens what lies beyond the report channel and runs its background work (the feed schedule,
    the index and network refreshes, the event-loop lag probe) and, when ``WEB_ENABLED``, the web
    server; all of it stops when the block ends."""
    from bot.feeds.fetch import FeedFetcherHTTP
    from bot.metrics import Metrics
    from bot.services.blocklist_feed import BlocklistFeeds
    from bot.services.feeds_in import FeedUpdater
    from bot.services.link_watch import LinkWatch
    from bot.services.listings import IndexKeeper, ListingIndex
    from bot.services.network import NetworkIndex
    from bot.services.web_tokens import WebTokens
    from bot.storage.feed_store import FeedStoreSQLite
    from bot.storage.sharing_store import SharingStoreSQLite
    from bot.web.app import WebDeps, WebServer

    metrics = metrics or Metrics()
    db = store.db
    db.on_write = metrics.db_write_seconds.observe
    feed_store = FeedStoreSQLite(db)
    sharing = SharingStoreSQLite(db)
    index = ListingIndex(settings.feeds.listing_days)
    keeper = IndexKeeper(feed_store, index)
    await keeper.refresh()
    network = NetworkIndex(store, sharing)
    await network.refresh()
    out = Outreach(
        settings=settings, metrics=metrics, feed_store=feed_store, sharing=sharing, index=index, keeper=keeper,
        network=network, tokens=WebTokens(sharing, comm.key),
        blocklist=BlocklistFeeds(store, sharing, index, network, _utcnow, time.monotonic),
        watch=LinkWatch(store, index, network, _utcnow, time.monotonic, analyser=comm.analyser),
    )
    metrics.gauge_from(metrics.feed_names, lambda: len(index))
    metrics.gauge_from(metrics.ready, lambda: 1.0 if ready() else 0.0)
    stop = asyncio.Event()
    async with contextlib.AsyncExitStack() as stack:
        work = [keeper.run(stop), network.run(stop), metrics.watch_loop_lag(stop)]
        if settings.feeds.sources:
            session = await stack.enter_async_context(aiohttp.ClientSession())
            fetcher = FeedFetcherHTTP(session, settings.feeds.timeout, settings.feeds.max_bytes)

            async def changed() -> None:
                await keeper.refresh()

            out.updater = FeedUpdater(feed_store, _MeteredFetcher(fetcher, metrics), settings.feeds.sources,
                                      settings.feeds.interval, _utcnow, changed)
            work.append(out.updater.run(stop))
        tasks = [asyncio.ensure_future(w) for w in work]
        try:
            if settings.web.enabled:
                async def healthy() -> bool:
                    async with db.read() as conn, conn.execute("SELECT 1") as cur:
                        return await cur.fetchone() is not None

                async def guild_language(guild_id: int) -> str | None:
                    language = (await store.guild_settings(guild_id))["language"]
                    return str(language) if language else None

                out.web = WebServer(WebDeps(
                    settings=settings, metrics=metrics, tokens=out.tokens, feeds_out=out.blocklist, sharing=sharing,
                    community=comm, listings=index, clock=_utcnow, healthy=healthy, ready=ready,
                    guild_language=guild_language, chart_svg=campaign_chart_svg(comm),
                ))
                await out.web.start()
            yield out
        finally:
            stop.set()
            if out.web is not None:
                await out.web.stop()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(task, 10)


class _MeteredFetcher:
    """The feed fetcher, counted (``phishbot_feed_fetches``)."""

    def __init__(self, inner: FeedFetcher, metrics: Metrics) -> None:
        self.inner = inner
        self.metrics = metrics

    async def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | FetchFailed:
        from bot.services.protocols import FetchFailed

        answer = await self.inner.fetch(url, etag, last_modified)
        status = answer.reason if isinstance(answer, FetchFailed) else ("ok" if answer.body is not None else "not_modified")
        self.metrics.feed_fetches.labels(_feed_of(url), status).inc()
        return answer


def _feed_of(url: str) -> str:
    """A feed URL's host, as the metric's label (never its path or query: a key may be in them)."""
    return url.split("://", 1)[-1].split("/", 1)[0].rpartition("@")[2][:64]


@contextlib.asynccontextmanager
async def lookups_and_listings(settings: AppSettings) -> AsyncIterator[tuple[RegistryIntel, StoredListings | None]]:
    """For a one-off command: the registries (their cache in the database) and the threat feeds'
    listings read from the same database; a database that cannot be opened costs both the cache and
    the listings, never the analysis."""
    from bot.services.listings import StoredListings
    from bot.storage.feed_store import FeedStoreSQLite

    db: Database | None = None
    try:
        db = await Database.open(settings.db_path)
    except Exception as exc:  # noqa: BLE001 - read-only folder, locked or broken file: go on without it
        log.warning("the database is unavailable (%s): no cache, no threat feeds", type(exc).__name__)
    try:
        async with registry_intel(settings, db) as intel:
            yield intel, StoredListings(FeedStoreSQLite(db), settings.feeds.listing_days) if db is not None else None
    finally:
        if db is not None:
            await db.close()


async def listings_of(settings: AppSettings, query: str, domain: str, store: SharedLogStore | None, now: datetime,
                      guild_id: int | None = None) -> OtherSources:
    """What the threat feeds (and, for a guild that receives the network, the other servers) say
    about a domain, for a one-off command: from ``store``'s database, or from the database file
    when it exists (nothing is created for a question)."""
    from bot.services.listings import StoredListings
    from bot.services.network import NetworkIndex
    from bot.services.other_sources import OtherSources, other_sources, query_host
    from bot.storage.feed_store import FeedStoreSQLite
    from bot.storage.sharing_store import SharingStoreSQLite

    host = query_host(query) or domain
    db = store.db if store is not None else None
    opened = None
    if db is None:
        try:
            db = opened = await Database.open(settings.db_path, create=False)
        except Exception:  # noqa: BLE001 - no database yet (or an unusable one): nothing is listed
            return OtherSources(host, (), None)
    try:
        listings = StoredListings(FeedStoreSQLite(db), settings.feeds.listing_days)
        network = sharing = None
        if store is not None and guild_id is not None:
            sharing = SharingStoreSQLite(db)
            network = NetworkIndex(store, sharing)
            await network.refresh()
        return await other_sources(host, guild_id, now, listings, network, sharing)
    finally:
        if opened is not None:
            await opened.close()


@contextlib.asynccontextmanager
async def feed_updater(settings: AppSettings, feed_store: FeedStoreSQLite) -> AsyncIterator[FeedUpdater]:
    """The configured feeds' fetcher for a one-off ``phishbot feeds fetch``."""
    from bot.feeds.fetch import FeedFetcherHTTP
    from bot.services.feeds_in import FeedUpdater

    feeds = settings.feeds
    async with aiohttp.ClientSession() as session:
        yield FeedUpdater(feed_store, FeedFetcherHTTP(session, feeds.timeout, feeds.max_bytes), feeds.sources,
                          feeds.interval, _utcnow)


def campaign_chart_svg(comm: Community) -> Callable[[int, dict[str, Any], str], Awaitable[str | None]]:
    """The campaign page's chart (bot.charts, SVG): drawn in a worker thread (matplotlib never runs
    on the event loop, and is imported on the first page that shows a chart), kept a minute per
    campaign and language, and drawn anew as soon as its numbers change."""
    import hashlib
    import json

    drawn: dict[tuple[int, str, str], tuple[float, str, str]] = {}  # -> (when, digest of the numbers, svg)

    async def chart(guild_id: int, view: dict[str, Any], lang: str) -> str | None:
        from bot.charts import campaign_svg

        timeline = await comm.campaign_timeline(guild_id, view["id"])
        digest = hashlib.sha256(json.dumps([view, timeline], sort_keys=True, default=str).encode()).hexdigest()
        key = (guild_id, str(view["id"]), lang)
        kept = drawn.get(key)
        if kept is not None and kept[1] == digest and time.monotonic() - kept[0] < 60.0:
            return kept[2]
        svg = await asyncio.to_thread(campaign_svg, view, timeline, lang)
        if len(drawn) >= 64:
            drawn.clear()
        drawn[key] = (time.monotonic(), digest, svg)
        return svg

    return chart
