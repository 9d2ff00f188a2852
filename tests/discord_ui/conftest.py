"""A running PhishBot against the fake Discord on loopback: the real discord.py client, the real
use-cases, a fresh SQLite file per test."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot import wiring
from bot.discord_ui.client import PhishBot
from bot.discord_ui.runner import configure_endpoints
from bot.settings import AppSettings, DiscordSettings, LookupSettings, WebSettings
from tests.fakes.discord.driver import FakeDiscord

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_PASTE = (EXAMPLES / "seed-smbc-pasted.txt").read_text(encoding="utf-8")
SEED_EML = (EXAMPLES / "seed-smbc-selfspoof.eml").read_bytes()


def bot_settings(fake: FakeDiscord, db: Path, **discord: Any) -> AppSettings:
    return AppSettings(
        db=str(db), lookups=LookupSettings(enabled=False), address_hash_key="test-key",
        web=WebSettings(host="127.0.0.1", port=0),
        discord=DiscordSettings(token=fake.token, api_base=fake.api_base, gateway_url=fake.gateway_url,
                                **{"guild_ready_timeout": 0.1, **discord}),
    )


class Running:
    """The fake and a started bot; ``restart`` stops the bot and starts a new one on the same database."""

    def __init__(self, fake: FakeDiscord, settings: AppSettings, **bot_kwargs: Any) -> None:
        self.fake = fake
        self.settings = settings
        self.bot_kwargs = bot_kwargs  # e.g. analysis_initializer: a test seam run in each analysis worker
        self.bot: PhishBot | None = None
        self.task: asyncio.Task[None] | None = None
        self._process: wiring.Process | None = None

    @property
    def process(self) -> wiring.Process:
        """The running bot's use-cases and stores, as the composition root opened them."""
        assert self._process is not None, "the bot is not running"
        return self._process

    def _expose(self, process: wiring.Process) -> None:
        self._process = process

    async def start(self, settings: AppSettings | None = None) -> PhishBot:
        self.settings = settings or self.settings
        configure_endpoints(self.settings)
        bot = wiring.discord_bot(self.settings, expose=self._expose, **self.bot_kwargs)
        self.bot = bot
        self.task = asyncio.create_task(bot.start(self.settings.discord.token or ""))
        await self.fake.wait_ready(count=self.fake.ready_count + 1)
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        return bot

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.close()
        if self.task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.task, 10)
        self.bot = self.task = None

    async def restart(self) -> PhishBot:
        await self.stop()
        return await self.start()


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    server.patch_discord(monkeypatch)  # restored after the test, whatever configure_endpoints set
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
def make_settings(fake: FakeDiscord, tmp_path: Path) -> Callable[..., AppSettings]:
    def make(**discord: Any) -> AppSettings:
        return bot_settings(fake, tmp_path / "phishbot.db", **discord)
    return make


@pytest.fixture
async def running(fake: FakeDiscord, make_settings: Callable[..., AppSettings]) -> AsyncIterator[Running]:
    run = Running(fake, make_settings())
    await run.start()
    try:
        yield run
    finally:
        await run.stop()


def with_lookups(settings: AppSettings, lookups: LookupSettings) -> AppSettings:
    return replace(settings, lookups=lookups)


def embed_text(message: dict[str, Any]) -> str:
    """Everything an embed shows, as one string."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", ""), (embed.get("footer") or {}).get("text", "")]
        for field in embed.get("fields", []):
            parts += [field["name"], field["value"]]
    return "\n".join(parts)


def custom_ids(message: dict[str, Any]) -> list[str]:
    out = []
    for row in message.get("components") or []:
        for c in row.get("components", []):
            if c.get("custom_id"):
                out.append(c["custom_id"])
    return out
