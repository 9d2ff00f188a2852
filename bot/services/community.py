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
from datetime import datetime, timedelta
from typing import Any

from bot.analysis.brands import catalogue
from bot.analysis.domains import org_domain
from bot.analysis.models import Limits, Report
from bot.analysis.privacy import mask_address
from bot.community.campaigns import CampaignKeys, subject_key
from bot.community.leaks import CommunityCounts, Registration, rank_leak_sources
from bot.community.services import parse_service_list, resolve_service
from bot.services.analyse_report import Analyser, analyse_with_lookups
from bot.services.domain_info import domain_info
from bot.services.protocols import DomainIntel, NewReport, SharedLogPort, StoredReportView

PURGE_EVERY = timedelta(minutes=5)


class CommunityError(ValueError):
    """Bad input from a member, with a stable code (locales: ``community.<code>``)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}


def normalise_address(address: str) -> str:
    return unicodedata.normalize("NFKC", address).strip().strip("<>").lower()


def address_key(key: bytes, address: str) -> str:
    return hmac.new(key, normalise_address(address).encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Submitted:
    report: Report
    stored: StoredReportView
    campaign_reports: int
    campaign_members: int


class Community:
    def __init__(self, store: SharedLogPort, key: bytes, analyser: Analyser | None = None) -> None:
        self.store = store
        self.key = key
        self.analyser = analyser  # where mails are read (the bot: worker processes); None: in this thread
        self._next_purge: datetime | None = None

    # --- reports -------------------------------------------------------------------------

    async def submit_report(
        self, data: bytes, guild_id: int, member_id: int, now: datetime, intel: DomainIntel | None,
        limits: Limits | None = None, keep_raw_days: int | None = None,
    ) -> Submitted:
        report = await analyse_with_lookups(data, intel, now, limits or Limits(), self.analyser)
        if not report.readable:
            problem = report.problems[-1] if report.problems else None
            if problem is not None and problem.code in ("analysis_error", "analysis_stopped"):
                raise CommunityError(problem.code, **dict(problem.params))  # with the reference in the log
            raise CommunityError("unreadable", reason=problem.code if problem else "?")
        stored = await self.store.save_report(self._new_report(report, data, guild_id, member_id, now, keep_raw_days))
        if self._next_purge is None or now >= self._next_purge:
            # raw mail past its guild's retention goes, whoever's it was (at most every few minutes:
            # a long-running bot submits many reports)
            await self.store.purge_raw(now)
            self._next_purge = now + PURGE_EVERY
        reports, members = await self.store.campaign_counts(guild_id, stored.campaign_id) if stored.campaign_id else (1, 1)
        return Submitted(report, stored, reports, max(members, 1))

    async def rejudge(
        self, data: bytes, guild_id: int, public_id: str, now: datetime, intel: DomainIntel | None,
        limits: Limits | None = None,
    ) -> Report:
        """Judge a stored report again once its lookups have answered (the bot replied before
        they did): the verdict, score, findings and domain ages are updated in place."""
        report = await analyse_with_lookups(data, intel, now, limits or Limits(), self.analyser)
        if report.readable:
            new = self._new_report(report, data, guild_id, 0, now, None)
            await self.store.update_judgement(guild_id, public_id, new.verdict, new.score, new.findings,
                                              {d: age for d, _, _, age in new.domains if age is not None})
        return report

    def _new_report(
        self, report: Report, data: bytes, guild_id: int, member_id: int, now: datetime, keep_raw_days: int | None,
    ) -> NewReport:
        cat = catalogue()
        s = report.sender
        recipient = s.recipients[0].address if s.recipients else None
        from_org = org_domain(s.from_addr.domain) if s.from_addr and s.from_addr.domain else None
        self_sent = s.from_addr is not None and any(r.address == s.from_addr.address for r in s.recipients)
        brand = report.brand.id if report.brand and not report.brand_official else None
        # never known-bad: a brand's own, free-mail, shared infrastructure, shorteners, free hosting
        # (the page on it may be bad, the service is not), and a From domain nothing authenticated
        # (forged: for a self-sent mail it is the victim's own)
        shared = cat.freemail | cat.benign | cat.shorteners | cat.free_hosting | cat.infrastructure | cat.trackers
        auth = s.auth
        from_verified = from_org is not None and auth.trusted and (
            auth.dmarc == "pass" or from_org in {org_domain(d) for d in auth.dkim_domains}
        )

        def may_be_bad(domain: str) -> bool:
            if cat.is_official(domain) or domain in shared:
                return False
            return not (domain == from_org and (self_sent or not from_verified))

        link_domains = frozenset(
            link.registrable_domain for link in report.links
            if link.registrable_domain and may_be_bad(link.registrable_domain)
        )
        ages = dict(report.ages)
        domains = []
        for entry in report.domains:
            bad = entry.role in ("link", "envelope", "dkim") and may_be_bad(entry.domain)
            domains.append((entry.domain, entry.role, bad, ages.get(entry.domain)))
        mail_time = datetime.fromisoformat(report.received_at) if report.received_at else now
        envelope = org_domain(s.envelope_domain) if s.envelope_domain else None
        message_id = report.message_id.strip().lower() if report.message_id else None
        findings = tuple(
            (f.rule, f.severity, dict(f.params).get("service", "")) if f.rule == "leak_tag" else (f.rule, f.severity)
            for f in report.findings
        )
        return NewReport(
            guild_id=guild_id, member_id=member_id, created_at=now, mail_time=mail_time, verdict=report.verdict,
            score=report.score, brand=brand,
            keys=CampaignKeys(link_domains, envelope, s.handoff_ip, brand, subject_key(report.subject), mail_time),
            message_id_hash=hashlib.sha256(message_id.encode()).hexdigest() if message_id else None,
            input_sha256=report.input_sha256,
            recipient_key=address_key(self.key, recipient) if recipient else None,
            recipient_masked=mask_address(recipient) if recipient else None,
            findings=findings, domains=tuple(domains),
            public_id="R-" + hashlib.sha256(f"{guild_id}:{report.input_sha256}".encode()).hexdigest()[:10],
            raw=data if keep_raw_days else None,
            raw_expires_at=now + timedelta(days=keep_raw_days) if keep_raw_days else None,
        )

    # --- domains -------------------------------------------------------------------------

    async def domain_view(self, guild_id: int, name: str, intel: DomainIntel | None, now: datetime) -> dict[str, Any]:
        info = await domain_info(name, intel, now)
        summary = await self.store.domain_summary(guild_id, info.domain)
        if info.brand is not None:
            status = "official"
        elif summary["decision"] == "cleared":
            status = "unknown"
        elif summary["decision"] == "confirmed" or summary["reports"] > 0:
            status = "known_bad"
        else:
            status = "unknown"
        age = info.age_days if info.age_days is not None else summary["age_days"]
        return {
            "domain": info.domain, "status": status, "reports": summary["reports"], "members": summary["members"],
            "first_seen": summary["first_seen"], "last_seen": summary["last_seen"], "brands": summary["brands"],
            "campaigns": summary["campaigns"], "age_days": age, "decision": summary["decision"],
            "official_brand": info.brand.id if info.brand else None,
            "lookup": info.fact.lookup if info.fact else "skipped",
        }

    async def decide_domain(self, guild_id: int, name: str, status: str, moderator_id: int | None, now: datetime) -> str:
        from bot.services.domain_info import registrable_from_input

        domain = registrable_from_input(name)
        await self.store.decide(guild_id, domain, status, moderator_id, now)
        return domain

    # --- campaigns and leak sources --------------------------------------------------------

    async def campaign_view(self, guild_id: int, campaign_id: str) -> dict[str, Any] | None:
        view = await self.store.campaign(guild_id, campaign_id.strip())
        if view is None:
            return None
        # community-wide counts by aggregate queries, and only the hit addresses' own answers
        addresses, yes, no = await self.store.registration_counts(guild_id)
        own = [Registration(k, s, r) for k, s, r in await self.store.registrations_of(guild_id, view["recipients"])]
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
        clean = normalise_address(address)
        local, at, domain = clean.partition("@")
        if not at or not local or "." not in domain or len(clean) > 254:
            raise CommunityError("bad_address")
        yes = parse_service_list(registered)
        no = parse_service_list(not_registered)
        if not yes and not no:
            raise CommunityError("no_services")
        both = {s.slug for s in yes} & {s.slug for s in no}
        if both:
            raise CommunityError("contradiction", services=", ".join(sorted(both)))
        key = address_key(self.key, clean)
        owner = await self.store.address_owner(guild_id, key)
        if owner is not None and owner != member_id:
            raise CommunityError("address_taken")  # one member's answers cannot be changed by another
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
        service = resolve_service(service_text)
        await self.store.vote(guild_id, view["id"], member_id, service.slug, now)
        return {"campaign": view["id"], "service": service.slug}

    async def forget(self, guild_id: int, member_id: int) -> dict[str, int]:
        return await self.store.forget(guild_id, member_id)

    # --- exports and stats ---------------------------------------------------------------

    async def export(self, guild_id: int, kind: str) -> str:
        if kind in ("blocklist", "hosts"):
            domains = await self.store.blocklist(guild_id)
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
                writer.writerow([r["report_id"], r["created_at"], r["verdict"], r["score"], r["brand"] or "",
                                 r["campaign"] or "", " ".join(r["domains"])])
            return out.getvalue()
        raise CommunityError("bad_export", kind=kind)

    async def stats(self, guild_id: int) -> dict[str, Any]:
        return await self.store.stats(guild_id)
