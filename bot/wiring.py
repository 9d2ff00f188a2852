"""The composition root: the only module that knows every concrete class."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

import aiohttp

from bot.lookups.bootstrap import load_bootstrap
from bot.lookups.intel import USER_AGENT, RegistryIntel
from bot.settings import AppSettings
from bot.storage.database import Database
from bot.storage.registration_cache import RegistrationCache

if TYPE_CHECKING:
    from bot.services.analyse_report import Analyser
    from bot.services.community import Community
    from bot.storage.shared_log import SharedLogStore

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
    from bot.services.analyse_report import ThreadAnalyser
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
