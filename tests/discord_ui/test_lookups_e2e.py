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
from tests.fakes.discord.driver import FakeDiscord
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


async def test_a_slow_registry_updates_the_reply_when_it_answers(
    fake: FakeDiscord, make_settings: Callable[..., AppSettings],
) -> None:
    from aiohttp import web

    from tests.fakes.registries import RdapFake

    rdap = RdapFake(delay=1.5)
    runner = web.AppRunner(rdap.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    port = closed_port()
    lookups = LookupSettings(enabled=True, rdap_base_url=base, whois_server=("127.0.0.1", port), timeout=5.0,
                             deadline=5.0, rdap_bootstrap_url=f"http://127.0.0.1:{port}/dns.json")
    settings = replace(make_settings(reply_wait=0.3), lookups=lookups)
    run = Running(fake, settings)
    await run.start()
    try:
        await fake.post_message(SEED_PASTE)
        first = await fake.wait_for(lambda m: bool(m.get("embeds")), timeout=10)
        assert "登録日は不明" in embed_text(first)  # answered before the registry did
        edited = await fake.wait_for(lambda m: m["via"] == "edit" and m["id"] == first["id"], timeout=10)
        assert "日前に登録" in embed_text(edited) and "登録日は不明" not in embed_text(edited)
        assert edited["allowed_mentions"] == {"parse": []}
        assert run.bot is not None
        view = await run.bot.deps.community.domain_view(fake_guild(), "servicecc-jp.cc", None, run.bot.deps.clock())
        assert view.age_days is not None
        assert view.age_days > 1000  # the stored report was judged again too
    finally:
        await run.stop()
        await runner.cleanup()


def fake_guild() -> int:
    from tests.fakes.discord.state import GUILD_ID

    return GUILD_ID
