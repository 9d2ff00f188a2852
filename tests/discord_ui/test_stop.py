"""Stopping: the work in progress finishes, then the database closes; a stop during start-up
leaves nothing running behind it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from bot import wiring
from bot.discord_ui.runner import configure_endpoints
from bot.settings import AppSettings
from tests.fakes.discord.driver import FakeDiscord


async def test_a_stop_while_discord_py_waits_for_the_guilds(fake: FakeDiscord,
                                                            make_settings: Callable[..., AppSettings]) -> None:
    settings = make_settings(guild_ready_timeout=0.5)
    configure_endpoints(settings)
    bot = wiring.discord_bot(settings)
    run = asyncio.create_task(bot.start(fake.token))
    await fake.wait_ready()
    for _ in range(100):  # READY parsed: discord.py now waits guild_ready_timeout before "ready"
        waiting = getattr(bot._connection, "_ready_task", None)
        if waiting is not None:
            break
        await asyncio.sleep(0.01)
    assert waiting is not None and not bot.is_ready()
    await bot.close()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(run, 10)
    await asyncio.sleep(0.8)  # past the ready timeout: without the fix, the task dispatches into a closed client
    assert waiting.done()
    assert waiting.cancelled() or waiting.exception() is None
