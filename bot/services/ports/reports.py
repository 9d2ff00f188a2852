"""The shared log's reports and campaigns (SPEC §6): what a member files, how reports join into
campaigns, what the guild knows about a domain, the blocklist, exports and counts — and two things
kept beside a report for a while: a private analysis waiting for its member's Share, and the desk
text (the ready-to-send text for the reporting desks).

Every guild's data is its own: every method takes the guild and never returns another guild's rows.
Times shown in values are text in the stored form (``ports.times.utc_text``, UTC, microseconds).
Writes are one transaction each; reads see committed data only (a consistent snapshot per call).
A report's public id is ``R-`` + 10 hex digits, a campaign's ``C-`` + 4 to 16 hex digits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.analysis.models import BAD_VERDICTS as MODEL_BAD_VERDICTS
from bot.community.campaigns import CampaignKeys

# The verdicts whose domains are known-bad (SPEC §6: phishing, scam, malware): every count of "bad
# reports" below means reports with one of these verdicts.
BAD_VERDICTS: tuple[str, ...] = MODEL_BAD_VERDICTS


@dataclass(frozen=True)
class EntryFinding:
    """A finding as the log keeps it: its rule and severity, and for ``leak_tag`` the service the
    recipient's tagged address names (the campaign's leak ranking reads it)."""

    rule: str
    severity: str
    leak_service: str | None = None


@dataclass(frozen=True)
class EntryDomain:
    """A domain a report names. ``bad_candidate``: it may be known-bad (a non-official link,
    envelope or DKIM name of the customer's own, never a platform, a brand's, free mail or a forged
    From); only these count in domain summaries, the blocklist, exports and campaign joins."""

    domain: str
    role: str  # link | envelope | dkim | from | reply_to
    bad_candidate: bool
    age_days: int | None  # registration age when the mail arrived; None when unknown


@dataclass(frozen=True)
class ReportEntry:
    """One report as it enters the shared log: who filed it, what the analysis said, the keys that
    join it to a campaign, and about the recipient only a keyed hash and a masked form."""

    guild_id: int
    member_id: int
    created_at: datetime  # when it was filed
    mail_time: datetime  # when the mail arrived (its topmost Received), else when it was filed
    verdict: str
    score: int
    brand: str | None  # the impersonated brand's id (None for a brand's own mail)
    keys: CampaignKeys
    message_id_hash: str | None  # SHA-256 of the normalised Message-ID
    input_sha256: str
    recipient_key: str | None  # HMAC of the recipient's address
    recipient_masked: str | None
    findings: tuple[EntryFinding, ...]
    domains: tuple[EntryDomain, ...]
    public_id: str
    raw: bytes | None = None  # the mail itself, only when the guild keeps raw mail
    raw_expires_at: datetime | None = None
    # False: the report joins no campaign and opens none (a mail with no signs is nobody's campaign)
    in_campaign: bool = True


@dataclass(frozen=True)
class SavedReport:
    """What ``save_report`` did: the report's public id and campaign, and whether the mail was in
    the log already (``duplicate``) and if so whether this member had not reported it before
    (``new_reporter``: one more member)."""

    public_id: str
    campaign_id: str | None  # None for a private analysis (not in the log) and a report in no campaign
    duplicate: bool
    new_reporter: bool = True


@dataclass(frozen=True)
class Judgement:
    """A report judged again once late registries answered (``update_judgement``)."""

    verdict: str
    score: int
    findings: tuple[EntryFinding, ...]
    ages: Mapping[str, int]  # domain -> age in days; domains not named keep theirs


@dataclass(frozen=True)
class DomainSummary:
    """What a guild's log knows about one name: counts over its bad reports (a member is each
    reporter of such a report), the brands and campaigns of all its reports, a moderator's
    decision. A name never reported has zero counts, no times, empty tuples and no decision."""

    reports: int = 0
    members: int = 0
    first_seen: str | None = None  # the first bad report's filing time
    last_seen: str | None = None  # the latest time a member reported it (bad reports)
    age_days: int | None = None  # the oldest registration age a bad report saw
    brands: tuple[str, ...] = ()  # sorted brand ids
    campaigns: tuple[str, ...] = ()  # in first-seen order, at most 200
    decision: str | None = None  # confirmed | cleared | None


@dataclass(frozen=True)
class CampaignRecord:
    """A campaign as the log holds it (the leak ranking is computed by the use-case from it)."""

    id: str
    brand: str | None  # the brand it was first seen with
    first_seen: str  # by the mails' arrival
    last_seen: str
    reports: int
    members: int  # distinct members among its reporters
    reporters: frozenset[int]  # member ids (forgotten members are not in it)
    recipients: tuple[str, ...]  # sorted address keys of the reporters' recipients
    brands: tuple[str, ...]  # sorted brand ids of its reports
    domains: tuple[str, ...]  # sorted bad-candidate domains of its reports
    tagged: Mapping[str, str] = field(default_factory=dict)  # recipient key -> the leak_tag service


@dataclass(frozen=True)
class CampaignCounts:
    reports: int
    members: int


@dataclass(frozen=True)
class CampaignChoice:
    """A campaign offered for autocompletion."""

    id: str
    brand: str | None


@dataclass(frozen=True)
class ExportedReport:
    """A report without personal data (``phishbot export csv|json``)."""

    report_id: str
    created_at: str
    verdict: str
    score: int
    brand: str | None
    campaign: str | None
    domains: tuple[str, ...]  # its bad-candidate domains, sorted


@dataclass(frozen=True)
class BrandCount:
    brand: str  # brand id
    reports: int


@dataclass(frozen=True)
class ReportCounts:
    """A guild's numbers (``/stats``)."""

    reports: int
    verdicts: Mapping[str, int]  # verdict -> reports (verdicts without reports left out)
    top_brands: tuple[BrandCount, ...]  # at most 10, most reported first, then by id
    campaigns: int
    known_bad_domains: int  # the blocklist's length


@dataclass(frozen=True)
class WeekVerdicts:
    week: str  # the Monday of the UTC week, YYYY-MM-DD
    verdict: str
    reports: int


@dataclass(frozen=True)
class HourCount:
    hour: str  # YYYY-MM-DDTHH:00:00+00:00 (UTC), by the mails' arrival
    reports: int


class ReportStore(Protocol):
    # --- reports ----------------------------------------------------------------------------

    async def save_report(self, entry: ReportEntry) -> SavedReport:
        """Deduplicate, place in a campaign and store, in one transaction.

        The same mail in a guild — the same ``input_sha256`` or the same ``message_id_hash`` — is
        one report: a member who had not reported it yet becomes one more of its reporters
        (``duplicate=True, new_reporter=True``), the same member again changes nothing
        (``new_reporter=False``). A new report joins the campaigns that
        ``community.campaigns.matching_campaigns`` picks among one earlier report per campaign and
        per way of matching (a shared bad link domain, the envelope domain, the handoff IP, the
        subject key); when it matches several, they merge into the oldest (by first seen, then
        id): its id stays, the others' reports and votes move to it (a member's vote already there
        wins), its first/last seen widen to cover them all. No match: a new campaign with the first
        free id of ``community.campaigns.campaign_id_candidates``."""
        ...

    async def save_reports(self, entries: Sequence[ReportEntry]) -> list[SavedReport]:
        """``save_report`` for each entry in order, as one transaction (for callers that submit
        many at once: an import, a folder of mail): each sees the ones before it (a later copy is
        their duplicate, a later report joins their campaigns); all are stored, or none."""
        ...

    async def update_judgement(self, guild_id: int, public_id: str, judgement: Judgement) -> None:
        """The verdict, score and findings of a report replaced, and the ages of the domains named
        in ``judgement.ages`` set; an unknown report changes nothing."""
        ...

    async def purge_expired(self, now: datetime) -> int:
        """Raw mail past its ``raw_expires_at``, desk texts and pending analyses past their expiry
        removed (all guilds); how many rows changed."""
        ...

    # --- domains and the blocklist -------------------------------------------------------------

    async def domain_summary(self, guild_id: int, domain: str) -> DomainSummary:
        """The name exactly as given (a registrable domain or a platform customer's name)."""
        ...

    async def decide(self, guild_id: int, domain: str, status: str, moderator_id: int | None, now: datetime) -> None:
        """A moderator's decision, ``confirmed`` or ``cleared``, replacing any earlier one."""
        ...

    async def blocklist(self, guild_id: int) -> list[str]:
        """Known-bad names in text order: bad-candidate names of bad reports filed by two members
        or more (two reporters of one mail count as two) and not cleared, plus every confirmed
        name."""
        ...

    # --- campaigns ---------------------------------------------------------------------------

    async def campaign(self, guild_id: int, campaign_id: str) -> CampaignRecord | None:
        """The campaign with this exact id in this guild, or None."""
        ...

    async def campaign_counts(self, guild_id: int, campaign_id: str) -> CampaignCounts:
        """Its reports and distinct members; zeros for an unknown campaign."""
        ...

    async def recent_campaigns(self, guild_id: int, prefix: str = "", limit: int = 25) -> list[CampaignChoice]:
        """Campaigns whose id starts with ``prefix`` (case-insensitive; ``%`` and ``_`` are plain
        characters), latest last-seen first, at most ``limit``."""
        ...

    # --- exports, counts, series ---------------------------------------------------------------

    async def export_reports(self, guild_id: int) -> list[ExportedReport]:
        """Every report of the guild in filing order."""
        ...

    async def report_counts(self, guild_id: int) -> ReportCounts: ...

    async def weekly_verdicts(self, guild_id: int, since: datetime) -> list[WeekVerdicts]:
        """Reports filed since ``since`` by UTC week and verdict, in week then verdict order."""
        ...

    async def brand_counts(self, guild_id: int, since: datetime, until: datetime, limit: int = 10) -> list[BrandCount]:
        """Brands impersonated by reports filed in [since, until) whose verdict says the mail
        deceives (not ``no_signs``, not ``spam``): most reports first, then by id."""
        ...

    async def campaign_hours(self, guild_id: int, campaign_id: str, limit: int = 20000) -> list[HourCount]:
        """A campaign's reports by the UTC hour of the mails' arrival, oldest first."""
        ...

    # --- private analyses waiting for their member's Share --------------------------------------

    async def save_pending(self, guild_id: int, public_id: str, member_id: int, payload: str,
                           expires_at: datetime) -> None:
        """Keeps ``payload`` (opaque text: ``services.submit`` writes and reads it; keyed hashes
        and masked forms only, never the mail) for the member until ``expires_at``; the same
        (guild, report, member) again replaces it."""
        ...

    async def take_pending(self, guild_id: int, public_id: str, member_id: int, now: datetime) -> str | None:
        """The member's pending payload for this report, removed as it is taken; None when there
        is none or it has expired."""
        ...

    # --- desk texts --------------------------------------------------------------------------------

    async def save_desk_text(self, guild_id: int, public_id: str, member_id: int, text: str,
                             expires_at: datetime) -> None:
        """The member's own desk text for a report (the same member again replaces theirs)."""
        ...

    async def desk_text(self, guild_id: int, public_id: str, member_id: int | None, now: datetime) -> str | None:
        """The unexpired text ``member_id`` made of this report; with ``member_id=None`` the first
        one kept, whoever made it (moderators). None when there is none."""
        ...

    async def reported_by(self, guild_id: int, public_id: str, member_id: int) -> bool:
        """Whether the member reported this report (or has a desk text of it)."""
        ...
