"""The bot: discord.py's ``commands.Bot`` with app commands only (no prefix commands).

Sessions and the database are opened in ``setup_hook`` and closed in ``close``, after the work
in progress has finished, so a stop (SIGTERM) leaves nothing half-written. Cogs load one by one
inside their own try/except; the dynamic buttons are registered once, so buttons on old messages
keep working after a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_ui.cogs import COGS
from bot.discord_ui.context import (
    NO_MENTIONS,
    OPTIONAL_PERMISSIONS,
    REPORT_CHANNEL_PERMISSIONS,
    Deps,
    answer_error,
    tracked,
)
from bot.discord_ui.cooldown import RateLimiter, Verdict
from bot.discord_ui.translator import PhishTranslator
from bot.discord_ui.views import DYNAMIC_ITEMS
from bot.services.lookup_budget import LookupBudget
from bot.services.protocols import StoreError
from bot.settings import AppSettings

if TYPE_CHECKING:
    from bot.metrics import Metrics
    from bot.services.analyse_mail import Analyser

log = logging.getLogger("bot.discord")
DRAIN_SECONDS = 20.0  # how long a stop waits for analyses in progress
ABANDON_SECONDS = 5.0  # then, how long the abandoned ones get to tell their members


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("phishbot")
    except PackageNotFoundError:
        return "0"


class MeteredLimiter(RateLimiter):
    """The per-member rate limit, its refusals counted (``phishbot_rate_limited{where}``)."""

    def __init__(self, per_window: int, window: float, clock: Callable[[], float], metrics: Metrics, where: str) -> None:
        super().__init__(per_window, window, clock)
        self.metrics = metrics
        self.where = where

    def hit(self, key: object) -> Verdict:
        verdict = super().hit(key)
        if not verdict.allowed:
            self.metrics.rate_limited.labels(self.where).inc()
        return verdict


class PhishTree(app_commands.CommandTree["PhishBot"]):
    async def _call(self, interaction: discord.Interaction[PhishBot]) -> None:
        """Every command runs as tracked work: a stop waits for it before closing the database."""
        async with tracked(interaction) as running:
            if running:
                await super()._call(interaction)

    async def on_error(self, interaction: discord.Interaction[PhishBot], error: app_commands.AppCommandError) -> None:
        await answer_error(interaction, error)


def invite_permissions() -> discord.Permissions:
    """What the bot asks for in its invite URL (README): read and answer in report channels and
    threads; Manage Messages to delete pastes (on request or by /setup) and hide link previews."""
    return discord.Permissions(**dict.fromkeys((*REPORT_CHANNEL_PERMISSIONS, *OPTIONAL_PERMISSIONS), True))


def intents() -> discord.Intents:
    """Guilds and guild messages with their content (a privileged intent: enable it in the
    developer portal). No members, presences or DMs."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.message_content = True
    return wanted


class PhishBot(commands.Bot):
    def __init__(
        self, settings: AppSettings, *, services: bool = True, analysis_initializer: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned, intents=intents(), help_command=None, tree_cls=PhishTree,
            allowed_mentions=NO_MENTIONS, guild_ready_timeout=settings.discord.guild_ready_timeout,
            chunk_guilds_at_startup=False, max_messages=200, member_cache_flags=discord.MemberCacheFlags.none(),
        )
        self.settings = settings
        self.services = services  # False for `phishbot sync`: commands only, no database
        self.deps: Deps
        self._stack = contextlib.AsyncExitStack()
        self._busy = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self.stopping = False
        self.cog_failures: list[str] = []
        self._background: set[asyncio.Future[None]] = set()
        self._working: set[asyncio.Task[Any]] = set()  # the tasks inside work(): a stop may have to cancel them
        self.analysis_initializer = analysis_initializer  # tests: runs in each analysis worker at its start
        self.analyser: Analyser | None = None
        self._closing: asyncio.Future[None] | None = None

    async def setup_hook(self) -> None:
        if self.services:
            await self._open_services()
        await self.tree.set_translator(PhishTranslator())
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        for name in COGS:
            try:
                await self.load_extension(name)
            except Exception:
                log.exception("cog %s failed to load", name)
                self.cog_failures.append(name)

    async def _open_services(self) -> None:
        from bot.metrics import MeteredIntel, Metrics
        from bot.wiring import analysis_workers, open_services, outreach

        self.analyser = await self._stack.enter_async_context(
            analysis_workers(self.settings, self.analysis_initializer))
        community, store, intel = await self._stack.enter_async_context(open_services(self.settings, self.analyser))
        if store.db.damaged is not None:  # the integrity check failed: never serve a damaged shared log
            raise StoreError("damaged", path=store.db.path)
        metrics = Metrics(version=_version())
        metrics.gauge_from(metrics.gateway_latency, lambda: self.latency if math.isfinite(self.latency) else 0.0)
        out = await self._stack.enter_async_context(
            outreach(self.settings, community, store, ready=lambda: self.is_ready() and not self.is_closed(),
                     metrics=metrics))
        d = self.settings.discord
        self.deps = Deps(
            settings=self.settings, community=community, store=store,
            intel=MeteredIntel(intel, metrics) if intel is not None else None,
            budget=LookupBudget(d.guild_lookup_budget, time.monotonic),
            limiter=MeteredLimiter(d.analyses_per_minute, 60.0, time.monotonic, metrics, "analysis"),
            clock=lambda: datetime.now(UTC), outreach=out, metrics=metrics,
        )

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: messages are read by the intake cog only."""

    def spawn(self, coro: Coroutine[Any, Any, None], what: str) -> None:
        """Background work (an answer's late update): tracked like a handler, failures logged."""
        async def tracked() -> None:
            async with self.work() as running:
                if not running:
                    coro.close()
                    return
                try:
                    await coro
                except Exception:
                    log.exception("%s failed", what)

        task = asyncio.ensure_future(tracked())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    @contextlib.asynccontextmanager
    async def work(self) -> AsyncIterator[bool]:
        """Marks work in progress (``close`` waits for it); yields False once a stop has begun."""
        if self.stopping:
            yield False
            return
        self._busy += 1
        self._idle.clear()
        task = asyncio.current_task()
        if task is not None:
            self._working.add(task)
        try:
            yield True
        finally:
            if task is not None:
                self._working.discard(task)
            self._busy -= 1
            if self._busy == 0:
                self._idle.set()

    async def close(self) -> None:
        """Stop once: a second call (SIGTERM's task and ``async with bot``'s exit both call it)
        waits for the first to finish instead of closing the services a second time, half-way
        through the first (the process would then end with the database half closed)."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._close())
        await asyncio.shield(self._closing)

    async def __aexit__(self, *exc: object) -> None:
        # discord.py's own exit waits for its part of the close only; ours closes the database
        # after it, and the process must not end (cancelling it) before that is done
        await super().__aexit__(None, None, None)
        await self.close()

    async def _close(self) -> None:
        self.stopping = True
        log.info("stopping: waiting for %d analyses in progress", self._busy)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), DRAIN_SECONDS)
        await self._abandon()
        # a stop while discord.py still waits for the guilds at start: its waiting task would
        # dispatch "ready" after the close and fail (discord.py's close leaves it running)
        ready = getattr(self._connection, "_ready_task", None)
        if ready is not None and not ready.done():
            ready.cancel()
        await super().close()
        await self._stack.aclose()

    async def _abandon(self) -> None:
        """Work still running when the stop window ends is cancelled; each such handler tells its
        member that the bot is restarting and to paste the mail again (``restart_paste_again``)
        before the connection closes. Nothing half-written stays: transactions roll back."""
        left = [task for task in self._working if not task.done()]
        if not left:
            return
        log.warning("stopping: %d analyses still running after %.0f s are abandoned; their members are told "
                    "to paste again", len(left), DRAIN_SECONDS)
        for task in left:
            task.cancel()
        await asyncio.wait(left, timeout=ABANDON_SECONDS)

    async def on_ready(self) -> None:
        user = self.user
        log.info("connected as %s (%s) to %d servers", user, user.id if user else "-", len(self.guilds))

