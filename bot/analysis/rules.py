"""The analysis rules (SPEC §3). Each is a small pure function: facts in, findings out.

Rule ids are a contract: the CLI JSON, docs/RULES.md and the Discord embed quote them.
Sentences live in the locale catalogues under ``rule.<id>``; findings carry only parameters,
already masked and defanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.analysis.brands import TextIndex, _compact_cjk, brands_named_in, catalogue, service_for_tag
from bot.analysis.domains import (
    edit_distance,
    has_known_tld,
    org_domain,
    public_suffix,
    scripts,
    skeleton,
    to_unicode_host,
)
from bot.analysis.links import HtmlFacts, defang_host
from bot.analysis.models import Brand, DomainFact, Finding, Link, Listing, ParsedMail, Sender, Severity
from bot.analysis.privacy import mask_address, present_text

if TYPE_CHECKING:
    from bot.analysis.pipeline import Prepared


@dataclass(frozen=True)
class Facts:
    """Everything the rules may look at: the mail as read once, and what the lookups said."""

    prepared: Prepared
    domain_facts: Mapping[str, DomainFact]
    ages: Mapping[str, int]  # days between registration and the mail's arrival (or now)
    listings: Mapping[str, tuple[Listing, ...]] = field(default_factory=dict)  # link host -> threat-feed listings

    @property
    def mail(self) -> ParsedMail:
        return self.prepared.mail

    @property
    def sender(self) -> Sender:
        return self.prepared.sender

    @property
    def links(self) -> tuple[Link, ...]:
        return self.prepared.links

    @property
    def html(self) -> tuple[HtmlFacts, ...]:
        return self.prepared.html

    @property
    def html_is_attachment(self) -> tuple[bool, ...]:
        return self.prepared.html_is_attachment

    @property
    def text(self) -> TextIndex:  # subject + bodies, normalised
        return self.prepared.text

    @property
    def brand(self) -> Brand | None:
        return self.prepared.brand

    @property
    def brand_where(self) -> tuple[str, ...]:
        return self.prepared.brand_where

    @property
    def brand_official(self) -> bool:
        return self.prepared.brand_official


def _f(rule: str, severity: Severity, evidence: tuple[str, ...] = (), **params: object) -> Finding:
    return Finding(rule, severity, tuple((k, str(v)) for k, v in params.items()), evidence)


def _brand_name(brand: Brand) -> str:
    """The brand id: sentences name it in the reader's language (reporting.finding_detail)."""
    return brand.id


def _list(items: list[str], limit: int = 3) -> str:
    shown = items[:limit]
    more = len(items) - len(shown)
    return ", ".join(shown) + (f" (+{more})" if more > 0 else "")


# --- sender ----------------------------------------------------------------------------------


def self_sent(f: Facts) -> list[Finding]:
    frm = f.sender.from_addr
    if frm is None or not frm.address:
        return []
    if any(r.address == frm.address for r in f.sender.recipients):
        # Forged when the envelope is someone else's (or DMARC failed); a list or a newsletter
        # sent to its own address with an aligned envelope is a fact, not a forgery sign.
        env_org = org_domain(f.sender.envelope_domain) if f.sender.envelope_domain else None
        aligned = env_org is not None and env_org == org_domain(frm.domain) and f.sender.auth.dmarc != "fail"
        severity: Severity = "low" if f.sender.bulk or aligned else "medium"
        return [_f("self_sent", severity, address=mask_address(frm.address))]
    return []


def envelope_mismatch(f: Facts) -> list[Finding]:
    frm = f.sender.from_addr
    from_org = org_domain(frm.domain) if frm and frm.domain else None
    if from_org is None:
        return []
    envelope = f.sender.envelope_domain
    env_org = org_domain(envelope) if envelope else None
    # with the receiving server's results, only signatures it verified count: anyone can write a
    # DKIM-Signature header naming the From domain
    signers = f.sender.auth.dkim_domains if f.sender.auth.trusted else f.sender.dkim_domains
    dkim_orgs = [o for o in (org_domain(d) for d in signers) if o]
    if env_org is None and not dkim_orgs:
        return []
    if env_org == from_org or from_org in dkim_orgs:
        return []
    via = env_org or dkim_orgs[0]
    # Mailing lists re-send with their own envelope: a fact, weaker as evidence. A brand's own
    # domain sent unaligned is spoofing: brands sign and bounce for their own domains.
    severity: Severity = "low" if f.sender.bulk else "medium"
    if severity == "medium" and catalogue().is_official(from_org):
        severity = "high"
    return [_f("envelope_mismatch", severity, from_domain=defang_host(from_org), via=defang_host(via))]


def auth_failures(f: Facts) -> list[Finding]:
    auth = f.sender.auth
    out: list[Finding] = []
    if not auth.trusted:
        return out
    server = defang_host(auth.authserv_id) if auth.authserv_id else "?"
    if auth.dmarc == "fail":
        out.append(_f("dmarc_fail", "high", server=server))
    if auth.spf == "fail":
        out.append(_f("spf_fail", "medium", result="fail", server=server))
    elif auth.spf == "softfail":
        out.append(_f("spf_fail", "low", result="softfail", server=server))
    if auth.dkim == "fail":
        out.append(_f("dkim_fail", "medium", server=server))
    return out


def display_name_brand(f: Facts) -> list[Finding]:
    frm = f.sender.from_addr
    if frm is None or not frm.display_name:
        return []
    cat = catalogue()
    from_org = org_domain(frm.domain) if frm.domain else None
    named = brands_named_in(TextIndex(_compact_cjk(frm.display_name)))
    for brand in cat.brands:  # catalogue order: stable output
        if brand.id in named and from_org not in brand.official_domains:
            domain = from_org or frm.domain or "?"
            return [_f("display_name_brand", "high", brand=_brand_name(brand), domain=defang_host(domain))]
    return []


def freemail_reply_to(f: Facts) -> list[Finding]:
    cat = catalogue()
    frm = f.sender.from_addr
    from_org = org_domain(frm.domain) if frm and frm.domain else None
    if from_org in cat.freemail:
        return []
    for reply in f.sender.reply_to:
        org = org_domain(reply.domain) if reply.domain else None
        if org and org in cat.freemail and org != from_org:
            return [_f("freemail_reply_to", "medium", reply_to=mask_address(reply.address))]
    return []


# --- links -----------------------------------------------------------------------------------


def _authenticated_sender_org(f: Facts) -> str | None:
    """From's organisational domain when the receiving server authenticated it (DMARC pass, or a
    verified DKIM signature of that domain); None otherwise."""
    frm = f.sender.from_addr
    org = org_domain(frm.domain) if frm and frm.domain else None
    auth = f.sender.auth
    if org is None or not auth.trusted:
        return None
    if auth.dmarc == "pass" or org in {org_domain(d) for d in auth.dkim_domains}:
        return org
    return None


def _web_links(f: Facts) -> list[Link]:
    return [link for link in f.links if not link.is_ip and link.registrable_domain]


def brand_link_mismatch(f: Facts) -> list[Finding]:
    if f.brand is None or f.brand_official:
        return []
    cat = catalogue()
    official = set(f.brand.official_domains)
    own = _authenticated_sender_org(f)
    foreign: list[str] = []
    for link in _web_links(f):
        dom = link.registrable_domain
        # the brand's domains, its redirectors, and the authenticated sender's own site are not foreign
        if dom in official or link.host in cat.redirectors or dom in cat.benign or (own is not None and dom == own):
            continue
        if dom and dom not in foreign:
            foreign.append(dom)
    if not foreign:
        return []
    # "presents itself as": strongly by the display name, or by a subject the body backs up;
    # a subject alone is a mention ("Apple Pay now accepted"), the body alone weaker still
    where = set(f.brand_where)
    if "display_name" in where or {"subject", "body"} <= where:
        severity: Severity = "high"
    elif "subject" in where:
        severity = "medium"
    else:
        severity = "low"
    frm = f.sender.from_addr
    if frm and org_domain(frm.domain or "") in official and not f.sender.auth.trusted:
        severity = "low"  # the brand's own domain, unverifiable (no authentication results)
    return [
        _f(
            "brand_link_mismatch", severity,
            tuple(defang_host(d) for d in foreign[:10]),
            brand=_brand_name(f.brand), domains=_list([defang_host(d) for d in foreign]),
        )
    ]


def _label(domain: str) -> str:
    suffix = public_suffix(domain) or ""
    return domain[: -len(suffix) - 1] if suffix and domain.endswith("." + suffix) else domain.partition(".")[0]


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


@lru_cache(maxsize=1)
def _official_index() -> tuple[dict[str, tuple[str, str, str]], dict[str, list[tuple[str, str, str, int]]]]:
    """Official labels by skeleton, and a deletion index (SymSpell) of those long enough for
    the edit-distance check: a candidate shares a deletion variant, then is verified."""
    by_skeleton: dict[str, tuple[str, str, str]] = {}
    deletions: dict[str, list[tuple[str, str, str, int]]] = {}
    for domain, bids in catalogue().official.items():
        label = _label(domain)
        if len(label) < 3:
            continue
        skel = skeleton(label)
        by_skeleton.setdefault(skel, (label, skel, bids[0]))
        if len(label) >= 6:
            cap = 1 if len(label) < 10 else 2
            for variant in _deletions(skel, cap):
                deletions.setdefault(variant, []).append((label, skel, bids[0], cap))
    return by_skeleton, deletions


MAX_SKELETON = 40


@lru_cache(maxsize=4096)
def _lookalike_of(host: str) -> tuple[str, str] | None:
    """(brand id, why) when a non-official host imitates a brand. Pure, so cached per host."""
    cat = catalogue()
    reg = org_domain(host)
    if reg is None or cat.is_official(reg) or host in cat.redirectors or reg in cat.infrastructure:
        return None
    labels = host.split(".")
    pieces = [p for label in labels for p in label.split("-")]
    for token, bid in cat.tokens:
        if token not in host:
            continue
        if token in pieces or any(label.startswith(token) or label.endswith(token) for label in labels):
            return bid, "token"
        if len(token) >= 6:
            return bid, "token"
    reg_label = _label(reg)
    if len(reg_label) > 63:
        return None
    reg_skel = skeleton(to_unicode_host(reg_label))
    if len(reg_skel) > MAX_SKELETON:  # NFKD can grow a label tenfold (U+FDFA): no brand name is that long
        return None
    by_skeleton, deletions = _official_index()
    same = by_skeleton.get(reg_skel)
    if same is not None:
        return (same[2], "confusable") if same[0] != reg_label else None
    for variant in _deletions(reg_skel, 2 if len(reg_skel) >= 9 else 1):
        for off_label, off_skel, bid, cap in deletions.get(variant, ()):
            if off_label != reg_label and edit_distance(reg_skel, off_skel, cap) <= cap:
                return bid, "edit"
    return None


def lookalike_domain(f: Facts) -> list[Finding]:
    cat = catalogue()
    hosts: list[str] = [link.host for link in _web_links(f)]
    frm = f.sender.from_addr
    if frm and frm.domain:
        hosts.append(frm.domain)
    hosts.extend(r.domain for r in f.sender.reply_to if r.domain)
    if f.sender.envelope_domain:
        hosts.append(f.sender.envelope_domain)
    seen: set[str] = set()
    out: list[Finding] = []
    for host in hosts:
        if host in seen:
            continue
        seen.add(host)
        hit = _lookalike_of(host)
        if hit is None:
            continue
        if f.brand_official and f.brand is not None and hit[0] == f.brand.id:
            continue  # the brand's own verified mail linking to its other sites (aboutamazon.jp)
        brand = cat.by_id[hit[0]]
        out.append(_f("lookalike_domain", "high", (defang_host(host),), host=defang_host(host),
                      brand=_brand_name(brand), how=hit[1]))
        if len(out) >= 5:
            break
    return out


def idn_homoglyph(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    for link in f.links:
        if not link.unicode_host:
            continue
        for label in link.unicode_host.split("."):
            found = scripts(label)
            if len(found - {"CJK"}) > 1 or (found & {"Cyrillic", "Greek"} and skeleton(label).isascii()):
                out.append(_f("idn_homoglyph", "high", (defang_host(link.host),), host=defang_host(link.host),
                              shown=defang_host(link.unicode_host)))
                break
        if len(out) >= 3:
            break
    return out


_TEXT_HOST = re.compile(r"(?i)(?:https?://)?((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})(?![a-z0-9-])")


def href_text_mismatch(f: Facts) -> list[Finding]:
    cat = catalogue()
    out: list[Finding] = []
    for link in f.links:
        if link.text is None or link.source != "html":
            continue
        shown = link.text[:300]
        m = _TEXT_HOST.search(shown)
        if m is None or "." not in m.group(1) or "@" in shown[max(0, m.start() - 1) : m.end() + 1]:
            continue  # no name shown, or it is an address (taro.yamada@…), not a link
        if not has_known_tld(m.group(1).lower()):
            continue
        shown_org = org_domain(m.group(1).lower())
        if shown_org is None or shown_org == link.registrable_domain:
            continue
        if link.host in cat.redirectors or link.registrable_domain in cat.trackers:
            continue
        # showing a brand's own domain while going elsewhere is the phishing trick; other
        # mismatches are mostly newsletters' click tracking
        severity: Severity = "medium" if cat.is_official(shown_org) else "low"
        out.append(_f("href_text_mismatch", severity, (defang_host(link.host),),
                      shown=defang_host(shown_org), real=defang_host(link.registrable_domain or link.host)))
        if len(out) >= 3:
            break
    return out


def shortener_link(f: Facts) -> list[Finding]:
    cat = catalogue()
    hosts = sorted({link.host for link in f.links if link.host in cat.shorteners or link.registrable_domain in cat.shorteners})
    if not hosts:
        return []
    return [_f("shortener_link", "medium", tuple(defang_host(h) for h in hosts), hosts=_list([defang_host(h) for h in hosts]))]


def ip_literal_link(f: Facts) -> list[Finding]:
    hosts = sorted({link.host for link in f.links if link.is_ip})
    if not hosts:
        return []
    return [_f("ip_literal_link", "high", tuple(defang_host(h) for h in hosts), hosts=_list([defang_host(h) for h in hosts]))]


def free_hosting_link(f: Facts) -> list[Finding]:
    cat = catalogue()
    hosts = sorted({link.host for link in f.links if link.registrable_domain in cat.free_hosting})
    if not hosts:
        return []
    severity: Severity = "medium" if f.brand is not None and not f.brand_official else "low"
    return [_f("free_hosting_link", severity, tuple(defang_host(h) for h in hosts), hosts=_list([defang_host(h) for h in hosts]))]


def new_domain(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    for domain, age in sorted(f.ages.items()):
        if age >= 30:
            continue
        severity: Severity = "high" if age < 10 else "medium"
        out.append(_f("new_domain", severity, (defang_host(domain),), domain=defang_host(domain), days=max(age, 0)))
    return out


def unregistered_domain(f: Facts) -> list[Finding]:
    gone = sorted(d for d, fact in f.domain_facts.items() if fact.not_registered)
    link_domains = {link.registrable_domain for link in f.links}
    return [
        _f("unregistered_domain", "high" if d in link_domains else "medium", (defang_host(d),), domain=defang_host(d))
        for d in gone[:5]
    ]


# --- content ---------------------------------------------------------------------------------


def lure_and_urgency(f: Facts) -> list[Finding]:
    cat = catalogue()
    out: list[Finding] = []
    lure = cat.phrases.get("credential_lure")
    if lure is not None and not f.brand_official:
        strong = f.text.count_phrases(lure.strong)
        weak = f.text.count_phrases(lure.weak)
        if strong:
            severity: Severity = "high" if len(strong) >= 2 and weak else "medium"
            out.append(_f("credential_lure", severity, tuple(strong[:5]), phrases=_list(strong)))
        elif len(weak) >= 2:
            out.append(_f("credential_lure", "low", tuple(weak[:5]), phrases=_list(weak)))
    urgency = cat.phrases.get("urgency")
    if urgency is not None:
        strong = f.text.count_phrases(urgency.strong)
        weak = f.text.count_phrases(urgency.weak)
        if strong:
            out.append(_f("urgency_language", "medium", tuple(strong[:5]), phrases=_list(strong)))
        elif len(weak) >= 2:
            out.append(_f("urgency_language", "low", tuple(weak[:5]), phrases=_list(weak)))
    return out


_WALLET = re.compile(r"\b(?:bc1[ac-hj-np-z02-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40})\b")


def extortion(f: Facts) -> list[Finding]:
    cat = catalogue()
    words = cat.phrases.get("extortion")
    if words is None:
        return []
    threats = f.text.count_phrases(words.strong)
    raw = "\n".join(f.mail.texts)[:500_000] + "\n" + "\n".join(h.text for h in f.html)[:500_000]
    wallet = _WALLET.search(raw)
    if wallet and len(threats) >= 1:
        shown = wallet.group(0)
        return [_f("extortion", "high", (shown[:6] + "…",), wallet=shown[:6] + "…", phrases=_list(threats))]
    return []


def leak_tag(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    if f.sender.bulk:
        return out  # the recipient is the list, not a member's tagged address
    for rcpt in f.sender.recipients:
        local, _, _domain = rcpt.address.partition("@")
        tag = None
        if "+" in local:
            tag = local.split("+", 1)[1]
        elif service_for_tag(local):
            tag = local
        if tag:
            service = service_for_tag(tag) or tag
            out.append(_f("leak_tag", "info", tag=tag[:40], service=service, address=mask_address(rcpt.address)))
            break
    return out


_DANGEROUS = (".exe", ".scr", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".hta", ".bat", ".cmd", ".ps1",
              ".lnk", ".iso", ".img", ".vhd", ".jar", ".msi", ".docm", ".xlsm", ".pptm", ".one", ".cpl", ".com")


def attachments(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    risky = [present_text(a.filename) for a in f.mail.attachments if a.filename and a.filename.lower().endswith(_DANGEROUS)]
    if risky:
        out.append(_f("dangerous_attachment", "high", tuple(risky[:5]), names=_list(risky)))
    if any(f.html_is_attachment):
        out.append(_f("html_attachment", "medium"))
    return out


def html_tricks(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    forms = [(a, pw) for h in f.html for a, pw in h.forms]
    if forms:
        with_password = any(pw for _, pw in forms)
        targets = sorted({org_domain(_host_of(a)) or "" for a, _ in forms if a.startswith(("http://", "https://"))} - {""})
        if with_password or targets:
            out.append(_f("credential_form", "high" if with_password else "low",
                          tuple(defang_host(t) for t in targets[:5]),
                          targets=_list([defang_host(t) for t in targets]) or "-"))
    signs: set[str] = set()
    for h in f.html:
        signs |= h.script_signs
    decoders = signs & {"atob", "unescape", "fromCharCode"}
    sinks = signs & {"document.write", "eval", "location"}
    if decoders and sinks:
        out.append(_f("obfuscated_script", "high", tuple(sorted(signs)), signs=", ".join(sorted(signs))))
    if f.mail.pdf_signs:
        severity: Severity = "high" if "launch" in f.mail.pdf_signs else "medium"
        out.append(_f("pdf_active_content", severity, f.mail.pdf_signs, signs=", ".join(f.mail.pdf_signs)))
    return out


def listed_link(f: Facts) -> list[Finding]:
    """A link to a name a threat feed lists (JPCERT/CC, OpenPhish, …): a fact the caller looked
    up, like a registration age. Full weight while the listing is current, little once it is old."""
    out: list[Finding] = []
    seen: set[str] = set()
    for link in f.links:
        found = f.listings.get(link.host)
        if not found or found[0].domain in seen:
            continue
        best = found[0]  # the caller orders them: current ones first, then the earliest
        seen.add(best.domain)
        severity: Severity = "high" if best.current else "low"
        out.append(_f("listed_link", severity, (defang_host(best.domain),), domain=defang_host(best.domain),
                      source=best.source, date=best.first_listed[:10], label=best.label or "", threat=best.threat,
                      current="yes" if best.current else "no"))
    return out


def _host_of(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0].rpartition("@")[2].partition(":")[0].lower()


RULES: tuple[Callable[[Facts], list[Finding]], ...] = (
    self_sent,
    envelope_mismatch,
    auth_failures,
    display_name_brand,
    brand_link_mismatch,
    lookalike_domain,
    idn_homoglyph,
    href_text_mismatch,
    new_domain,
    unregistered_domain,
    listed_link,
    freemail_reply_to,
    lure_and_urgency,
    shortener_link,
    ip_literal_link,
    free_hosting_link,
    extortion,
    leak_tag,
    attachments,
    html_tricks,
)


def run_rules(facts: Facts) -> tuple[Finding, ...]:
    out: list[Finding] = []
    for rule in RULES:
        out.extend(rule(facts))
    return tuple(out)
