"""Ports: what the use-cases need from the outside, as Protocols; adapters implement them."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.analysis.models import BAD_VERDICTS as MODEL_BAD_VERDICTS
from bot.analysis.models import DomainFact, Listing
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

# --- beyond the report channel (issue 14): threat feeds, web tokens, sharing -----------------
# Typed rows only: a second store (PostgreSQL) implements these from this file alone.


@dataclass(frozen=True)
class FeedRecord:
    """One name a feed lists, aggregated over the feed's URLs on it (bot/services/feeds_in.py)."""

    domain: str  # the listed name (services/listing_unit.listing_domain): never a platform or a brand's own
    first_listed: datetime  # UTC
    last_listed: datetime  # UTC
    label: str | None  # what it imitates, as the feed says
    threat: str  # phishing | malware
    urls: int = 1


@dataclass(frozen=True)
class FeedState:
    """What the last fetch or import of one feed found, and the validators for the next request."""

    source: str
    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: datetime | None = None
    changed_at: datetime | None = None
    status: str = "never"  # ok | not_modified | imported | an error code (timeout, too_big, http_404, …)
    entries: int = 0  # names the source lists now (all of them, not only the last batch's)


class FeedStore(Protocol):
    """The threat feeds' listings, apart from the shared log (bot/storage/feed_store.py: SQLite)."""

    async def merge_feed(self, source: str, records: Sequence[FeedRecord]) -> int:
        """Adds or refreshes listings in one transaction (first_listed keeps its earliest value,
        last_listed its latest, the label its first non-empty one); returns how many names were new
        to the source. Bumps the feed generation."""
        ...

    async def feed_listings(self, domains: Collection[str]) -> list[Listing]:
        """Every listing of these exact names, all sources, all dates (``current`` left True: the
        caller judges recency)."""
        ...

    async def all_listings(self) -> list[Listing]:
        """Every listing (the in-memory index is built from it)."""
        ...

    async def feed_generation(self) -> int:
        """A number that moves on every write to the listings (other processes reload on a move)."""
        ...

    async def feed_states(self) -> list[FeedState]: ...

    async def save_feed_state(self, state: FeedState) -> None: ...

    async def count_feed(self, source: str) -> int: ...

    async def take_feed_lease(self, source: str, holder: str, now: datetime, until: datetime) -> bool:
        """True when ``holder`` may fetch ``source`` now (no other holder's lease is running)."""
        ...

    async def release_feed_lease(self, source: str, holder: str) -> None:
        """Ends ``holder``'s lease (another holder's is left alone)."""
        ...


@dataclass(frozen=True)
class GuildFeatures:
    """What a guild turned on beyond its report channels."""

    guild_id: int
    feed_external: bool = False  # its blocklist feeds carry threat-feed and network entries too
    share_pages: str = "off"  # off | chosen | all: campaign pages on the web
    link_watch: str = "off"  # off | reply | hide | delete
    network_publish: bool = False  # its blocklist is offered to the bot's other servers
    network_receive: bool = False  # it sees what the other servers publish


@dataclass(frozen=True)
class FeatureChanges:
    """A change to ``GuildFeatures``: None leaves a field as it is."""

    feed_external: bool | None = None
    share_pages: str | None = None
    link_watch: str | None = None
    network_publish: bool | None = None
    network_receive: bool | None = None


@dataclass(frozen=True)
class WebToken:
    """A guild's active token of one kind: the token itself is derived from ``nonce`` and the
    address key (bot/services/web_tokens.py); the store keeps only its SHA-256."""

    guild_id: int
    kind: str  # feed | pages
    nonce: str
    created_at: datetime
    last_used: datetime | None = None


@dataclass(frozen=True)
class CampaignDomain:
    domain: str
    roles: tuple[str, ...]  # link | envelope | dkim
    age_days: int | None  # the youngest age any report saw
    reports: int


@dataclass(frozen=True)
class CampaignInfrastructure:
    """How a campaign's mail was sent and where it pointed (no address, no recipient)."""

    domains: tuple[CampaignDomain, ...]
    envelope_domains: tuple[tuple[str, int], ...]  # (domain, reports)
    handoff_ips: tuple[tuple[str, int], ...]  # (ip, reports)
    verdicts: tuple[tuple[str, int], ...]  # (verdict, reports)


class SharingStore(Protocol):
    """Guild features, web tokens, shared campaign pages and the network of servers
    (bot/storage/sharing_store.py: SQLite)."""

    async def guild_features(self, guild_id: int) -> GuildFeatures: ...

    async def change_guild_features(self, guild_id: int, changes: FeatureChanges, now: datetime) -> GuildFeatures: ...

    async def watching_guilds(self) -> list[GuildFeatures]:
        """Guilds with link watch on."""
        ...

    async def publishing_guilds(self) -> list[int]:
        """Guilds that publish their blocklist to the network and that the bot has not left."""
        ...

    async def active_token(self, guild_id: int, kind: str) -> WebToken | None: ...

    async def replace_token(self, guild_id: int, kind: str, token_hash: str, nonce: str, now: datetime) -> None:
        """Revokes the active token of this kind (if any) and stores a new one, in one transaction."""
        ...

    async def revoke_token(self, guild_id: int, kind: str, now: datetime) -> bool: ...

    async def token_guild(self, token_hash: str, kind: str) -> int | None:
        """The guild of an active token, or None (unknown, revoked, or another kind)."""
        ...

    async def touch_token(self, token_hash: str, now: datetime) -> None: ...

    async def share_campaign(self, guild_id: int, campaign_id: str, shared: bool, now: datetime) -> None: ...

    async def campaign_shared(self, guild_id: int, campaign_id: str) -> bool: ...

    async def shared_campaigns(self, guild_id: int) -> list[str]: ...

    async def campaign_infrastructure(self, guild_id: int, campaign_id: str) -> CampaignInfrastructure: ...

    async def purge_guild_sharing(self, guild_id: int) -> int: ...


@dataclass(frozen=True)
class Fetched:
    """A feed's answer: its body (``None`` when the server said it had not changed: 304)."""

    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchFailed:
    """An expected failure of a feed download, as a value: timeout, refused, too_big, http_503, …"""

    reason: str


class FeedFetcher(Protocol):
    """Downloads one configured feed URL, passively and bounded (bot/feeds/fetch.py)."""

    async def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | FetchFailed: ...
