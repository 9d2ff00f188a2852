"""What an admin turns on beyond the report channels (``/setup``, ``phishbot setup``): the blocklist
feed and its token, whether threat-feed and network entries go into it, the campaign pages (none,
chosen ones, all) and their token, link watch, and the network of servers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services.errors import SharingError
from bot.services.ports.guilds import LINK_WATCH_MODES, PAGE_SHARING, FeatureChanges, GuildFeatures, GuildStore
from bot.services.ports.reports import ReportStore
from bot.services.ports.sharing import SharingStore
from bot.services.web_tokens import WebTokens

FEED_ACTIONS = ("on", "rotate", "off")
PAGE_LINK_ACTIONS = ("rotate", "revoke")
LINK_WATCH = LINK_WATCH_MODES
NETWORK = ("off", "publish", "receive", "both")


@dataclass(frozen=True)
class SharingRequest:
    """None leaves a setting as it is."""

    blocklist_feed: str | None = None  # on | rotate | off
    feed_sources: bool | None = None
    share_pages: str | None = None  # off | chosen | all
    share_campaign: str | None = None
    unshare_campaign: str | None = None
    pages_link: str | None = None  # rotate | revoke
    link_watch: str | None = None  # off | reply | hide | delete
    network: str | None = None  # off | publish | receive | both


@dataclass(frozen=True)
class SharingState:
    features: GuildFeatures
    feed_token: str | None
    pages_token: str | None
    shared: tuple[str, ...]  # campaigns shared one by one


class SharingSetup:
    def __init__(self, guilds: GuildStore, sharing: SharingStore, tokens: WebTokens, reports: ReportStore) -> None:
        self.guilds = guilds
        self.sharing = sharing
        self.tokens = tokens
        self.reports = reports

    async def apply(self, guild_id: int, request: SharingRequest, now: datetime) -> SharingState:
        for value, allowed in ((request.blocklist_feed, FEED_ACTIONS), (request.share_pages, PAGE_SHARING),
                               (request.pages_link, PAGE_LINK_ACTIONS), (request.link_watch, LINK_WATCH),
                               (request.network, NETWORK)):
            if value is not None and value not in allowed:
                raise SharingError("bad_choice", value=value, allowed=", ".join(allowed))
        for campaign in (request.share_campaign, request.unshare_campaign):
            if campaign is not None and await self.reports.campaign(guild_id, campaign.strip()) is None:
                raise SharingError("no_campaign", campaign=campaign)
        tokens = self.tokens
        if request.blocklist_feed == "on":
            await tokens.ensure(guild_id, "feed", now)
        elif request.blocklist_feed == "rotate":
            await tokens.issue(guild_id, "feed", now)
        elif request.blocklist_feed == "off":
            await tokens.revoke(guild_id, "feed", now)
        if request.pages_link == "rotate":
            await tokens.issue(guild_id, "pages", now)
        elif request.pages_link == "revoke":
            await tokens.revoke(guild_id, "pages", now)
        share_pages = request.share_pages
        if request.share_campaign is not None:
            await self.sharing.share_campaign(guild_id, request.share_campaign.strip(), True, now)
            share_pages = share_pages or ("chosen" if (await self.guilds.guild_features(guild_id)).share_pages == "off"
                                          else None)
        if request.unshare_campaign is not None:
            await self.sharing.share_campaign(guild_id, request.unshare_campaign.strip(), False, now)
        if share_pages in ("chosen", "all") and request.pages_link != "revoke":
            await tokens.ensure(guild_id, "pages", now)
        network = request.network
        changes = FeatureChanges(
            feed_external=request.feed_sources, share_pages=share_pages, link_watch=request.link_watch,
            network_publish=None if network is None else network in ("publish", "both"),
            network_receive=None if network is None else network in ("receive", "both"),
        )
        features = await self.guilds.change_guild_features(guild_id, changes, now)
        return SharingState(features, await tokens.current(guild_id, "feed"), await tokens.current(guild_id, "pages"),
                            tuple(await self.sharing.shared_campaigns(guild_id)))


def feed_urls(base_url: str, token: str) -> list[str]:
    from bot.services.blocklist_feed import FORMATS

    return [f"{base_url}/f/{token}/{name}" for name in FORMATS]


def page_url(base_url: str, token: str, campaign_id: str) -> str:
    return f"{base_url}/c/{token}/{campaign_id}"
