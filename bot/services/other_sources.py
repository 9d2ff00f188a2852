"""What others say about a domain, beside the guild's own counts and never mixed into them: the
threat feeds that list it, and how many other servers of the network publish it (when the guild
receives the network)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.analysis.domains import to_ascii_host
from bot.analysis.links import refang
from bot.analysis.models import Listing
from bot.services.listings import FeedListings
from bot.services.network import NetworkIndex
from bot.services.ports.guilds import GuildStore


@dataclass(frozen=True)
class OtherSources:
    domain: str
    listings: tuple[Listing, ...]  # current ones first
    servers: int | None  # other servers publishing it; None when the guild does not receive the network


async def other_sources(
    domain: str, guild_id: int | None, now: datetime, listings: FeedListings | None,
    network: NetworkIndex | None = None, guilds: GuildStore | None = None,
) -> OtherSources:
    found: tuple[Listing, ...] = ()
    if listings is not None:
        found = (await listings.for_hosts([domain], now)).get(domain, ())
    servers = None
    if (network is not None and guilds is not None and guild_id is not None
            and (await guilds.guild_features(guild_id)).network_receive):
        servers = network.servers(domain, guild_id)
    return OtherSources(domain, found, servers)


class ElsewhereLookup:
    """What others say about a name a member asks about: the threat feeds (in memory in the bot and
    the web server, from the store for a one-off command) and, for a guild that receives the
    network, how many other servers publish it."""

    def __init__(self, listings: FeedListings | None, network: NetworkIndex | None = None,
                 guilds: GuildStore | None = None) -> None:
        self.listings = listings
        self.network = network
        self.guilds = guilds

    async def about(self, query: str, domain: str, guild_id: int | None, now: datetime) -> OtherSources:
        """About what a member typed (``query``: the host it names, else ``domain``)."""
        return await other_sources(query_host(query) or domain, guild_id, now, self.listings, self.network, self.guilds)


def query_host(text: str) -> str | None:
    """The host a member asked about (``/domain hxxps://a[.]b[.]example/x`` → ``a.b.example``): feeds
    list names below a platform (``foo.duckdns.org``), which the registrable domain would lose."""
    raw = refang(text.strip().strip("<>`"))
    if "://" in raw:
        raw = raw.split("://", 1)[1]
    host = raw.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2].partition(":")[0]
    return to_ascii_host(host)
