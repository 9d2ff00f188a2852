"""The shared log's use-cases: submit a report, a domain's or a campaign's view, leak-source
registrations and votes, forgetting a member, exports, stats. Discord-free; the CLI and the bot
call the same functions. Addresses enter only here, and leave only as a keyed HMAC and a masked
form."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.analysis.brands import catalogue
from bot.analysis.domains import customer_domain, is_platform, org_domain, to_ascii_host, valid_host_name
from bot.analysis.models import Analysis, Limits
from bot.analysis.privacy import mask_address
from bot.community.campaigns import CampaignKeys, subject_key
from bot.community.leaks import Claim, CommunityCounts, rank_leak_sources, resolve_claims
from bot.community.list_mail import is_list_mail, list_infrastructure, without_list_infrastructure
from bot.community.service_catalogue import looks_like_address, parse_service_list, resolve_service
from bot.services.analyse_mail import Analyser, analyse_with_lookups
from bot.services.domain_info import domain_info, host_from_input
from bot.services.listings import FeedListings
from bot.services.protocols import (
    DomainIntel,
    NewReport,
    SharedLogPort,
    StoredReport,
    StoredReportView,
    from_pending_payload,
    pending_payload,
    shared_now,
)

PURGE_EVERY = timedelta(minutes=5)
PENDING_FOR = timedelta(days=1)  # how long a private analysis can still be shared into the log
CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula


class CommunityError(ValueError):
    """Bad input from a member, with a stable code (locales: ``community.<code>``)."""

    usage = False  # True: the request itself is refused (the CLI exits 2, as for a usage error)

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}

    def params_in(self, lang: str) -> dict[str, str]:
        """The sentence's values in a language: a ``name_ja`` / ``name_en`` pair becomes ``name``."""
        out = {k: v for k, v in self.params.items() if not k.endswith(("_ja", "_en"))}
        for key, value in self.params.items():
            if key.endswith(f"_{lang}"):
                out[key[: -len(lang) - 1]] = value
        return out


class ConfirmRefused(CommunityError):
    """A moderator asked to confirm as bad what is never known-bad (an official domain, …)."""

    usage = True


def normalise_address(address: str) -> str:
    """One form per mailbox: NFKC, no angle brackets, lower case, the domain without a trailing
    dot and in A-label form (``Taro@Example.JP.`` and ``taro@example.jp`` are one address)."""
    text = unicodedata.normalize("NFKC", address).strip().strip("<>").strip().lower()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    domain = domain.strip().rstrip(".")
    return f"{local}@{to_ascii_host(domain) or domain}"


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @, a tab or a carriage
    return gets a leading apostrophe (OWASP's advice for CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_FORMULA) else text


def address_key(key: bytes, address: str) -> str:
    return hmac.new(key, normalise_address(address).encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Submitted:
    analysis: Analysis
    stored: StoredReportView
    campaign_reports: int
    campaign_members: int
    recorded: bool = True  # False: a private analysis, not in the shared log (until shared)


class Community:
    def __init__(self, store: SharedLogPort, key: bytes, analyser: Analyser | None = None) -> None:
        self.store = store
        self.key = key
        self.analyser = analyser  # where mails are read (the bot: worker processes); None: in this thread
        self._next_purge: datetime | None = None

    # --- reports -------------------------------------------------------------------------

    async def submit_report(
        self, data: bytes, guild_id: int, member_id: int, now: datetime, intel: DomainIntel | None,
        limits: Limits | None = None, keep_raw_days: int | None = None, *, record: bool = True,
        listings: FeedListings | None = None,
    ) -> Submitted:
        """Analyse a mail and record it in the shared log — or, with ``record=False`` (a private
        analysis), keep what would be recorded aside for a day, for ``share`` to record.
        ``listings``: the threat feeds, facts for the analysis like registration ages."""
        report = await analyse_with_lookups(data, intel, now, limits or Limits(), self.analyser, listings)
        if not report.readable:
            problem = report.problems[-1] if report.problems else None
            if problem is not None and problem.code in ("analysis_error", "analysis_stopped"):
                raise CommunityError(problem.code, **dict(problem.params))  # with the reference in the log
            raise CommunityError("unreadable", reason=problem.code if problem else "?")
        new = self._new_report(report, data, guild_id, member_id, now, keep_raw_days if record else None)
        if not record:
            await self.store.save_pending(guild_id, new.public_id, member_id, pending_payload(new), now + PENDING_FOR)
            return Submitted(report, StoredReport(new.public_id, None, duplicate=False, new_reporter=False), 0, 0,
                             recorded=False)
        return await self._record(report, new, now)

    async def share(self, guild_id: int, public_id: str, member_id: int, now: datetime) -> StoredReport | None:
        """Record the member's private analysis of this mail in the shared log (their Share
        button); None when there is none left to record (expired, or shared already)."""
        payload = await self.store.take_pending(guild_id, public_id, member_id, now)
        if payload is None:
            return None
        return await self.store.save_report(shared_now(from_pending_payload(payload), member_id, now))

    async def _record(self, report: Analysis, new: NewReport, now: datetime) -> Submitted:
        stored = await self.store.save_report(new)
        if self._next_purge is None or now >= self._next_purge:
            # raw mail past its guild's retention goes, whoever's it was (at most every few minutes:
            # a long-running bot submits many reports)
            await self.store.purge_raw(now)
            self._next_purge = now + PURGE_EVERY
        guild_id = new.guild_id
        reports, members = await self.store.campaign_counts(guild_id, stored.campaign_id) if stored.campaign_id else (1, 1)
        return Submitted(report, stored, reports, max(members, 1))

    async def rejudge(
        self, data: bytes, guild_id: int, public_id: str, now: datetime, intel: DomainIntel | None,
        limits: Limits | None = None, *, store: bool = True, listings: FeedListings | None = None,
    ) -> Analysis:
        """Judge a stored report again once its lookups have answered (the bot replied before
        they did): the verdict, score, findings and domain ages are updated in place (``store``:
        a private analysis is not in the log, nothing is updated)."""
        report = await analyse_with_lookups(data, intel, now, limits or Limits(), self.analyser, listings)
        if report.readable and store:
            new = self._new_report(report, data, guild_id, 0, now, None)
            await self.store.update_judgement(guild_id, public_id, new.verdict, new.score, new.findings,
                                              {d: age for d, _, _, age in new.domains if age is not None})
        return report

    def _new_report(
        self, report: Analysis, data: bytes, guild_id: int, member_id: int, now: datetime, keep_raw_days: int | None,
    ) -> NewReport:
        cat = catalogue()
        s = report.sender
        recipient = s.recipients[0].address if s.recipients else None
        from_org = org_domain(s.from_addr.domain) if s.from_addr and s.from_addr.domain else None
        self_sent = s.from_addr is not None and any(r.address == s.from_addr.address for r in s.recipients)
        brand = report.brand.id if report.brand and not report.brand_official else None
        # never known-bad: a brand's own, free-mail, shared infrastructure, shorteners, free hosting
        # (the page on it may be bad, the service is not), and a From domain nothing authenticated
        # (forged: for a self-sent mail it is the victim's own). On a shared platform the unit is
        # the customer's (foo.duckdns.org), never the platform.
        shared = cat.freemail | cat.benign | cat.shorteners | cat.free_hosting | cat.infrastructure | cat.trackers
        auth = s.auth
        from_verified = from_org is not None and auth.trusted and (
            auth.dmarc == "pass" or from_org in {org_domain(d) for d in auth.dkim_domains}
        )

        def bad_unit(host: str | None) -> str | None:
            """The name that may be known-bad for this host, or None."""
            if not host:
                return None
            registrable = org_domain(host)
            unit = customer_domain(host)
            if registrable is None or unit is None or not valid_host_name(unit) or cat.is_official(registrable):
                return None
            if unit == registrable and registrable in shared:
                return None
            if registrable == from_org and (self_sent or not from_verified):
                return None
            return unit

        infrastructure = list_infrastructure(report.headers, report.links)
        link_units = frozenset(u for link in report.links if (u := bad_unit(link.host)))
        link_units = without_list_infrastructure(link_units, infrastructure)
        listed = is_list_mail(report.headers)
        envelope_unit = bad_unit(s.envelope_domain)
        if envelope_unit in infrastructure and listed:
            envelope_unit = None  # the list's own bounce domain: on every message it carries
        dkim_units = {u for d in auth.dkim_domains if (u := bad_unit(d)) and not (listed and u in infrastructure)}
        ages = dict(report.ages)
        domains: dict[tuple[str, str], tuple[bool, int | None]] = {}

        def add(domain: str, role: str, bad: bool, age: int | None) -> None:
            old = domains.get((domain, role))
            domains[(domain, role)] = (bad or (old is not None and old[0]), age if age is not None else (old or (0, None))[1])

        for entry in report.domains:  # the registrable domains, with their ages (registries answer for those)
            unit_bad = {"link": entry.domain in link_units, "envelope": entry.domain == envelope_unit,
                        "dkim": entry.domain in dkim_units}.get(entry.role, False)
            add(entry.domain, entry.role, unit_bad, ages.get(entry.domain))
        for unit in link_units:  # customer units below a platform: listed by themselves, no age of their own
            add(unit, "link", True, ages.get(unit))
        if envelope_unit:
            add(envelope_unit, "envelope", True, ages.get(envelope_unit))
        for unit in dkim_units:
            add(unit, "dkim", True, ages.get(unit))
        mail_time = datetime.fromisoformat(report.received_at) if report.received_at else now
        if mail_time.tzinfo is None:
            mail_time = mail_time.replace(tzinfo=UTC)
        envelope = org_domain(s.envelope_domain) if s.envelope_domain else None
        if envelope is not None and listed and customer_domain(s.envelope_domain or "") in infrastructure:
            envelope = None
        handoff = None if listed else s.handoff_ip  # a list's server hands over every message of the list
        message_id = report.message_id.strip().lower() if report.message_id else None
        findings = tuple(
            (f.rule, f.severity, dict(f.params).get("service", "")) if f.rule == "leak_tag" else (f.rule, f.severity)
            for f in report.findings
        )
        return NewReport(
            guild_id=guild_id, member_id=member_id, created_at=now, mail_time=mail_time, verdict=report.verdict,
            score=report.score, brand=brand,
            keys=CampaignKeys(link_units, envelope, handoff, brand, subject_key(report.subject), mail_time),
            message_id_hash=hashlib.sha256(message_id.encode()).hexdigest() if message_id else None,
            input_sha256=report.input_sha256,
            recipient_key=address_key(self.key, recipient) if recipient else None,
            recipient_masked=mask_address(recipient) if recipient else None,
            findings=findings,
            domains=tuple((d, role, bad, age) for (d, role), (bad, age) in sorted(domains.items())),
            public_id="R-" + hashlib.sha256(f"{guild_id}:{report.input_sha256}".encode()).hexdigest()[:10],
            raw=data if keep_raw_days else None,
            raw_expires_at=now + timedelta(days=keep_raw_days) if keep_raw_days else None,
        )

    # --- domains -------------------------------------------------------------------------

    async def domain_view(self, guild_id: int, name: str, intel: DomainIntel | None, now: datetime) -> dict[str, Any]:
        info = await domain_info(name, intel, now)
        host = host_from_input(name)
        unit = customer_domain(host)
        # a platform's customer (foo.duckdns.org) is known by its own name; the registration facts
        # are the registrable domain's (registries answer for that)
        shown = unit or info.domain
        summary = await self.store.domain_summary(guild_id, shown)
        if info.brand is not None:
            status = "official"
        elif unit is None or is_platform(shown):
            status = "platform"
        elif summary["decision"] == "cleared":
            status = "unknown"
        elif summary["decision"] == "confirmed" or summary["reports"] > 0:
            status = "known_bad"
        else:
            status = "unknown"
        age = info.age_days if info.age_days is not None else summary["age_days"]
        return {
            "domain": shown, "registrable_domain": info.domain, "status": status, "reports": summary["reports"],
            "members": summary["members"], "first_seen": summary["first_seen"], "last_seen": summary["last_seen"],
            "brands": summary["brands"], "campaigns": summary["campaigns"], "age_days": age,
            "decision": summary["decision"], "official_brand": info.brand.id if info.brand else None,
            "lookup": info.fact.lookup if info.fact else "skipped",
        }

    async def decide_domain(self, guild_id: int, name: str, status: str, moderator_id: int | None, now: datetime) -> str:
        """A moderator confirms a domain as bad or clears it. Confirming is refused, with the reason,
        for what is never known-bad: a brand's official domain, free-mail, a shortener, shared mail
        or cloud infrastructure, a shared platform as a whole (its customers can be confirmed)."""
        host = host_from_input(name)
        registrable = org_domain(host)
        unit = customer_domain(host)
        domain = unit or registrable or host
        if status == "confirmed":
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
        await self.store.decide(guild_id, domain, status, moderator_id, now)
        return domain

    # --- campaigns and leak sources --------------------------------------------------------

    async def campaign_view(self, guild_id: int, campaign_id: str) -> dict[str, Any] | None:
        view = await self.store.campaign(guild_id, campaign_id.strip())
        if view is None:
            return None
        # community-wide counts by aggregate queries, and only the hit addresses' own answers —
        # each member's claims apart, weighed by evidence (leaks.resolve_claims)
        addresses, yes, no = await self.store.registration_counts(guild_id)
        claims = [Claim(k, m, s, r, e) for k, m, s, r, e in await self.store.claims_of(guild_id, view["recipients"])]
        own = resolve_claims(claims)
        tagged = {key: resolve_service(tag).slug for key, tag in view["tagged"].items() if tag.strip()}
        ranking = rank_leak_sources(view["recipients"], own, tagged, counts=CommunityCounts(addresses, yes, no))
        votes = await self.store.votes(view["id"])
        tally: dict[str, int] = {}
        from_recipients: dict[str, int] = {}
        for member, service in votes:
            tally[service] = tally.get(service, 0) + 1
            if member in view["reporters"]:
                from_recipients[service] = from_recipients.get(service, 0) + 1
        ranked = [
            {"service": r.service, "score": round(r.score, 4), "registered": r.registered,
             "not_registered": r.not_registered, "votes": tally.get(r.service, 0),
             "votes_from_recipients": from_recipients.get(r.service, 0)}
            for r in ranking
        ]
        for service in sorted(set(tally) - {r["service"] for r in ranked}):  # votes for services nobody registered
            ranked.append({"service": service, "score": 0.0, "registered": 0, "not_registered": 0,
                           "votes": tally[service], "votes_from_recipients": from_recipients.get(service, 0)})
        return {"id": view["id"], "reports": view["reports"], "members": view["members"], "domains": view["domains"],
                "brands": view["brands"], "first_seen": view["first_seen"], "last_seen": view["last_seen"],
                "leak_ranking": ranked}

    async def register(
        self, guild_id: int, member_id: int, address: str, registered: str, not_registered: str, now: datetime,
    ) -> dict[str, Any]:
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
            raise CommunityError("contradiction", services=", ".join(sorted(both)))
        key = address_key(self.key, clean)
        entries = [(s.slug, s.name_ja if s.known else s.name_en, True) for s in yes]
        entries += [(s.slug, s.name_ja if s.known else s.name_en, False) for s in no]
        await self.store.register(guild_id, member_id, key, mask_address(clean), entries, now)
        return {"address": mask_address(clean), "registered": [s.slug for s in yes], "not_registered": [s.slug for s in no]}

    async def my_registrations(self, guild_id: int, member_id: int) -> list[dict[str, Any]]:
        rows = await self.store.member_registrations(guild_id, member_id)
        return [{"address": m, "service": s, "name": n, "registered": r} for m, s, n, r in rows]

    async def vote(self, guild_id: int, member_id: int, campaign_id: str, service_text: str, now: datetime) -> dict[str, Any]:
        view = await self.store.campaign(guild_id, campaign_id.strip())
        if view is None:
            raise CommunityError("no_campaign", campaign=campaign_id)
        if not service_text.strip():
            raise CommunityError("no_services")
        if looks_like_address(service_text):
            raise CommunityError("service_is_address")
        service = resolve_service(service_text)
        await self.store.vote(guild_id, view["id"], member_id, service.slug, now)
        return {"campaign": view["id"], "service": service.slug}

    async def forget(self, guild_id: int, member_id: int) -> dict[str, int]:
        return await self.store.forget(guild_id, member_id)

    # --- exports and stats ---------------------------------------------------------------

    async def export(self, guild_id: int, kind: str) -> str:
        if kind in ("blocklist", "hosts"):
            # only valid host names: a row from an older version, or a name a parser let through,
            # must not become a line a resolver or a hosts file misreads
            domains = [d for d in await self.store.blocklist(guild_id) if valid_host_name(d)]
            if kind == "hosts":
                return "".join(f"0.0.0.0 {d}\n" for d in domains)
            return "".join(f"{d}\n" for d in domains)
        rows = await self.store.export_reports(guild_id)
        if kind == "json":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        if kind == "csv":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["report_id", "created_at", "verdict", "score", "brand", "campaign", "domains"])
            for r in rows:
                writer.writerow([csv_cell(v) for v in (r["report_id"], r["created_at"], r["verdict"], r["score"],
                                                         r["brand"] or "", r["campaign"] or "", " ".join(r["domains"]))])
            return out.getvalue()
        raise CommunityError("bad_export", kind=kind)

    async def stats(self, guild_id: int) -> dict[str, Any]:
        return await self.store.stats(guild_id)

    # --- series for the charts (UTC buckets) -------------------------------------------------------

    async def stats_series(self, guild_id: int, now: datetime, weeks: int = 12, brands: int = 8) -> dict[str, Any]:
        """Reports per UTC week (Monday first) by verdict for the last ``weeks`` weeks, this one
        included, every week listed; and the brands most impersonated this UTC month."""
        from datetime import UTC

        from bot.community.timeline import week_start

        now = now.astimezone(UTC)
        first = week_start(now.date()) - timedelta(weeks=weeks - 1)
        rows = await self.store.weekly_verdicts(guild_id, datetime(first.year, first.month, first.day, tzinfo=UTC))
        by_week: dict[str, dict[str, int]] = {}
        for week, verdict, n in rows:
            by_week.setdefault(week, {})[verdict] = n
        series = []
        for i in range(weeks):
            start = (first + timedelta(weeks=i)).isoformat()
            counts = by_week.get(start, {})
            series.append({"week": start, "verdicts": counts, "total": sum(counts.values())})
        month = datetime(now.year, now.month, 1, tzinfo=UTC)
        following = datetime(now.year + now.month // 12, now.month % 12 + 1, 1, tzinfo=UTC)
        top = await self.store.brand_counts(guild_id, month, following, brands)
        return {"weeks": series, "month": f"{now.year:04d}-{now.month:02d}", "top_brands": [[b, n] for b, n in top]}

    async def campaign_timeline(self, guild_id: int, campaign_id: str) -> dict[str, Any]:
        """A campaign's reports by the mail's arrival, in the finest UTC unit (hour, day, week,
        month, year) that keeps it readable; empty buckets between the first and the last listed."""
        from bot.community.timeline import buckets

        hours = []
        for hour, n in await self.store.campaign_hours(guild_id, campaign_id.strip()):
            try:
                hours.append((datetime.fromisoformat(hour), n))
            except ValueError:  # a date SQLite reads and Python does not (year 0): left out
                continue
        unit, series = buckets(hours)
        return {"unit": unit, "buckets": [[start.isoformat(), n] for start, n in series]}

