"""Ports: what the use-cases need from the outside, as Protocols; adapters implement them."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.analysis.models import BAD_VERDICTS as MODEL_BAD_VERDICTS
from bot.analysis.models import DomainFact
from bot.community.campaigns import CampaignKeys

# How long registration answers are reused (SPEC §5): positive 7 days, negative ("not
# registered") 1 hour; failures are never kept.
CACHE_POSITIVE_TTL = timedelta(days=7)
CACHE_NEGATIVE_TTL = timedelta(hours=1)

# The verdicts whose domains are known-bad (SPEC §6: phishing, scam, malware): every query of the
# shared log that counts bad reports reads this one tuple, defined with the verdicts themselves.
BAD_VERDICTS: tuple[str, ...] = MODEL_BAD_VERDICTS


class StoreError(Exception):
    """An expected failure of the store (a database newer than the program, a damaged one, none at
    all), with a stable code (locales: ``store.<code>``) and the parameters of its sentence."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}


@dataclass(frozen=True)
class LookupFailed:
    """An expected failure of one registry query, as a value (timeout, refused, rate_limited, …)."""

    reason: str
    detail: str = ""


class DomainIntel(Protocol):
    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        """Registration facts for registrable domains, within the configured deadline: every
        domain asked gets a fact (``lookup="unavailable"`` when no answer came in time)."""
        ...

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        """What is already known without asking a registry (the domains not known are left out)."""
        ...


class RegistrationCachePort(Protocol):
    async def get(self, domain: str, now: datetime) -> DomainFact | None: ...

    async def put(self, fact: DomainFact, now: datetime) -> None: ...


@dataclass(frozen=True)
class NewReport:
    guild_id: int
    member_id: int
    created_at: datetime
    mail_time: datetime
    verdict: str
    score: int
    brand: str | None
    keys: CampaignKeys
    message_id_hash: str | None
    input_sha256: str
    recipient_key: str | None
    recipient_masked: str | None
    findings: tuple[tuple[str, ...], ...]  # (rule, severity[, leak-tag service])
    domains: tuple[tuple[str, str, bool, int | None], ...]  # (domain, role, may be known-bad, age)
    public_id: str
    raw: bytes | None = None
    raw_expires_at: datetime | None = None


def pending_payload(new: NewReport) -> str:
    """A report not yet in the shared log as JSON (a private analysis waiting for its member's
    Share): keyed hashes and masked forms only, never the raw mail."""
    k = new.keys
    return json.dumps({
        "guild_id": new.guild_id, "member_id": new.member_id, "created_at": new.created_at.isoformat(),
        "mail_time": new.mail_time.isoformat(), "verdict": new.verdict, "score": new.score, "brand": new.brand,
        "keys": {"link_domains": sorted(k.link_domains), "envelope_domain": k.envelope_domain,
                 "handoff_ip": k.handoff_ip, "brand": k.brand, "subject_key": k.subject_key,
                 "mail_time": k.mail_time.isoformat()},
        "message_id_hash": new.message_id_hash, "input_sha256": new.input_sha256,
        "recipient_key": new.recipient_key, "recipient_masked": new.recipient_masked,
        "findings": [list(f) for f in new.findings], "domains": [list(d) for d in new.domains],
        "public_id": new.public_id,
    }, ensure_ascii=False)


def from_pending_payload(text: str) -> NewReport:
    d = json.loads(text)
    k = d["keys"]
    keys = CampaignKeys(frozenset(k["link_domains"]), k["envelope_domain"], k["handoff_ip"], k["brand"],
                        k["subject_key"], datetime.fromisoformat(k["mail_time"]))
    return NewReport(
        guild_id=int(d["guild_id"]), member_id=int(d["member_id"]), created_at=datetime.fromisoformat(d["created_at"]),
        mail_time=datetime.fromisoformat(d["mail_time"]), verdict=str(d["verdict"]), score=int(d["score"]),
        brand=d["brand"], keys=keys, message_id_hash=d["message_id_hash"], input_sha256=str(d["input_sha256"]),
        recipient_key=d["recipient_key"], recipient_masked=d["recipient_masked"],
        findings=tuple(tuple(str(x) for x in f) for f in d["findings"]),
        domains=tuple((str(a), str(b), bool(c), None if e is None else int(e)) for a, b, c, e in d["domains"]),
        public_id=str(d["public_id"]),
    )


def shared_now(new: NewReport, member_id: int, now: datetime) -> NewReport:
    """The pending report as its member shares it: theirs, recorded now."""
    return replace(new, member_id=member_id, created_at=now)


@dataclass(frozen=True)
class StoredReport:
    public_id: str
    campaign_id: str | None
    duplicate: bool  # the mail was in the log already (as this report)
    new_reporter: bool = True  # this member had not reported it yet: one more member



StoredReportView = StoredReport


class SharedLogPort(Protocol):
    """The shared log's store (bot/storage/shared_log.py implements it over SQLite)."""

    async def save_report(self, new: NewReport) -> StoredReport: ...

    async def domain_summary(self, guild_id: int, domain: str) -> dict[str, Any]: ...

    async def decide(self, guild_id: int, domain: str, status: str, moderator_id: int | None, now: datetime) -> None: ...

    async def blocklist(self, guild_id: int) -> list[str]: ...

    async def campaign(self, guild_id: int, campaign_id: str) -> dict[str, Any] | None: ...

    async def campaign_counts(self, guild_id: int, campaign_id: str) -> tuple[int, int]: ...

    async def registrations(self, guild_id: int) -> list[tuple[str, str, bool]]: ...

    async def registration_counts(self, guild_id: int) -> tuple[int, dict[str, int], dict[str, int]]: ...

    async def registrations_of(self, guild_id: int, address_keys: Iterable[str]) -> list[tuple[str, str, bool]]: ...

    async def claims_of(self, guild_id: int, address_keys: Iterable[str]) -> list[tuple[str, int, str, bool, bool]]: ...

    async def votes(self, campaign_id: str) -> list[tuple[int, str]]: ...

    async def vote(self, guild_id: int, campaign_id: str, member_id: int, service: str, now: datetime) -> None: ...

    async def register(
        self, guild_id: int, member_id: int, address_key: str, masked: str,
        services: Iterable[tuple[str, str, bool]], now: datetime,
    ) -> None: ...

    async def member_registrations(self, guild_id: int, member_id: int) -> list[tuple[str, str, str, bool]]: ...

    async def forget(self, guild_id: int, member_id: int) -> dict[str, int]: ...

    async def export_reports(self, guild_id: int) -> list[dict[str, Any]]: ...

    async def stats(self, guild_id: int) -> dict[str, Any]: ...

    async def purge_raw(self, now: datetime) -> int: ...

    async def update_judgement(
        self, guild_id: int, public_id: str, verdict: str, score: int, findings: tuple[tuple[str, ...], ...],
        ages: dict[str, int],
    ) -> None: ...

    async def save_report_text(
        self, guild_id: int, public_id: str, member_id: int, text: str, expires_at: datetime,
    ) -> None: ...

    async def save_pending(
        self, guild_id: int, public_id: str, member_id: int, payload: str, expires_at: datetime,
    ) -> None: ...

    async def take_pending(self, guild_id: int, public_id: str, member_id: int, now: datetime) -> str | None: ...

    async def report_text(self, guild_id: int, public_id: str, member_id: int | None, now: datetime) -> str | None: ...

    async def reported_by(self, guild_id: int, public_id: str, member_id: int) -> bool: ...

    async def recent_campaigns(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[tuple[str, str | None]]: ...

    async def guild_settings(self, guild_id: int) -> dict[str, Any]: ...

    async def set_guild_settings(self, guild_id: int, **changes: Any) -> None: ...

    async def mark_guild(self, guild_id: int, left_at: datetime | None) -> None: ...

    async def bot_guilds(self) -> list[int]: ...

    async def mark_left_once(self, guild_id: int, left_at: datetime) -> None: ...

    async def guilds_left_before(self, cutoff: datetime) -> list[int]: ...

    async def purge_guild(self, guild_id: int) -> int: ...

    # series for the charts (UTC buckets)
    async def weekly_verdicts(self, guild_id: int, since: datetime) -> list[tuple[str, str, int]]: ...

    async def brand_counts(self, guild_id: int, since: datetime, until: datetime, limit: int = 10) -> list[tuple[str, int]]: ...

    async def campaign_hours(self, guild_id: int, campaign_id: str, limit: int = 20000) -> list[tuple[str, int]]: ...
