"""A registry that is down, or hangs, never holds the bot's reply back: the analysis arrives with
the registration age marked unknown."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace

import pytest

from bot.settings import AppSettings, LookupSettings
from tests.discord_ui.conftest import SEED_PASTE, Running, embed_text
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.registries import closed_port


@pytest.fixture
async def silent_port() -> AsyncIterator[int]:
    """A registry that accepts connections and never answers."""
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()


async def answer_with(fake: FakeDiscord, settings: AppSettings) -> tuple[str, float]:
    run = Running(fake, settings)
    await run.start()
    try:
        started = time.monotonic()
        await fake.post_message(SEED_PASTE)
        message = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=15)
        return embed_text(message), time.monotonic() - started
    finally:
        await run.stop()


async def test_registries_down_still_reply(fake: FakeDiscord, make_settings: Callable[..., AppSettings]) -> None:
    port = closed_port()
    lookups = LookupSettings(enabled=True, rdap_base_url=f"http://127.0.0.1:{port}", whois_server=("127.0.0.1", port),
                             rdap_bootstrap_url=f"http://127.0.0.1:{port}/dns.json", timeout=1.0, deadline=2.0)
    text, _ = await answer_with(fake, replace(make_settings(), lookups=lookups))
    assert "servicecc-jp[.]cc" in text and "登録日は不明" in text


async def test_a_hanging_registry_costs_at_most_the_deadline(
    fake: FakeDiscord, make_settings: Callable[..., AppSettings], silent_port: int,
) -> None:
    lookups = LookupSettings(enabled=True, rdap_base_url=f"http://127.0.0.1:{silent_port}",
                             whois_server=("127.0.0.1", silent_port), timeout=30.0, deadline=1.0,
                             rdap_bootstrap_url=f"http://127.0.0.1:{silent_port}/dns.json")
    text, took = await answer_with(fake, replace(make_settings(), lookups=lookups))
    assert "servicecc-jp[.]cc" in text and "登録日は不明" in text
    assert took < 20.0  # bounded by the deadline (1 s), not by the 30 s a lookup may take
