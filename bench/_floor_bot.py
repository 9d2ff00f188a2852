"""The floor of bench/bot.py: the least a discord.py bot does to answer a paste the way phishbot
does (a thread from the message, one embed in it), with no analysis, no database, no lookups."""

from __future__ import annotations

import asyncio
import os
import signal

import discord
import yarl


class FloorBot(discord.Client):
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is None:
            return
        thread = await message.create_thread(name="answer", auto_archive_duration=1440)
        embed = discord.Embed(title="answer", description="a fixed embed", colour=0x546E7A)
        await thread.send(embed=embed, allowed_mentions=discord.AllowedMentions.none())


async def main() -> None:
    discord.http.Route.BASE = os.environ["DISCORD_API_BASE"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])
    intents = discord.Intents.none()
    intents.guilds = intents.guild_messages = intents.message_content = True
    bot = FloorBot(intents=intents, guild_ready_timeout=0.1, max_messages=200)
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, lambda: loop.create_task(bot.close()))
    async with bot:
        await bot.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main())
