"""What every cog and view needs: the use-cases (built by the composition root and opened in
``setup_hook``), the member's and the guild's language, and the one error handler that turns any
failure into a sentence."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

import discord
from discord import app_commands

from bot.i18n import normalise_lang, t
from bot.presentation.sentences import failure_sentence
from bot.services.campaign_page import CampaignPages
from bot.services.community import Community
from bot.services.guild_lookups import GuildLookups
from bot.services.guilds import Guilds
from bot.services.link_watch import LinkWatch
from bot.services.other_sources import ElsewhereLookup
from bot.services.rate_limit import RateLimiter
from bot.services.submit import Submissions
from bot.services.web_tokens import WebTokens
from bot.settings import AppSettings

if TYPE_CHECKING:
    from bot.metrics import Metrics

log = logging.getLogger(__name__)
NO_MENTIONS = discord.AllowedMentions.none()


@dataclass
class Deps:
    """The use-cases the cogs and views call (no store: the use-cases own the policy)."""

    settings: AppSettings
    community: Community
    submissions: Submissions
    guilds: Guilds
    lookups: GuildLookups | None  # None: lookups are off for the whole bot
    pages: CampaignPages
    tokens: WebTokens
    elsewhere: ElsewhereLookup
    watch: LinkWatch | None
    limiter: RateLimiter
    clock: Callable[[], datetime]
    metrics: Metrics | None = None  # what the adapter counts (at the edge)

    async def is_report_channel(self, channel: object) -> bool:
        """A channel chosen with /setup or, when none is chosen, one named in ``REPORT_CHANNELS``
        (a thread counts as its channel)."""
        base = channel.parent if isinstance(channel, discord.Thread) else channel
        if not isinstance(base, discord.TextChannel):
            return False
        chosen = (await self.guilds.settings(base.guild.id)).report_channels
        if chosen:
            return base.id in chosen
        return base.name.lower() in self.settings.discord.report_channels


class Host(Protocol):
    """The bot as cogs and views see it (``client.PhishBot``): its use-cases, and its work tracked
    so that a stop waits for it."""

    @property
    def deps(self) -> Deps: ...

    @property
    def stopping(self) -> bool: ...

    def work(self) -> contextlib.AbstractAsyncContextManager[bool]: ...

    def spawn(self, coro: Coroutine[Any, Any, None], what: str) -> None: ...


def bot_of(interaction: discord.Interaction[Any]) -> Host:
    return cast("Host", interaction.client)


def locale_lang(locale: discord.Locale | str | None) -> str:
    return normalise_lang(str(locale.value if isinstance(locale, discord.Locale) else locale or "")) or "en"


def member_lang(interaction: discord.Interaction[Any]) -> str:
    """Interaction replies speak the member's Discord language (ja, else en)."""
    return locale_lang(interaction.locale)


async def guild_lang(deps: Deps, guild: discord.Guild | None) -> str:
    """Auto-intake replies speak the guild's language: /setup's choice, else its preferred locale."""
    if guild is None:
        return "en"
    chosen = (await deps.guilds.settings(guild.id)).language
    return chosen if chosen else locale_lang(guild.preferred_locale)


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
