"""/setup's options beyond the report channels — the blocklist feed, threat-feed entries in it,
campaign pages, link watch, the network of servers — and the lines they add to its answer. The
answer is ephemeral: the feed and page URLs carry their tokens."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord_ui.client import PhishBot
from bot.discord_ui.context import OPTIONAL_PERMISSIONS, Deps, missing_permissions, permission_names
from bot.discord_ui.embeds import plain
from bot.discord_ui.translator import L
from bot.i18n import t
from bot.presentation.sentences import other_sources_lines
from bot.presentation.shared_log import sharing_links, sharing_text
from bot.services.campaign_page import may_see
from bot.services.other_sources import other_sources, query_host
from bot.services.sharing_setup import (
    FEED_ACTIONS,
    LINK_WATCH,
    NETWORK,
    PAGE_LINK_ACTIONS,
    PAGE_SHARING,
    SharingRequest,
    apply_sharing,
    page_url,
)

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


async def sharing_summary(bot: PhishBot, guild: discord.Guild, request: SharingRequest, lang: str) -> tuple[str, str]:
    """(the lines for /setup's embed, the secret links to show beside it). The links go in the
    message's text, not the embed: embeds defang every URL, and these must stay usable."""
    deps = bot.deps
    out = deps.outreach
    if out is None:
        return "", ""
    state = await apply_sharing(out.sharing, out.tokens, deps.store, guild.id, request, deps.clock())
    if request != SharingRequest():
        await out.guild_changed(guild.id)
        watch = bot.get_cog("LinkWatch")
        if watch is not None:
            watch.forget(guild.id)  # type: ignore[attr-defined]
    text = sharing_text(state, deps.settings.web.base_url, lang, with_links=False)
    if state.features.link_watch in ("hide", "delete"):
        lacking = sorted({p for c in guild.text_channels for p in missing_permissions(c, OPTIONAL_PERMISSIONS)})
        if lacking:
            text += "\n" + t(lang, "sharing", "watch_missing", permissions=permission_names(lacking, lang))
    links = sharing_links(state, deps.settings.web.base_url)
    shown = []
    if links.get("feed"):
        shown += [t(lang, "sharing", "feed_links"), *(f"<{url}>" for url in links["feed"])]
    if links.get("pages"):
        shown += [t(lang, "sharing", "pages_link"), *(f"<{url}>" for url in links["pages"])]
    return text, "\n".join(shown)


async def domain_beside(deps: Deps, guild_id: int, query: str, domain: str, lang: str) -> str:
    """/domain's lines about the threat feeds and the other servers, set apart from the counts."""
    out = deps.outreach
    if out is None:
        return ""
    found = await other_sources(query_host(query) or domain, guild_id, deps.clock(), out.index, out.network,
                                out.sharing)
    return "\n".join(plain(line) for line in other_sources_lines(found.listings, found.servers, lang))


async def campaign_page_line(deps: Deps, guild_id: int, campaign_id: str, lang: str) -> str | None:
    """The shared page's URL, when the server shares this campaign's page."""
    out = deps.outreach
    if out is None or not await may_see(out.sharing, guild_id, campaign_id):
        return None
    token = await out.tokens.current(guild_id, "pages")
    if token is None:
        return None
    return t(lang, "sharing", "page_line", url=f"<{page_url(deps.settings.web.base_url, token, campaign_id)}>")
