"""A campaign as the read-only web page shows it (``/c/{token}/{campaign-id}``): what the campaign
embed says, for people outside Discord. Counts only — no address, no member, no raw mail, no
subject; the domains with their ages and threat-feed listings; the sending infrastructure; the
leak-source ranking with its evidence and the votes beside it.

Who may see it: a ``pages`` token of the guild, and the guild shares all its campaigns or this one.
Anything else is ``None`` (the web answers 404, whatever the reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.analysis.models import Listing
from bot.services.community import Community
from bot.services.listings import FeedListings
from bot.services.protocols import CampaignDomain, SharingStore


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
    verdicts: tuple[tuple[str, int], ...]
    domains: tuple[PageDomain, ...]
    envelope_domains: tuple[tuple[str, int], ...]
    handoff_ips: tuple[tuple[str, int], ...]
    ranking: tuple[dict[str, Any], ...]  # Community.campaign_view's leak_ranking rows
    view: dict[str, Any]  # the campaign view itself (the chart renderer reads it)


async def may_see(sharing: SharingStore, guild_id: int, campaign_id: str) -> bool:
    features = await sharing.guild_features(guild_id)
    if features.share_pages == "all":
        return True
    return features.share_pages == "chosen" and await sharing.campaign_shared(guild_id, campaign_id)


async def campaign_page(community: Community, sharing: SharingStore, listings: FeedListings | None, guild_id: int,
                        campaign_id: str, now: datetime) -> CampaignPage | None:
    if not await may_see(sharing, guild_id, campaign_id):
        return None
    view = await community.campaign_view(guild_id, campaign_id)
    if view is None:
        return None
    infra = await sharing.campaign_infrastructure(guild_id, view["id"])
    found = await listings.for_hosts([d.domain for d in infra.domains], now) if listings is not None else {}
    return CampaignPage(
        guild_id=guild_id, campaign_id=view["id"], brands=tuple(view["brands"]), first_seen=view["first_seen"],
        last_seen=view["last_seen"], reports=int(view["reports"]), members=int(view["members"]),
        verdicts=infra.verdicts, domains=tuple(PageDomain(d, found.get(d.domain, ())) for d in infra.domains),
        envelope_domains=infra.envelope_domains, handoff_ips=infra.handoff_ips,
        ranking=tuple(view["leak_ranking"]), view=view,
    )
