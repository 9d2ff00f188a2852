"""The bot: discord.py's ``commands.Bot`` with app commands only (no prefix commands).

What it uses is opened in ``setup_hook`` — through ``open_deps``, which the composition root
(``bot/wiring.py``: ``discord_bot``) gives it — and closed in ``close``, after the work in progress
has finished, so a stop (SIGTERM) leaves nothing half-written. Cogs load one by one inside their own
try/except; the dynamic buttons are registered once, so buttons on old messages keep working after
a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

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
from bot.discord_ui.translator import PhishTranslator
from bot.discord_ui.views import DYNAMIC_ITEMS
from bot.settings import AppSettings

log = logging.getLogger(__name__)
OpenDeps = Callable[[], contextlib.AbstractAsyncContextManager[Deps]]
DRAIN_SECONDS = 20.0  # how long a stop waits for analyses in progress
ABANDON_SECONDS = 5.0  # then, how long the abandoned ones get to tell their members


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
    def __init__(self, settings: AppSettings, *, open_deps: OpenDeps | None = None, **sharding: Any) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned, intents=intents(), help_command=None, tree_cls=PhishTree,
            allowed_mentions=NO_MENTIONS, guild_ready_timeout=settings.discord.guild_ready_timeout,
            chunk_guilds_at_startup=False, max_messages=200, member_cache_flags=discord.MemberCacheFlags.none(),
            **sharding,
        )
        self.settings = settings
        self.open_deps = open_deps  # None for `phishbot sync`: commands only, no store
        self._deps: Deps | None = None
        self._stack = contextlib.AsyncExitStack()
        self._busy = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self.stopping = False
        self.cog_failures: list[str] = []
        self._background: set[asyncio.Future[None]] = set()
        self._working: set[asyncio.Task[Any]] = set()  # the tasks inside work(): a stop may have to cancel them
        self._closing: asyncio.Future[None] | None = None

    def shard_states(self) -> tuple[int, dict[int, bool]]:
        """(the shard count, each shard this process runs -> connected): what ``/readyz`` says."""
        count = self.settings.discord.shard_count or 1
        shards = self.settings.discord.shard_ids or (0,)
        info = getattr(self, "shards", {})  # AutoShardedBot: shard id -> ShardInfo
        return count, {i: i in info and not info[i].is_closed() for i in shards}

    def owns_guild(self, guild_id: int) -> bool:
        """Whether this process serves the guild: every guild unsharded; with shards, those Discord
        routes to this process's shards (``(guild_id >> 22) % shard_count``)."""
        shards = self.settings.discord.shard_ids
        count = self.settings.discord.shard_count
        return shards is None or count is None or (guild_id >> 22) % count in shards

    @property
    def services(self) -> bool:
        """Whether the bot serves members (False for ``phishbot sync``)."""
        return self.open_deps is not None

    @property
    def deps(self) -> Deps:
        if self._deps is None:
            raise RuntimeError("the bot's services are not open")
        return self._deps

    async def setup_hook(self) -> None:
        if self.open_deps is not None:
            self._deps = await self._stack.enter_async_context(self.open_deps())
        await self.tree.set_translator(PhishTranslator())
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        for name in COGS:
            try:
                await self.load_extension(name)
            except Exception:
                log.exception("cog %s failed to load", name)
                self.cog_failures.append(name)

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
        shards = self.settings.discord.shard_ids
        if shards is None:
            log.info("connected as %s (%s) to %d servers", user, user.id if user else "-", len(self.guilds))
        else:
            log.info("connected as %s (%s) to %d servers on shards %d-%d of %d", user, user.id if user else "-",
                     len(self.guilds), shards[0], shards[-1], self.settings.discord.shard_count)


class ShardedPhishBot(PhishBot, commands.AutoShardedBot):
    """The bot for a range of shards (``phishbot run --shards 0-3 --shard-count 8``): discord.py's
    ``AutoShardedBot``, one gateway connection per shard in this process. Other processes run the
    other shards over the same database; Discord sends each process only its shards' guilds
    (``(guild_id >> 22) % shard_count``)."""

    def __init__(self, settings: AppSettings, *, open_deps: OpenDeps | None = None) -> None:
        shard_ids = settings.discord.shard_ids
        assert shard_ids is not None, "a sharded bot needs PHISHBOT_SHARD_COUNT"
        super().__init__(settings, open_deps=open_deps, shard_ids=list(shard_ids),
                         shard_count=settings.discord.shard_count)


def make_bot(settings: AppSettings, *, open_deps: OpenDeps | None = None) -> PhishBot:
    """The plain bot (one connection, every guild), or with a shard count the sharded one."""
    if settings.discord.sharded:
        return ShardedPhishBot(settings, open_deps=open_deps)
    return PhishBot(settings, open_deps=open_deps)
