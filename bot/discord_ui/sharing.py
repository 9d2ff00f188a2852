"""/setup's options beyond the report channels — the blocklist feed, threat-feed entries in it,
campaign pages, link watch, the network of servers — and the lines they add to its answer. The
answer is ephemeral: the feed and page URLs carry their tokens."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord_ui.context import OPTIONAL_PERMISSIONS, Deps, missing_permissions, permission_names
from bot.discord_ui.embeds import plain
from bot.discord_ui.translator import L
from bot.i18n import t
from bot.presentation.sentences import other_sources_lines
from bot.presentation.shared_log import sharing_links, sharing_text
from bot.services.ports.guilds import PAGE_SHARING
from bot.services.sharing_setup import FEED_ACTIONS, LINK_WATCH, NETWORK, PAGE_LINK_ACTIONS, SharingState, page_url

_OPTIONS = ("blocklist_feed", "feed_sources", "share_pages", "share_campaign", "unshare_campaign", "pages_link",
            "link_watch", "network")
SHARING_DESCRIBE = {name: L(f"setup_{name}") for name in _OPTIONS}
SHARING_RENAME = {name: L(f"setup_{name}_name") for name in _OPTIONS}


def _choices(prefix: str, values: tuple[str, ...]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=L(f"{prefix}_{v}"), value=v) for v in values]


SHARING_CHOICES = {
    "blocklist_feed": _choices("choice_feed", FEED_ACTIONS),
    "share_pages": _choices("choice_pages", PAGE_SHARING),
    "pages_link": _choices("choice_link", PAGE_LINK_ACTIONS),
    "link_watch": _choices("choice_watch", LINK_WATCH),
    "network": _choices("choice_network", NETWORK),
}


def sharing_summary(guild: discord.Guild, state: SharingState, base_url: str, lang: str) -> tuple[str, str]:
    """(the lines for /setup's embed, the secret links to show beside it). The links go in the
    message's text, not the embed: embeds defang every URL, and these must stay usable."""
    text = sharing_text(state, base_url, lang, with_links=False)
    if state.features.link_watch in ("hide", "delete"):
        lacking = sorted({p for c in guild.text_channels for p in missing_permissions(c, OPTIONAL_PERMISSIONS)})
        if lacking:
            text += "\n" + t(lang, "sharing", "watch_missing", permissions=permission_names(lacking, lang))
    links = sharing_links(state, base_url)
    shown = []
    if links.get("feed"):
        shown += [t(lang, "sharing", "feed_links"), *(f"<{url}>" for url in links["feed"])]
    if links.get("pages"):
        shown += [t(lang, "sharing", "pages_link"), *(f"<{url}>" for url in links["pages"])]
    return text, "\n".join(shown)


async def domain_beside(deps: Deps, guild_id: int, query: str, domain: str, lang: str) -> str:
    """/domain's lines about the threat feeds and the other servers, set apart from the counts."""
    found = await deps.elsewhere.about(query, domain, guild_id, deps.clock())
    return "\n".join(plain(line) for line in other_sources_lines(found.listings, found.servers, lang))


async def campaign_page_line(deps: Deps, guild_id: int, campaign_id: str, lang: str) -> str | None:
    """The shared page's URL, when the server shares this campaign's page."""
    if not await deps.pages.may_see(guild_id, campaign_id):
        return None
    token = await deps.tokens.current(guild_id, "pages")
    if token is None:
        return None
    return t(lang, "sharing", "page_line", url=f"<{page_url(deps.settings.web.base_url, token, campaign_id)}>")
