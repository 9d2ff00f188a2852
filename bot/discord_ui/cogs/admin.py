"""/setup for server admins (report channels, language, auto-delete of pastes, lookups, raw-mail
retention, what the guild shares), the permissions check that goes with it, and the guild
lifecycle's events passed to the use-case (``services.guilds``: a guild's data is purged
``GUILD_RETENTION_DAYS`` after the bot left it, unless it returns)."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.discord_ui.client import PhishBot
from bot.discord_ui.cogs.community import campaign_choices
from bot.discord_ui.context import (
    OPTIONAL_PERMISSIONS,
    REPORT_CHANNEL_PERMISSIONS,
    member_lang,
    missing_permissions,
    permission_names,
    send_ephemeral,
)
from bot.discord_ui.embeds import info_embed
from bot.discord_ui.sharing import SHARING_CHOICES, SHARING_DESCRIBE, SHARING_RENAME, sharing_summary
from bot.discord_ui.translator import L
from bot.i18n import t
from bot.presentation.sentences import language_name
from bot.services.ports.guilds import SettingsChange
from bot.services.sharing_setup import SharingRequest

log = logging.getLogger(__name__)


def report_channels(guild: discord.Guild, chosen: tuple[int, ...], names: tuple[str, ...]) -> list[discord.TextChannel]:
    if chosen:
        return [c for c in guild.text_channels if c.id in chosen]
    return [c for c in guild.text_channels if c.name.lower() in names]


def permission_report(channels: list[discord.TextChannel], auto_delete: bool, lang: str) -> str:
    """What the bot lacks in each report channel, said to the admin instead of failing later."""
    lines = []
    for channel in channels:
        missing = missing_permissions(channel, REPORT_CHANNEL_PERMISSIONS)
        optional = missing_permissions(channel, OPTIONAL_PERMISSIONS)
        if missing:
            lines.append(t(lang, "discord", "setup_missing", channel=channel.mention,
                           permissions=permission_names(missing, lang)))
        if optional:
            key = "setup_missing_required" if auto_delete else "setup_missing_optional"
            lines.append(t(lang, "discord", key, channel=channel.mention, permissions=permission_names(optional, lang)))
    return "\n".join(lines) or t(lang, "discord", "setup_permissions_ok")


class Admin(commands.Cog):
    def __init__(self, bot: PhishBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        if self.bot.services:
            self.purge.start()

    async def cog_unload(self) -> None:
        self.purge.cancel()

    @app_commands.command(name=L("setup"), description=L("setup_desc"))
    @app_commands.describe(channel=L("setup_channel"), remove_channel=L("setup_remove"), language=L("setup_language"),
                           auto_delete=L("setup_auto_delete"), lookups=L("setup_lookups"),
                           keep_raw_days=L("setup_keep_raw"), **SHARING_DESCRIBE)
    @app_commands.rename(channel=L("setup_channel_name"), remove_channel=L("setup_remove_name"),
                         language=L("setup_language_name"), auto_delete=L("setup_auto_delete_name"),
                         lookups=L("setup_lookups_name"), keep_raw_days=L("setup_keep_raw_name"), **SHARING_RENAME)
    @app_commands.choices(language=[
        app_commands.Choice(name=L("lang_ja"), value="ja"), app_commands.Choice(name=L("lang_en"), value="en"),
        app_commands.Choice(name=L("lang_auto"), value="auto"),
    ], **SHARING_CHOICES)
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def setup(
        self, interaction: discord.Interaction[PhishBot], channel: discord.TextChannel | None = None,
        remove_channel: discord.TextChannel | None = None, language: app_commands.Choice[str] | None = None,
        auto_delete: bool | None = None, lookups: bool | None = None,
        keep_raw_days: app_commands.Range[int, 0, 90] | None = None,
        blocklist_feed: app_commands.Choice[str] | None = None, feed_sources: bool | None = None,
        share_pages: app_commands.Choice[str] | None = None, share_campaign: app_commands.Range[str, 1, 40] | None = None,
        unshare_campaign: app_commands.Range[str, 1, 40] | None = None, pages_link: app_commands.Choice[str] | None = None,
        link_watch: app_commands.Choice[str] | None = None, network: app_commands.Choice[str] | None = None,
    ) -> None:
        lang = member_lang(interaction)
        guild = interaction.guild
        assert guild is not None
        deps = self.bot.deps
        current = await deps.guilds.settings(guild.id)
        chosen = list(current.report_channels)
        if channel is not None and channel.id not in chosen:
            chosen.append(channel.id)
        if remove_channel is not None and remove_channel.id in chosen:
            chosen.remove(remove_channel.id)
        change = SettingsChange(
            report_channels=tuple(chosen) if tuple(chosen) != current.report_channels else None,
            language=None if language is None else ("" if language.value == "auto" else language.value),
            auto_delete=auto_delete, lookups_enabled=lookups,
            keep_raw=None if keep_raw_days is None else keep_raw_days > 0,
            raw_retention_days=keep_raw_days if keep_raw_days else None,
        )
        request = SharingRequest(
            blocklist_feed=blocklist_feed.value if blocklist_feed else None, feed_sources=feed_sources,
            share_pages=share_pages.value if share_pages else None, share_campaign=share_campaign,
            unshare_campaign=unshare_campaign, pages_link=pages_link.value if pages_link else None,
            link_watch=link_watch.value if link_watch else None, network=network.value if network else None,
        )
        result = await deps.guilds.setup(guild.id, change, request, deps.clock())
        settings = result.settings
        channels = report_channels(guild, settings.report_channels, deps.settings.discord.report_channels)
        where = (", ".join(c.mention for c in channels) if channels
                 else t(lang, "discord", "setup_no_channel", names=", ".join(deps.settings.discord.report_channels)))
        yes, no = t(lang, "discord", "on"), t(lang, "discord", "off")
        text = t(lang, "discord", "setup_summary", channels=where,
                 language=(language_name(settings.language, lang)
                           or t(lang, "discord", "lang_auto_short", locale=str(guild.preferred_locale))),
                 auto_delete=yes if settings.auto_delete else no, lookups=yes if settings.lookups_enabled else no,
                 keep_raw=(t(lang, "discord", "days", days=settings.raw_retention_days) if settings.keep_raw else no))
        text += "\n\n" + permission_report(channels, settings.auto_delete, lang)
        links = ""
        if result.sharing is not None:
            extra, links = sharing_summary(guild, result.sharing, deps.settings.web.base_url, lang)
            if extra:
                text += "\n\n" + extra
        await send_ephemeral(interaction, links or None, embed=info_embed(t(lang, "discord", "setup_title"), text))

    @setup.autocomplete("share_campaign")
    async def _share_ids(self, interaction: discord.Interaction[PhishBot], current: str) -> list[app_commands.Choice[str]]:
        return await campaign_choices(interaction, current)

    @setup.autocomplete("unshare_campaign")
    async def _unshare_ids(self, interaction: discord.Interaction[PhishBot], current: str) -> list[app_commands.Choice[str]]:
        return await campaign_choices(interaction, current)

    # --- the guild lifecycle ---------------------------------------------------------------

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        async with self.bot.work() as running:
            if running:
                await self.bot.deps.guilds.joined(guild.id)

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        async with self.bot.work() as running:
            if running:
                await self.bot.deps.guilds.left(guild.id, self.bot.deps.clock())

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self.on_guild_join(guild)

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        async with self.bot.work() as running:
            if running:
                await self.bot.deps.guilds.present([guild.id for guild in self.bot.guilds], self.bot.deps.clock(),
                                                   self.bot.owns_guild)

    @tasks.loop(hours=6)
    async def purge(self) -> None:
        await purge_departed(self.bot)

    @purge.before_loop
    async def _after_ready(self) -> None:
        """Not before the guilds are known: a guild the bot is in must never look departed."""
        await self.bot.wait_until_ready()


async def purge_departed(bot: PhishBot) -> int | None:
    """The guilds left long enough ago are purged (one that is back is kept), and what has
    expired goes: the use-case's housekeeping, run as tracked work (None: another process of the
    deployment leads, and does it)."""
    async with bot.work() as running:
        if not running:
            return 0
        return await bot.deps.guilds.housekeeping(bot.deps.clock(), lambda guild_id: bot.get_guild(guild_id) is not None)


async def setup(bot: PhishBot) -> None:
    await bot.add_cog(Admin(bot))
