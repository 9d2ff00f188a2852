"""The desk text: the ready-to-send report for フィッシング対策協議会 (antiphishing) and 迷惑メール相談センター
(dekyo), in the form each desk asks for. A member copies it into a mail to the address it names;
the bot sends nothing.

What the desks act on stays as it is: the attacker's addresses (From, Return-Path, Reply-To), the
Message-ID, the relays and their IPs, and the phishing URL whole, query included (desks use it to
have the page taken down). Only what identifies the member is masked: their addresses and names,
wherever they appear (``smtp.mailfrom=t***@example.jp`` keeps its ``key=``). Links are written so
that no mail client makes them clickable (``hxxps://``, ``[.]``), and the text says so in one line;
the header block keeps the transport fields' host names as written (the desks' tools read them),
every other field has its host names defanged. Control characters and bidi overrides never pass
(``presentation.safety.screen_text``).

antiphishing wants the mail forwarded, else its subject, sender, date, a summary and the site's
address; dekyo wants the whole mail and, for a forged sender, its header (sender, Return-Path,
Message-ID, relays). ``desk=None`` is one text for both desks (``phishbot analyze --report-text``).
"""

from __future__ import annotations

import re

from bot.analysis.links import ANY_URL_IN_TEXT, defang_hostlike, defang_schemes, refang, scheme_prefix
from bot.analysis.models import Analysis
from bot.analysis.privacy import clean_controls, mask_address, mask_name
from bot.i18n import t
from bot.presentation.analysis_view import header_field_name
from bot.presentation.evidence_text import human_size
from bot.presentation.safety import screen_text
from bot.presentation.sentences import analysis_names, finding_detail

ANTIPHISHING_ADDRESS = "info@antiphishing.jp"  # フィッシング対策協議会: 報告窓口
DEKYO_ADDRESS = "meiwaku@dekyo.or.jp"  # 迷惑メール相談センター (日本データ通信協会): 情報提供窓口
DESKS = ("antiphishing", "dekyo")
DESK_ADDRESS = {"antiphishing": ANTIPHISHING_ADDRESS, "dekyo": DEKYO_ADDRESS}
MAX_HEADER_LINES = 120
MAX_LINKS = 20
MAX_CHARS = 40_000  # a Discord file of its own; the body is bounded at 20,000 characters by the core
HEADER_MARK = "-----"  # the header block sits between two lines starting with this

# the fields that trace the mail's way: their host names are left as written (relays, DKIM's d=,
# Authentication-Results' header.from=): the desks act on them
TRANSPORT_FIELDS = frozenset({
    "received", "return-path", "message-id", "authentication-results", "arc-authentication-results",
    "arc-seal", "arc-message-signature", "dkim-signature", "received-spf", "x-originating-ip",
    "x-ms-exchange-organization-authas", "x-ms-exchange-organization-authsource", "x-sender-ip",
    "in-reply-to", "references", "x-received",
})

_AT = r"(?:@|%40|%2540|%252540|＠)"
# a host name where a mail client might see a link: not the domain of an address (after "@")
_BARE_HOST = re.compile(
    r"(?<![\w.@%\[＠-])((?:[A-Za-z0-9Ａ-Ｚａ-ｚ０-９](?:[A-Za-z0-9Ａ-Ｚａ-ｚ０-９-]{0,62})[.．。｡]){1,10}"
    r"[A-Za-zＡ-Ｚａ-ｚ]{2,24})(?![\w-])"
    r"|(?<![\w.@%\[-])((?:[^\W_][\w-]{0,62}\.){1,10}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59}))(?![\w-])"
)
_WWW = re.compile(r"(?i)(?<![\w@%-])www[.．][\w-]")
_DOTS = str.maketrans({".": "[.]", "．": "[.]", "。": "[.]", "｡": "[.]"})


field_name = header_field_name  # ``message-id`` → ``Message-ID``


class Member:
    """What identifies the member in the mail they received: their addresses (To, Cc,
    Delivered-To …) and names (display names, local parts of three characters or more)."""

    def __init__(self, analysis: Analysis) -> None:
        # longest first, then by text: a set's order changes with the hash seed, and two names of one length that
        # differ in case ("Customers", "customers") would mask as "C***" in one run and "c***" in the next
        addresses = sorted({r.address for r in analysis.sender.recipients if "@" in r.address},
                           key=lambda a: (-len(a), a))
        self.patterns = [re.compile(re.escape(a.rpartition("@")[0]) + _AT + re.escape(a.rpartition("@")[2]),
                                    re.IGNORECASE) for a in addresses]
        self.names = sorted({n.strip() for n in analysis_names(analysis) if len(n.strip()) >= 2},
                            key=lambda n: (-len(n), n))

    def mask(self, text: str) -> str:
        for pattern in self.patterns:
            text = pattern.sub(lambda m: mask_address(m.group(0)), text)
        for name in self.names:
            if name.lower() in text.lower():
                text = re.sub(re.escape(name), mask_name(name), text, flags=re.IGNORECASE)
        return text


def whole_url(url: str) -> str:
    """A link as the desks need it — whole, its query kept — in a form no mail client links:
    ``hxxps://``, every dot of a host-like run as ``[.]``, nested schemes broken."""
    head, sep, rest = url.partition("://")
    if not sep:  # www.…
        return defang_hostlike(url)
    return scheme_prefix(head) + defang_hostlike(defang_schemes(rest))


def desk_safe(text: str, member: Member, *, keep_hosts: bool = False, multiline: bool = False) -> str:
    """Mail text for a desk: controls and bidi out, the member masked, links whole but unclickable,
    bare host names defanged (``keep_hosts``: a transport field's, left as written, but never a
    ``www.`` one), the attacker's addresses as they are."""
    text = refang(clean_controls(text[:20_000], multiline))
    text = member.mask(text)
    if "://" in text or "ww" in text.lower():
        text = ANY_URL_IN_TEXT.sub(lambda m: whole_url(m.group(0)), text)
    if not keep_hosts:
        text = _BARE_HOST.sub(lambda m: m.group(0).translate(_DOTS), text)
    text = _WWW.sub(lambda m: m.group(0).translate(_DOTS), text)
    return defang_schemes(text)


def header_lines(analysis: Analysis, member: Member, limit: int = MAX_HEADER_LINES) -> list[str]:
    """The mail's header fields as intake decoded them (a .msg's transport headers, a forwarded
    mail's inner ones), one line each, the member masked; empty for a pasted body."""
    lines = [f"{field_name(name)}: {desk_safe(value, member, keep_hosts=name in TRANSPORT_FIELDS)}"[:998]
             for name, value in analysis.headers[:limit]]
    if len(analysis.headers) > limit:
        lines.append("…")
    return lines


def _value(analysis: Analysis, name: str) -> str | None:
    return next((v for k, v in analysis.headers if k == name), None)


def _when(iso: str) -> str:
    """``2021-01-24T19:02:12+09:00`` → ``2021-01-24 19:02:12 +09:00``."""
    date, _, rest = iso.partition("T")
    for sign in ("+", "-"):
        if sign in rest:
            clock, _, zone = rest.partition(sign)
            return f"{date} {clock} {sign}{zone}"
    return f"{date} {rest}".strip()


def desk_text(analysis: Analysis, lang: str, report_id: str | None = None, desk: str | None = None) -> str:
    """The text for ``desk`` (antiphishing | dekyo), or for both (None)."""
    member = Member(analysis)
    names = analysis_names(analysis)
    to = DESK_ADDRESS.get(desk or "")
    out = [t(lang, "desk", "forward_first"), ""]
    if desk is None:
        out.append(t(lang, "desk", "to_both", antiphishing=ANTIPHISHING_ADDRESS, dekyo=DEKYO_ADDRESS))
    else:
        out.append(t(lang, "desk", "to", desk=t(lang, "desk", f"name_{desk}"), address=to))
    out.append(t(lang, "desk", f"subject_{desk or 'both'}"))
    out += ["", t(lang, "desk", f"dear_{desk or 'both'}"), "", t(lang, "desk", "intro")]
    if report_id:
        out.append(t(lang, "desk", "report_id", report=report_id))
    out += ["", f"■ {t(lang, 'desk', 'summary')}"]
    out.append(f"{t(lang, 'desk', 'verdict')}: {t(lang, 'verdict', analysis.verdict)}")
    if analysis.brand is not None and not analysis.brand_official:
        out.append(f"{t(lang, 'desk', 'brand')}: {analysis.brand.name_in(lang)}")
    date = _value(analysis, "date")
    if analysis.received_at or date:
        when = _when(analysis.received_at) if analysis.received_at else desk_safe(date or "", member)
        out.append(f"{t(lang, 'desk', 'received')}: {when}")
    for label, field in (("from", "from"), ("return_path", "return-path"), ("reply_to", "reply-to"),
                         ("subject", "subject"), ("message_id", "message-id")):
        value = _value(analysis, field)
        if field == "subject" and value is None and analysis.subject:
            value = analysis.subject
        if value:
            keep = field in TRANSPORT_FIELDS
            out.append(f"{t(lang, 'desk', label)}: {desk_safe(value, member, keep_hosts=keep)}"[:998])
    if analysis.links:
        out += ["", f"■ {t(lang, 'desk', 'links')}", t(lang, 'desk', 'links_note')]
        for link in analysis.links[:MAX_LINKS]:
            out.append("  " + desk_safe(link.url, member))
        if len(analysis.links) > MAX_LINKS:
            out.append("  " + t(lang, "desk", "more_links", count=len(analysis.links) - MAX_LINKS))
    if analysis.findings:
        out += ["", f"■ {t(lang, 'desk', 'findings')}"]
        out.extend(f"  - {finding_detail(f, lang, names, 'desk_rule')}" for f in analysis.findings[:10])
    if analysis.attachments:
        out += ["", f"■ {t(lang, 'desk', 'attachments')}"]
        for a in analysis.attachments[:10]:
            name = desk_safe(a.filename or "-", member)
            sha = t(lang, "evidence", "sha256", hash=a.sha256)
            out.append(f"  {name}  {a.content_type}  {human_size(a.size, lang)}  {sha}")
    out += ["", f"■ {t(lang, 'desk', 'body')}"]
    body = desk_safe(analysis.body, member, multiline=True) if analysis.body else ""
    if body:
        out.extend("  " + line.strip() if line.strip() else "" for line in body.splitlines())
    else:
        out.append(t(lang, "desk", "no_body"))
    # the relays and the header block, between two marks: their host names are as written
    out += ["", HEADER_MARK]
    relays = [h for h in analysis.sender.hops if h.from_ip or h.from_host]
    if relays and desk != "antiphishing":
        out += [f"■ {t(lang, 'desk', 'relays')}"]
        for hop in relays[:12]:
            host = desk_safe(hop.from_host or "?", member, keep_hosts=True)
            out.append(f"  {host} [{hop.from_ip or '?'}] → {desk_safe(hop.by_host or '?', member, keep_hosts=True)}"
                       + (f"  {_when(hop.date)}" if hop.date else ""))
        out.append("")
    out += [f"■ {t(lang, 'desk', 'headers')}", t(lang, "desk", "headers_note")]
    out.extend(header_lines(analysis, member) or [t(lang, "desk", "no_headers")])
    out += [HEADER_MARK, "", t(lang, "desk", "closing")]
    text = screen_text("\n".join(out))
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"
