"""A guild's data is purged GUILD_RETENTION_DAYS after the bot left it; a guild it is still in,
or came back to, keeps everything."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import aiosqlite

from bot.discord_ui.cogs.admin import purge_departed
from tests.discord_ui.conftest import SEED_EML, Running
from tests.fakes.discord_server import GUILD_ID, MEMBER_ID

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
        await deps.community.submit_report(SEED_EML, guild, MEMBER_ID, now, None)
        await deps.community.register(guild, MEMBER_ID, "taro@example.jp", "Amazon", "", now)
        await deps.store.save_report_text(guild, "R-0000000001", MEMBER_ID, "text", now + timedelta(days=30))
    await deps.store.mark_guild(GONE, now - timedelta(days=10))
    assert await purge_departed(bot) == 0  # not yet: 10 of 30 days
    assert await count(running.settings.db_path, GONE) > 0
    await deps.store.mark_guild(GONE, now - timedelta(days=31))
    await deps.store.mark_guild(GUILD_ID, now - timedelta(days=31))  # marked, but the bot is in it
    assert await purge_departed(bot) == 1
    assert await count(running.settings.db_path, GONE) == 0
    assert await count(running.settings.db_path, GUILD_ID) > 0
    assert await deps.store.guilds_left_before(now) == []  # the guild it is in was unmarked
