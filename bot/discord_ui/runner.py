"""``phishbot run`` and ``phishbot sync``: start the bot, or register its commands with Discord.

Exit status: 0 after a clean stop (SIGTERM, SIGINT), 2 when the token is missing or Discord
rejects it (or the Message Content intent is not enabled), 1 when Discord cannot be reached.
The token never reaches a log: it is kept out of every repr, and a logging filter blanks it in
any record that would carry it anyway.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Callable

import aiohttp
import discord
import yarl

from bot.discord_ui.client import PhishBot
from bot.i18n import t
from bot.services.errors import ShardCountMismatch, ShardTaken, StoreError
from bot.settings import AppSettings, heartbeat_path
from bot.web.app import ListenError

log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 30.0


class RedactToken(logging.Filter):
    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self.token and self.token in record.getMessage():
            record.msg = record.getMessage().replace(self.token, "[token]")
            record.args = ()
        return True


def configure_endpoints(settings: AppSettings) -> None:
    """Discord's REST base and gateway, or a Discord-compatible server's (the tests' fake)."""
    discord.http.Route.BASE = settings.discord.api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord.gateway_url)


def setup_logging(token: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    logging.getLogger("discord.gateway").setLevel(logging.WARNING)


def _touch(path: str) -> None:
    with contextlib.suppress(OSError), open(path, "w", encoding="ascii") as f:
        f.write(f"{time.time():.0f}\n")


async def _heartbeat(bot: PhishBot, path: str) -> None:
    """Touches a file while connected: the container's health check reads its age."""
    while not bot.is_closed():
        if bot.is_ready() and not bot.stopping:
            await asyncio.to_thread(_touch, path)
        await asyncio.sleep(HEARTBEAT_SECONDS)


def _fail(lang: str, key: str, **params: object) -> None:
    print(f"phishbot: {t(lang, 'discord_cli', key, **params)}", file=sys.stderr)


def _token(settings: AppSettings, lang: str) -> str | None:
    """The token, with the endpoints and the log set up for it; None (said on stderr) when missing."""
    token = settings.discord.token
    if not token:
        _fail(lang, "no_token")
        return None
    configure_endpoints(settings)
    setup_logging(token)
    return token


def run(settings: AppSettings, lang: str, make_bot: Callable[[], PhishBot]) -> int:
    """``make_bot``: the bot with what it opens (the composition root's ``bot.wiring.discord_bot``)."""
    token = _token(settings, lang)
    if token is None:
        return 2
    os.makedirs(os.path.dirname(os.path.abspath(settings.db_path)), exist_ok=True)

    async def main() -> None:
        bot = make_bot()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                loop.add_signal_handler(sig, _stop, bot, sig)
        beat = loop.create_task(_heartbeat(bot, heartbeat_path(settings)))
        try:
            async with bot:
                await bot.start(token)
        finally:
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat
            with contextlib.suppress(OSError):
                os.remove(heartbeat_path(settings))

    try:
        asyncio.run(main())
    except discord.LoginFailure:
        _fail(lang, "rejected")
        return 2
    except discord.PrivilegedIntentsRequired:
        _fail(lang, "intent")
        return 2
    except StoreError as exc:
        print(f"phishbot: {t(lang, 'store', exc.code, **exc.params)}", file=sys.stderr)
        return 1
    except ShardTaken as exc:  # overlapping --shards ranges: a usage error, said in one sentence
        _fail(lang, "shard_taken", shard=exc.shard, count=exc.count, holder=exc.holder)
        return 2
    except ShardCountMismatch as exc:  # another live process splits the guilds by another count
        _fail(lang, "shard_count_mismatch", ours=exc.count, theirs=exc.other, holder=exc.holder)
        return 2
    except ListenError as exc:  # WEB_HOST:WEB_PORT is taken: say so, not "Discord unreachable"
        print(f"phishbot: {t(lang, 'serve', 'cannot_listen', host=exc.host, port=exc.port, error=exc.reason)}",
              file=sys.stderr)
        return 1
    except (discord.GatewayNotFound, discord.ConnectionClosed, aiohttp.ClientError, OSError) as exc:
        _fail(lang, "unreachable", error=type(exc).__name__)
        return 1
    log.info("stopped cleanly")
    return 0


def _stop(bot: PhishBot, sig: signal.Signals) -> None:
    log.info("received %s: stopping", sig.name)
    asyncio.get_running_loop().create_task(bot.close())


def sync(settings: AppSettings, lang: str, guild_id: int | None) -> int:
    token = _token(settings, lang)
    if token is None:
        return 2

    async def main() -> int:
        bot = PhishBot(settings)  # no use-cases: commands only (registering them needs no shard)
        async with bot:
            await bot.login(token)  # runs setup_hook: cogs and translator, no database
            if guild_id is not None:
                guild = discord.Object(id=guild_id)
                bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
            else:
                synced = await bot.tree.sync()
        return len(synced)

    try:
        count = asyncio.run(main())
    except discord.LoginFailure:
        _fail(lang, "rejected")
        return 2
    except discord.Forbidden:
        _fail(lang, "sync_forbidden")
        return 1
    except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
        _fail(lang, "unreachable", error=type(exc).__name__)
        return 1
    where = t(lang, "discord_cli", "guild", guild=guild_id) if guild_id else t(lang, "discord_cli", "global")
    print(t(lang, "discord_cli", "synced", count=count, where=where))
    return 0
