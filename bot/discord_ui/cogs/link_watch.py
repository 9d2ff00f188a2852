"""Link watch (opt-in in /setup): a known-bad link posted in any channel the bot can read gets a
short reply — no ping, the link defanged, who knows it (this server's members, a threat feed, other
servers), a button to analyse it — and, if the server chose so and the bot may manage messages,
the message's preview is hidden or the message deleted with a note to its author.

Report channels are left to auto-intake. Warnings are rate-limited per channel
(``LINK_WATCH_REPLIES_PER_MINUTE``); past the limit a message is still hidden or deleted when the
server chose so, without a reply. The check itself is in memory (``services/link_watch.py``).
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from typing import Any

import discord
from discord.ext import commands

from bot.analysis.links import urls_in_text
from bot.discord_ui._parsing import MailInput
from bot.discord_ui.client import PhishBot
from bot.discord_ui.cogs.analyze import analyse_for
from bot.discord_ui.context import (
    NO_MENTIONS,
    OPTIONAL_PERMISSIONS,
    guarded,
    guild_lang,
    member_lang,
    missing_permissions,
    send_ephemeral,
)
from bot.discord_ui.embeds import code, plain
from bot.i18n import t, tn
from bot.presentation.sentences import listing_text
from bot.services.link_watch import WatchHit
from bot.services.rate_limit import RateLimiter

log = logging.getLogger(__name__)


def reasons(hit: WatchHit, lang: str) -> str:
    parts = []
    if hit.members:
        parts.append(tn(lang, "watch", "reported", hit.members))
    seen: set[str] = set()
    for x in hit.listings:
        if x.source not in seen and len(seen) < 2:
            seen.add(x.source)
            parts.append(listing_text(x, lang))
    if hit.servers:
        parts.append(tn(lang, "watch", "servers", hit.servers))
    if hit.judged:
        parts.append(t(lang, "watch", "judged", verdict=t(lang, "verdict", hit.judged)))
    return " · ".join(parts)


def warning(hit: WatchHit, lang: str) -> str:
    return t(lang, "watch", "warning", link=code(hit.url), reasons=plain(reasons(hit, lang)))[:1900]


def deleted_note(hit: WatchHit, author_id: int, lang: str) -> str:
    return t(lang, "watch", "deleted", author=f"<@{author_id}>", link=code(hit.url),
             reasons=plain(reasons(hit, lang)))[:1900]


class AnalyseLinkButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"watch:analyse"):
    """Analyses the link of the warning it sits under, privately (the warning itself holds the link,
    defanged: the button needs no state and works after restarts, and after the message is gone)."""

    def __init__(self, lang: str = "en") -> None:
        super().__init__(discord.ui.Button(label=t(lang, "watch", "analyse_button")[:80], emoji="🔍",
                                           style=discord.ButtonStyle.secondary, custom_id="watch:analyse"))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> AnalyseLinkButton:
        return cls()

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        message = interaction.message
        urls = urls_in_text(message.content if message is not None else "", 1)
        if not urls:
            await send_ephemeral(interaction, t(member_lang(interaction), "discord", "nothing_found"))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await analyse_for(interaction, [MailInput("link", urls[0].encode("utf-8"))], "link_watch")


class LinkWatch(commands.Cog):
    def __init__(self, bot: PhishBot) -> None:
        self.bot = bot
        self.limiter = RateLimiter(bot.settings.discord.link_watch_replies_per_minute, 60.0, time.monotonic)

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(AnalyseLinkButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(AnalyseLinkButton)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or message.guild is None:
            return
        deps = self.bot.deps
        watch = deps.watch
        if watch is None:
            return
        async with self.bot.work() as running:
            if not running:
                return
            try:
                features = await watch.features(message.guild.id)
                if features.link_watch == "off":
                    return
                if await deps.is_report_channel(message.channel):
                    return  # auto-intake answers there
                text = "\n".join([message.content, *((s.content or "") for s in getattr(message, "message_snapshots", None)
                                                    or [])])
                hit = await watch.check(message.guild.id, text, features.network_receive)
                if hit is not None:
                    await self.act(message, hit, features.link_watch)
                # counted once handled (warned, hidden or deleted): the benchmark reads this counter
                if deps.metrics is not None:
                    deps.metrics.link_watch.labels("clean" if hit is None else "judged" if hit.judged else "known_bad").inc()
            except Exception:
                log.exception("link watch failed in guild %s", message.guild.id)

    async def act(self, message: discord.Message, hit: WatchHit, mode: str) -> None:
        assert message.guild is not None
        lang = await guild_lang(self.bot.deps, message.guild)
        may_manage = not missing_permissions(message.channel, OPTIONAL_PERMISSIONS)  # type: ignore[arg-type]
        allowed = self.limiter.hit(message.channel.id).allowed
        if not allowed and self.bot.deps.metrics is not None:
            self.bot.deps.metrics.rate_limited.labels("link_watch").inc()
        view = discord.ui.View(timeout=None)
        view.add_item(AnalyseLinkButton(lang))
        if mode == "delete" and may_manage:
            try:
                await message.delete()
            except discord.NotFound:
                pass
            except discord.HTTPException:
                log.warning("link watch could not delete a message in channel %s", message.channel.id)
            else:
                if allowed:
                    await message.channel.send(deleted_note(hit, message.author.id, lang), view=view,
                                               allowed_mentions=NO_MENTIONS, suppress_embeds=True)
                return
        if mode in ("hide", "delete") and may_manage:
            with contextlib.suppress(discord.HTTPException):
                await message.edit(suppress=True)  # the preview Discord fetched of the phishing page goes
        if allowed:
            try:
                await message.reply(warning(hit, lang), view=view, allowed_mentions=NO_MENTIONS, mention_author=False,
                                    suppress_embeds=True)
            except discord.HTTPException:
                log.warning("link watch cannot answer in channel %s", message.channel.id)


async def setup(bot: PhishBot) -> None:
    await bot.add_cog(LinkWatch(bot))
