"""Link watch (opt-in per guild): is a chat message's link known-bad?

Cheap enough for a busy server: a message without a link costs one regular-expression scan; a link
costs a few dictionary probes — the guild's blocklist (kept a minute in memory), the threat feeds'
current listings and what the network's other servers publish, all in memory — and no registry is
ever asked on this path. A link none of them knows is judged offline by the analysis itself (what
its host and path show), and counts only when that judgement is ``phishing`` or ``malware``; that
judgement runs where every mail is read (the bot's worker processes: never on the event loop), with
a short time limit. Links to a brand's official domains are never answered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.analysis.brands import catalogue
from bot.analysis.links import defang_url, make_link, urls_in_text
from bot.analysis.models import Limits, Link, Listing
from bot.services.analyse_mail import INLINE, Analyser, AnalysisFailed
from bot.services.listing_unit import listing_domain, lookup_names
from bot.services.listings import ListingIndex
from bot.services.network import NetworkIndex
from bot.services.ports.guilds import GuildFeatures, GuildStore
from bot.services.ports.reports import ReportStore

TEXT_CHARS = 20_000  # of a message read for links (Discord's own limit is 4,000; embeds add some)
MAX_LINKS = 20
JUDGED = frozenset({"phishing", "malware"})  # offline verdicts link watch acts on
WATCH_LIMITS = Limits(max_input_bytes=64 * 1024, max_urls=MAX_LINKS, max_seconds=1.0)


@dataclass(frozen=True)
class WatchHit:
    url: str  # defanged, the query shown as ?…
    domain: str  # the name that is known (the listed name, or the link's registrable domain)
    reports: int = 0  # this guild's own reports of it
    members: int = 0
    listings: tuple[Listing, ...] = ()  # current threat-feed listings
    servers: int = 0  # other servers of the network that publish it
    judged: str | None = None  # the offline verdict, when no list knows the link


class LinkWatch:
    def __init__(self, reports: ReportStore, guilds: GuildStore, index: ListingIndex | None, network: NetworkIndex | None,
                 clock: Callable[[], datetime], monotonic: Callable[[], float], blocklist_ttl: float = 60.0,
                 analyser: Analyser | None = None) -> None:
        self.reports = reports
        self.guilds = guilds
        self.analyser = analyser or INLINE
        self.index = index
        self.network = network
        self.clock = clock
        self.monotonic = monotonic
        self.blocklist_ttl = blocklist_ttl
        self._blocklists: dict[int, tuple[float, frozenset[str]]] = {}
        self._features: dict[int, tuple[float, GuildFeatures]] = {}

    async def features(self, guild_id: int) -> GuildFeatures:
        """What the guild turned on (link watch's mode, whether it receives the network), kept as
        long as its blocklist; ``/setup`` makes it forget at once."""
        now = self.monotonic()
        cached = self._features.get(guild_id)
        if cached is None or now - cached[0] > self.blocklist_ttl:
            if len(self._features) > 10_000:
                self._features.clear()
            cached = (now, await self.guilds.guild_features(guild_id))
            self._features[guild_id] = cached
        return cached[1]

    async def blocklist(self, guild_id: int) -> frozenset[str]:
        """The guild's blocklist (the shared log's rule), kept ``blocklist_ttl`` seconds."""
        now = self.monotonic()
        cached = self._blocklists.get(guild_id)
        if cached is None or now - cached[0] > self.blocklist_ttl:
            if len(self._blocklists) > 10_000:
                self._blocklists.clear()
            cached = (now, frozenset(d for d in await self.reports.blocklist(guild_id) if listing_domain(d) == d))
            self._blocklists[guild_id] = cached
        return cached[1]

    def forget(self, guild_id: int) -> None:
        self._blocklists.pop(guild_id, None)
        self._features.pop(guild_id, None)

    @staticmethod
    def links(text: str) -> list[Link]:
        """The message's web links, official brand domains left out."""
        cat = catalogue()
        out: list[Link] = []
        for url in urls_in_text(text[:TEXT_CHARS], MAX_LINKS):
            link = make_link(url, "text")
            if link is not None and not (link.registrable_domain and cat.is_official(link.registrable_domain)):
                out.append(link)
        return out

    async def check(self, guild_id: int, text: str, receive_network: bool) -> WatchHit | None:
        if "://" not in text and "www." not in text.lower() and "[.]" not in text and "hxxp" not in text.lower():
            return None  # the common case: chat without a link
        links = self.links(text)
        if not links:
            return None
        now = self.clock()
        own = await self.blocklist(guild_id)
        for link in links:
            names = lookup_names(link.host)
            listed = self.index.current_for_host(link.host, now) if self.index is not None else ()
            servers = 0
            if receive_network and self.network is not None:
                servers = max((self.network.servers(n, guild_id) for n in names), default=0)
            mine = next((n for n in names if n in own), None)
            if mine is None and not listed and not servers:
                continue
            domain = mine or (listed[0].domain if listed else next(
                (n for n in names if self.network is not None and self.network.servers(n, guild_id)), link.host))
            reports = members = 0
            if mine is not None:
                summary = await self.reports.domain_summary(guild_id, mine)
                reports, members = summary.reports, summary.members
            return WatchHit(defang_url(link.url), domain, reports, members, listed, servers)
        prepared = await self.analyser.prepare(text[:TEXT_CHARS].encode("utf-8"), WATCH_LIMITS)
        if isinstance(prepared, AnalysisFailed):
            return None  # logged with its reference where it failed; a chat message gets no answer
        analysis = await self.analyser.judge(prepared, {}, now, WATCH_LIMITS)
        if isinstance(analysis, AnalysisFailed) or analysis.verdict not in JUDGED:
            return None
        flagged = next((link for link in links if link.registrable_domain), links[0])
        # the name the listing rule gives (foo.duckdns.org, never duckdns.org as a whole)
        domain = listing_domain(flagged.host) or flagged.registrable_domain or flagged.host
        return WatchHit(defang_url(flagged.url), domain, judged=analysis.verdict)
