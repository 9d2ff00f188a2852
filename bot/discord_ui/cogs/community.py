"""The shared log from Discord: /domain, /campaign, /leak register|mine|vote, /stats and
/privacy forget — the CLI's use-cases, answered in the member's language. Anything about the
member (their addresses, registrations, forgetting) is ephemeral."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.charts.data import CampaignChart, StatsChart, campaign_chart, stats_chart, timeline_lines, week_lines
from bot.community.service_catalogue import known_services, service_for_slug
from bot.discord_ui.charts import ChartCache, chart_file, lines_value
from bot.discord_ui.client import PhishBot
from bot.discord_ui.context import NO_MENTIONS, bot_of, guarded, member_lang, send_ephemeral
from bot.discord_ui.embeds import INFO_COLOUR, clip, info_embed, plain
from bot.discord_ui.sharing import campaign_page_line, domain_beside
from bot.discord_ui.translator import L
from bot.discord_ui.views import ForgetButton, VoteButton, is_moderator, service_label, typed_names, vote_menu
from bot.i18n import t
from bot.presentation.palette import verdict_colour_int
from bot.presentation.sentences import brand_label
from bot.presentation.shared_log import campaign_text, guild_domain_text, registered_text, registrations_text, stats_text
from bot.services.domain_info import registrable_from_input
from bot.services.errors import CommunityError
from bot.services.ports.members import MemberRegistration

# the services members most often name (a select menu holds 25); any other is typed
COMMON_SERVICES = ("amazon", "rakuten", "yahoo-japan", "mercari", "paypay", "smbc-card", "jcb", "aeon", "epos",
                   "docomo", "au", "softbank", "line", "apple", "google", "microsoft", "netflix", "uniqlo",
                   "zozotown", "yodobashi", "biccamera", "dmm", "paypal", "shein", "temu")
# a domain's status in the verdicts' colours (one table: presentation.palette)
STATUS_COLOUR = {"known_bad": verdict_colour_int("phishing"), "official": verdict_colour_int("no_signs"),
                 "unknown": INFO_COLOUR, "platform": INFO_COLOUR}


def services_hint(lang: str, limit: int = 100) -> str:
    """The catalogue's first names, as many whole names as fit in ``limit`` characters (a Discord
    placeholder): never a name cut in the middle."""
    sep = t(lang, "community", "stats_separator")
    out = ""
    for service in known_services():
        candidate = (out + sep if out else "") + service.name_in(lang)
        if len(candidate) + 1 > limit:
            return out + ("…" if out else "")
        out = candidate
    return out


async def campaign_choices(interaction: discord.Interaction[PhishBot], current: str) -> list[app_commands.Choice[str]]:
    """The server's latest campaigns whose id starts with what the member typed, with their brand."""
    if interaction.guild_id is None:
        return []
    lang = member_lang(interaction)
    rows = await bot_of(interaction).deps.community.recent_campaigns(interaction.guild_id, current[:20])
    choices = []
    for row in rows:
        label = f"{row.id} — {brand_label(row.brand, lang)}" if row.brand else row.id
        choices.append(app_commands.Choice(name=label[:100], value=row.id))
    return choices


class LeakModal(discord.ui.Modal):
    """Address and services in a private modal: the address never appears in a channel."""

    def __init__(self, lang: str) -> None:
        super().__init__(title=t(lang, "discord", "leak_title")[:45], timeout=900, custom_id="leak:register")
        self.lang = lang
        self.address: discord.ui.TextInput[LeakModal] = discord.ui.TextInput(
            placeholder="taro@example.jp", max_length=254,
            custom_id="leak:register:address",
        )
        self.common: discord.ui.Select[LeakModal] = discord.ui.Select(
            custom_id="leak:register:common", placeholder=t(lang, "discord", "leak_common_placeholder")[:150],
            min_values=0, max_values=len(COMMON_SERVICES), required=False,
            options=[discord.SelectOption(label=service_label(slug, lang)[:100], value=slug) for slug in COMMON_SERVICES],
        )
        self.registered: discord.ui.TextInput[LeakModal] = discord.ui.TextInput(
            style=discord.TextStyle.paragraph, required=False, placeholder=services_hint(lang), max_length=1000,
            custom_id="leak:register:yes",
        )
        self.not_registered: discord.ui.TextInput[LeakModal] = discord.ui.TextInput(
            style=discord.TextStyle.paragraph, required=False, placeholder=t(lang, "discord", "leak_not_placeholder")[:100],
            max_length=1000, custom_id="leak:register:no",
        )
        # every input in a Label (Discord's modal layout; bare action rows are the deprecated form)
        for key, item in (("leak_address", self.address), ("leak_common", self.common),
                          ("leak_registered", self.registered), ("leak_not_registered", self.not_registered)):
            self.add_item(discord.ui.Label(text=t(lang, "discord", key)[:45], component=item))

    async def on_submit(self, interaction: discord.Interaction[PhishBot]) -> None:  # type: ignore[override]
        await guarded(interaction, lambda: self._save(interaction))

    async def _save(self, interaction: discord.Interaction[PhishBot]) -> None:
        lang = member_lang(interaction)
        deps = bot_of(interaction).deps
        assert interaction.guild_id is not None
        registered = ", ".join([*self.common.values, self.registered.value or ""])  # the menu's and the typed ones
        result = await deps.community.register(interaction.guild_id, interaction.user.id, self.address.value,
                                               registered, self.not_registered.value or "", deps.clock())
        await send_ephemeral(interaction, registered_text(result, lang))


class Community(commands.Cog):
    leak = app_commands.Group(name=L("leak"), description=L("leak_desc"), guild_only=True)
    privacy = app_commands.Group(name=L("privacy"), description=L("privacy_desc"), guild_only=True)

    def __init__(self, bot: PhishBot) -> None:
        self.bot = bot
        self.charts = ChartCache()

    async def _picture(self, interaction: discord.Interaction[PhishBot], name: str,
                       chart: StatsChart | CampaignChart) -> bytes | None:
        """The chart's PNG, or None where the bot may not attach files (the answer goes without it)."""
        if interaction.guild_id is None or not interaction.app_permissions.attach_files:
            return None
        return await self.charts.png(interaction.guild_id, name, chart)

    @app_commands.command(name=L("domain"), description=L("domain_desc"))
    @app_commands.describe(name=L("domain_name"), decision=L("domain_decision"))
    @app_commands.rename(name=L("domain_name_name"), decision=L("domain_decision_name"))
    @app_commands.choices(decision=[
        app_commands.Choice(name=L("decision_confirm"), value="confirmed"),
        app_commands.Choice(name=L("decision_clear"), value="cleared"),
    ])
    @app_commands.guild_only()
    async def domain(
        self, interaction: discord.Interaction[PhishBot], name: app_commands.Range[str, 1, 300],
        decision: app_commands.Choice[str] | None = None,
    ) -> None:
        lang = member_lang(interaction)
        deps = self.bot.deps
        assert interaction.guild_id is not None
        # checked before the public "thinking…": an error sent after a public defer replaces it, and
        # Discord then ignores the ephemeral flag (everyone would see it)
        registrable_from_input(name)  # BadDomain: answered privately by the one error handler
        if decision is not None:
            # moderators only; refused confirmations (an official domain, a platform …) raise
            # ConfirmRefused, which the one error handler answers with its sentence
            if not is_moderator(interaction):
                await send_ephemeral(interaction, t(lang, "discord", "moderators_only"))
                return
            await deps.community.decide_domain(interaction.guild_id, name, decision.value, interaction.user.id,
                                               deps.clock())
        await interaction.response.defer(thinking=True)
        intel = deps.lookups.for_guild(interaction.guild_id) if deps.lookups is not None else None
        view = await deps.community.domain_view(interaction.guild_id, name, intel, deps.clock())
        official = view.status == "official"  # a brand's own domain: no feed lists it, nothing to add
        beside = "" if official else await domain_beside(deps, interaction.guild_id, name, view.domain, lang)
        embed = info_embed(t(lang, "domain", "domain"), guild_domain_text(view, lang) + (f"\n\n{beside}" if beside else ""),
                           STATUS_COLOUR.get(view.status, INFO_COLOUR))
        await interaction.followup.send(embed=embed, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name=L("campaign"), description=L("campaign_desc"))
    @app_commands.describe(campaign=L("campaign_id"))
    @app_commands.rename(campaign=L("campaign_id_name"))
    @app_commands.guild_only()
    async def campaign(self, interaction: discord.Interaction[PhishBot], campaign: app_commands.Range[str, 1, 40]) -> None:
        lang = member_lang(interaction)
        deps = self.bot.deps
        assert interaction.guild_id is not None
        view = await deps.community.campaign_view(interaction.guild_id, campaign)
        if view is None:
            raise CommunityError("no_campaign", campaign=campaign)
        typed = typed_names(await deps.community.my_registrations(interaction.guild_id, interaction.user.id))
        buttons = discord.ui.View(timeout=None)
        for row in [r for r in view.leak_ranking if r.registered or r.not_registered][:4]:  # supported ones only
            buttons.add_item(VoteButton(view.id, row.service, lang, typed))
        buttons.add_item(VoteButton(view.id, None, lang))
        # the shared page's link goes in the message's text: embeds defang every URL, this one is ours
        page = await campaign_page_line(deps, interaction.guild_id, view.id, lang)
        embed = info_embed(f"{t(lang, 'community', 'campaign')} {view.id}", campaign_text(view, lang, typed=typed))
        chart = campaign_chart(view, await deps.community.campaign_timeline(interaction.guild_id, view.id), lang)
        lines = timeline_lines(chart)
        embed.add_field(name=t(lang, "chart", "timeline_field", unit=t(lang, "chart", f"unit_{chart.unit}")),
                        value=lines_value(lines, lang), inline=False)
        await interaction.response.defer(thinking=True)  # the first chart of a process takes a second
        png = await self._picture(interaction, view.id, chart)
        if png is None:  # the text says it all; the picture is a bonus
            await interaction.followup.send(page or "", embed=embed, view=buttons, allowed_mentions=NO_MENTIONS)
            return
        embed.set_image(url="attachment://campaign.png")
        await interaction.followup.send(page or "", embed=embed, view=buttons, file=chart_file(png, "campaign.png", chart),
                                        allowed_mentions=NO_MENTIONS)

    @campaign.autocomplete("campaign")
    async def _campaign_ids(self, interaction: discord.Interaction[PhishBot], current: str) -> list[app_commands.Choice[str]]:
        return await campaign_choices(interaction, current)

    @leak.command(name=L("register"), description=L("register_desc"))
    async def leak_register(self, interaction: discord.Interaction[PhishBot]) -> None:
        await interaction.response.send_modal(LeakModal(member_lang(interaction)))

    @leak.command(name=L("mine"), description=L("mine_desc"))
    async def leak_mine(self, interaction: discord.Interaction[PhishBot]) -> None:
        lang = member_lang(interaction)
        assert interaction.guild_id is not None
        rows = await self.bot.deps.community.my_registrations(interaction.guild_id, interaction.user.id)

        def shown(row: MemberRegistration) -> str:  # catalogue services in the member's language; free text as typed
            return service_label(row.service, lang) if service_for_slug(row.service).known else plain(row.name)

        await send_ephemeral(interaction, registrations_text(rows, lang, shown if rows else None)[:1900])

    @leak.command(name=L("vote"), description=L("vote_desc"))
    @app_commands.describe(campaign=L("campaign_id"))
    @app_commands.rename(campaign=L("campaign_id_name"))
    async def leak_vote(self, interaction: discord.Interaction[PhishBot], campaign: app_commands.Range[str, 1, 40]) -> None:
        lang = member_lang(interaction)
        menu = await vote_menu(interaction, campaign.strip(), lang)
        view = discord.ui.View(timeout=None)
        view.add_item(menu)
        await send_ephemeral(interaction, t(lang, "discord", "vote_prompt", campaign=menu.campaign), view=view)

    @leak_vote.autocomplete("campaign")
    async def _vote_ids(self, interaction: discord.Interaction[PhishBot], current: str) -> list[app_commands.Choice[str]]:
        return await campaign_choices(interaction, current)

    @app_commands.command(name=L("stats"), description=L("stats_desc"))
    @app_commands.guild_only()
    async def stats(self, interaction: discord.Interaction[PhishBot]) -> None:
        lang = member_lang(interaction)
        assert interaction.guild_id is not None
        deps = self.bot.deps
        counts = await deps.community.stats(interaction.guild_id)
        lines = [stats_text(counts, lang)]
        if counts.top_brands:
            names = [f"{brand_label(b.brand, lang)} ({b.reports})" for b in counts.top_brands[:5]]
            lines.append(f"{t(lang, 'cli', 'brand')}: {', '.join(names)}")
        embed = info_embed(t(lang, "discord", "stats_title"), "\n".join(lines))
        chart = stats_chart(await deps.community.stats_series(interaction.guild_id, deps.clock()), lang)
        # the picture's numbers as text too: the weeks with reports, this month's brands
        embed.add_field(name=t(lang, "chart", "weeks_field"),
                        value=lines_value(week_lines(chart), lang), inline=False)
        brands = [t(lang, "chart", "count_of", label=label, count=n) for label, n in chart.brands]
        embed.add_field(name=clip(t(lang, "chart", "brands_field", month=chart.month), 256),
                        value=lines_value(brands, lang), inline=False)
        await interaction.response.defer(thinking=True)  # the first chart of a process takes a second
        png = await self._picture(interaction, "stats", chart)
        if png is None:
            await interaction.followup.send(embed=embed, allowed_mentions=NO_MENTIONS)
            return
        embed.set_image(url="attachment://stats.png")
        await interaction.followup.send(embed=embed, file=chart_file(png, "stats.png", chart), allowed_mentions=NO_MENTIONS)

    @privacy.command(name=L("forget"), description=L("forget_desc"))
    async def forget(self, interaction: discord.Interaction[PhishBot]) -> None:
        lang = member_lang(interaction)
        view = discord.ui.View(timeout=None)
        view.add_item(ForgetButton(interaction.user.id, "yes", lang))
        view.add_item(ForgetButton(interaction.user.id, "no", lang))
        await send_ephemeral(interaction, t(lang, "discord", "forget_ask"), view=view)


async def setup(bot: PhishBot) -> None:
    await bot.add_cog(Community(bot))
