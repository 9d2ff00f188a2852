"""The analysis pipeline: ``prepare`` reads the mail once, ``judge`` applies the rules to it and
to whatever registration facts the caller looked up in between. ``analyse`` does both.

Pure: no clock (``now`` is an argument), no network, no storage.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import cast

from bot.analysis.brands import TextIndex, catalogue, detect_brand, first_token, official_for_brand
from bot.analysis.budget import Budget, Clock
from bot.analysis.domains import org_domain
from bot.analysis.facts import Facts, Prepared
from bot.analysis.headers import analyse_headers
from bot.analysis.intake import inline_forward, read_input
from bot.analysis.links import (
    URL_IN_TEXT,
    HtmlFacts,
    data_url_html,
    defang_url,
    html_facts,
    make_link,
    normalise_href,
    redirect_target,
    refang,
    urls_in_text,
)
from bot.analysis.models import (
    Analysis,
    DomainEntry,
    DomainFact,
    Finding,
    Limits,
    Link,
    Listing,
    ParsedMail,
    Problem,
    Sender,
    Severity,
)
from bot.analysis.privacy import mask_name
from bot.analysis.rules import DIGEST_DOMAINS, run_rules, unverified_sender
from bot.analysis.safe_text import present_text
from bot.analysis.scoring import WEIGHTS, advice, score, sort_findings

TEXT_SCAN_CHARS = 1_000_000
# rules about wording and mailing habits, which say nothing against a brand's own authenticated mail
OFFICIAL_WORDING_RULES = frozenset({
    "urgency_language", "scam_lure", "spam_content", "hidden_text", "address_greeting", "image_only",
    "undisclosed_recipients", "disguised_text", "credential_lure",
})


_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_JAPANESE_RUN = re.compile(_JAPANESE.pattern + "+")
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
_NON_SPACE = re.compile(r"\S")
_LOCAL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
_DOMAIN_AFTER_AT = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}")


def without_addresses(text: str) -> str:
    """``text`` with every e-mail address replaced by a space. Looked for from each "@" outwards
    (a pattern tried at every position of a long text costs 64 steps a character)."""
    out: list[str] = []
    last = 0
    at = text.find("@")
    while at >= 0:
        left = at
        while left > last and at - left < 64 and text[left - 1] in _LOCAL_CHARS:
            left -= 1
        m = _DOMAIN_AFTER_AT.match(text, at + 1)
        if left < at and m is not None:
            out.append(text[last:left])
            out.append(" ")
            last = m.end()
            at = text.find("@", last)
        else:
            at = text.find("@", at + 1)
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
_BARE_HOST = re.compile(r"(?i)^(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}(?:[/?#]\S{0,2000})?$")
# a paste is "bare links" when, links aside, it holds no more than a question ("is this phishing?")
BARE_TEXT_CHARS = 40
BRAND_SCAN_HEAD = 30_000
BRAND_SCAN_TAIL = 5_000


# the commonest short words of each language: a mail's words say its language better than its letters
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset([
        "the", "and", "you", "your", "to", "of", "is", "for", "this", "that", "with", "are", "on", "be",
        "have", "please", "we", "will", "our", "from",
    ]),
    "de": frozenset([
        "der", "die", "das", "und", "sie", "ihr", "ihre", "ist", "nicht", "mit", "für", "auf", "den", "dem",
        "zu", "wir", "ein", "eine", "bitte", "werden",
    ]),
    "fr": frozenset([
        "le", "la", "les", "et", "vous", "votre", "vos", "est", "pour", "des", "une", "un", "sur", "dans",
        "nous", "pas", "avec", "ce", "qui",
    ]),
    "pt": frozenset([
        "o", "os", "as", "e", "você", "seu", "sua", "para", "com", "não", "uma", "um", "do", "da", "dos",
        "das", "em", "que", "por", "está",
    ]),
    "es": frozenset([
        "el", "los", "las", "y", "usted", "su", "sus", "para", "con", "no", "una", "un", "del", "en", "que",
        "por", "es", "está", "tu",
    ]),
    "nl": frozenset([
        "de", "het", "en", "u", "uw", "je", "is", "van", "voor", "met", "niet", "een", "op", "wij", "dat",
        "te", "zijn",
    ]),
    "it": frozenset([
        "il", "la", "le", "e", "di", "per", "con", "non", "una", "un", "del", "della", "che", "è", "sono",
        "tuo", "tua",
    ]),
    # round 11: Russian and Ukrainian (their own words tell the two apart), Polish, Turkish, Indonesian
    # (no one-letter Latin words: "i", "w" and "z" are in English text and in links)
    "ru": frozenset([
        "и", "в", "не", "на", "что", "с", "вы", "ваш", "ваша", "это", "по", "для", "как", "к", "от", "мы", "из",
        "за", "вас", "если",
    ]),
    "uk": frozenset([
        "і", "та", "що", "не", "на", "в", "у", "з", "до", "ви", "ваш", "ваша", "це", "для", "як", "від", "ми",
        "вас", "є", "якщо",
    ]),
    "pl": frozenset([
        "nie", "na", "że", "się", "do", "jest", "dla", "od", "pan", "pani", "twoje", "prosimy", "jak", "po",
        "aby", "oraz", "są", "przez", "tym", "może",
    ]),
    "tr": frozenset([
        "ve", "bir", "bu", "için", "ile", "sizin", "lütfen", "olarak", "daha", "çok", "gibi", "ama", "siz",
        "olan", "veya", "değil", "sizi", "bizim", "şimdi",
    ]),
    "id": frozenset([
        "dan", "yang", "di", "ke", "dari", "untuk", "anda", "ini", "itu", "dengan", "tidak", "akan", "kami",
        "pada", "adalah", "atau", "bisa", "sudah", "jika", "kita",
    ]),
}
_ANY_STOPWORD = frozenset().union(*_STOPWORDS.values())
# a letter, then up to 19 more: [^\W\d_]{1,20}, written with a single class first so that the regex
# engine skips to the next letter in C (a repeated class first is tried at every character)
_WORDS = re.compile(r"[^\W\d_][^\W\d_]{0,19}")
MAX_WORD = 20
# ascii_words' table: ASCII letters kept (lowered), every other byte a space
_LETTERS_LOWERED = bytes(c | 0x20 if chr(c).isascii() and chr(c).isalpha() else 0x20 for c in range(256))


def ascii_words(text: str) -> list[str]:
    """``_WORDS.findall(text.lower())`` for an ASCII ``text``, by C string methods: in ASCII the
    pattern's letters are ``[A-Za-z]``, so the words are the letter runs, a run longer than 20 cut
    in pieces of 20 from its start (what the bounded pattern does). The pattern stepped through
    every character of the samples: 1.5 % of a whole run over the development corpus."""
    words = text.encode("ascii").translate(_LETTERS_LOWERED).decode("ascii").split()
    if max(map(len, words), default=0) <= MAX_WORD:
        return words
    return [w[i : i + MAX_WORD] for w in words for i in range(0, len(w), MAX_WORD)]


def has_japanese(text: str, enough: int) -> bool:
    """Whether ``text`` holds at least ``enough`` Japanese characters: ``sum(map(len,
    _JAPANESE_RUN.findall(text))) >= enough``, the runs read only until there are enough (a
    Japanese mail's thousand short runs were each made a string: 1.7 % of a whole run)."""
    count = 0
    # each run found from its first character (a class alone is searched by a tight class test
    # in C; a repeated class is tried as a whole pattern at every character), then read whole
    first = _JAPANESE.search(text)
    while first is not None:
        run = _JAPANESE_RUN.match(text, first.start())
        if run is None:  # never: it starts with a Japanese character
            break
        count += run.end() - run.start()
        if count >= enough:
            return True
        first = _JAPANESE.search(text, run.end())
    return False


LANGUAGE_SAMPLE = 5000
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def _language(text: str) -> str:
    sample = text[:LANGUAGE_SAMPLE]
    if not sample.strip():
        return "und"
    plain = sample.isascii()
    # at least 10 Japanese characters, or more than one in 50: counted run by run, and only until there are enough
    if not plain and has_japanese(sample, min(10, len(sample) // 50 + 1)):
        # round 10: Han characters without a single kana are Chinese (a Japanese text writes its particles and
        # endings in hiragana, its loanwords in katakana, full- or half-width)
        return "ja" if _KANA.search(sample) is not None else "zh"
    # Hangul: Korean (more than one letter in 50, or ten), counted like the Japanese above
    if not plain and len(_HANGUL.findall(sample)) >= min(10, len(sample) // 50 + 1):
        return "ko"
    head = sample[:1500]
    words = ascii_words(head) if plain else _WORDS.findall(head.lower())
    if words:
        # only the stop words are counted (the hits read nothing else)
        counted = Counter(filter(_ANY_STOPWORD.__contains__, words))
        present = counted.keys()
        hits = {lang: sum(counted[w] for w in stop & present) for lang, stop in _STOPWORDS.items()}
        best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
        if hits[best] >= 3 and hits[best] >= 1.5 * max(v for k, v in hits.items() if k != best):
            return best
    ascii_letters = len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    others = 0 if plain else len(sample) - len(_NON_ASCII_LETTER.sub("", sample))
    return "en" if ascii_letters and others / (ascii_letters + others) < 0.03 else "und"


@lru_cache(maxsize=8192)
def _host_token_brand(host: str) -> str | None:
    """The brand whose token a host carries (the longest token first), if any. Cached per host.
    A page on a hosting platform names the platform only by where it lives (x.github.io is not
    GitHub's): only the labels before the platform's name are read."""
    labels = host.split(".")
    platforms = catalogue().free_hosting
    for i in range(1, len(labels) - 1):
        if ".".join(labels[i:]) in platforms:
            host = ".".join(labels[:i])
            break
    token = first_token(host)
    return catalogue().token_brand[token] if token is not None else None


_TRANSPORT = frozenset(("received", "authentication-results", "arc-authentication-results"))


def _forwarded_inline(mail: ParsedMail, sender: Sender) -> ParsedMail | None:
    """A member's own forward of a suspect mail, in the body ("---------- Forwarded message
    ---------", Begin forwarded message:, 転送メッセージ …): the mail under report is the forwarded
    one, so its header block (From, Subject, To …) is read as the sender, like a pasted mail's, and
    the forwarder's header is set aside (it says who forwarded, not who sent). Only when that outer
    header is the member's own: authenticated for its From domain by the receiving server (DMARC
    pass or an aligned DKIM pass), or a copy that never travelled (no Received, no authentication
    results: a draft or a sent copy). A criminal's mail dressed as a forward keeps its own header."""
    if mail.kind != "eml" or not mail.texts:
        return None
    frm = sender.from_addr
    auth = sender.auth
    travelled = any(name in _TRANSPORT for name, _ in mail.headers[:400])
    if travelled:
        if frm is None or not frm.domain or not auth.trusted:
            return None
        from_org = org_domain(frm.domain)
        if auth.dmarc != "pass" and from_org not in {org_domain(d) for d in auth.dkim_domains}:
            return None
    fields = inline_forward(mail.texts[0], mail.subject)
    if fields is None:
        return None
    subject = next((v for k, v in fields if k == "subject"), mail.subject)
    return replace(
        mail, headers=(), pasted_fields=fields, subject=subject,
        problems=(*mail.problems, Problem("forwarded_inline")),
    )


def prepare(data: bytes, limits: Limits | None = None, clock: Clock | None = None) -> Prepared:
    """``clock`` (seconds, e.g. ``time.monotonic``) turns on the per-mail time limit
    (``Limits.max_seconds``): past it, reading stops and what was read is judged (``time_limit``)."""
    limits = limits or Limits()
    time_budget = Budget(limits, clock)
    mail = read_input(data, limits, time_budget)
    problems = list(mail.problems)
    sender, received_at = analyse_headers(mail.headers, mail.pasted_fields)
    forwarded = _forwarded_inline(mail, sender)
    if forwarded is not None:
        mail = forwarded
        problems = list(mail.problems)
        sender, _ = analyse_headers(mail.headers, mail.pasted_fields)

    htmls: list[HtmlFacts] = []
    html_is_attachment: list[bool] = []
    # every reader records which pages are attached (Walk.add_text); a mail built without one has none
    attached = mail.html_attached if len(mail.html_attached) == len(mail.htmls) else (False,) * len(mail.htmls)
    for html, is_attached in zip(mail.htmls, attached, strict=True):
        if time_budget.out_of_time():
            break
        htmls.append(html_facts(html))
        html_is_attachment.append(is_attached)
    # pages carried inside data:text/html links are read like attachments (never rendered)
    carried = [page for h in htmls for href, _ in h.anchors if (page := data_url_html(href.strip())) is not None]
    carried += [page for h in htmls for href in h.resources if (page := data_url_html(href.strip())) is not None]
    for page in carried[:5]:
        if time_budget.out_of_time():
            break
        htmls.append(html_facts(page))
        html_is_attachment.append(True)

    links: list[Link] = []
    seen: set[tuple[str, str | None]] = set()
    budget = limits.max_urls
    cut: list[str] = []

    raw_seen: set[tuple[str, str | None]] = set()

    def add(url: str, source: str, text: str | None = None) -> None:
        nonlocal budget
        if budget <= 0 or (url, text) in raw_seen:
            return  # a link written twice (newsletters repeat theirs) is read once
        raw_seen.add((url, text))
        link = make_link(url, source, text, limits.max_url_chars)
        if link is None or (link.url, link.text) in seen:
            return
        seen.add((link.url, link.text))
        links.append(link)
        budget -= 1

    for h in htmls:
        for href, text in h.anchors:
            add(normalise_href(href), "html", text)
        for action, _ in h.forms:
            add(normalise_href(action), "form")
        for url in h.meta_refresh:
            add(url, "meta")
        for url in h.resources:
            add(normalise_href(url), "html")
        for url in h.hidden_urls:
            add(url, "script")
        for url in urls_in_text(h.text[:TEXT_SCAN_CHARS], budget + 1, cut):
            add(url, "text")
    for text in mail.texts:
        if time_budget.out_of_time():
            break
        for url in urls_in_text(text[:TEXT_SCAN_CHARS], budget + 1, cut):
            add(url, "text")
    if cut:
        problems.append(Problem("long_url", (("url", defang_url(cut[0])),)))
    for url in mail.pdf_links:
        add(url, "pdf")
    images = (*mail.images, *(img for h in htmls for img in h.data_images))[: limits.max_images]
    if images and not time_budget.out_of_time():  # quishing: a QR code's link is a link of the mail (decoded, never followed)
        from bot.analysis.qr import qr_texts

        for text in qr_texts(images):
            found = urls_in_text(text, 5)
            if not found and _BARE_HOST.match(text):
                found = ["http://" + text]
            for url in found:
                add(url, "qr")
    # a link through a well-known site's open redirect is judged by where it leads, too
    for link in links[:200]:
        target = redirect_target(link)
        if target is not None:
            add(target, "redirect")
    if budget <= 0:
        problems.append(Problem("url_limit", (("limit", str(limits.max_urls)),)))
    if time_budget.out_of_time() and not any(p.code == "time_limit" for p in problems):
        problems.append(Problem("time_limit"))

    body_text = "\n".join([*mail.texts, *(h.text for h in htmls)])[:TEXT_SCAN_CHARS]
    # an address names its mail provider, not the brand the mail presents (x@gmail.com is not Google)
    if "@" in body_text:
        body_text = without_addresses(body_text)
    # a brand presents itself at the top and in the signature: scanning those is enough and keeps
    # hundreds of keywords off megabytes of text
    full_index = TextIndex(body_text)  # normalised once: the subject goes in front of it
    index = full_index.prefixed(mail.subject or "")
    if len(full_index.text) > BRAND_SCAN_HEAD + BRAND_SCAN_TAIL:
        body_index = TextIndex(full_index.text[:BRAND_SCAN_HEAD] + " " + full_index.text[-BRAND_SCAN_TAIL:], normalised=True)
    else:
        body_index = full_index
    cat = catalogue()
    token_brands: list[str] = []
    for link in links:
        bid = _host_token_brand(link.host)
        if bid is not None and not cat.is_official(link.registrable_domain):
            token_brands.append(bid)
    frm = sender.from_addr
    from_org = org_domain(frm.domain) if frm and frm.domain else None
    # a mailbox at a provider's consumer domain (x@icloud.com, x@outlook.com, x@docomo.ne.jp) is
    # anyone's: it neither names the brand nor makes the mail the brand's own (the providers' own
    # notices come from sub-domains: mail.yahoo.co.jp, email.apple.com)
    own_org = None if from_org in cat.freemail and frm is not None and frm.domain == from_org else from_org
    # text pasted without its header: the body is all that can present a brand, so a name it says
    # again elsewhere counts again, unless its links go to a digest's many sites (a digest names brands)
    repeats = (mail.kind == "pasted" and not mail.pasted_fields
               and len({link.registrable_domain for link in links}) < DIGEST_DOMAINS)
    guess = detect_brand(frm.display_name if frm else None, mail.subject, body_index, own_org, tuple(token_brands),
                         repeats=repeats)
    brand = guess.brand if guess else None
    official = False
    if brand is not None and brand.owns(own_org):
        verified = {org_domain(d) for d in sender.auth.dkim_domains}
        verified |= {org_domain(v) for k, v in mail.pasted_fields if k == "signed-by"}
        env_org = org_domain(sender.envelope_domain) if sender.envelope_domain else None
        official = sender.auth.dmarc != "fail" and (  # the brand's own policy said no
            sender.auth.dmarc == "pass"
            or any(brand.owns(v) for v in verified)
            or (sender.auth.spf == "pass" and brand.owns(env_org))
        )
    bare = False
    if mail.kind == "pasted" and links and len(links) <= 20:
        rest = URL_IN_TEXT.sub(" ", refang(body_text[:20_000]))
        bare = len(_NON_SPACE.findall(rest)) <= BARE_TEXT_CHARS
    return Prepared(
        bare_links=bare,
        mail=mail,
        sender=sender,
        links=tuple(links),
        html=tuple(htmls),
        html_is_attachment=tuple(html_is_attachment),
        text=index,
        brand=brand,
        brand_where=guess.where if guess else (),
        brand_official=official,
        received_at=received_at,
        input_sha256=hashlib.sha256(data).hexdigest(),
        problems=tuple(problems),
        language=_language(f"{mail.subject or ''}\n{body_text[:LANGUAGE_SAMPLE]}"),  # what _language reads of it
    )


def age_days(fact: DomainFact, reference: datetime | None) -> int | None:
    """Whole days from registration to ``reference`` (the mail's arrival, or now for pasted text)."""
    if fact.registered is None or reference is None:
        return None
    try:
        registered = datetime.fromisoformat(fact.registered)
    except ValueError:
        return None
    if registered.tzinfo is None:
        registered = registered.replace(tzinfo=UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    return (reference - registered).days


# the wording rules: what a text says, which a genuine notice on the same topic says too (a refund's
# deadline, "log in to see it", the brand's own event); the other rules read the sender, the links and
# the mail's make
_WORDING_ONLY = frozenset({"scam_lure", "urgency_language", "brand_lure", "credential_lure", "spam_content"})


def topic_beside_signs(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Round 8: a scam's topic named with nothing asked (``scam_lure``, note ``topic_only``) is ``low``
    so that a shop's refund notice or winners' list is not flagged by it; beside another weighted
    sign of fraud (a forged sender, a link to a look-alike, a throwaway tenant…) the topic is what
    that mail is about, and it weighs and names the mail's kind as the family's phrases do."""
    lure = next((f for f in findings
                 if f.rule == "scam_lure" and dict(f.params).get("note") in ("topic_only", "warning")), None)
    if lure is None:
        return findings
    if not any(f.rule not in _WORDING_ONLY and f.severity in ("medium", "high") and WEIGHTS.get(f.rule, {}).get(f.severity, 0)
               for f in findings):
        return findings
    full = cast(Severity, dict(lure.params).get("full", "low"))
    params = tuple((k, v) for k, v in lure.params if k not in ("note", "full"))
    return tuple(replace(f, severity=full, params=params) if f is lure else f for f in findings)


def judge(
    prepared: Prepared,
    domain_facts: Mapping[str, DomainFact] | None = None,
    now: datetime | None = None,
    listings: Mapping[str, tuple[Listing, ...]] | None = None,
) -> Analysis:
    """``listings``: threat-feed listings by link host, as the caller found them (current ones first)."""
    facts_map = dict(domain_facts or {})
    reference = prepared.received_at or now
    ages = {d: age for d, fact in facts_map.items() if (age := age_days(fact, reference)) is not None}
    listed = dict(listings or {})
    facts = Facts(prepared, facts_map, ages, listed)
    findings = run_rules(facts)
    if prepared.brand_official:
        # a brand's own, authenticated mail: its wording, layout and mailing habits are the brand's
        # (sign-in alerts are urgent, order mails greet by address); what it carries still counts
        findings = tuple(f for f in findings if f.rule not in OFFICIAL_WORDING_RULES)
    findings += tuple(unverified_sender(facts, findings))  # round 11: a weak sign beside a sender nobody answers for
    findings = sort_findings(topic_beside_signs(findings))
    total, verdict = score(findings)
    brand = prepared.brand
    if brand is None:  # a look-alike host, or a pasted body's lure, names the brand the mail did not present
        named = next((dict(f.params).get("brand") for f in findings if f.rule in ("lookalike_domain", "brand_lure")), None)
        brand = catalogue().by_id.get(named or "")
    if not prepared.mail.readable:
        total, verdict = 0, "no_signs"
    recipients = prepared.sender.recipients
    names = tuple(r.display_name for r in recipients if r.display_name) + tuple(
        r.local for r in recipients if len(r.local) >= 3
    )
    subject = present_text(prepared.mail.subject, names) if prepared.mail.subject else None
    frm = prepared.sender.from_addr
    display = frm.display_name if frm else None
    if display and frm is not None and any(r.address == frm.address for r in recipients):
        display = mask_name(display)  # self-sent: the display name is the victim's own
    elif display:
        display = present_text(display, names)
    link_facts = tuple(facts_map.get(link.registrable_domain or "") for link in prepared.links)
    link_official = tuple(official_for_brand(brand, link.registrable_domain) for link in prepared.links)
    domains: list[DomainEntry] = []
    for domain, role in prepared.lookup_domains().items():
        fact = facts_map.get(domain)
        domains.append(DomainEntry(domain, role, ages.get(domain), fact.lookup if fact else "skipped"))
    return Analysis(
        verdict=verdict,
        score=total,
        language=prepared.language,
        kind=prepared.mail.kind,
        subject=subject,
        display_name=display,
        sender=prepared.sender,
        brand=brand,
        brand_official=prepared.brand_official,
        links=prepared.links,
        link_facts=link_facts,
        ages=tuple(sorted(ages.items())),
        findings=findings,
        domains=tuple(domains),
        advice=advice(verdict, findings) if prepared.mail.readable else (),
        problems=prepared.problems,
        readable=prepared.mail.readable,
        input_sha256=prepared.input_sha256,
        message_id=prepared.mail.message_id,
        received_at=prepared.received_at.isoformat() if prepared.received_at else None,
        headers=prepared.mail.headers,
        bare_links=prepared.bare_links,
        link_listings=tuple(listed.get(link.host, ()) for link in prepared.links) if listed else (),
        link_official=link_official,
        body=body_for_reading(prepared),
        attachments=prepared.mail.attachments,
    )


BODY_CHARS = 20_000  # the body a desk text carries (SPEC: the desks want the whole mail; it also goes attached)


def body_for_reading(prepared: Prepared) -> str:
    """The mail's text as its reader saw it: the plain-text bodies, else the HTML bodies' text
    (not an attached page's), bounded."""
    texts = [t for t in prepared.mail.texts if t.strip()]
    if not texts:
        texts = [h.text for h, attached in zip(prepared.html, prepared.html_is_attachment, strict=False)
                 if not attached and h.text.strip()]
    body = "\n\n".join(t.strip() for t in texts)
    return body if len(body) <= BODY_CHARS else body[:BODY_CHARS] + "…"


def analyse(
    data: bytes,
    *,
    now: datetime | None = None,
    domain_facts: Mapping[str, DomainFact] | None = None,
    limits: Limits | None = None,
    clock: Clock | None = None,
) -> Analysis:
    """The one analysis use-case of the core: bytes in, an explained verdict out. Bad input is
    never a reason to raise (a report says what could not be read); an exception out of here is
    a bug of ours, which the use-case around it (``services.analyse_mail``) logs with a
    reference and answers with ``failed_analysis``."""
    return judge(prepare(data, limits, clock), domain_facts, now)


def failed_analysis(data: bytes, reason: str, ref: str = "-", code: str = "analysis_error") -> Analysis:
    """The report for an input the analysis itself failed on (a bug of ours, logged under ``ref``;
    or ``time_limit``: stopped past its time), reported as unreadable."""
    mail = ParsedMail(kind="binary", headers=(), subject=None, date=None, message_id=None, texts=(), htmls=(),
                      attachments=(), pdf_links=(), problems=(Problem(code, (("reason", reason), ("ref", ref))),),
                      readable=False)
    sender, _ = analyse_headers((), ())
    return Analysis(
        verdict="no_signs", score=0, language="und", kind=mail.kind, subject=None, display_name=None, sender=sender,
        brand=None,
        brand_official=False, links=(), link_facts=(), ages=(), findings=(), domains=(), advice=(),
        problems=mail.problems, readable=False, input_sha256=hashlib.sha256(data).hexdigest(), message_id=None,
        received_at=None,
    )
