"""One frozen, already-masked view of an analysis (SPEC §4): what every renderer shows. ``--json``
is this view serialised (``AnalysisView.to_json``); the readable text (``report_text``), the
Discord embed and the desk text read its attributes.

This is the output boundary: every human-facing string of the view — subject, display name, link,
every finding's and problem's words and evidence — went through the one sanitiser
(``analysis.safe_text.present_text``: no control character or bidi override, every link and
host-like run defanged, addresses and the recipient's names masked) when the view was made, and
the renderers give whole texts a last pass (``presentation.safety.screen_text``). What is official
for a brand was decided by the core (``Analysis.link_official``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.analysis.links import defang_url
from bot.analysis.models import Analysis, Listing
from bot.analysis.privacy import mask_address
from bot.analysis.safe_text import present_text
from bot.i18n import t
from bot.presentation.sentences import analysis_names, finding_detail, problem_detail

JSONValue = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]
JSONObject = dict[str, JSONValue]


@dataclass(frozen=True, slots=True)
class ListedView:
    """A threat feed's listing of a link's name."""

    source: str
    first_listed: str  # YYYY-MM-DD
    label: str | None
    threat: str
    current: bool

    def to_json(self) -> JSONObject:
        return {"source": self.source, "first_listed": self.first_listed, "label": self.label, "threat": self.threat,
                "current": self.current}


@dataclass(frozen=True, slots=True)
class LinkView:
    url: str  # defanged, the query shown as ?…
    host: str  # machine-readable
    registrable_domain: str | None
    official_for_brand: bool
    age_days: int | None
    lookup: str  # rdap | whois | cache | unavailable | skipped
    source: str  # where the link was found: text, html, pdf, qr, …
    listed: tuple[ListedView, ...]

    def to_json(self) -> JSONObject:
        return {"url": self.url, "host": self.host, "registrable_domain": self.registrable_domain,
                "official_for_brand": self.official_for_brand, "age_days": self.age_days, "lookup": self.lookup,
                "source": self.source, "listed": [x.to_json() for x in self.listed]}


@dataclass(frozen=True, slots=True)
class HopView:
    from_host: str | None
    ip: str | None
    by: str | None
    date: str | None
    delay_s: int | None

    def to_json(self) -> JSONObject:
        return {"from": self.from_host, "ip": self.ip, "by": self.by, "date": self.date, "delay_s": self.delay_s}


@dataclass(frozen=True, slots=True)
class AuthView:
    spf: str | None
    dkim: str | None
    dmarc: str | None

    def items(self) -> tuple[tuple[str, str | None], ...]:
        """(mechanism, result) in the order shown: SPF, DKIM, DMARC."""
        return (("spf", self.spf), ("dkim", self.dkim), ("dmarc", self.dmarc))

    def to_json(self) -> JSONObject:
        return {"spf": self.spf, "dkim": self.dkim, "dmarc": self.dmarc}


@dataclass(frozen=True, slots=True)
class SenderView:
    from_address: str | None  # masked
    display_name: str | None  # presented (masked, defanged)
    envelope_domain: str | None
    dkim_domains: tuple[str, ...]
    auth: AuthView
    authserv_id: str | None
    handoff_ip: str | None
    origin_ip: str | None
    reply_to: tuple[str, ...]  # masked
    hops: tuple[HopView, ...]

    def to_json(self) -> JSONObject:
        return {"from": self.from_address, "display_name": self.display_name, "envelope_domain": self.envelope_domain,
                "dkim_domains": list(self.dkim_domains), "auth": self.auth.to_json(), "authserv_id": self.authserv_id,
                "handoff_ip": self.handoff_ip, "origin_ip": self.origin_ip, "reply_to": list(self.reply_to),
                "hops": [h.to_json() for h in self.hops]}


@dataclass(frozen=True, slots=True)
class BrandView:
    id: str
    name: str  # in the reader's language
    name_ja: str
    name_en: str
    official: bool  # the mail is the brand's own (authenticated), not an impersonation

    def to_json(self) -> JSONObject:
        return {"id": self.id, "name": self.name, "name_ja": self.name_ja, "name_en": self.name_en,
                "official": self.official}


@dataclass(frozen=True, slots=True)
class FindingView:
    rule: str
    severity: str
    detail: str  # the sentence, in the reader's language
    evidence: tuple[str, ...]

    def to_json(self) -> JSONObject:
        return {"rule": self.rule, "severity": self.severity, "detail": self.detail, "evidence": list(self.evidence)}


@dataclass(frozen=True, slots=True)
class LookedUpView:
    """A domain the analysis looked up, with its role (link, envelope, dkim, from, reply_to)."""

    domain: str
    role: str
    age_days: int | None
    lookup: str

    def to_json(self) -> JSONObject:
        return {"domain": self.domain, "role": self.role, "age_days": self.age_days, "lookup": self.lookup}


@dataclass(frozen=True, slots=True)
class ProblemView:
    code: str
    detail: str

    def to_json(self) -> JSONObject:
        return {"code": self.code, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class HeaderView:
    """A header field an analyst reads, decoded and presented, with what it means."""

    name: str
    value: str  # presented: addresses masked, hosts defanged
    note: str  # one line: what this field tells, in the reader's language

    def to_json(self) -> JSONObject:
        return {"name": self.name, "value": self.value, "note": self.note}


@dataclass(frozen=True, slots=True)
class AttachmentView:
    name: str | None  # presented: the recipient's names masked, hosts defanged
    declared: str  # the type the mail declares
    sniffed: str | None  # the type its first bytes say (None: not a kind we know)
    size: int
    sha256: str
    inside: tuple[str, ...]  # names inside an archive, presented

    def to_json(self) -> JSONObject:
        return {"name": self.name, "declared": self.declared, "sniffed": self.sniffed, "size": self.size,
                "sha256": self.sha256, "inside": list(self.inside)}


@dataclass(frozen=True, slots=True)
class AnalysisView:
    """The SPEC §4 object, typed. ``campaign`` and ``report_id`` are set once the analysis is a
    report in the shared log; ``input`` names the file it came from."""

    verdict: str
    score: int
    language: str
    kind: str
    bare_links: bool
    readable: bool
    subject: str | None
    sender: SenderView
    brand: BrandView | None
    links: tuple[LinkView, ...]
    findings: tuple[FindingView, ...]
    domains: tuple[LookedUpView, ...]
    advice: tuple[str, ...]
    problems: tuple[ProblemView, ...]
    campaign: str | None
    report_id: str | None
    input_sha256: str
    input: str | None
    headers: tuple[HeaderView, ...] = ()
    attachments: tuple[AttachmentView, ...] = ()

    def to_json(self) -> JSONObject:
        """The JSON object, keys in the contract's order."""
        return {
            "verdict": self.verdict, "score": self.score, "language": self.language, "kind": self.kind,
            "bare_links": self.bare_links, "readable": self.readable, "subject": self.subject,
            "sender": self.sender.to_json(), "brand": self.brand.to_json() if self.brand else None,
            "links": [link.to_json() for link in self.links], "findings": [f.to_json() for f in self.findings],
            "domains": [d.to_json() for d in self.domains], "advice": list(self.advice),
            "problems": [p.to_json() for p in self.problems], "campaign": self.campaign, "report_id": self.report_id,
            "input_sha256": self.input_sha256, "input": self.input,
            # added by issue 12 (after the contract's keys): the evidence laid out
            "headers": [h.to_json() for h in self.headers], "attachments": [a.to_json() for a in self.attachments],
        }


def _listed(found: tuple[Listing, ...]) -> tuple[ListedView, ...]:
    return tuple(ListedView(x.source, x.first_listed[:10], x.label, x.threat, x.current) for x in found)


def analysis_view(
    analysis: Analysis, lang: str, input_name: str | None = None, campaign: str | None = None,
    report_id: str | None = None,
) -> AnalysisView:
    """The view of ``analysis`` in ``lang``: sentences chosen, every string presented."""
    s = analysis.sender
    frm = s.from_addr
    names = analysis_names(analysis)
    ages = dict(analysis.ages)
    listed = analysis.link_listings or tuple(() for _ in analysis.links)
    links = tuple(
        LinkView(url=defang_url(link.url, names), host=link.host, registrable_domain=link.registrable_domain,
                 official_for_brand=official, age_days=ages.get(link.registrable_domain or ""),
                 lookup=fact.lookup if fact else "skipped", source=link.source, listed=_listed(found))
        for link, fact, found, official in zip(analysis.links, analysis.link_facts, listed, analysis.link_official,
                                               strict=True)
    )
    brand = analysis.brand
    return AnalysisView(
        verdict=analysis.verdict, score=analysis.score, language=analysis.language, kind=analysis.kind,
        bare_links=analysis.bare_links, readable=analysis.readable,
        subject=present_text(analysis.subject, names) if analysis.subject else None,
        sender=SenderView(
            from_address=mask_address(frm.address) if frm and frm.address else None,
            display_name=present_text(analysis.display_name, names) if analysis.display_name else None,
            envelope_domain=s.envelope_domain, dkim_domains=s.dkim_domains,
            auth=AuthView(s.auth.spf, s.auth.dkim, s.auth.dmarc), authserv_id=s.auth.authserv_id,
            handoff_ip=s.handoff_ip, origin_ip=s.origin_ip, reply_to=tuple(mask_address(r.address) for r in s.reply_to),
            hops=tuple(HopView(h.from_host, h.from_ip, h.by_host, h.date, h.delay_s) for h in s.hops),
        ),
        brand=BrandView(brand.id, brand.name_in(lang), brand.name_ja, brand.name_en, analysis.brand_official)
        if brand else None,
        links=links,
        findings=tuple(FindingView(f.rule, f.severity, finding_detail(f, lang, names),
                                   tuple(present_text(e, names) for e in f.evidence)) for f in analysis.findings),
        domains=tuple(LookedUpView(d.domain, d.role, d.age_days, d.lookup) for d in analysis.domains),
        advice=tuple(t(lang, "advice", key) for key in analysis.advice),
        problems=tuple(ProblemView(p.code, problem_detail(p, lang, names)) for p in analysis.problems),
        campaign=campaign, report_id=report_id, input_sha256=analysis.input_sha256, input=input_name,
        headers=notable_headers(analysis, lang, names),
        attachments=tuple(
            AttachmentView(present_text(a.filename, names, limit=300) if a.filename else None, a.content_type[:100],
                           a.sniffed, a.size, a.sha256, tuple(present_text(n, names, limit=200) for n in a.inside))
            for a in analysis.attachments[:MAX_ATTACHMENTS]),
    )


MAX_ATTACHMENTS = 50
MAX_HEADER_VALUE = 600
# the fields analysts read (Microsoft's Message Header Analyzer, Google's Messageheader,
# eml_analyzer), in the order shown; each has a line in locales: header_note.<key>
NOTABLE_HEADERS = (
    ("authentication-results", "authentication_results"), ("arc-authentication-results", "arc"),
    ("received-spf", "received_spf"), ("return-path", "return_path"), ("reply-to", "reply_to"),
    ("sender", "sender"), ("list-id", "list_id"), ("list-unsubscribe", "list_unsubscribe"),
    ("precedence", "precedence"), ("x-mailer", "x_mailer"), ("user-agent", "x_mailer"),
    ("x-originating-ip", "x_originating_ip"), ("x-ms-exchange-organization-scl", "ms_scl"),
    ("x-forefront-antispam-report", "ms_antispam_report"), ("x-microsoft-antispam", "ms_antispam"),
    ("x-ms-exchange-organization-authas", "ms_authas"),
)


def notable_headers(analysis: Analysis, lang: str, names: tuple[str, ...]) -> tuple[HeaderView, ...]:
    """The header fields that matter, decoded, each once (the topmost), with one line on what it tells."""
    seen = dict(reversed(analysis.headers))  # each name's topmost value (the last one written wins)
    out = []
    for name, key in NOTABLE_HEADERS:
        if name in seen:
            value = present_text(seen[name], names, real_tlds_only=True, limit=MAX_HEADER_VALUE * 2)
            out.append(HeaderView(header_field_name(name), value[:MAX_HEADER_VALUE] + ("…" if len(value) > MAX_HEADER_VALUE
                                                                                       else ""),
                                  t(lang, "header_note", key)))
    return tuple(out)


_UPPER = {"id": "ID", "dkim": "DKIM", "mime": "MIME", "arc": "ARC", "spf": "SPF", "x": "X", "ms": "MS", "ip": "IP",
          "scl": "SCL", "authas": "AuthAs"}


@lru_cache(maxsize=1024)
def header_field_name(name: str) -> str:
    """``message-id`` (as intake keeps it) → ``Message-ID``."""
    return "-".join(_UPPER.get(part, part.capitalize()) for part in name.split("-"))
