"""What every cog and view needs: the use-cases (built once in ``setup_hook``), the member's and
the guild's language, and the one error handler that turns any failure into a sentence."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands

from bot.i18n import normalise_lang, t
from bot.presentation.sentences import failure_sentence
from bot.services.community import Community
from bot.services.lookup_budget import LookupBudget
from bot.services.protocols import DomainIntel, SharedLogPort
from bot.settings import AppSettings

if TYPE_CHECKING:
    from bot.discord_ui.client import PhishBot
    from bot.discord_ui.cooldown import RateLimiter
    from bot.metrics import Metrics
    from bot.wiring import Outreach

log = logging.getLogger("bot.discord")
GUILD_SETTINGS_TTL = 60.0  # seconds
NO_MENTIONS = discord.AllowedMentions.none()


@dataclass
class Deps:
    settings: AppSettings
    community: Community
    store: SharedLogPort
    intel: DomainIntel | None
    budget: LookupBudget
    limiter: RateLimiter
    clock: Callable[[], datetime]
    outreach: Outreach | None = None  # threat feeds, link watch, web tokens, network (issue 14)
    metrics: Metrics | None = None
    _guilds: dict[int, tuple[float, dict[str, Any]]] = field(default_factory=dict)

    async def guild_settings(self, guild_id: int) -> dict[str, Any]:
        """The guild's settings, kept a minute (/setup refreshes them at once; `phishbot setup`
        from the CLI takes effect within the minute)."""
        now = time.monotonic()
        cached = self._guilds.get(guild_id)
        if cached is None or now - cached[0] > GUILD_SETTINGS_TTL:
            cached = (now, await self.store.guild_settings(guild_id))
            if len(self._guilds) > 5000:
                self._guilds.clear()
            self._guilds[guild_id] = cached
        return cached[1]

    async def update_guild(self, guild_id: int, **changes: Any) -> dict[str, Any]:
        await self.store.set_guild_settings(guild_id, **changes)
        self._guilds.pop(guild_id, None)
        return await self.guild_settings(guild_id)

    def forget_guild(self, guild_id: int) -> None:
        self._guilds.pop(guild_id, None)

    async def is_report_channel(self, channel: object) -> bool:
        """A channel chosen with /setup or, when none is chosen, one named in ``REPORT_CHANNELS``
        (a thread counts as its channel)."""
        base = channel.parent if isinstance(channel, discord.Thread) else channel
        if not isinstance(base, discord.TextChannel):
            return False
        chosen = (await self.guild_settings(base.guild.id))["report_channels"]
        if chosen:
            return base.id in chosen
        return base.name.lower() in self.settings.discord.report_channels


def bot_of(interaction: discord.Interaction[Any]) -> PhishBot:
    return cast("PhishBot", interaction.client)


def locale_lang(locale: discord.Locale | str | None) -> str:
    return normalise_lang(str(locale.value if isinstance(locale, discord.Locale) else locale or "")) or "en"


def member_lang(interaction: discord.Interaction[Any]) -> str:
    """Interaction replies speak the member's Discord language (ja, else en)."""
    return locale_lang(interaction.locale)


async def guild_lang(deps: Deps, guild: discord.Guild | None) -> str:
    """Auto-intake replies speak the guild's language: /setup's choice, else its preferred locale."""
    if guild is None:
        return "en"
    chosen = (await deps.guild_settings(guild.id))["language"]
    return str(chosen) if chosen else locale_lang(guild.preferred_locale)


# --- the one error handler ---------------------------------------------------------------------


# what answering in a report channel's threads takes; /setup checks these, and the invite asks for them
ANSWER_PERMISSIONS = ("view_channel", "send_messages", "create_public_threads", "send_messages_in_threads",
                      "embed_links", "read_message_history")
REPORT_CHANNEL_PERMISSIONS = (*ANSWER_PERMISSIONS, "attach_files")
OPTIONAL_PERMISSIONS = ("manage_messages",)  # auto-delete, delete-my-paste, hiding link previews


def missing_permissions(channel: discord.abc.GuildChannel | discord.Thread, wanted: tuple[str, ...]) -> list[str]:
    """Which of ``wanted`` the bot lacks in ``channel``."""
    perms = channel.permissions_for(channel.guild.me)
    return [p for p in wanted if not getattr(perms, p)]


def permission_names(missing: list[str], lang: str) -> str:
    return ", ".join(t(lang, "permission", p) for p in missing)


def explain(error: BaseException, lang: str) -> tuple[str, bool]:
    """A sentence for the member, and whether the failure was ours (logged with an id)."""
    while isinstance(error, app_commands.CommandInvokeError | app_commands.TransformerError) and error.__cause__:
        error = error.__cause__
    if isinstance(error, app_commands.CommandOnCooldown):
        return t(lang, "discord", "cooldown", seconds=max(1, round(error.retry_after))), False
    if isinstance(error, app_commands.MissingPermissions):
        return t(lang, "discord", "member_missing", permissions=permission_names(error.missing_permissions, lang)), False
    if isinstance(error, app_commands.BotMissingPermissions):
        return t(lang, "discord", "bot_missing", permissions=permission_names(error.missing_permissions, lang)), False
    if isinstance(error, app_commands.NoPrivateMessage):
        return t(lang, "discord", "guild_only"), False
    if isinstance(error, app_commands.CheckFailure):
        return t(lang, "discord", "not_allowed"), False
    if isinstance(error, discord.Forbidden):
        return t(lang, "discord", "forbidden"), False
    sentence = failure_sentence(error, lang)  # the CLI's sentences for the use-cases' failures
    if sentence is not None:
        return sentence, isinstance(error, sqlite3.Error)  # a database failure is ours: logged
    return t(lang, "discord", "unexpected"), True


async def answer_error(interaction: discord.Interaction[Any], error: BaseException) -> None:
    lang = member_lang(interaction)
    text, ours = explain(error, lang)
    if ours:
        ref = uuid.uuid4().hex[:8]
        log.error("interaction failed [%s] %s", ref, type(error).__name__, exc_info=error)
        text += " " + t(lang, "discord", "error_ref", ref=ref)
    await send_ephemeral(interaction, text)


async def send_ephemeral(interaction: discord.Interaction[Any], text: str | None, **kwargs: Any) -> None:
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text or "", ephemeral=True, allowed_mentions=NO_MENTIONS, **kwargs)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS, **kwargs)
    except discord.HTTPException as exc:  # the interaction expired or Discord is down: nothing more to say
        log.warning("could not answer an interaction: %s", exc)


@contextlib.asynccontextmanager
async def tracked(interaction: discord.Interaction[Any]) -> AsyncIterator[bool]:
    """An interaction's work, tracked so that a stop waits for it; once a stop has begun the member
    is told to try again in a minute, and this yields False."""
    bot = bot_of(interaction)
    async with bot.work() as running:
        if not running:
            await send_ephemeral(interaction, t(member_lang(interaction), "discord", "stopping"))
        try:
            yield running
        except asyncio.CancelledError:
            if bot.stopping:  # abandoned at the end of the stop window: say so before the bot goes
                await send_ephemeral(interaction, t(member_lang(interaction), "discord", "restart_paste_again"))
            raise


async def guarded(interaction: discord.Interaction[Any], work: Callable[[], Awaitable[None]]) -> None:
    """Runs a button's or a modal's work, tracked; any failure becomes the same ephemeral sentence
    as a command's (``CommandTree.on_error`` covers commands)."""
    async with tracked(interaction) as running:
        if not running:
            return
        try:
            await work()
        except Exception as exc:  # noqa: BLE001 - the one handler: everything is answered and logged
            await answer_error(interaction, exc)
