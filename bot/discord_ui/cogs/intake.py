"""Auto-intake: a mail pasted or attached in a report channel is answered in a thread of its own.

A report channel is one chosen with /setup or, when none is chosen, any channel whose name is in
``REPORT_CHANNELS``. Plain chat is left alone. Replies speak the guild's language.
"""

from __future__ import annotations

import asyncio
import logging

import discord
from discord.ext import commands

from bot.discord_ui._submit import Outcome, refreshed, report_view, submit
from bot.discord_ui.client import PhishBot
from bot.discord_ui.cogs._collect import collect
from bot.discord_ui.context import (
    ANSWER_PERMISSIONS,
    NO_MENTIONS,
    OPTIONAL_PERMISSIONS,
    guild_lang,
    missing_permissions,
    permission_names,
)
from bot.discord_ui.embeds import shown_name
from bot.i18n import t
from bot.presentation.palette import VERDICT_EMOJI
from bot.presentation.sentences import failure_sentence
from bot.services.errors import CommunityError

log = logging.getLogger(__name__)

def thread_name(outcome: Outcome, lang: str) -> str:
    brand = outcome.view.brand
    parts = [VERDICT_EMOJI.get(outcome.verdict, ""), t(lang, "verdict", outcome.verdict)]
    if brand and not brand.official:
        parts.append(brand.name)
    parts.append(outcome.report_id)
    return " ".join(p for p in parts if p)[:100]


class Intake(commands.Cog):
    def __init__(self, bot: PhishBot) -> None:
        self.bot = bot

    async def is_report_channel(self, channel: object) -> bool:
        return await self.bot.deps.is_report_channel(channel)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or message.guild is None:
            return
        async with self.bot.work() as running:
            if running and await self.is_report_channel(message.channel):
                try:
                    await self.intake(message)
                except Exception:
                    log.exception("intake failed in guild %s", message.guild.id)

    async def intake(self, message: discord.Message) -> None:
        deps = self.bot.deps
        found = await collect(message, deps.settings.limits.max_input_bytes)
        if not (found.inputs or found.too_big or found.failed):
            return  # plain chat
        assert message.guild is not None
        lang = await guild_lang(deps, message.guild)
        for name in found.too_big:
            await self.say(message, t(lang, "discord", "too_big", name=shown_name(name),
                                      limit=deps.settings.limits.max_input_bytes // (1024 * 1024)))
        for name in found.failed:
            await self.say(message, t(lang, "discord", "fetch_failed", name=shown_name(name)))
        answered = 0
        for mail in found.inputs:
            allowed = deps.limiter.hit(message.author.id)
            if not allowed.allowed:
                if allowed.warn:
                    await self.say(message, t(lang, "discord", "slow_down", seconds=max(1, round(allowed.retry_after)),
                                              limit=deps.settings.discord.analyses_per_minute))
                break
            try:
                if await self.answer(message, mail.data, mail.name, lang, first=answered == 0):
                    answered += 1
            except asyncio.CancelledError:
                if self.bot.stopping:  # abandoned at the end of the stop window: say so before the bot goes
                    await self.say(message, t(lang, "discord", "restart_paste_again"))
                raise
        if answered and "://" in message.content:  # Discord previews the links of the message's own text
            await self.suppress_previews(message)
        if answered and (await deps.guilds.settings(message.guild.id)).auto_delete:
            await self.delete_paste(message, lang)

    async def answer(self, message: discord.Message, data: bytes, name: str, lang: str, *, first: bool) -> bool:
        deps = self.bot.deps
        assert message.guild is not None
        try:
            outcome = await submit(deps, data, message.guild.id, message.author.id, lang, name)
        except CommunityError as exc:
            await self.say(message, t(lang, "discord", "unreadable", name=shown_name(name),
                                      reason=failure_sentence(exc, lang) or exc.code))
            return False
        # with auto-delete on, the paste goes by itself: no button to delete it
        auto_delete = (await deps.guilds.settings(message.guild.id)).auto_delete
        view = report_view(outcome, lang, paste=None if auto_delete else message)
        channel = message.channel
        target: discord.abc.Messageable | None = None
        try:
            if isinstance(channel, discord.Thread):
                target = channel
            elif first:
                target = await message.create_thread(name=thread_name(outcome, lang), auto_archive_duration=1440)
            else:
                assert isinstance(channel, discord.TextChannel)
                target = await channel.create_thread(name=thread_name(outcome, lang), auto_archive_duration=1440,
                                                     type=discord.ChannelType.public_thread)
            sent = await target.send(embed=outcome.embed, view=view, allowed_mentions=NO_MENTIONS)
            self.update_later(sent, outcome, message.guild.id, lang)
            return True
        except discord.Forbidden:
            pass
        except discord.HTTPException as exc:  # Discord refused the message itself: say so, keep going
            log.warning("answer refused in guild %s: %s %s", message.guild.id, exc.status, exc.code)
            if isinstance(target, discord.Thread):  # a thread was opened: say it there, not leave it empty
                try:
                    await target.send(t(lang, "discord", "unexpected"), allowed_mentions=NO_MENTIONS)
                    return False
                except discord.HTTPException:
                    pass
            await self.say(message, t(lang, "discord", "unexpected"))
            return False
        # no thread: answer in the channel, and tell the admins which permissions are missing
        assert isinstance(channel, discord.TextChannel | discord.Thread)
        missing = missing_permissions(channel, ANSWER_PERMISSIONS) or ["create_public_threads"]
        note = t(lang, "discord", "no_thread", permissions=permission_names(missing, lang))
        try:
            sent = await message.reply(note, embed=outcome.embed, view=view, allowed_mentions=NO_MENTIONS,
                                       mention_author=False)
            self.update_later(sent, outcome, message.guild.id, lang)
            return True
        except discord.HTTPException:
            log.warning("cannot answer in guild %s channel %s: missing %s", message.guild.id, channel.id, missing)
            return False

    def update_later(self, sent: discord.Message, outcome: Outcome, guild_id: int, lang: str) -> None:
        """Registries that answer after the reply went out: the reply is edited with their facts."""
        if not outcome.pending:
            return

        async def update() -> None:
            embed = await refreshed(self.bot.deps, outcome, guild_id, lang)
            if embed is not None:
                await sent.edit(embed=embed, allowed_mentions=NO_MENTIONS)

        self.bot.spawn(update(), "updating an answer with late lookups")

    async def say(self, message: discord.Message, text: str) -> None:
        try:
            await message.reply(text, allowed_mentions=NO_MENTIONS, mention_author=False, suppress_embeds=True)
        except discord.HTTPException:
            log.warning("cannot reply in channel %s", message.channel.id)

    async def suppress_previews(self, message: discord.Message) -> None:
        """Discord previews the links of a paste (fetching the phishing page for everyone to see):
        the bot hides those previews when it may manage messages."""
        try:
            if not missing_permissions(message.channel, OPTIONAL_PERMISSIONS):  # type: ignore[arg-type]
                await message.edit(suppress=True)
        except discord.HTTPException:
            pass

    async def delete_paste(self, message: discord.Message, lang: str) -> None:
        try:
            await message.delete()
        except discord.NotFound:
            pass
        except discord.Forbidden:
            await self.say(message, t(lang, "discord", "bot_missing", permissions=t(lang, "permission", "manage_messages")))


async def setup(bot: PhishBot) -> None:
    await bot.add_cog(Intake(bot))
