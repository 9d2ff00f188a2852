"""A campaign as the read-only web page shows it (``/c/{token}/{campaign-id}``): what the campaign
embed says, for people outside Discord. Counts only — no address, no member, no raw mail, no
subject; the domains with their ages and threat-feed listings; the sending infrastructure; the
leak-source ranking with its evidence and the votes beside it.

Who may see it: a ``pages`` token of the guild, and the guild shares all its campaigns or this one.
Anything else is ``None`` (the web answers 404, whatever the reason).

What a domain must be to appear: one the shared log holds as a bad candidate (``report_domain``'s
``bad_candidate``: never the recipient's own domain, a brand's official one or a shared service).
The envelope senders are held to the same rule — a mail that spoofs its recipient's company in its
``Return-Path`` would otherwise name that company on a public page (for a small company, as good as
naming the recipient). Private analyses are not in the shared log at all: the page cannot show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.analysis.models import Listing
from bot.services.community import CampaignView, Community, RankedService
from bot.services.listings import FeedListings
from bot.services.ports.guilds import GuildStore
from bot.services.ports.sharing import CampaignDomain, Counted, SharingStore


@dataclass(frozen=True)
class PageDomain:
    domain: CampaignDomain
    listings: tuple[Listing, ...]


@dataclass(frozen=True)
class CampaignPage:
    guild_id: int
    campaign_id: str
    brands: tuple[str, ...]  # brand ids
    first_seen: str | None
    last_seen: str | None
    reports: int
    members: int
    verdicts: tuple[Counted, ...]
    domains: tuple[PageDomain, ...]
    envelope_domains: tuple[Counted, ...]
    handoff_ips: tuple[Counted, ...]
    ranking: tuple[RankedService, ...]
    view: CampaignView  # the campaign view itself (the chart renderer reads it)


class CampaignPages:
    def __init__(self, community: Community, guilds: GuildStore, sharing: SharingStore,
                 listings: FeedListings | None) -> None:
        self.community = community
        self.guilds = guilds
        self.sharing = sharing
        self.listings = listings

    async def may_see(self, guild_id: int, campaign_id: str) -> bool:
        features = await self.guilds.guild_features(guild_id)
        if features.share_pages == "all":
            return True
        return features.share_pages == "chosen" and await self.sharing.campaign_shared(guild_id, campaign_id)

    async def page(self, guild_id: int, campaign_id: str, now: datetime) -> CampaignPage | None:
        if not await self.may_see(guild_id, campaign_id):
            return None
        view = await self.community.campaign_view(guild_id, campaign_id)
        if view is None:
            return None
        infra = await self.sharing.campaign_infrastructure(guild_id, view.id)
        senders = {d.domain for d in infra.domains if "envelope" in d.roles}
        envelopes = tuple(c for c in infra.envelope_domains if c.value in senders)
        listings = self.listings
        found = await listings.for_hosts([d.domain for d in infra.domains], now) if listings is not None else {}
        return CampaignPage(
            guild_id=guild_id, campaign_id=view.id, brands=view.brands, first_seen=view.first_seen,
            last_seen=view.last_seen, reports=view.reports, members=view.members, verdicts=infra.verdicts,
            domains=tuple(PageDomain(d, found.get(d.domain, ())) for d in infra.domains),
            envelope_domains=envelopes, handoff_ips=infra.handoff_ips, ranking=view.leak_ranking,
            view=view,
        )
