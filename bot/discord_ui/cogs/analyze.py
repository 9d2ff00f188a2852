"""/analyze (a modal to paste into, or a file) and the message context menu "Analyze as phishing
mail". Answers are ephemeral, in the member's language, with a button to share a redacted copy.

A private analysis stays private: it is not recorded in the server's shared log (no report, no
campaign, no count on /domain) until the member presses Share, which posts it and records it."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_ui._parsing import MailInput, is_mail_attachment, strip_fences
from bot.discord_ui._submit import Outcome, refreshed, report_view, submit
from bot.discord_ui.client import PhishBot
from bot.discord_ui.cogs._collect import collect
from bot.discord_ui.context import NO_MENTIONS, Deps, bot_of, guarded, member_lang, send_ephemeral
from bot.discord_ui.embeds import shown_name
from bot.discord_ui.translator import L
from bot.i18n import t

PASTE_MAX = 4000  # Discord's limit for a modal text input


async def analyse_for(interaction: discord.Interaction[PhishBot], mails: list[MailInput], path: str = "command") -> None:
    """Analyses (rate-limited per member) and answers ephemerally; the interaction is deferred, and
    the caller (a command, or the paste modal through ``guarded``) tracks the work."""
    lang = member_lang(interaction)
    deps = bot_of(interaction).deps
    assert interaction.guild_id is not None
    for mail in mails:
        allowed = deps.limiter.hit(interaction.user.id)
        if not allowed.allowed:
            await send_ephemeral(interaction, t(lang, "discord", "slow_down", seconds=max(1, round(allowed.retry_after)),
                                                limit=deps.settings.discord.analyses_per_minute))
            return
        outcome = await submit(deps, mail.data, interaction.guild_id, interaction.user.id, lang, mail.name,
                               record=False, path=path)
        sent = await interaction.followup.send(t(lang, "discord", "private_note"), embed=outcome.embed,
                                               view=report_view(outcome, lang, share=True),
                                               ephemeral=True, allowed_mentions=NO_MENTIONS, wait=True)
        if outcome.pending:
            bot_of(interaction).spawn(_update(deps, sent, outcome, interaction.guild_id, lang),
                                      "updating an answer with late lookups")


async def _update(deps: Deps, sent: discord.WebhookMessage, outcome: Outcome, guild_id: int, lang: str) -> None:
    embed = await refreshed(deps, outcome, guild_id, lang)
    if embed is not None:
        await sent.edit(embed=embed, allowed_mentions=NO_MENTIONS)


class PasteModal(discord.ui.Modal):
    def __init__(self, lang: str) -> None:
        super().__init__(title=t(lang, "discord", "modal_title")[:45], timeout=900, custom_id="analyze:paste")
        self.mail: discord.ui.TextInput[PasteModal] = discord.ui.TextInput(
            style=discord.TextStyle.paragraph, placeholder=t(lang, "discord", "modal_placeholder")[:100],
            max_length=PASTE_MAX, required=True, custom_id="analyze:paste:text",
        )
        self.add_item(discord.ui.Label(text=t(lang, "discord", "modal_label")[:45], component=self.mail))

    async def on_submit(self, interaction: discord.Interaction[PhishBot]) -> None:  # type: ignore[override]
        await guarded(interaction, lambda: self._analyse(interaction))

    async def _analyse(self, interaction: discord.Interaction[PhishBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        text = strip_fences(self.mail.value or "")
        await analyse_for(interaction, [MailInput("paste", text.encode("utf-8"))])


class Analyze(commands.Cog):
    def __init__(self, bot: PhishBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name=L("menu_analyze"), callback=self.analyze_message)
        self.menu.guild_only = True
        bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(name=L("analyze"), description=L("analyze_desc"))
    @app_commands.describe(file=L("analyze_file"))
    @app_commands.rename(file=L("analyze_file_name"))
    @app_commands.guild_only()
    async def analyze(self, interaction: discord.Interaction[PhishBot], file: discord.Attachment | None = None) -> None:
        lang = member_lang(interaction)
        if file is None:
            await interaction.response.send_modal(PasteModal(lang))
            return
        limit = self.bot.settings.limits.max_input_bytes
        if not is_mail_attachment(file.filename):
            await send_ephemeral(interaction, t(lang, "discord", "wrong_file", name=shown_name(file.filename)))
            return
        if file.size > limit:
            await send_ephemeral(interaction, t(lang, "discord", "too_big", name=shown_name(file.filename),
                                                limit=limit // (1024 * 1024)))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        await analyse_for(interaction, [MailInput(file.filename, data)])

    async def analyze_message(self, interaction: discord.Interaction[PhishBot], message: discord.Message) -> None:
        lang = member_lang(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        found = await collect(message, self.bot.settings.limits.max_input_bytes)
        if not found.inputs:
            if found.failed:
                await send_ephemeral(interaction, t(lang, "discord", "fetch_failed", name=shown_name(found.failed[0])))
                return
            if not message.content.strip() and not found.too_big:
                await send_ephemeral(interaction, t(lang, "discord", "nothing_found"))
                return
            if found.too_big:
                await send_ephemeral(interaction, t(lang, "discord", "too_big", name=shown_name(found.too_big[0]),
                                                    limit=self.bot.settings.limits.max_input_bytes // (1024 * 1024)))
                return
            # the member asked explicitly: analyse the text even without headers or links
            found.inputs.append(MailInput("message", strip_fences(message.content).encode("utf-8")))
        await analyse_for(interaction, found.inputs, "context_menu")


async def setup(bot: PhishBot) -> None:
    await bot.add_cog(Analyze(bot))
