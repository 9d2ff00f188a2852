"""Buttons and menus that survive restarts: ``DynamicItem``s whose state is their custom id
(≤ 100 characters, namespaced) and SQLite. Registered once in ``setup_hook``; no view needs
to be in memory for a button on a week-old message to work.

    leak:vote:C-7f3a            opens a menu of services to vote for
    leak:vote:C-7f3a:amazon     votes for one service (the /campaign ranking's buttons)
    leak:pick:C-7f3a            the menu itself
    report:text:R-0123456789    the ready-to-send report text: asks which desk (the reporter, or moderators)
    report:desk:R-0123456789:dekyo  the text for that desk (antiphishing | dekyo), as a file
    report:details:R-0123456789  the evidence laid out (hops, headers, attachments, rule ids), in pages
    paste:delete:CH:MSG:MEMBER  deletes the member's original paste (the member, or moderators)
    share:copy[:R-0123456789]   posts a redacted copy of an ephemeral analysis in the channel, and
                                records the member's private analysis of that report in the shared log
    privacy:forget:MEMBER:yes   confirms /privacy forget (only that member)
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

import discord

from bot.community.service_catalogue import known_services, service_for_slug
from bot.discord_ui.context import NO_MENTIONS, bot_of, guarded, member_lang, send_ephemeral
from bot.discord_ui.embeds import info_embed
from bot.i18n import t
from bot.presentation.desk_text import DESK_ADDRESS
from bot.presentation.evidence_text import details_pages
from bot.presentation.shared_log import service_name
from bot.services.errors import CommunityError
from bot.services.ports.members import MemberRegistration
from bot.services.submit import DESKS, details_key

CAMPAIGN = r"C-[0-9a-f]{4,16}"
MENU_SERVICES = 25  # Discord's limit of options in one select menu


def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    perms = getattr(interaction, "permissions", None)
    return bool(perms and (perms.manage_messages or perms.administrator))


def service_label(slug: str, lang: str, typed: Mapping[str, str] | None = None) -> str:
    """A service by its name, never its slug (``presentation.shared_log.service_name``)."""
    return service_name(slug, lang, typed)


class VoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                 template=rf"leak:vote:(?P<campaign>{CAMPAIGN})(?::(?P<service>[a-z0-9-]{{1,63}}))?"):
    def __init__(self, campaign: str, service: str | None, lang: str = "en",
                 typed: Mapping[str, str] | None = None) -> None:
        label = (t(lang, "discord", "vote_for", service=service_label(service, lang, typed)) if service
                 else t(lang, "discord", "vote_button"))
        super().__init__(discord.ui.Button(
            label=label[:80], emoji="🗳️", style=discord.ButtonStyle.primary,
            custom_id=f"leak:vote:{campaign}" + (f":{service}" if service else ""),
        ))
        self.campaign = campaign
        self.service = service

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> VoteButton:
        return cls(match["campaign"], match["service"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        lang = member_lang(interaction)
        if interaction.guild_id is None:
            raise CommunityError("no_campaign", campaign=self.campaign)
        deps = bot_of(interaction).deps
        if self.service:
            result = await deps.community.vote(interaction.guild_id, interaction.user.id, self.campaign, self.service,
                                               deps.clock())
            await send_ephemeral(interaction, t(lang, "community", "voted", campaign=result.campaign,
                                                service=result.name or await named(interaction, result.service, lang)))
            return
        view = discord.ui.View(timeout=None)
        view.add_item(await vote_menu(interaction, self.campaign, lang))
        await send_ephemeral(interaction, t(lang, "discord", "vote_prompt", campaign=self.campaign), view=view)


async def vote_menu(interaction: discord.Interaction[Any], campaign: str, lang: str) -> VoteSelect:
    """The campaign's ranked services first, then the member's own registrations, then the catalogue."""
    deps = bot_of(interaction).deps
    assert interaction.guild_id is not None
    view = await deps.community.campaign_view(interaction.guild_id, campaign)
    if view is None:
        raise CommunityError("no_campaign", campaign=campaign)
    mine = await deps.community.my_registrations(interaction.guild_id, interaction.user.id)
    slugs: list[str] = [row.service for row in view.leak_ranking]
    slugs += [row.service for row in mine]
    slugs += [s.slug for s in known_services()]
    options = list(dict.fromkeys(slugs))[:MENU_SERVICES]
    return VoteSelect(view.id, options, lang, typed_names(mine))


async def named(interaction: discord.Interaction[Any], slug: str, lang: str) -> str:
    """A service voted for from a menu (its slug): by its catalogue name, or as the member typed it."""
    deps = bot_of(interaction).deps
    assert interaction.guild_id is not None
    return service_label(slug, lang, typed_names(await deps.community.my_registrations(interaction.guild_id,
                                                                                        interaction.user.id)))


def typed_names(rows: Sequence[MemberRegistration]) -> dict[str, str]:
    """The names a member typed for the services not in the catalogue, by slug."""
    return {r.service: r.name for r in rows if r.name and not service_for_slug(r.service).known}


class VoteSelect(discord.ui.DynamicItem[discord.ui.Select[Any]], template=rf"leak:pick:(?P<campaign>{CAMPAIGN})"):
    def __init__(self, campaign: str, services: list[str] | None = None, lang: str = "en",
                 typed: Mapping[str, str] | None = None) -> None:
        options = [discord.SelectOption(label=service_label(s, lang, typed)[:100], value=s) for s in services or []]
        super().__init__(discord.ui.Select(
            custom_id=f"leak:pick:{campaign}", placeholder=t(lang, "discord", "vote_placeholder")[:150],
            options=options or [discord.SelectOption(label="-", value="-")], min_values=1, max_values=1,
        ))
        self.campaign = campaign

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> VoteSelect:
        return cls(match["campaign"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        lang = member_lang(interaction)
        data: Mapping[str, object] = interaction.data or {}
        chosen = data.get("values")
        values = [str(v) for v in chosen] if isinstance(chosen, list) else []
        if interaction.guild_id is None or not values or values[0] == "-":
            raise CommunityError("no_services")
        deps = bot_of(interaction).deps
        result = await deps.community.vote(interaction.guild_id, interaction.user.id, self.campaign, str(values[0]),
                                           deps.clock())
        await send_ephemeral(interaction, t(lang, "community", "voted", campaign=result.campaign,
                                            service=result.name or await named(interaction, result.service, lang)))


class DeskTextButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                       template=r"report:text:(?P<report>R-[0-9a-f]{6,20})"):
    def __init__(self, report_id: str, lang: str = "en") -> None:
        super().__init__(discord.ui.Button(
            label=t(lang, "discord", "report_text_button")[:80], emoji="📨", style=discord.ButtonStyle.secondary,
            custom_id=f"report:text:{report_id}",
        ))
        self.report_id = report_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> DeskTextButton:
        return cls(match["report"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        """A choice of desk first (each wants its own text); the refusals come at once."""
        lang = member_lang(interaction)
        text = await _report_text(interaction, self.report_id, "antiphishing")
        if text is None:
            return
        view = discord.ui.View(timeout=None)
        for desk in DESKS:
            view.add_item(DeskChoiceButton(self.report_id, desk, lang))
        await send_ephemeral(interaction, t(lang, "discord", "report_text_choose"), view=view)


async def _report_text(interaction: discord.Interaction[Any], report_id: str, desk: str) -> str | None:
    """A report's text for ``desk`` (a desk's, or the details view), if this member may read it; the
    refusal said here otherwise (None)."""
    deps = bot_of(interaction).deps
    if interaction.guild_id is None:
        return None
    answer = await deps.submissions.desk_text_for(interaction.guild_id, report_id, interaction.user.id,
                                                  is_moderator(interaction), deps.clock(), desk=desk)
    if answer.text is None:
        await send_ephemeral(interaction, desk_refusal(answer.refusal, member_lang(interaction)))
    return answer.text


def desk_refusal(refusal: str | None, lang: str) -> str:
    """Why there is no text: the member never reported this mail (or asked us to forget them),
    or their text has expired — said without telling whether someone else's text exists."""
    return t(lang, "discord", "report_text_not_yours" if refusal == "not_yours" else "report_text_gone")


class DeskChoiceButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                       template=r"report:desk:(?P<report>R-[0-9a-f]{6,20}):(?P<desk>antiphishing|dekyo)"):
    def __init__(self, report_id: str, desk: str, lang: str = "en") -> None:
        super().__init__(discord.ui.Button(
            label=t(lang, "discord", f"report_text_{desk}")[:80], style=discord.ButtonStyle.primary,
            custom_id=f"report:desk:{report_id}:{desk}",
        ))
        self.report_id = report_id
        self.desk = desk

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> DeskChoiceButton:
        return cls(match["report"], match["desk"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        lang = member_lang(interaction)
        text = await _report_text(interaction, self.report_id, self.desk)
        if text is None:
            return
        file = discord.File(io.BytesIO(text.encode("utf-8")),
                            filename=f"phishing-report-{self.report_id}-{self.desk}.txt")
        await send_ephemeral(interaction, t(lang, "discord", f"report_text_how_{self.desk}",
                                            address=DESK_ADDRESS[self.desk]), file=file)


class DetailsButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                    template=r"report:details:(?P<report>R-[0-9a-f]{6,20})"):
    """The details view: the route as a table, the headers that matter, the attachments with their
    SHA-256, the links by host and the rule ids — for the member who reported the mail (it is
    their mail's evidence) and moderators, like the desk text."""

    def __init__(self, report_id: str, lang: str = "en") -> None:
        super().__init__(discord.ui.Button(
            label=t(lang, "evidence", "details_button")[:80], emoji="🔎", style=discord.ButtonStyle.secondary,
            custom_id=f"report:details:{report_id}",
        ))
        self.report_id = report_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> DetailsButton:
        return cls(match["report"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        lang = member_lang(interaction)
        text = await _report_text(interaction, self.report_id, details_key(lang))
        if text is None:
            return
        pages, more = details_pages(text)
        title = t(lang, "evidence", "details_title", report=self.report_id)
        embeds = [info_embed(f"{title} ({i}/{len(pages)})" if len(pages) > 1 else title, "```\n" + page.replace("`", "ˋ")
                             + "\n```") for i, page in enumerate(pages, 1)]
        extra: dict[str, Any] = {}
        if more:  # the rest as a file: the message's embeds hold 6,000 characters together
            extra["file"] = discord.File(io.BytesIO(text.encode("utf-8")), filename=f"details-{self.report_id}.txt")
        await send_ephemeral(interaction, t(lang, "evidence", "details_more") if more else None, embeds=embeds, **extra)


class DeletePasteButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                        template=r"paste:delete:(?P<channel>[0-9]{1,20}):(?P<message>[0-9]{1,20}):(?P<member>[0-9]{1,20})"):
    def __init__(self, channel_id: int, message_id: int, member_id: int, lang: str = "en") -> None:
        super().__init__(discord.ui.Button(
            label=t(lang, "discord", "delete_button")[:80], emoji="🗑️", style=discord.ButtonStyle.danger,
            custom_id=f"paste:delete:{channel_id}:{message_id}:{member_id}",
        ))
        self.channel_id = channel_id
        self.message_id = message_id
        self.member_id = member_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> DeletePasteButton:
        return cls(int(match["channel"]), int(match["message"]), int(match["member"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        lang = member_lang(interaction)
        if interaction.user.id != self.member_id and not is_moderator(interaction):
            await send_ephemeral(interaction, t(lang, "discord", "delete_not_yours"))
            return
        try:
            await interaction.client.http.delete_message(self.channel_id, self.message_id,
                                                         reason="phishbot: the member asked to delete their paste")
        except discord.NotFound:
            await send_ephemeral(interaction, t(lang, "discord", "delete_gone"))
            return
        except discord.Forbidden:
            await send_ephemeral(interaction, t(lang, "discord", "bot_missing",
                                                permissions=t(lang, "permission", "manage_messages")))
            return
        await send_ephemeral(interaction, t(lang, "discord", "deleted"))


class ShareButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=r"share:copy(?::(?P<report>R-[0-9a-f]{10}))?"):
    def __init__(self, lang: str = "en", report: str | None = None) -> None:
        super().__init__(discord.ui.Button(
            label=t(lang, "discord", "share_button")[:80], emoji="📢", style=discord.ButtonStyle.secondary,
            custom_id="share:copy" + (f":{report}" if report else ""),
        ))
        self.report = report

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> ShareButton:
        return cls(report=match["report"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        """The analysis embed is already redacted (addresses masked, links defanged): it is posted
        as it is, without the member's paste and without the buttons that act on it. The member's
        private analysis behind it is recorded in the shared log now (not before: a private
        analysis stays private until shared)."""
        lang = member_lang(interaction)
        message = interaction.message
        if message is None or not message.embeds:
            await send_ephemeral(interaction, t(lang, "discord", "share_gone"))
            return
        # a mention shows the member's name as Discord renders it (no Markdown, no link, and with
        # mentions disabled, no ping): a display name is attacker-chosen text
        content = t(lang, "discord", "shared_by", member=interaction.user.mention)
        if self.report and interaction.guild_id is not None:
            deps = bot_of(interaction).deps
            shared = await deps.submissions.share(interaction.guild_id, self.report, interaction.user.id, deps.clock())
            if shared is not None and shared.saved.campaign_id:
                content += "\n" + t(lang, "community", "saved", report=shared.saved.public_id,
                                     campaign=shared.saved.campaign_id, reports=shared.campaign_reports,
                                     members=shared.campaign_members)
        await interaction.response.send_message(content, embeds=message.embeds[:10], allowed_mentions=NO_MENTIONS)


class ForgetButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=r"privacy:forget:(?P<member>[0-9]{1,20}):(?P<answer>yes|no)"):
    """The confirmation of /privacy forget: only the member who asked can press it (a dynamic
    item, so it still answers after a restart)."""

    def __init__(self, member_id: int, answer: str, lang: str = "en") -> None:
        yes = answer == "yes"
        super().__init__(discord.ui.Button(
            label=t(lang, "discord", "forget_confirm" if yes else "cancel")[:80],
            style=discord.ButtonStyle.danger if yes else discord.ButtonStyle.secondary,
            custom_id=f"privacy:forget:{member_id}:{answer}",
        ))
        self.member_id = member_id
        self.answer = answer

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /,
    ) -> ForgetButton:
        return cls(int(match["member"]), match["answer"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await guarded(interaction, lambda: self._run(interaction))

    async def _run(self, interaction: discord.Interaction[Any]) -> None:
        lang = member_lang(interaction)
        if interaction.user.id != self.member_id:
            await send_ephemeral(interaction, t(lang, "discord", "not_allowed"))
            return
        if self.answer != "yes":
            await interaction.response.edit_message(content=t(lang, "discord", "cancelled"), view=None)
            return
        deps = bot_of(interaction).deps
        assert interaction.guild_id is not None
        forgotten = await deps.community.forget(interaction.guild_id, interaction.user.id)
        await interaction.response.edit_message(content=t(lang, "community", "forgotten", **asdict(forgotten)), view=None)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    VoteButton, VoteSelect, DeskTextButton, DeskChoiceButton, DetailsButton, DeletePasteButton, ShareButton, ForgetButton,
)
