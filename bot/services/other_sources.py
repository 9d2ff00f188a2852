"""What others say about a domain, beside the guild's own counts and never mixed into them: the
threat feeds that list it, and how many other servers of the network publish it (when the guild
receives the network)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.analysis.domains import to_ascii_host
from bot.analysis.links import refang
from bot.analysis.models import Listing
from bot.services.listings import ListingIndex, StoredListings
from bot.services.network import NetworkIndex
from bot.services.protocols import SharingStore


@dataclass(frozen=True)
class OtherSources:
    domain: str
    listings: tuple[Listing, ...]  # current ones first
    servers: int | None  # other servers publishing it; None when the guild does not receive the network


async def other_sources(
    domain: str, guild_id: int | None, now: datetime, listings: ListingIndex | StoredListings | None,
    network: NetworkIndex | None = None, sharing: SharingStore | None = None,
) -> OtherSources:
    found: tuple[Listing, ...] = ()
    if isinstance(listings, ListingIndex):
        found = listings.for_host(domain, now)
    elif listings is not None:
        found = (await listings.for_hosts([domain], now)).get(domain, ())
    servers = None
    if (network is not None and sharing is not None and guild_id is not None
            and (await sharing.guild_features(guild_id)).network_receive):
        servers = network.servers(domain, guild_id)
    return OtherSources(domain, found, servers)


def query_host(text: str) -> str | None:
    """The host a member asked about (``/domain hxxps://a[.]b[.]example/x`` → ``a.b.example``): feeds
    list names below a platform (``foo.duckdns.org``), which the registrable domain would lose."""
    raw = refang(text.strip().strip("<>`"))
    if "://" in raw:
        raw = raw.split("://", 1)[1]
    host = raw.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2].partition(":")[0]
    return to_ascii_host(host)
