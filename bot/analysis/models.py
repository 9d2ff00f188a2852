"""Frozen data that crosses the analysis boundary.

Everything here is plain data: the pure core produces it, the CLI and the bot render it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Severity = Literal["info", "low", "medium", "high"]
Verdict = Literal["phishing", "scam", "malware", "spam", "suspicious", "no_signs"]
# what the mail is (SPEC §3), most harmful first; the order of /stats and of the docs
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
# verdicts whose non-official domains become known-bad candidates in the shared log (SPEC §6)
BAD_VERDICTS: tuple[Verdict, ...] = ("phishing", "scam", "malware")
LookupState = Literal["rdap", "whois", "cache", "unavailable", "skipped"]
InputKind = Literal["eml", "headers", "pasted", "msg", "empty", "binary"]


@dataclass(frozen=True, slots=True)
class Limits:
    """SPEC §8. Every number is configurable; beyond one, the report says what was skipped."""

    max_input_bytes: int = 10 * 1024 * 1024
    max_depth: int = 20
    max_parts: int = 500
    max_text_chars: int = 4 * 1024 * 1024
    max_urls: int = 1000
    max_header_lines: int = 5000
    max_url_chars: int = 2048
    max_images: int = 8  # image parts kept for QR decoding
    max_image_bytes: int = 3 * 1024 * 1024
    max_header_bytes: int = 8192  # one header field (with its continuation lines); longer ones are cut
    max_inflated_bytes: int = 16 * 1024 * 1024  # decompressed (Flate) bytes per mail, all attachments together
    max_seconds: float = 3.0  # per mail, when the caller passes a clock; past it, what was read is judged


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that could not be read, or was skipped because of a limit.

    ``code`` is stable (locales key ``problem.<code>``); ``params`` fill the sentence.
    """

    code: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Address:
    address: str  # lower-cased addr-spec, "" when none could be read
    display_name: str | None = None

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] if "@" in self.address else ""

    @property
    def local(self) -> str:
        return self.address.rpartition("@")[0]


@dataclass(frozen=True, slots=True)
class Hop:
    from_host: str | None
    from_ip: str | None
    by_host: str | None
    date: str | None  # ISO 8601, None when missing or garbled
    delay_s: int | None  # seconds since the previous hop; may be negative (clock skew / forgery)
    raw_date: str | None = None


@dataclass(frozen=True, slots=True)
class AuthResults:
    spf: str | None = None
    dkim: str | None = None
    dmarc: str | None = None
    dkim_domains: tuple[str, ...] = ()  # header.d= of passing DKIM results
    authserv_id: str | None = None
    arc: str | None = None  # arc= result when present (noted, not trusted for the verdict)
    trusted: bool = False  # False when no server-added result could be identified
    compauth: str | None = None  # Microsoft's composite authentication (compauth=fail reason=0xx)


@dataclass(frozen=True, slots=True)
class Link:
    url: str  # refanged, normalised absolute URL (machine form, never shown as is)
    host: str  # lower-case, IDN decoded to A-label form (punycode) where needed
    registrable_domain: str | None
    source: str  # "text" | "html" | "form" | "script" | "pdf" | "meta"
    text: str | None = None  # visible text of an <a>, when any
    is_ip: bool = False
    unicode_host: str | None = None  # U-label form when the host is an IDN


@dataclass(frozen=True, slots=True)
class Brand:
    id: str
    name_ja: str
    name_en: str
    official_domains: tuple[str, ...]
    redirectors: tuple[str, ...]
    keywords: tuple[str, ...]
    tokens: tuple[str, ...]  # distinctive ASCII tokens looked for in lookalike hosts
    services: tuple[str, ...] = ()  # leak-source service slugs this brand maps to
    # public suffixes under which every domain is the brand's (authorities: gov.br, go.jp)
    official_suffixes: tuple[str, ...] = ()

    def owns(self, domain: str | None) -> bool:
        """Whether a (registrable) domain is one of this brand's own."""
        if not domain:
            return False
        if domain in self.official_domains:
            return True
        return any(domain == s or domain.endswith("." + s) for s in self.official_suffixes)

    def name_in(self, lang: str) -> str:
        return self.name_ja if lang == "ja" else self.name_en


@dataclass(frozen=True, slots=True)
class DomainFact:
    """A passive registration fact about a registrable domain, handed in by the caller (the core
    never looks anything up). Dates are ISO 8601 in UTC; the core computes ages from them."""

    domain: str
    lookup: LookupState  # how this answer was had: rdap | whois | cache | unavailable | skipped
    registered: str | None = None
    expires: str | None = None
    last_changed: str | None = None
    registrar: str | None = None
    statuses: tuple[str, ...] = ()
    not_registered: bool = False  # the registry says no such domain
    source: str | None = None  # rdap | whois: where the answer first came from (kept through the cache)
    reason: str | None = None  # why it is unavailable: timeout, refused, rate_limited, …


@dataclass(frozen=True, slots=True)
class Listing:
    """A threat feed lists a name (a registrable domain, or a shared platform's customer name such as
    ``foo.duckdns.org``): a fact handed in by the caller, like a registration fact. Dates are ISO
    8601 in UTC. ``current``: the caller judged the listing recent enough to count in full."""

    source: str  # jpcert | openphish | phishtank | urlhaus | a local list's id
    domain: str
    first_listed: str
    last_listed: str
    label: str | None = None  # what the listed site imitates, as the feed says (JPCERT/CC: the brand)
    threat: str = "phishing"  # phishing | malware
    current: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    params: tuple[tuple[str, str], ...] = ()  # fill the localised sentence (locales: rule.<id>)
    evidence: tuple[str, ...] = ()  # already masked / defanged


@dataclass(frozen=True, slots=True)
class Sender:
    from_addr: Address | None
    sender_addr: Address | None
    reply_to: tuple[Address, ...]
    return_path: str | None
    envelope_domain: str | None
    via_domain: str | None  # "via X" / "X 経由" from a pasted header line
    dkim_domains: tuple[str, ...]  # d= of DKIM-Signature headers and passing results
    auth: AuthResults
    handoff_ip: str | None
    origin_ip: str | None
    hops: tuple[Hop, ...]
    recipients: tuple[Address, ...]
    list_id: str | None = None
    bulk: bool = False  # List-Id or Precedence: bulk/list — re-sent by a list or bulk mailer


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str | None
    content_type: str  # as the mail declares it
    size: int
    sha256: str = ""  # of the decoded bytes (for VirusTotal and the desks)
    sniffed: str | None = None  # the type its first bytes say (analysis.sniff), None when unknown
    inside: tuple[str, ...] = ()  # names inside an archive (a ZIP's directory, never inflated)


@dataclass(frozen=True, slots=True)
class ParsedMail:
    """What intake could read, whatever the input looked like."""

    kind: InputKind
    headers: tuple[tuple[str, str], ...]  # decoded (name, value), top first
    subject: str | None
    date: str | None
    message_id: str | None
    texts: tuple[str, ...]  # plain-text bodies (and text extracted from HTML / PDF)
    htmls: tuple[str, ...]  # HTML bodies and attachments, as decoded text
    attachments: tuple[Attachment, ...]
    pdf_links: tuple[str, ...]
    problems: tuple[Problem, ...]
    pasted_fields: tuple[tuple[str, str], ...] = ()  # normalised pasted lines ("from", "mailed-by", ...)
    readable: bool = True
    pdf_signs: tuple[str, ...] = ()  # active content found in PDF attachments: javascript, launch, submit_form
    images: tuple[bytes, ...] = ()  # image parts (attached or inline), bounded: read for QR codes only
    html_attached: tuple[bool, ...] = ()  # per entry of htmls: a page attached (not the mail's body)


@dataclass(frozen=True, slots=True)
class DomainEntry:
    domain: str
    role: str  # link | envelope | dkim | from | reply_to
    age_days: int | None
    lookup: LookupState


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the core found in one mail: the verdict and everything that explains it. (A *report*
    is what a member files in the shared log: ``services.ports.reports.ReportEntry``; the text for
    the desks is the *desk text*; ``phishbot report`` is the CLI's verb for submitting.)"""

    verdict: Verdict
    score: int
    language: str  # language of the mail (ja | en | und)
    kind: InputKind
    subject: str | None  # presented: links defanged, addresses and the recipient's names masked
    display_name: str | None  # From's display name, presented the same way
    sender: Sender
    brand: Brand | None
    brand_official: bool
    links: tuple[Link, ...]
    link_facts: tuple[DomainFact | None, ...]  # parallel to links
    ages: tuple[tuple[str, int], ...]  # registrable domain -> age in days when the mail arrived
    findings: tuple[Finding, ...]
    domains: tuple[DomainEntry, ...]
    advice: tuple[str, ...]  # advice keys (locales: advice.<key>)
    problems: tuple[Problem, ...]
    readable: bool
    input_sha256: str
    message_id: str | None
    received_at: str | None  # ISO: when the recipient's side received it (topmost Received)
    # the mail's decoded header fields, top first, as intake read them (a .msg's transport headers,
    # a forwarded mail's inner ones); NOT presented: mask before showing (services.formal_report does)
    headers: tuple[tuple[str, str], ...] = ()
    bare_links: bool = False  # the input was a link or a few pasted alone: judged from what they show
    link_listings: tuple[tuple[Listing, ...], ...] = ()  # parallel to links when listings were looked up
    # parallel to links: the link's registrable domain is one of the brand's own (or, with no brand,
    # any catalogue brand's): decided here, in the core, for every renderer alike
    link_official: tuple[bool, ...] = ()
    # the mail's text as a person reads it (plain-text bodies, else the HTML body's text), bounded;
    # NOT presented: the desk text masks the recipient in it before showing
    body: str = ""
    attachments: tuple[Attachment, ...] = ()  # NOT presented: names are the sender's words
