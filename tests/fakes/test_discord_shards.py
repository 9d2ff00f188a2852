"""The fake Discord speaks sharding: IDENTIFY with ``shard``, guilds routed by
``(guild_id >> 22) % shard_count``, READY and GUILD_CREATE per shard, ``/gateway/bot``'s ``shards`` —
against discord.py's own ``AutoShardedClient``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest

from tests.fakes.discord.driver import FakeDiscord
from tests.fakes.discord.state import GUILD_ID, REPORTS_ID, in_guild, shard_of


class Sharded(discord.AutoShardedClient):
    def __init__(self, **kw: object) -> None:
        intents = discord.Intents.none()
        intents.guilds = intents.guild_messages = intents.message_content = True
        super().__init__(intents=intents, guild_ready_timeout=0.1, **kw)  # type: ignore[arg-type]
        self.seen: list[tuple[int, int | None]] = []  # (guild, shard) of each message read

    async def on_message(self, message: discord.Message) -> None:
        assert message.guild is not None
        self.seen.append((message.guild.id, message.guild.shard_id))

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None  # no 5 s wait between the shards' IDENTIFYs


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(guilds=4, shards=2)
    await fake.start()
    fake.patch_discord(monkeypatch)
    try:
        yield fake
    finally:
        await fake.close()


async def _run(client: Sharded, fake: FakeDiscord, shards: int) -> asyncio.Task[None]:
    task = asyncio.create_task(client.start(fake.token))
    await fake.wait_ready(count=shards)
    await asyncio.wait_for(client.wait_until_ready(), 10)
    return task


def test_guild_ids_alternate_between_two_shards() -> None:
    assert [shard_of(in_guild(k, GUILD_ID), 2) for k in range(4)] == [0, 1, 0, 1]


async def test_one_process_with_every_shard_sees_every_guild_once(fake: FakeDiscord) -> None:
    client = Sharded()  # no shard count: discord.py asks /gateway/bot, which recommends 2
    task = await _run(client, fake, 2)
    try:
        assert sorted(d["shard"] for d in fake.identifies) == [[0, 2], [1, 2]]
        assert sorted(g.id for g in client.guilds) == fake.guild_ids
        assert {g.id: g.shard_id for g in client.guilds} == {gid: shard_of(gid, 2) for gid in fake.guild_ids}
        for k in range(4):
            await fake.post_message(f"hello {k}", channel_id=in_guild(k, REPORTS_ID))
        await fake.wait_for(lambda _: len(client.seen) == 4, source="dispatched")
        assert sorted(client.seen) == sorted((gid, shard_of(gid, 2)) for gid in fake.guild_ids)
        assert any(r.path == "/gateway/bot" for r in fake.requests)
    finally:
        await client.close()
        await asyncio.gather(task, return_exceptions=True)


async def test_a_process_with_one_shard_gets_only_its_guilds(fake: FakeDiscord) -> None:
    client = Sharded(shard_ids=[1], shard_count=2)
    task = await _run(client, fake, 1)
    try:
        assert [d["shard"] for d in fake.identifies] == [[1, 2]]
        ready = next(d for e, d in fake.dispatched if e == "READY")
        mine = [gid for gid in fake.guild_ids if shard_of(gid, 2) == 1]
        assert [int(g["id"]) for g in ready["guilds"]] == mine
        assert sorted(g.id for g in client.guilds) == mine
        for k in range(4):
            await fake.post_message(f"hello {k}", channel_id=in_guild(k, REPORTS_ID))
        await fake.wait_for(lambda _: len(client.seen) >= 2, source="dispatched")
        await asyncio.sleep(0.2)
        assert sorted(client.seen) == [(gid, 1) for gid in mine]  # the other shard's messages never came
    finally:
        await client.close()
        await asyncio.gather(task, return_exceptions=True)


async def test_an_invalid_shard_is_closed_with_4010(fake: FakeDiscord) -> None:
    client = Sharded(shard_ids=[2], shard_count=2)  # discord.py does not check it; Discord does
    task = asyncio.create_task(client.start(fake.token))
    try:
        with pytest.raises(discord.ConnectionClosed) as closed:
            await asyncio.wait_for(task, 10)
        assert closed.value.code == 4010
    finally:
        await client.close()
