"""The shared log's use-cases beyond filing a report (``services.submit``): a domain's and a
campaign's view, moderators' decisions, leak-source registrations and votes, forgetting a member,
exports, counts and the charts' series. Discord-free; the CLI, the bot and the web server call the
same methods and get the same frozen views."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from bot.analysis.brands import catalogue
from bot.analysis.domains import customer_domain, is_platform, org_domain, valid_host_name
from bot.analysis.privacy import mask_address
from bot.community.leaks import CommunityCounts, rank_leak_sources, resolve_claims
from bot.community.service_catalogue import looks_like_address, parse_service_list, resolve_service
from bot.community.timeline import buckets, week_start
from bot.services.addresses import address_key, normalise_address
from bot.services.domain_info import domain_info, host_from_input
from bot.services.errors import CommunityError, ConfirmRefused
from bot.services.ports.lookups import DomainIntel
from bot.services.ports.members import Forgotten, MemberRegistration, MemberStore, ServiceClaim
from bot.services.ports.reports import BrandCount, CampaignChoice, ReportCounts, ReportStore

CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula
DOMAIN_STATUSES = ("known_bad", "official", "platform", "unknown")


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @, a tab or a carriage
    return gets a leading apostrophe (OWASP's advice for CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_FORMULA) else text


@dataclass(frozen=True)
class DomainView:
    """A name as a guild's log knows it, with its registration age when known."""

    domain: str  # the name shown: a platform customer's own (foo.duckdns.org), else the registrable domain
    registrable_domain: str
    status: str  # known_bad | official | platform | unknown
    reports: int
    members: int
    first_seen: str | None
    last_seen: str | None
    brands: tuple[str, ...]
    campaigns: tuple[str, ...]
    age_days: int | None
    decision: str | None  # confirmed | cleared | None
    official_brand: str | None  # the brand whose official domain it is
    lookup: str  # how the registration facts were had (rdap, whois, cache, unavailable, skipped)


@dataclass(frozen=True)
class RankedService:
    """A service in a campaign's leak ranking: the model's probability with its evidence, and the
    members' votes beside it (never mixed into it)."""

    service: str  # slug
    score: float  # probability, 0-1 over all candidates
    registered: int  # hit addresses registered with it
    not_registered: int
    votes: int
    votes_from_recipients: int  # votes of members who received the campaign


@dataclass(frozen=True)
class CampaignView:
    id: str
    reports: int
    members: int
    domains: tuple[str, ...]
    brands: tuple[str, ...]
    first_seen: str
    last_seen: str
    leak_ranking: tuple[RankedService, ...]


@dataclass(frozen=True)
class Registered:
    """What a member's registration saved."""

    address: str  # masked
    registered: tuple[str, ...]  # slugs
    not_registered: tuple[str, ...]
    names: tuple[tuple[str, str], ...] = ()  # (slug, the name as typed) of the services not in the catalogue


@dataclass(frozen=True)
class Voted:
    campaign: str
    service: str
    name: str = ""  # the name as typed, for a service not in the catalogue


@dataclass(frozen=True)
class WeekCounts:
    week: str  # the Monday, YYYY-MM-DD (UTC)
    verdicts: dict[str, int]
    total: int


@dataclass(frozen=True)
class StatsSeries:
    """Reports per UTC week by verdict (every week listed), and this month's impersonated brands."""

    weeks: tuple[WeekCounts, ...]
    month: str  # YYYY-MM
    top_brands: tuple[BrandCount, ...]  # most reported first


@dataclass(frozen=True)
class Bucket:
    start: str  # ISO, UTC
    reports: int


@dataclass(frozen=True)
class CampaignTimeline:
    """A campaign's reports by the mails' arrival, in the finest readable UTC unit."""

    unit: str  # hour | day | week | month | year
    buckets: tuple[Bucket, ...]  # oldest first, empty buckets between included


class Community:
    def __init__(self, reports: ReportStore, members: MemberStore, key: bytes) -> None:
        self.reports = reports
        self.members = members
        self.key = key  # the address HMAC's key

    # --- domains -------------------------------------------------------------------------

    async def domain_view(self, guild_id: int, name: str, intel: DomainIntel | None, now: datetime) -> DomainView:
        info = await domain_info(name, intel, now)
        host = host_from_input(name)
        unit = customer_domain(host)
        # a platform's customer (foo.duckdns.org) is known by its own name; the registration facts
        # are the registrable domain's (registries answer for that)
        shown = unit or info.domain
        summary = await self.reports.domain_summary(guild_id, shown)
        if info.brand is not None:
            status = "official"
        elif unit is None or is_platform(shown):
            status = "platform"
        elif summary.decision == "cleared":
            status = "unknown"
        elif summary.decision == "confirmed" or summary.reports > 0:
            status = "known_bad"
        else:
            status = "unknown"
        return DomainView(
            domain=shown, registrable_domain=info.domain, status=status, reports=summary.reports,
            members=summary.members, first_seen=summary.first_seen, last_seen=summary.last_seen, brands=summary.brands,
            campaigns=summary.campaigns, age_days=info.age_days if info.age_days is not None else summary.age_days,
            decision=summary.decision, official_brand=info.brand.id if info.brand else None,
            lookup=info.fact.lookup if info.fact else "skipped",
        )

    async def decide_domain(self, guild_id: int, name: str, status: str, moderator_id: int | None, now: datetime) -> str:
        """A moderator confirms a domain as bad or clears it. Confirming is refused, with the reason,
        for what is never known-bad: a brand's official domain, free-mail, a shortener, shared mail
        or cloud infrastructure, a shared platform as a whole (its customers can be confirmed)."""
        host = host_from_input(name)
        registrable = org_domain(host)
        unit = customer_domain(host)
        domain = unit or registrable or host
        if status == "confirmed":
            if not valid_host_name(domain):  # e.g. an emoji name UTS #46 reads but IDNA 2008 refuses
                raise ConfirmRefused("confirm_not_host", domain=domain)
            cat = catalogue()
            brands = cat.official_for(registrable)
            if brands:
                brand = cat.by_id[brands[0]]
                raise ConfirmRefused("confirm_official", domain=registrable, brand_en=brand.name_en,
                                     brand_ja=brand.name_ja)
            if unit is None or is_platform(unit):
                raise ConfirmRefused("confirm_platform", domain=registrable or host)
            if unit == registrable:
                for code, names in (("confirm_freemail", cat.freemail), ("confirm_shortener", cat.shorteners),
                                    ("confirm_shared", cat.infrastructure | cat.trackers | cat.free_hosting
                                     | cat.benign)):
                    if registrable in names:
                        raise ConfirmRefused(code, domain=registrable)
        await self.reports.decide(guild_id, domain, status, moderator_id, now)
        return domain

    # --- campaigns and leak sources --------------------------------------------------------

    async def campaign_view(self, guild_id: int, campaign_id: str) -> CampaignView | None:
        record = await self.reports.campaign(guild_id, campaign_id.strip())
        if record is None:
            return None
        # community-wide counts by aggregate queries, and only the hit addresses' own answers —
        # each member's claims apart, weighed by evidence (leaks.resolve_claims)
        counts = await self.members.registration_counts(guild_id)
        own = resolve_claims(await self.members.claims_of(guild_id, record.recipients))
        tagged = {key: resolve_service(tag).slug for key, tag in record.tagged.items() if tag.strip()}
        ranking = rank_leak_sources(list(record.recipients), own, tagged,
                                    counts=CommunityCounts(counts.addresses, dict(counts.registered),
                                                           dict(counts.not_registered)))
        tally: dict[str, int] = {}
        from_recipients: dict[str, int] = {}
        for vote in await self.members.votes(guild_id, record.id):
            tally[vote.service] = tally.get(vote.service, 0) + 1
            if vote.member_id in record.reporters:
                from_recipients[vote.service] = from_recipients.get(vote.service, 0) + 1
        ranked = [RankedService(r.service, round(r.score, 4), r.registered, r.not_registered, tally.get(r.service, 0),
                                from_recipients.get(r.service, 0)) for r in ranking]
        for service in sorted(set(tally) - {r.service for r in ranked}):  # votes for services nobody registered
            ranked.append(RankedService(service, 0.0, 0, 0, tally[service], from_recipients.get(service, 0)))
        return CampaignView(id=record.id, reports=record.reports, members=record.members, domains=record.domains,
                            brands=record.brands, first_seen=record.first_seen, last_seen=record.last_seen,
                            leak_ranking=tuple(ranked))

    async def recent_campaigns(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[CampaignChoice]:
        """The guild's latest campaigns whose id starts with ``prefix`` (autocompletion)."""
        return await self.reports.recent_campaigns(guild_id, prefix, limit)

    async def campaign_timeline(self, guild_id: int, campaign_id: str) -> CampaignTimeline:
        """A campaign's reports by the mail's arrival, in the finest UTC unit (hour, day, week,
        month, year) that keeps it readable; empty buckets between the first and the last listed."""
        hours = []
        for row in await self.reports.campaign_hours(guild_id, campaign_id.strip()):
            try:
                hours.append((datetime.fromisoformat(row.hour), row.reports))
            except ValueError:  # a date SQLite reads and Python does not (year 0): left out
                continue
        unit, series = buckets(hours)
        return CampaignTimeline(unit, tuple(Bucket(start.isoformat(), n) for start, n in series))

    async def register(
        self, guild_id: int, member_id: int, address: str, registered: str, not_registered: str, now: datetime,
    ) -> Registered:
        """The member's own claims about an address. Another member may have claims about the same
        address: neither blocks nor replaces the other's (the ranking weighs them, leaks.resolve_claims)."""
        clean = normalise_address(address)
        local, at, domain = clean.partition("@")
        if not at or not local or "." not in domain or len(clean) > 254:
            raise CommunityError("bad_address")
        for text in (registered, not_registered):
            if looks_like_address(text):  # a service name is shown to others: never an address
                raise CommunityError("service_is_address")
        yes = parse_service_list(registered)
        no = parse_service_list(not_registered)
        if not yes and not no:
            raise CommunityError("no_services")
        both = {s.slug for s in yes} & {s.slug for s in no}
        if both:
            named = [s for s in yes if s.slug in both]
            raise CommunityError("contradiction", services_ja=", ".join(s.name_ja for s in named),
                                 services_en=", ".join(s.name_en for s in named))
        claims = [ServiceClaim(s.slug, s.name_ja if s.known else s.name_en, True) for s in yes]
        claims += [ServiceClaim(s.slug, s.name_ja if s.known else s.name_en, False) for s in no]
        await self.members.register(guild_id, member_id, address_key(self.key, clean), mask_address(clean), claims, now)
        return Registered(mask_address(clean), tuple(s.slug for s in yes), tuple(s.slug for s in no),
                          tuple((s.slug, s.name_en) for s in (*yes, *no) if not s.known))

    async def my_registrations(self, guild_id: int, member_id: int) -> list[MemberRegistration]:
        return await self.members.member_registrations(guild_id, member_id)

    async def vote(self, guild_id: int, member_id: int, campaign_id: str, service_text: str, now: datetime) -> Voted:
        record = await self.reports.campaign(guild_id, campaign_id.strip())
        if record is None:
            raise CommunityError("no_campaign", campaign=campaign_id)
        if not service_text.strip():
            raise CommunityError("no_services")
        if looks_like_address(service_text):
            raise CommunityError("service_is_address")
        service = resolve_service(service_text)
        if not await self.members.vote(guild_id, record.id, member_id, service.slug, now):
            # merged into another campaign (or purged) between the lookup above and the vote
            raise CommunityError("no_campaign", campaign=campaign_id)
        typed = "" if service.known or service.name_en == service.slug else service.name_en  # a menu sends the slug
        return Voted(record.id, service.slug, typed)

    async def forget(self, guild_id: int, member_id: int) -> Forgotten:
        return await self.members.forget(guild_id, member_id)

    # --- exports and stats ---------------------------------------------------------------

    async def export(self, guild_id: int, kind: str) -> str:
        if kind in ("blocklist", "hosts"):
            # only valid host names: a row from an older version, or a name a parser let through,
            # must not become a line a resolver or a hosts file misreads
            domains = [d for d in await self.reports.blocklist(guild_id) if valid_host_name(d)]
            if kind == "hosts":
                return "".join(f"0.0.0.0 {d}\n" for d in domains)
            return "".join(f"{d}\n" for d in domains)
        rows = await self.reports.export_reports(guild_id)
        if kind == "json":
            return "".join(json.dumps({**asdict(r), "domains": list(r.domains)}, ensure_ascii=False) + "\n"
                           for r in rows)
        if kind == "csv":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["report_id", "created_at", "verdict", "score", "brand", "campaign", "domains"])
            for r in rows:
                writer.writerow([csv_cell(v) for v in (r.report_id, r.created_at, r.verdict, r.score, r.brand or "",
                                                         r.campaign or "", " ".join(r.domains))])
            return out.getvalue()
        raise CommunityError("bad_export", kind=kind)

    async def stats(self, guild_id: int) -> ReportCounts:
        return await self.reports.report_counts(guild_id)

    async def stats_series(self, guild_id: int, now: datetime, weeks: int = 12, brands: int = 8) -> StatsSeries:
        """Reports per UTC week (Monday first) by verdict for the last ``weeks`` weeks, this one
        included, every week listed; and the brands most impersonated this UTC month."""
        now = now.astimezone(UTC)
        first = week_start(now.date()) - timedelta(weeks=weeks - 1)
        by_week: dict[str, dict[str, int]] = {}
        for row in await self.reports.weekly_verdicts(guild_id, datetime(first.year, first.month, first.day, tzinfo=UTC)):
            by_week.setdefault(row.week, {})[row.verdict] = row.reports
        series = []
        for i in range(weeks):
            start = (first + timedelta(weeks=i)).isoformat()
            counts = by_week.get(start, {})
            series.append(WeekCounts(start, counts, sum(counts.values())))
        month = datetime(now.year, now.month, 1, tzinfo=UTC)
        following = datetime(now.year + now.month // 12, now.month % 12 + 1, 1, tzinfo=UTC)
        top = await self.reports.brand_counts(guild_id, month, following, brands)
        return StatsSeries(tuple(series), f"{now.year:04d}-{now.month:02d}", tuple(top))
