"""A guild's data is purged GUILD_RETENTION_DAYS after the bot left it; a guild it is still in,
or came back to, keeps everything."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import aiosqlite

from bot.discord_ui.cogs.admin import purge_departed
from bot.services.ports.guilds import SettingsChange
from tests.discord_ui.conftest import SEED_EML, Running
from tests.fakes.discord.state import GUILD_ID, MEMBER_ID

GONE = 4242


async def count(db_path: str, guild_id: int) -> int:
    total = 0
    async with aiosqlite.connect(db_path) as db:
        for table in ("report", "report_domain", "report_text", "campaign", "registration", "guild_settings"):
            async with db.execute(f"SELECT count(*) FROM {table} WHERE guild_id = ?", (guild_id,)) as cur:
                total += (await cur.fetchone())[0]  # type: ignore[index]
    return total


async def test_departed_guild_is_purged_after_the_retention(running: Running) -> None:
    bot = running.bot
    assert bot is not None
    deps = bot.deps
    now = datetime.now(UTC)
    for guild in (GONE, GUILD_ID):
        await deps.submissions.submit(SEED_EML, guild, MEMBER_ID, now)
        await deps.community.register(guild, MEMBER_ID, "taro@example.jp", "Amazon", "", now)
        await running.process.stores.reports.save_desk_text(guild, "R-0000000001", MEMBER_ID, "text", now + timedelta(days=30))
    await running.process.stores.guilds.mark_left(GONE, now - timedelta(days=10))
    assert await purge_departed(bot) == 0  # not yet: 10 of 30 days
    assert await count(running.settings.db_path, GONE) > 0
    await running.process.stores.guilds.mark_left(GONE, now - timedelta(days=31))
    await running.process.stores.guilds.mark_left(GUILD_ID, now - timedelta(days=31))  # marked, but the bot is in it
    assert await purge_departed(bot) == 1
    assert await count(running.settings.db_path, GONE) == 0
    assert await count(running.settings.db_path, GUILD_ID) > 0
    assert await running.process.stores.guilds.guilds_left_before(now) == []  # the guild it is in was unmarked


async def test_a_restart_never_purges_a_guild_the_bot_is_in(running: Running) -> None:
    bot = running.bot
    assert bot is not None
    now = datetime.now(UTC)
    await bot.deps.submissions.submit(SEED_EML, GUILD_ID, MEMBER_ID, now)
    await running.process.stores.guilds.mark_left(GUILD_ID, now - timedelta(days=31))  # it left, and was added back while offline
    before = await count(running.settings.db_path, GUILD_ID)
    bot = await running.restart()
    await asyncio.sleep(0.5)  # on_ready and the purge loop's first round
    assert await count(running.settings.db_path, GUILD_ID) == before
    assert await running.process.stores.guilds.guilds_left_before(datetime.now(UTC)) == []


async def test_a_guild_left_while_offline_is_marked_at_start(running: Running) -> None:
    bot = running.bot
    assert bot is not None
    now = datetime.now(UTC)
    await bot.deps.submissions.submit(SEED_EML, GONE, MEMBER_ID, now)
    await running.process.stores.guilds.mark_present(GONE)  # the bot was in it (as on_ready / on_guild_join record)
    bot = await running.restart()  # …and was removed while it was offline
    await asyncio.sleep(0.5)
    assert await running.process.stores.guilds.guilds_left_before(datetime.now(UTC)) == [GONE]


async def test_removal_from_a_guild_is_recorded(running: Running) -> None:
    fake = running.fake
    bot = running.bot
    assert bot is not None
    await fake._dispatch("GUILD_DELETE", {"id": str(GUILD_ID)})  # the bot was kicked (no "unavailable")
    for _ in range(100):
        if await running.process.stores.guilds.guilds_left_before(datetime.now(UTC)):
            break
        await asyncio.sleep(0.05)
    assert await running.process.stores.guilds.guilds_left_before(datetime.now(UTC)) == [GUILD_ID]
    assert await running.process.stores.guilds.guilds_left_before(datetime.now(UTC) - timedelta(days=1)) == []


async def test_guild_ids_only_the_cli_used_are_never_marked(running: Running) -> None:
    bot = running.bot
    assert bot is not None
    cli_only = 111
    await bot.deps.submissions.submit(SEED_EML, cli_only, MEMBER_ID, datetime.now(UTC))
    await running.process.stores.guilds.change_guild_settings(cli_only, SettingsChange(language="ja"))  # as `phishbot report --guild 111` could
    bot = await running.restart()
    await asyncio.sleep(0.5)
    assert await running.process.stores.guilds.guilds_left_before(datetime.now(UTC)) == []
    assert await count(running.settings.db_path, cli_only) > 0
