"""Blocklist feeds out: what a guild's blocklist holds, in the formats resolvers, ad blockers and
scripts read — plain domains, hosts (``0.0.0.0 name``), Adblock/uBlock/AdGuard (``||name^``), a DNS
RPZ zone, and JSON with counts, brands and first/last seen.

Only what the shared log's rule puts on the guild's blocklist (two members, or a moderator), plus —
when the guild opts in — the current threat-feed listings and what the other servers of the network
publish (the guild must receive the network). Each entry says where it comes from. Every name,
whatever its source, passes the listing rule (``listing_domain``: a customer's unit, never a shared
platform, a brand's official domain or a name that is not a valid IDNA 2008 host).

A body depends only on the entries (no "generated at" line), so its ETag changes only when they do;
``Last-Modified`` (and the RPZ serial) is when this process first saw those entries.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.feeds.sources import source_name
from bot.services.listing_unit import listing_domain
from bot.services.listings import ListingIndex
from bot.services.network import NetworkIndex
from bot.services.ports.guilds import GuildStore
from bot.services.ports.reports import ReportStore

FORMATS: dict[str, tuple[str, str]] = {  # file name -> (format, content type)
    "domains.txt": ("plain", "text/plain; charset=utf-8"),
    "hosts.txt": ("hosts", "text/plain; charset=utf-8"),
    "adblock.txt": ("adblock", "text/plain; charset=utf-8"),
    "rpz.zone": ("rpz", "text/dns; charset=utf-8"),
    "blocklist.json": ("json", "application/json; charset=utf-8"),
}
TITLE = "phishbot blocklist"
CACHE_SECONDS = 60.0
THREAD_ABOVE = 2000  # entries: a larger feed is assembled and rendered in a worker thread


@dataclass(frozen=True)
class FeedEntry:
    domain: str
    sources: tuple[str, ...]  # "community", "network", and threat-feed ids
    reports: int = 0  # the guild's own reports
    members: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    brands: tuple[str, ...] = ()
    confirmed: bool = False  # a moderator confirmed it
    servers: int = 0  # other servers of the network that publish it
    listed: tuple[tuple[str, str, str | None], ...] = ()  # (source, first listed, label) of current listings


@dataclass(frozen=True)
class Snapshot:
    guild_id: int
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True)
class Rendered:
    body: bytes
    content_type: str
    etag: str
    last_modified: datetime


@dataclass
class _Cached:
    at: float
    snapshot: Snapshot
    digest: str  # of the entries: when it moves, the feed changed
    bodies: dict[str, tuple[bytes, str]] = field(default_factory=dict)


class BlocklistFeeds:
    def __init__(self, reports: ReportStore, guilds: GuildStore, index: ListingIndex | None,
                 network: NetworkIndex | None, clock: Callable[[], datetime], monotonic: Callable[[], float]) -> None:
        self.reports = reports
        self.guilds = guilds
        self.index = index
        self.network = network
        self.clock = clock
        self.monotonic = monotonic
        self._cache: dict[int, _Cached] = {}
        self._changed: dict[int, tuple[str, datetime]] = {}  # guild -> (digest of its entries, first seen)

    async def snapshot(self, guild_id: int) -> Snapshot:
        return (await self._cached(guild_id)).snapshot

    async def _cached(self, guild_id: int) -> _Cached:
        cached = self._cache.get(guild_id)
        if cached is not None and self.monotonic() - cached.at < CACHE_SECONDS:
            return cached
        snapshot, digest = await self._build(guild_id)
        if len(self._cache) > 1000:
            self._cache.clear()
        if cached is not None and cached.digest == digest:
            cached.at, cached.snapshot = self.monotonic(), snapshot  # unchanged: the rendered bodies stay
        else:
            cached = _Cached(self.monotonic(), snapshot, digest)
        self._cache[guild_id] = cached
        return cached

    def forget(self, guild_id: int) -> None:
        """The guild changed what its feeds carry: the next request builds them anew."""
        self._cache.pop(guild_id, None)

    async def _build(self, guild_id: int) -> tuple[Snapshot, str]:
        """The guild's entries (the store's queries on the event loop) merged with the threat feeds'
        and the network's in a worker thread: tens of thousands of listings would hold the loop."""
        now = self.clock()
        entries: dict[str, FeedEntry] = {}
        for domain in await self.reports.blocklist(guild_id):
            if listing_domain(domain) != domain:
                continue  # the listing rule, whatever the store holds (a row from before it, a platform)
            summary = await self.reports.domain_summary(guild_id, domain)
            entries[domain] = FeedEntry(
                domain, ("community",), reports=summary.reports, members=summary.members,
                first_seen=summary.first_seen, last_seen=summary.last_seen,
                brands=summary.brands, confirmed=summary.decision == "confirmed",
            )
        features = await self.guilds.guild_features(guild_id)
        network = self.network.names(guild_id) if self.network is not None and features.network_receive else {}

        def assemble() -> tuple[Snapshot, str]:
            self._external(entries, features.feed_external, network, now)
            snapshot = Snapshot(guild_id, tuple(entries[name] for name in sorted(entries)))
            return snapshot, hashlib.sha256(repr(snapshot.entries).encode("utf-8")).hexdigest()

        if len(entries) + (len(self.index) if features.feed_external and self.index is not None else 0) > THREAD_ABOVE:
            return await asyncio.to_thread(assemble)
        return assemble()

    def _external(self, entries: dict[str, FeedEntry], feed_external: bool, network: dict[str, int],
                  now: datetime) -> None:
        if feed_external and self.index is not None:
            for name, found in self.index.current(now).items():
                if listing_domain(name) != name:
                    continue
                current = [x for x in found if x.current]
                listed = tuple((x.source, x.first_listed, x.label) for x in current)
                sources = tuple(dict.fromkeys(x.source for x in current))
                old = entries.get(name)
                entries[name] = (FeedEntry(name, sources, listed=listed) if old is None else
                                 FeedEntry(**{**old.__dict__, "sources": old.sources + sources, "listed": listed}))
        if feed_external:
            for name, servers in network.items():
                old = entries.get(name)
                entries[name] = (FeedEntry(name, ("network",), servers=servers) if old is None else
                                 FeedEntry(**{**old.__dict__, "sources": (*old.sources, "network"), "servers": servers}))

    async def render(self, guild_id: int, file_name: str) -> Rendered:
        fmt, content_type = FORMATS[file_name]
        cached = await self._cached(guild_id)
        seen = self._changed.get(guild_id)
        if seen is None or seen[0] != cached.digest:
            seen = (cached.digest, self.clock().replace(microsecond=0))
            if len(self._changed) > 10_000:
                self._changed.clear()
            self._changed[guild_id] = seen
        changed = seen[1]
        if file_name not in cached.bodies:
            def render() -> tuple[bytes, str]:
                body = RENDERERS[fmt](cached.snapshot, changed).encode("utf-8")
                return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'

            big = len(cached.snapshot.entries) > THREAD_ABOVE
            cached.bodies[file_name] = await asyncio.to_thread(render) if big else render()
        body, etag = cached.bodies[file_name]
        return Rendered(body, content_type, etag, changed)


def _header(snapshot: Snapshot, mark: str) -> list[str]:
    return [f"{mark} {TITLE}: {len(snapshot.entries)} domains",
            f"{mark} Known-bad domains reported by two members or more, or confirmed by a moderator"
            + (", with threat-feed and network entries" if any(e.sources != ("community",) for e in snapshot.entries)
               else "") + ".",
            f"{mark} Each name covers its subdomains."]


def render_plain(snapshot: Snapshot, changed: datetime) -> str:  # noqa: ARG001 - one signature
    return "\n".join([*_header(snapshot, "#"), *(e.domain for e in snapshot.entries)]) + "\n"


def render_hosts(snapshot: Snapshot, changed: datetime) -> str:  # noqa: ARG001 - one signature
    lines = _header(snapshot, "#")[:2]
    for e in snapshot.entries:
        lines += [f"0.0.0.0 {e.domain}", f"0.0.0.0 www.{e.domain}"]  # hosts files match exact names only
    return "\n".join(lines) + "\n"


def render_adblock(snapshot: Snapshot, changed: datetime) -> str:
    lines = ["[Adblock Plus 2.0]", f"! Title: {TITLE}", "! Expires: 6 hours",
             f"! Last modified: {changed.strftime('%d %b %Y %H:%M UTC')}",
             *_header(snapshot, "!")[:2], *(f"||{e.domain}^" for e in snapshot.entries)]
    return "\n".join(lines) + "\n"


def render_rpz(snapshot: Snapshot, changed: datetime) -> str:
    """A response-policy zone (BIND, Unbound, Knot, PowerDNS): NXDOMAIN for each name and every name
    under it. The serial is the time the entries last changed (seconds since 1970: it only grows,
    and fits the 32-bit serial until 2106)."""
    serial = int(changed.timestamp())
    lines = [*_header(snapshot, ";"), "$TTL 300",
             f"@ IN SOA localhost. hostmaster.localhost. ({serial} 3600 600 604800 300)", "@ IN NS localhost."]
    for e in snapshot.entries:
        lines += [f"{e.domain} CNAME .", f"*.{e.domain} CNAME ."]
    return "\n".join(lines) + "\n"


def render_json(snapshot: Snapshot, changed: datetime) -> str:  # noqa: ARG001 - one signature
    domains = []
    for e in snapshot.entries:
        item: dict[str, object] = {"domain": e.domain, "sources": list(e.sources)}
        if "community" in e.sources:
            item.update({"reports": e.reports, "members": e.members, "first_seen": e.first_seen,
                         "last_seen": e.last_seen, "brands": list(e.brands), "confirmed": e.confirmed})
        if e.listed:
            item["listed"] = [{"source": s, "name": source_name(s), "first_listed": first, "label": label}
                              for s, first, label in e.listed]
        if "network" in e.sources:
            item["servers"] = e.servers
        domains.append(item)
    head = json.dumps({"title": TITLE, "count": len(domains)}, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in domains)
    return f'{head}, "domains": [\n{lines}\n]}}\n'  # one domain a line: compact, and readable with grep


RENDERERS: dict[str, Callable[[Snapshot, datetime], str]] = {
    "plain": render_plain, "hosts": render_hosts, "adblock": render_adblock, "rpz": render_rpz, "json": render_json,
}
