"""The composition root: the only module that knows every concrete class, and the one place where
the store is chosen (SQLite at the file ``PHISHBOT_DB``, PostgreSQL when it is ``postgresql://…``),
and nowhere else. Every entry point gets its collaborators from here — the CLI's commands, the
Discord bot (``discord_bot``) and ``phishbot serve`` (``web_server``) — and the adapters below them
(``bot/discord_ui``, ``bot/web``) never import it: they are given what they need.

Imports here are cheap at module level (no aiohttp, aiosqlite or discord): ``phishbot analyze``
without lookups never imports this module, and each builder imports what it builds.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.settings import AppSettings

if TYPE_CHECKING:
    from bot.discord_ui.client import PhishBot
    from bot.discord_ui.context import Deps
    from bot.lookups.intel import RegistryIntel
    from bot.metrics import Metrics
    from bot.services.analyse_mail import Analyser
    from bot.services.app import SharedLog
    from bot.services.blocklist_feed import BlocklistFeeds
    from bot.services.community import CampaignView
    from bot.services.feeds_in import FeedUpdater
    from bot.services.leader import Leader
    from bot.services.link_watch import LinkWatch
    from bot.services.listings import FeedListings, IndexKeeper, ListingIndex, StoredListings
    from bot.services.network import NetworkIndex
    from bot.services.other_sources import ElsewhereLookup
    from bot.services.ports.admin import StoreAdmin
    from bot.services.ports.feeds import FeedFetcher, FeedStore, Fetched, FetchFailed
    from bot.services.ports.lookups import DomainIntel, RegistrationCache
    from bot.services.ports.stores import Stores
    from bot.web.app import WebServer

log = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(UTC)


# --- the store ------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def open_stores(settings: AppSettings, *, migrate: bool = True, create: bool = True, check: bool = True,
                      on_write: Callable[[float], None] | None = None) -> AsyncIterator[Stores]:
    """Every port of the store, over one database: created and migrated on first use (``create``,
    ``migrate``); ``check``: the quick integrity check at opening (a damaged store is read-only).
    ``on_write``: told each write transaction's seconds (the metrics)."""
    from bot.storage.open import open_store

    async with open_store(settings.store_location, migrate=migrate, create=create, check=check,
                          on_write=on_write) as stores:
        yield stores


def address_key(settings: AppSettings) -> bytes:
    """The address HMAC's key: ``ADDRESS_HASH_KEY``, or the key file beside the store (made on first use)."""
    from bot.storage.secret_key import address_hash_key

    return address_hash_key(settings.db_path, settings.address_hash_key)


def _store_folder(settings: AppSettings) -> str:
    """The folder the store's files live in (the key, the RDAP bootstrap's fresher copy, the heartbeat)."""
    return os.path.dirname(os.path.abspath(settings.db_path))


def address_key_file(settings: AppSettings) -> str:
    """Where the generated address key lives (beside the store); it is the key unless
    ``ADDRESS_HASH_KEY`` is set."""
    from bot.storage.secret_key import KEY_FILE

    return os.path.join(_store_folder(settings), KEY_FILE)


@contextlib.asynccontextmanager
async def store_admin(settings: AppSettings, *, create: bool = False, migrate: bool = False,
                      check: bool = True) -> AsyncIterator[StoreAdmin]:
    """The store for ``phishbot db``: never created or migrated unless asked."""
    async with open_stores(settings, migrate=migrate, create=create, check=check) as stores:
        yield stores.admin


# --- lookups and analysis ---------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def registry_intel(settings: AppSettings, cache: RegistrationCache | None = None,
                         open_cache: bool = True) -> AsyncIterator[RegistryIntel]:
    """RDAP/WHOIS lookups behind the registration cache: ``cache`` (the process's store), or with
    ``open_cache`` the store opened for it alone. A store that cannot be opened costs the cache, not
    the lookups."""
    import aiohttp

    from bot.lookups.bootstrap import load_bootstrap
    from bot.lookups.intel import USER_AGENT, RegistryIntel

    async with contextlib.AsyncExitStack() as stack:
        if cache is None and open_cache:
            try:
                cache = (await stack.enter_async_context(open_stores(settings))).cache
            except Exception as exc:  # noqa: BLE001 - read-only folder, locked or broken file: go on uncached
                log.warning("the lookup cache is unavailable (%s): looking up without it", type(exc).__name__)
        cache_dir = _store_folder(settings) if cache is not None else None
        connector = aiohttp.TCPConnector(limit=settings.lookups.concurrency)
        session = await stack.enter_async_context(
            aiohttp.ClientSession(connector=connector, headers={"User-Agent": USER_AGENT}))
        intel = RegistryIntel(settings.lookups, load_bootstrap(settings.lookups.rdap_base_url, cache_dir), cache, session)
        refresh = asyncio.get_running_loop().create_task(intel.refresh_bootstrap())
        try:
            yield intel
        finally:
            if not refresh.done():
                refresh.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await refresh


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
async def lookups_and_listings(settings: AppSettings) -> AsyncIterator[tuple[RegistryIntel, StoredListings | None]]:
    """For ``phishbot analyze`` with lookups: the registries (their cache in the store) and the
    threat feeds' listings read from the same store; a store that cannot be opened costs both the
    cache and the listings, never the analysis."""
    from bot.services.listings import StoredListings

    async with contextlib.AsyncExitStack() as stack:
        stores = None
        try:
            stores = await stack.enter_async_context(open_stores(settings))
        except Exception as exc:  # noqa: BLE001 - read-only folder, locked or broken file: go on without it
            log.warning("the database is unavailable (%s): no cache, no threat feeds", type(exc).__name__)
        intel = await stack.enter_async_context(
            registry_intel(settings, stores.cache if stores else None, open_cache=False))
        yield intel, StoredListings(stores.feeds, settings.feeds.listing_days) if stores is not None else None


@contextlib.asynccontextmanager
async def elsewhere_without_guild(settings: AppSettings) -> AsyncIterator[ElsewhereLookup]:
    """What the threat feeds say, for ``phishbot domain NAME`` without a guild: from the store when
    it exists (nothing is created for a question; without one nothing is listed)."""
    from bot.services.listings import StoredListings
    from bot.services.other_sources import ElsewhereLookup

    async with contextlib.AsyncExitStack() as stack:
        try:
            stores = await stack.enter_async_context(open_stores(settings, create=False))
        except Exception:  # noqa: BLE001 - no database yet (or an unusable one): nothing is listed
            yield ElsewhereLookup(None)
            return
        yield ElsewhereLookup(StoredListings(stores.feeds, settings.feeds.listing_days))


# --- the shared log's use-cases ----------------------------------------------------------------------


def shared_log(
    settings: AppSettings, stores: Stores, key: bytes, *, intel: DomainIntel | None = None,
    listings: FeedListings | None = None, network: NetworkIndex | None = None, analyser: Analyser | None = None,
    budgeted: bool = False, on_change: Callable[[int], Awaitable[None]] | None = None,
    leading: Callable[[], bool] | None = None,
) -> SharedLog:
    """The use-cases over ``stores``. ``budgeted``: the bot's lookup policy (each guild's hourly
    budget, answers within ``DISCORD_REPLY_WAIT``; shared through the store when the bot runs in
    shards); the CLI has none. ``leading``: whether this process does the housekeeping done once for
    all processes (the guild retention purge); None: it always does (one process)."""
    from bot.presentation.desk_text import desk_text
    from bot.presentation.evidence_text import analysis_details
    from bot.services.app import SharedLog
    from bot.services.campaign_page import CampaignPages
    from bot.services.community import Community
    from bot.services.feeds_in import ThreatFeeds
    from bot.services.guild_lookups import GuildLookups
    from bot.services.guilds import Guilds
    from bot.services.lookup_budget import LookupBudget
    from bot.services.other_sources import ElsewhereLookup
    from bot.services.sharing_setup import SharingSetup
    from bot.services.submit import Submissions
    from bot.services.web_tokens import WebTokens

    lookups = None
    if intel is not None:
        d = settings.discord
        budget = LookupBudget(d.guild_lookup_budget, time.monotonic, stores.budgets if d.sharded else None)
        lookups = GuildLookups(intel, budget, d.reply_wait) if budgeted else GuildLookups(intel)
    tokens = WebTokens(stores.sharing, key)
    guilds = Guilds(stores.guilds, stores.reports, retention_days=settings.discord.guild_retention_days,
                    sharing=SharingSetup(stores.guilds, stores.sharing, tokens, stores.reports), on_change=on_change,
                    leading=leading, budgets=stores.budgets, leases=stores.leases)
    community = Community(stores.reports, stores.members, key)
    return SharedLog(
        community=community,
        submissions=Submissions(stores.reports, guilds, key, settings.limits, lookups=lookups, listings=listings,
                                analyser=analyser, desk_text=desk_text, details_text=analysis_details),
        guilds=guilds, tokens=tokens, pages=CampaignPages(community, stores.guilds, stores.sharing, listings),
        elsewhere=ElsewhereLookup(listings, network, stores.guilds), feeds=ThreatFeeds(stores.feeds),
        admin=stores.admin, lookups=lookups,
    )


@contextlib.asynccontextmanager
async def cli_shared_log(settings: AppSettings, *, lookups: bool = False, network: bool = False
                         ) -> AsyncIterator[SharedLog]:
    """For one CLI command: the store (created and migrated on first use), the threat feeds read
    from it, with ``lookups`` the registries (their cache in the same store), with ``network`` what
    the network of servers publishes as it stands."""
    from bot.services.listings import StoredListings
    from bot.services.network import NetworkIndex

    async with open_stores(settings) as stores, contextlib.AsyncExitStack() as stack:
        intel = None
        if lookups and settings.lookups.enabled:
            intel = await stack.enter_async_context(registry_intel(settings, stores.cache, open_cache=False))
        published = None
        if network:
            published = NetworkIndex(stores.reports, stores.guilds, min_servers=settings.network.min_servers,
                                ignored=settings.network.ignored)
            await published.refresh()
        yield shared_log(settings, stores, address_key(settings), intel=intel, network=published,
                         listings=StoredListings(stores.feeds, settings.feeds.listing_days))


@contextlib.asynccontextmanager
async def cli_feed_updater(settings: AppSettings) -> AsyncIterator[FeedUpdater]:
    """For ``phishbot feeds fetch``: the configured feeds' fetcher over the store."""
    import aiohttp

    from bot.feeds.fetch import FeedFetcherHTTP
    from bot.services.feeds_in import FeedUpdater

    feeds = settings.feeds
    async with open_stores(settings) as stores, aiohttp.ClientSession() as session:
        yield FeedUpdater(stores.feeds, FeedFetcherHTTP(session, feeds.timeout, feeds.max_bytes), feeds.sources,
                          feeds.interval, _utcnow)


# --- what a long-running process adds: outreach, the web server, the bot -------------------------------


@dataclass
class Outreach:
    """Beyond the report channel: the threat feeds' index, the network of servers, link watch and
    the blocklist feeds, the metrics, and the web server when it runs in this process."""

    metrics: Metrics
    index: ListingIndex
    keeper: IndexKeeper
    network: NetworkIndex
    blocklist: BlocklistFeeds
    watch: LinkWatch
    web: WebServer | None = None
    updater: FeedUpdater | None = None

    async def guild_changed(self, guild_id: int) -> None:
        """A guild changed what it shares, or the bot left it: its feeds, the network and link
        watch follow at once."""
        self.blocklist.forget(guild_id)
        self.watch.forget(guild_id)
        await self.network.refresh()


@dataclass
class Process:
    """A long-running process's use-cases (the bot, ``phishbot serve``), and the stores under them
    (for the root and its tests: no adapter is given them)."""

    log: SharedLog
    outreach: Outreach
    metrics: Metrics
    stores: Stores
    analyser: Analyser | None = None
    leader: Leader | None = None  # the housekeeping lease (``leader``): the bot's processes only, None in serve
    feeds_leader: Leader | None = None  # the scheduled feed fetches' lease (``feeds``): every long-running process


@contextlib.asynccontextmanager
async def long_running(
    settings: AppSettings, ready: Callable[[], bool], *, analyser: Analyser | None = None,
    metrics: Metrics | None = None, registries: bool = False, housekeeper: bool = False,
    shards: Callable[[], tuple[int, dict[int, bool]]] | None = None,
) -> AsyncIterator[Process]:
    """The store (refused when damaged: a damaged shared log is never served), the registries
    (``registries`` and lookups on: the bot), the threat feeds' index and schedule, the network,
    link watch, the blocklist feeds and — when ``WEB_ENABLED`` — the web server, all of it started
    here and stopped when the block ends. ``housekeeper``: this process runs the housekeeping (the
    bot does, ``phishbot serve`` does not), so it competes for the ``leader`` lease; a process that
    never does the leader's work must not hold it, or nobody would purge."""
    from bot.metrics import MeteredIntel, Metrics
    from bot.services.blocklist_feed import BlocklistFeeds
    from bot.services.errors import StoreError
    from bot.services.leader import FEEDS, Leader, claim_shards, process_holder
    from bot.services.link_watch import LinkWatch
    from bot.services.listings import IndexKeeper, ListingIndex
    from bot.services.network import NetworkIndex

    metrics = metrics or Metrics()
    async with contextlib.AsyncExitStack() as stack:
        stores = await stack.enter_async_context(open_stores(settings, on_write=metrics.db_write_seconds.observe))
        if stores.admin.damaged is not None:  # the integrity check failed: never serve a damaged shared log
            raise StoreError("damaged", path=stores.admin.location)
        # the work done once for all processes over this store runs in the holder of a lease: the
        # housekeeping (purges) in the holder of ``leader``, which only processes that do the
        # housekeeping compete for; the scheduled feed fetches in the holder of ``feeds``. One
        # process alone takes them at once and keeps them.
        holder = process_holder()
        d = settings.discord
        shard_leases = []  # each shard this process runs, under its lease: overlapping ranges refused
        if housekeeper and d.shard_ids is not None and d.shard_count is not None:
            shard_leases = await claim_shards(stores.leases, d.shard_ids, d.shard_count, d.leader_lease,
                                              time.monotonic, holder)
        leader = (Leader(stores.leases, settings.discord.leader_lease, time.monotonic, holder=holder)
                  if housekeeper else None)
        feeds_leader = (Leader(stores.leases, settings.discord.leader_lease, time.monotonic, holder=holder, name=FEEDS)
                        if settings.feeds.sources else None)
        for lease in (leader, feeds_leader):
            if lease is not None:
                await lease.renew()
        intel: DomainIntel | None = None
        if registries and settings.lookups.enabled:
            raw: DomainIntel = await stack.enter_async_context(registry_intel(settings, stores.cache, open_cache=False))
            if settings.discord.sharded:  # other processes over this store: one lookup per domain between them
                from bot.services.shared_lookups import SharedLookups

                raw = SharedLookups(raw, stores.leases, holder, settings.lookups.deadline,
                                    fetch_bound=2 * settings.lookups.timeout)
            intel = MeteredIntel(raw, metrics)
        index = ListingIndex(settings.feeds.listing_days)
        keeper = IndexKeeper(stores.feeds, index)
        await keeper.refresh()
        network = NetworkIndex(stores.reports, stores.guilds, every=settings.discord.network_refresh,
                               min_servers=settings.network.min_servers, ignored=settings.network.ignored)
        await network.refresh()
        changed: list[Callable[[int], Awaitable[None]]] = []

        async def on_change(guild_id: int) -> None:
            for hook in changed:
                await hook(guild_id)

        shared = shared_log(settings, stores, address_key(settings), intel=intel, listings=index, network=network,
                            analyser=analyser, budgeted=True, on_change=on_change,
                            leading=(lambda: leader.leading) if leader is not None else (lambda: False))
        out = Outreach(
            metrics=metrics, index=index, keeper=keeper, network=network,
            blocklist=BlocklistFeeds(stores.reports, stores.guilds, index, network, _utcnow, time.monotonic),
            watch=LinkWatch(stores.reports, stores.guilds, index, network, _utcnow, time.monotonic, analyser=analyser),
        )
        changed.append(out.guild_changed)
        metrics.gauge_from(metrics.feed_names, lambda: len(index))
        metrics.gauge_from(metrics.ready, lambda: 1.0 if ready() else 0.0)
        stop = asyncio.Event()
        work = [keeper.run(stop), network.run(stop), metrics.watch_loop_lag(stop)]
        work += [lease.run(stop) for lease in (leader, feeds_leader, *shard_leases) if lease is not None]
        if feeds_leader is not None:
            fetching = feeds_leader
            out.updater = await _scheduled_feeds(settings, stack, stores.feeds, metrics, keeper, lambda: fetching.leading)
            work.append(out.updater.run(stop))
        tasks = [asyncio.ensure_future(w) for w in work]
        try:
            if settings.web.enabled:
                out.web = _web_server(settings, shared, out, ready, shards)
                await out.web.start()
            yield Process(shared, out, metrics, stores, analyser, leader, feeds_leader)
        finally:
            stop.set()
            if out.web is not None:
                await out.web.stop()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(task, 10)


async def _scheduled_feeds(settings: AppSettings, stack: contextlib.AsyncExitStack, feeds: FeedStore, metrics: Metrics,
                           keeper: IndexKeeper, leading: Callable[[], bool]) -> FeedUpdater:
    import aiohttp

    from bot.feeds.fetch import FeedFetcherHTTP
    from bot.services.feeds_in import FeedUpdater

    session = await stack.enter_async_context(aiohttp.ClientSession())
    fetcher = FeedFetcherHTTP(session, settings.feeds.timeout, settings.feeds.max_bytes)

    async def changed() -> None:
        await keeper.refresh()

    return FeedUpdater(feeds, _MeteredFetcher(fetcher, metrics), settings.feeds.sources, settings.feeds.interval,
                       _utcnow, changed, leading=leading)


def _web_server(settings: AppSettings, shared: SharedLog, out: Outreach, ready: Callable[[], bool],
                shards: Callable[[], tuple[int, dict[int, bool]]] | None = None) -> WebServer:
    from bot.web.app import WebServer
    from bot.web.context import WebDeps

    async def guild_language(guild_id: int) -> str | None:
        return (await shared.guilds.settings(guild_id)).language

    return WebServer(WebDeps(
        settings=settings, metrics=out.metrics, tokens=shared.tokens, feeds_out=out.blocklist, pages=shared.pages,
        clock=_utcnow, healthy=shared.admin.healthy, ready=ready, guild_language=guild_language,
        chart_svg=campaign_chart_svg(shared), shards=shards,
    ))


class _MeteredFetcher:
    """The feed fetcher, counted (``phishbot_feed_fetches``)."""

    def __init__(self, inner: FeedFetcher, metrics: Metrics) -> None:
        self.inner = inner
        self.metrics = metrics

    async def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | FetchFailed:
        from bot.services.ports.feeds import FetchFailed

        answer = await self.inner.fetch(url, etag, last_modified)
        status = answer.reason if isinstance(answer, FetchFailed) else ("ok" if answer.body is not None else "not_modified")
        self.metrics.feed_fetches.labels(_feed_of(url), status).inc()
        return answer


def _feed_of(url: str) -> str:
    """A feed URL's host, as the metric's label (never its path or query: a key may be in them)."""
    return url.split("://", 1)[-1].split("/", 1)[0].rpartition("@")[2][:64]


def campaign_chart_svg(shared: SharedLog) -> Callable[[int, CampaignView, str], Awaitable[str | None]]:
    """The campaign page's chart (bot.charts, SVG): drawn in a worker thread (matplotlib never runs
    on the event loop, and is imported on the first page that shows a chart), kept a minute per
    campaign and language, and drawn anew as soon as its numbers change."""
    drawn: dict[tuple[int, str, str], tuple[float, str, str]] = {}  # -> (when, digest of the numbers, svg)

    async def chart(guild_id: int, view: CampaignView, lang: str) -> str | None:
        from dataclasses import asdict

        from bot.charts import campaign_svg

        timeline = await shared.community.campaign_timeline(guild_id, view.id)
        digest = hashlib.sha256(json.dumps([asdict(view), asdict(timeline)], sort_keys=True,
                                           default=str).encode()).hexdigest()
        key = (guild_id, view.id, lang)
        kept = drawn.get(key)
        if kept is not None and kept[1] == digest and time.monotonic() - kept[0] < 60.0:
            return kept[2]
        svg = await asyncio.to_thread(campaign_svg, view, timeline, lang)
        if len(drawn) >= 64:
            drawn.clear()
        drawn[key] = (time.monotonic(), digest, svg)
        return svg

    return chart


def web_server(settings: AppSettings) -> Callable[[Callable[[], bool]], contextlib.AbstractAsyncContextManager[int]]:
    """``phishbot serve``: the web server without Discord (it is the point: ``WEB_ENABLED`` is
    forced on), with the feeds' schedule, over the same store as the bot; yields its port."""
    from dataclasses import replace

    serving = replace(settings, web=replace(settings.web, enabled=True))

    @contextlib.asynccontextmanager
    async def open_server(ready: Callable[[], bool]) -> AsyncIterator[int]:
        async with long_running(serving, ready) as process:
            web = process.outreach.web
            assert web is not None
            assert web.port is not None
            yield web.port

    return open_server


def discord_bot(settings: AppSettings, *, analysis_initializer: Callable[[], None] | None = None,
                expose: Callable[[Process], None] | None = None) -> PhishBot:
    """The Discord bot, with what it opens in ``setup_hook``. Test seams: ``analysis_initializer``
    runs in each analysis worker at its start; ``expose`` is given the process's use-cases and
    stores once they are open."""
    from bot.discord_ui.client import make_bot

    bot: PhishBot

    @contextlib.asynccontextmanager
    async def open_deps() -> AsyncIterator[Deps]:
        async with bot_deps(settings, bot, analysis_initializer, expose) as deps:
            yield deps

    bot = make_bot(settings, open_deps=open_deps)
    return bot


@contextlib.asynccontextmanager
async def bot_deps(settings: AppSettings, bot: PhishBot, analysis_initializer: Callable[[], None] | None = None,
                   expose: Callable[[Process], None] | None = None) -> AsyncIterator[Deps]:
    """Everything the bot's cogs and views use: the analysis workers, the store, the registries,
    outreach and the web server, the rate limit, the metrics."""
    import math

    from bot.discord_ui.context import Deps
    from bot.metrics import MeteredLimiter, Metrics

    d = settings.discord
    metrics = Metrics(version=_version())
    metrics.gauge_from(metrics.gateway_latency, lambda: bot.latency if math.isfinite(bot.latency) else 0.0)
    async with analysis_workers(settings, analysis_initializer) as analyser, long_running(
        settings, ready=lambda: bot.is_ready() and not bot.is_closed(), analyser=analyser, metrics=metrics,
        registries=True, housekeeper=True, shards=bot.shard_states if d.sharded else None,
    ) as process:
        shared = process.log
        if expose is not None:
            expose(process)
        yield Deps(
            settings=settings, community=shared.community, submissions=shared.submissions, guilds=shared.guilds,
            lookups=shared.lookups, pages=shared.pages, tokens=shared.tokens, elsewhere=shared.elsewhere,
            watch=process.outreach.watch,
            limiter=MeteredLimiter(d.analyses_per_minute, 60.0, time.monotonic, metrics, "analysis"),
            clock=_utcnow, metrics=metrics,
        )


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("phishbot")
    except PackageNotFoundError:
        return "0"
