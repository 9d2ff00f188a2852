"""Filing a mail in the shared log (SPEC §6), the one use-case behind every intake path — a paste
or attachment in a report channel, ``/analyze`` and the context menu (private until shared),
``phishbot report``. It reads the guild's settings itself (lookups on or off, raw-mail retention),
looks up within the guild's budget, analyses, builds the entry the log keeps (which names may be
known-bad, the campaign keys, the recipient only as a keyed hash and a masked form), saves it, and
keeps the desk text for the reporter.

A private analysis (``record=False``) is kept aside for a day as an opaque payload (keyed hashes
and masked forms only, never the mail); its member's Share records it (``share``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from bot.analysis.brands import catalogue
from bot.analysis.domains import customer_domain, org_domain, valid_host_name
from bot.analysis.models import Analysis, Limits
from bot.analysis.privacy import mask_address
from bot.community.campaigns import CampaignKeys, subject_key
from bot.community.list_mail import is_list_mail, list_infrastructure, without_list_infrastructure
from bot.i18n import LANGS
from bot.services.addresses import address_key
from bot.services.analyse_mail import Analyser, analyse_with_lookups
from bot.services.errors import CommunityError
from bot.services.guild_lookups import GuildLookups
from bot.services.guilds import Guilds
from bot.services.listings import FeedListings
from bot.services.ports.lookups import DomainIntel
from bot.services.ports.reports import EntryDomain, EntryFinding, Judgement, ReportEntry, ReportStore, SavedReport

PURGE_EVERY = timedelta(minutes=5)
PENDING_FOR = timedelta(days=1)  # how long a private analysis can still be shared into the log
# (analysis, language, report id, desk) -> the desk text for that desk (antiphishing | dekyo)
DeskTextRenderer = Callable[[Analysis, str, str, str], str]
DESKS = ("antiphishing", "dekyo")  # the reporting desks a member can send their text to
DETAILS = "details"  # kept beside the desk texts: the evidence laid out, for the Details button


def details_key(lang: str) -> str:
    """The stored details view in ``lang`` (kept in every language: a moderator may read another's)."""
    return f"{DETAILS}:{lang}"


DetailsRenderer = Callable[[Analysis, str], str]  # (analysis, language) -> the details view


def pack_desk_texts(texts: dict[str, str]) -> str:
    """One stored text for all desks (the store keeps one text per member and report)."""
    return json.dumps(texts, ensure_ascii=False)


def unpack_desk_text(stored: str, desk: str) -> str | None:
    """The text for ``desk`` (or ``details``) out of a stored one; a text kept before there were
    several desks serves them all (and has no details)."""
    if stored.startswith("{"):
        try:
            texts = json.loads(stored)
        except ValueError:
            return stored
        if isinstance(texts, dict):
            found = texts.get(desk)
            if found is None and desk.startswith(f"{DETAILS}:"):
                found = texts.get(DETAILS)  # kept before the details view was kept in every language
            return found if isinstance(found, str) else None
    return None if desk.split(":", maxsplit=1)[0] == DETAILS else stored


@dataclass(frozen=True)
class Submitted:
    analysis: Analysis
    saved: SavedReport
    campaign_reports: int
    campaign_members: int
    recorded: bool = True  # False: a private analysis, not in the shared log (until shared)
    pending: bool = False  # some registries had not answered when the analysis was made


@dataclass(frozen=True)
class Shared:
    """A private analysis recorded by its member's Share."""

    saved: SavedReport
    campaign_reports: int
    campaign_members: int


@dataclass(frozen=True)
class DeskTextAnswer:
    """A report's desk text for one member, or why not: ``gone`` (theirs has expired, or a
    moderator's report has none left) or ``not_yours`` (they never reported it) — said without
    telling whether someone else's text exists."""

    text: str | None
    refusal: str | None = None


class Submissions:
    def __init__(
        self, reports: ReportStore, guilds: Guilds, key: bytes, limits: Limits, *,
        lookups: GuildLookups | None = None, listings: FeedListings | None = None, analyser: Analyser | None = None,
        desk_text: DeskTextRenderer | None = None, details_text: DetailsRenderer | None = None,
    ) -> None:
        self.reports = reports
        self.guilds = guilds
        self.key = key  # the address HMAC's key
        self.limits = limits
        self.lookups = lookups  # None: no registry is asked (lookups off, or --no-lookups)
        self.listings = listings  # the threat feeds: facts for the analysis, like registration ages
        self.analyser = analyser  # where mails are read (the bot: worker processes); None: in this thread
        self.desk_text = desk_text
        self.details_text = details_text
        self._next_purge: datetime | None = None

    async def submit(
        self, data: bytes, guild_id: int, member_id: int, now: datetime, *, record: bool = True,
        lang: str | None = None,
    ) -> Submitted:
        """Analyse a mail and record it in the guild's shared log — or, with ``record=False`` (a
        private analysis), keep what would be recorded aside for a day, for ``share`` to record.
        ``lang``: keep the desk text in this language for the reporter (the bot's button), as long
        as the guild keeps raw mail (30 days unless it chose otherwise)."""
        settings = await self.guilds.settings(guild_id)
        intel: DomainIntel | None = None
        quick = None
        if self.lookups is not None and settings.lookups_enabled:
            quick = self.lookups.quick(guild_id)
            intel = quick if quick is not None else self.lookups.for_guild(guild_id)
        analysis = await analyse_with_lookups(data, intel, now, self.limits, self.analyser, self.listings)
        if not analysis.readable:
            problem = analysis.problems[-1] if analysis.problems else None
            if problem is not None and problem.code in ("analysis_error", "analysis_stopped"):
                raise CommunityError(problem.code, **dict(problem.params))  # with the reference in the log
            # the problem's own sentence says why (presentation.sentences.failure_sentence)
            params = {k: v for k, v in (problem.params if problem else ()) if k != "reason"}
            raise CommunityError("unreadable", reason=problem.code if problem else "?", **params)
        entry = self.entry(analysis, data, guild_id, member_id, now, settings.keep_raw_days if record else None)
        if record:
            done = await self._record(analysis, entry, now)
        else:
            await self.reports.save_pending(guild_id, entry.public_id, member_id, pending_payload(entry),
                                            now + PENDING_FOR)
            done = Submitted(analysis, SavedReport(entry.public_id, None, duplicate=False, new_reporter=False), 0, 0,
                             recorded=False)
        if lang is not None and self.desk_text is not None:
            public_id = done.saved.public_id  # the report in the log: a second copy of a mail is the first's report
            texts = {desk: self.desk_text(analysis, lang, public_id, desk) for desk in DESKS}
            if self.details_text is not None:
                # in every language: the member who reads it may be a moderator who reads another
                texts.update({details_key(each): self.details_text(analysis, each) for each in LANGS})
            await self.reports.save_desk_text(guild_id, public_id, member_id, pack_desk_texts(texts),
                                              now + timedelta(days=settings.raw_retention_days))
        pending = bool(quick and quick.pending) and not done.saved.duplicate
        return replace(done, pending=pending) if pending else done

    async def share(self, guild_id: int, public_id: str, member_id: int, now: datetime) -> Shared | None:
        """Record the member's private analysis of this mail in the shared log (their Share
        button); None when there is none left to record (expired, or shared already)."""
        payload = await self.reports.take_pending(guild_id, public_id, member_id, now)
        if payload is None:
            return None
        entry = replace(from_pending_payload(payload), member_id=member_id, created_at=now)
        saved = await self.reports.save_report(entry)
        counts = await self.reports.campaign_counts(guild_id, saved.campaign_id) if saved.campaign_id else None
        return Shared(saved, counts.reports if counts else 1, max(counts.members if counts else 1, 1))

    async def desk_text_for(self, guild_id: int, public_id: str, member_id: int, moderator: bool,
                            now: datetime, desk: str = "antiphishing") -> DeskTextAnswer:
        """Who may read a report's desk text (for ``desk``): the member who reported it (their own
        text), and moderators (the first one kept)."""
        stored = await self.reports.desk_text(guild_id, public_id, member_id, now)
        if stored is None and moderator:
            stored = await self.reports.desk_text(guild_id, public_id, None, now)
        text = unpack_desk_text(stored, desk) if stored is not None else None
        if text is not None:
            return DeskTextAnswer(text)
        mine = moderator or await self.reports.reported_by(guild_id, public_id, member_id)
        return DeskTextAnswer(None, "gone" if mine else "not_yours")

    async def rejudge(
        self, data: bytes, guild_id: int, public_id: str, now: datetime, *, store: bool = True,
    ) -> Analysis:
        """Judge a report again once its lookups have answered (it was answered before they did):
        the verdict, score, findings and domain ages are updated in place (``store``: a private
        analysis is not in the log, nothing is updated). The lookups join those still under way."""
        intel = self.lookups.intel if self.lookups is not None else None
        analysis = await analyse_with_lookups(data, intel, now, self.limits, self.analyser, self.listings)
        if analysis.readable and store:
            entry = self.entry(analysis, data, guild_id, 0, now, None)
            ages = {d.domain: d.age_days for d in entry.domains if d.age_days is not None}
            await self.reports.update_judgement(guild_id, public_id,
                                                Judgement(entry.verdict, entry.score, entry.findings, ages))
        return analysis

    async def _record(self, analysis: Analysis, entry: ReportEntry, now: datetime) -> Submitted:
        saved = await self.reports.save_report(entry)
        if self._next_purge is None or now >= self._next_purge:
            # raw mail past its guild's retention goes, whoever's it was (at most every few minutes:
            # a long-running bot submits many reports). No leader needed: one idempotent
            # DELETE … WHERE expires <= now, which any process of a deployment may run
            await self.reports.purge_expired(now)
            self._next_purge = now + PURGE_EVERY
        counts = await self.reports.campaign_counts(entry.guild_id, saved.campaign_id) if saved.campaign_id else None
        return Submitted(analysis, saved, counts.reports if counts else 1, max(counts.members if counts else 1, 1))

    def entry(
        self, analysis: Analysis, data: bytes, guild_id: int, member_id: int, now: datetime, keep_raw_days: int | None,
    ) -> ReportEntry:
        """What the log keeps of an analysis: which names may be known-bad, the campaign keys, the
        recipient as a keyed hash and a masked form, the raw mail only for ``keep_raw_days``."""
        cat = catalogue()
        s = analysis.sender
        recipient = s.recipients[0].address if s.recipients else None
        from_org = org_domain(s.from_addr.domain) if s.from_addr and s.from_addr.domain else None
        self_sent = s.from_addr is not None and any(r.address == s.from_addr.address for r in s.recipients)
        brand = analysis.brand.id if analysis.brand and not analysis.brand_official else None
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

        infrastructure = list_infrastructure(analysis.headers, analysis.links)
        link_units = frozenset(u for link in analysis.links if (u := bad_unit(link.host)))
        link_units = without_list_infrastructure(link_units, infrastructure)
        listed = is_list_mail(analysis.headers)
        envelope_unit = bad_unit(s.envelope_domain)
        if envelope_unit in infrastructure and listed:
            envelope_unit = None  # the list's own bounce domain: on every message it carries
        dkim_units = {u for d in auth.dkim_domains if (u := bad_unit(d)) and not (listed and u in infrastructure)}
        ages = dict(analysis.ages)
        domains: dict[tuple[str, str], tuple[bool, int | None]] = {}

        def add(domain: str, role: str, bad: bool, age: int | None) -> None:
            old = domains.get((domain, role))
            domains[(domain, role)] = (bad or (old is not None and old[0]), age if age is not None else (old or (0, None))[1])

        for item in analysis.domains:  # the registrable domains, with their ages (registries answer for those)
            unit_bad = {"link": item.domain in link_units, "envelope": item.domain == envelope_unit,
                        "dkim": item.domain in dkim_units}.get(item.role, False)
            add(item.domain, item.role, unit_bad, ages.get(item.domain))
        for unit in link_units:  # customer units below a platform: listed by themselves, no age of their own
            add(unit, "link", True, ages.get(unit))
        if envelope_unit:
            add(envelope_unit, "envelope", True, ages.get(envelope_unit))
        for unit in dkim_units:
            add(unit, "dkim", True, ages.get(unit))
        mail_time = datetime.fromisoformat(analysis.received_at) if analysis.received_at else now
        if mail_time.tzinfo is None:
            mail_time = mail_time.replace(tzinfo=UTC)
        envelope = org_domain(s.envelope_domain) if s.envelope_domain else None
        if envelope is not None and listed and customer_domain(s.envelope_domain or "") in infrastructure:
            envelope = None
        handoff = None if listed else s.handoff_ip  # a list's server hands over every message of the list
        message_id = analysis.message_id.strip().lower() if analysis.message_id else None
        findings = tuple(
            EntryFinding(f.rule, f.severity, dict(f.params).get("service", "")) if f.rule == "leak_tag"
            else EntryFinding(f.rule, f.severity)
            for f in analysis.findings
        )
        return ReportEntry(
            guild_id=guild_id, member_id=member_id, created_at=now, mail_time=mail_time, verdict=analysis.verdict,
            score=analysis.score, brand=brand,
            keys=CampaignKeys(link_units, envelope, handoff, brand, subject_key(analysis.subject), mail_time),
            message_id_hash=hashlib.sha256(message_id.encode()).hexdigest() if message_id else None,
            input_sha256=analysis.input_sha256,
            recipient_key=address_key(self.key, recipient) if recipient else None,
            recipient_masked=mask_address(recipient) if recipient else None,
            findings=findings,
            domains=tuple(EntryDomain(d, role, bad, age) for (d, role), (bad, age) in sorted(domains.items())),
            public_id="R-" + hashlib.sha256(f"{guild_id}:{analysis.input_sha256}".encode()).hexdigest()[:10],
            in_campaign=analysis.verdict != "no_signs",  # a mail with no signs opens no campaign
            raw=data if keep_raw_days else None,
            raw_expires_at=now + timedelta(days=keep_raw_days) if keep_raw_days else None,
        )


def pending_payload(entry: ReportEntry) -> str:
    """A report not yet in the shared log as JSON (a private analysis waiting for its member's
    Share): keyed hashes and masked forms only, never the raw mail."""
    k = entry.keys
    return json.dumps({
        "guild_id": entry.guild_id, "member_id": entry.member_id, "created_at": entry.created_at.isoformat(),
        "mail_time": entry.mail_time.isoformat(), "verdict": entry.verdict, "score": entry.score, "brand": entry.brand,
        "keys": {"link_domains": sorted(k.link_domains), "envelope_domain": k.envelope_domain,
                 "handoff_ip": k.handoff_ip, "brand": k.brand, "subject_key": k.subject_key,
                 "mail_time": k.mail_time.isoformat()},
        "message_id_hash": entry.message_id_hash, "input_sha256": entry.input_sha256,
        "recipient_key": entry.recipient_key, "recipient_masked": entry.recipient_masked,
        "findings": [[f.rule, f.severity, *([f.leak_service] if f.leak_service is not None else [])]
                     for f in entry.findings],
        "domains": [[d.domain, d.role, d.bad_candidate, d.age_days] for d in entry.domains],
        "public_id": entry.public_id, "in_campaign": entry.in_campaign,
    }, ensure_ascii=False)


def from_pending_payload(text: str) -> ReportEntry:
    d = json.loads(text)
    k = d["keys"]
    keys = CampaignKeys(frozenset(k["link_domains"]), k["envelope_domain"], k["handoff_ip"], k["brand"],
                        k["subject_key"], datetime.fromisoformat(k["mail_time"]))
    return ReportEntry(
        guild_id=int(d["guild_id"]), member_id=int(d["member_id"]), created_at=datetime.fromisoformat(d["created_at"]),
        mail_time=datetime.fromisoformat(d["mail_time"]), verdict=str(d["verdict"]), score=int(d["score"]),
        brand=d["brand"], keys=keys, message_id_hash=d["message_id_hash"], input_sha256=str(d["input_sha256"]),
        recipient_key=d["recipient_key"], recipient_masked=d["recipient_masked"],
        findings=tuple(EntryFinding(str(f[0]), str(f[1]), str(f[2]) if len(f) > 2 else None) for f in d["findings"]),
        domains=tuple(EntryDomain(str(a), str(b), bool(c), None if e is None else int(e)) for a, b, c, e in d["domains"]),
        public_id=str(d["public_id"]), in_campaign=bool(d.get("in_campaign", True)),
    )
