"""Header analysis: addresses, Authentication-Results, DKIM, the Received chain.

Every regex here is bounded (values are cut before matching) and has no nested quantifier.
"""

from __future__ import annotations

import email.utils
import ipaddress
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache

from bot.analysis.domains import may_be_ip, org_domain
from bot.analysis.models import Address, AuthResults, Hop, Sender

_INTERNAL_NETS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
        "100.64.0.0/10", "0.0.0.0/8", "::1/128", "fe80::/10", "fc00::/7", "::/128",
    )
)

_VIA_PAREN = re.compile(r"[(（]\s*([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\s*経由\s*[)）]")
_VIA_BARE = re.compile(r"\s([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\s*経由\s*$")
_VIA_EN = re.compile(r"\svia\s+([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\s*\)?\s*$", re.IGNORECASE)
_VIA_WORD = re.compile(r"経由|via", re.IGNORECASE)  # what each of the three patterns needs
_ADDR = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,63}")


@lru_cache(maxsize=4096)
def is_internal_ip(ip: str) -> bool:
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return True
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return any(addr in net for net in _INTERNAL_NETS if net.version == addr.version)


def split_via(value: str) -> tuple[str, str | None]:
    """``x@y (ntc-cs.com 経由)`` / ``x@y via ntc-cs.com`` → (``x@y``, ``ntc-cs.com``).

    Only outside quoted strings. Gmail's "via" is its own text, written after the sender as it
    shows it and pasted as text, never inside quotes; a quoted string is a display name the sender
    chose (``"Shop (brand.example 経由)" <x@evil.example>``), and reading a "via" in it would let the
    sender name its own envelope domain (the envelope when there is no Return-Path) and cut its name.
    A quoted string that is the whole tail (``x@y "(ntc-cs.com 経由)"``) is no form any mailer or
    Gmail writes, so it is not read either."""
    value = value[:2000]
    if _VIA_WORD.search(value) is None:  # most From fields: no pattern can match
        return value, None
    # the patterns search a copy with every quoted string's text blanked (same length, so the
    # match's positions cut the value itself)
    searched = _blank_quoted(value) if '"' in value else value
    for pattern in (_VIA_PAREN, _VIA_BARE, _VIA_EN):
        m = pattern.search(searched)
        if m:
            return (value[: m.start()] + value[m.end():]).strip(), m.group(1).lower().rstrip(".")
    return value, None


_OUTSIDE, _DELIMITER, _QUOTED = 0, 1, 2


def _quoted_parts(text: str) -> Iterator[tuple[str, int]]:
    """Each character of ``text`` with what it is to the quoting: outside any quoted string, a
    delimiter (a quote, or the backslash of a quoted pair inside a quoted string), or quoted text (a
    quoted pair's character included). A quote never closed quotes to the end. Linear."""
    quoted = escaped = False
    for ch in text:
        if escaped:
            escaped = False
            yield ch, _QUOTED
        elif quoted and ch == "\\":
            escaped = True
            yield ch, _DELIMITER
        elif ch == '"':
            quoted = not quoted
            yield ch, _DELIMITER
        else:
            yield ch, _QUOTED if quoted else _OUTSIDE


def _blank_quoted(value: str) -> str:
    """``value`` with the text of each quoted string (its quotes and quoted pairs included) as
    NULs; a quote never closed blanks to the end. Same length; linear."""
    return "".join(ch if part == _OUTSIDE else "\0" for ch, part in _quoted_parts(value))


MAX_ADDRESS_VALUE = 4000
# The stdlib address parser recurses once per nested comment "(" and per group ":": 500 "(" in a
# From raise RecursionError. Values with more nesting than real mail has go to the bounded parser.
_MAX_NESTING = 16
# labels joined by required dots: no way to split one run two ways (the regex stays linear)
_DOMAIN_PART = re.compile(r"[a-z0-9_][a-z0-9_-]{0,62}(?:\.[a-z0-9_][a-z0-9_-]{0,62}){0,126}|\[[0-9a-f:.]{2,45}\]")
_LOCAL_PART = re.compile(r"[^\s@<>()\[\],;:\\]{1,64}|\"[^\"\\]{0,64}\"")


def _nesting(value: str) -> int:
    """The deepest comment nesting of ``value`` (outside quoted strings), or the number of colons
    when that is larger: what the stdlib parser's recursion would go through. An unclosed comment
    counts as too deep: the stdlib would swallow the rest of the value (a display name included)."""
    deepest = depth = 0
    quoted = escaped = False
    for ch in value:
        if escaped:  # a quoted pair (\" \( \)) opens or closes nothing
            escaped = False
        elif ch == "\\" and (quoted or depth):
            escaped = True
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif not quoted and ch == ")" and depth:
            depth -= 1
    if depth:
        return _MAX_NESTING + 1
    return max(deepest, value.count(":"))


def _drop_comments(value: str) -> str:
    """``value`` without its (nested) comments; an unclosed ``(`` is dropped as a character
    instead of swallowing the rest. Linear."""
    out: list[str] = []
    depth = 0
    start = 0
    quoted = escaped = False
    for ch in value:
        if escaped:  # a quoted pair (\" \( \)) opens or closes nothing
            escaped = False
        elif ch == "\\" and (quoted or depth):
            escaped = True
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif not quoted and ch == "(":
            if depth == 0:
                start = len(out)
            depth += 1
            continue
        elif not quoted and ch == ")" and depth:
            depth -= 1
            if depth == 0:
                del out[start:]
            continue
        out.append(ch)
    return "".join(out)


def _split_list(value: str) -> list[str]:
    """An address list cut at the commas outside quotes and angle brackets."""
    pieces: list[str] = []
    current: list[str] = []
    quoted = False
    angle = 0
    escaped = False
    for ch in value:
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif not quoted and ch == "<":
            angle += 1
        elif not quoted and ch == ">" and angle:
            angle -= 1
        elif not quoted and not angle and ch == ",":
            pieces.append("".join(current))
            current = []
            if len(pieces) >= 200:
                return pieces
            continue
        current.append(ch)
    pieces.append("".join(current))
    return pieces


def _bounded_pairs(value: str) -> list[tuple[str, str]]:
    """(display name, address) pairs read without recursion, for values the stdlib cannot take."""
    out: list[tuple[str, str]] = []
    for piece in _split_list(_drop_comments(value)):
        lt = piece.rfind("<")
        if lt >= 0:
            gt = piece.find(">", lt)
            addr = piece[lt + 1 : gt if gt >= 0 else len(piece)]
            name = piece[:lt]
        else:
            m = _ADDR.search(piece)
            addr = m.group(0) if m else ""
            name = piece[: m.start()] if m else piece
        name = name.rpartition(":")[2] if name.count('"') == 0 else name  # "group: a, b;" syntax
        out.append((unquote_phrase(name), addr))
    return out


def unquote_phrase(text: str) -> str:
    """A display name as written (atoms, quoted strings, quoted pairs) as it is shown: the quotes
    that delimit each quoted string and the backslash of each quoted pair inside one removed, nothing
    else — ``"say \\"hi\\""`` is ``say "hi"``, not ``say "hi`` (a ``strip('"')`` cut the name's own
    closing quote). As the stdlib reads a phrase; a quote never closed delimits to the end. Linear."""
    if '"' not in text:
        return text.strip()
    return "".join(ch for ch, part in _quoted_parts(text) if part != _DELIMITER).strip()


def clean_address(raw: str) -> str | None:
    """An addr-spec as the parsers returned it, made plain: angle brackets and wrapping quotes
    (``<"a@b.nl">``) removed, lower case, no trailing dot; None when what is left is no address."""
    addr = raw.strip()
    for _ in range(3):
        addr = addr.strip().strip("<>").strip()
        if len(addr) >= 2 and addr[0] == addr[-1] and addr[0] in "\"'":
            addr = addr[1:-1]
    addr = addr.strip().lower()
    local, at, domain = addr.rpartition("@")
    domain = domain.rstrip(".")
    if at and _LOCAL_PART.fullmatch(local) and _DOMAIN_PART.fullmatch(domain):
        return f"{local}@{domain}"
    m = _ADDR.search(addr)
    return m.group(0).lower().rstrip(".") if m else None


_ASCII_SPACES = re.compile(r"[ \t\r\n]+")
_SIMPLE_LIST = re.compile(r"[^\"()\\:;\[\]]*")  # no quoting, comments, groups or literals


def _simple_pairs(value: str) -> list[tuple[str, str]] | None:
    """(display name, address) of a plain list ("Name <a@b>, c@d"): what the stdlib parser returns
    for it, without its character-by-character walk; None for anything less plain."""
    out: list[tuple[str, str]] = []
    for raw_piece in value.split(","):
        piece = raw_piece.strip()
        if not piece:
            continue
        if piece.count("@") > 1:
            return None  # an address in the name, or a mangled one: the stdlib's (and ours) to read
        lt = piece.find("<")
        if lt >= 0:
            gt = piece.find(">", lt)
            if gt < 0 or piece[gt + 1 :].strip() or "<" in piece[lt + 1 :]:
                return None
            out.append((_ASCII_SPACES.sub(" ", piece[:lt]).strip(" "), piece[lt + 1 : gt].strip()))
        elif len(piece.split(None, 1)) > 1:  # a space inside (the piece is stripped), any Unicode one
            return None  # "mailing list x@y": words before an address, the stdlib's to read
        else:
            out.append(("", piece))
    return out


def _outside_names(value: str, every_name: bool = False) -> str:
    """``value`` lower-cased with its comments and the text of each quoted string that holds an
    ``<addr>`` or comes before one blanked (``"Amazon <a@brand.example>"``, ``"a@b.example" <>``:
    display names, never an address of their own; a quoted ``"a@b.example"`` alone may be the
    address, as some mailers write it). With
    ``every_name``, every quoted string is blanked but a quoted local part (``"taro yamada"@…``,
    an ``@`` after it) and one inside ``<…>`` (``<"a@b.example">``): what is left is what the
    field writes outside its display names. Linear."""
    out: list[str] = []
    quoted = escaped = angled = in_angle = opened_in_angle = False
    depth = start = 0
    for i, ch in enumerate(value):
        if escaped:
            escaped = False
        elif (quoted or depth) and ch == "\\":
            escaped = True
        elif quoted:
            if ch in "<>":
                angled = True
            elif ch == '"':
                quoted = False
                after = value[i + 1 : i + 41].lstrip()[:1]
                blank = angled or after == "<" or (every_name and not opened_in_angle and after != "@")
                out.append(" " * (i + 1 - start) if blank else value[start : i + 1])
        elif ch == "(":
            depth += 1
        elif depth:
            if ch == ")":
                depth -= 1
        elif ch == '"':
            quoted, angled, start, opened_in_angle = True, False, i, in_angle
        else:
            if ch == "<":
                in_angle = True
            elif ch == ">":
                in_angle = False
            out.append(ch)
            continue
        if not quoted and (depth or ch in "()"):
            out.append(" ")
    if quoted:
        blank = angled or (every_name and not opened_in_angle)
        out.append(" " * (len(value) - start) if blank else value[start:])
    return "".join(out).lower()


_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")


def _stands_in(addr: str, text: str) -> bool:
    """Whether ``addr`` stands in ``text`` as a whole address, not as the tail or the head of a longer
    one (``a@brand.example`` inside ``xa@brand.example.evil.example``)."""
    i = text.find(addr)
    while i >= 0:
        end = i + len(addr)
        before = text[i - 1] if i else " "
        after = text[end : end + 2]
        if before not in _LOCAL_CHARS and not (after[:1].isalnum() or after[:1] == "-"
                                               or (after[:1] == "." and after[1:2].isalnum())):
            return True
        i = text.find(addr, i + 1)
    return False


def parse_addresses(value: str | None) -> tuple[Address, ...]:
    return _read_addresses(value)[0] if value else ()


def _read_addresses(value: str) -> tuple[tuple[Address, ...], str | None]:
    """The field's mailboxes, and the first address the parsers read before any was set aside
    for being written only inside a quoted name."""
    value = value[:MAX_ADDRESS_VALUE]
    read_first: str | None = None
    # An address found only inside a quoted display name is part of the name, never a mailbox of
    # the field: the parsers read a quoted string with no <addr> after it as the mailbox (a kit's
    # stray comma, "ceo@brand.example", <x@evil.example>). A quoted string is a name wherever the
    # field writes an address outside its quoted strings; where it writes none ("a@b.example"
    # alone, as some mailers write it), only one that holds an <addr> ("Amazon <a@brand.example>")
    # is. The raw form of what decode_address_value does for an encoded word (its "@" shown "＠").
    shown: str | None = None
    if '"' in value:
        shown = _outside_names(value, every_name=True)
        if _ADDR.search(shown) is None:
            shown = _outside_names(value)
    pairs: list[tuple[str, str]] | None = None
    if _SIMPLE_LIST.fullmatch(value):
        pairs = _simple_pairs(value)
    if pairs is None and _nesting(value) <= _MAX_NESTING:
        try:
            pairs = email.utils.getaddresses([value])
        except (RecursionError, ValueError, IndexError):
            pairs = None
    if pairs is None:
        pairs = _bounded_pairs(value)
    out: list[Address] = []
    for name, raw_addr in pairs:
        addr = clean_address(raw_addr) if raw_addr.strip() else None
        if addr is None:
            m = _ADDR.search(name)
            if m is None:
                continue
            addr = m.group(0).lower()
        if read_first is None:
            read_first = addr
        if shown is not None and not _stands_in(addr, shown):
            continue
        # the parsers hand back the name unquoted (the stdlib's reading, or ours in _bounded_pairs):
        # a quote left at either end is the name's own (``"say \\"hi\\""`` → ``say "hi"``)
        out.append(Address(addr, name.strip() or None))
        if len(out) >= 100:
            break
    if read_first is None and (m := _ADDR.search(value)):
        read_first = m.group(0).lower()
    if not out:
        m = _ADDR.search(value if shown is None else shown)
        if m:
            out.append(Address(m.group(0).lower(), None))
    return tuple(out), read_first


# a mailbox's own address: the angle-addr that ends the field (RFC 5322 name-addr)
_FINAL_ANGLE = re.compile(r"<([^<>]{1,320})>\s*$")
_LIST_SEPARATOR = re.compile(r"[,;]")


def parse_address(value: str | None) -> Address | None:
    """The field's first mailbox. Where the field ends in ``<addr>`` and no comma or semicolon
    follows an earlier ``<addr>`` (that would be a list), the final one is the mailbox whatever its
    display name holds. A name decoded from ``=?utf-8?…?=`` arrives quoted where it needs to be
    (``charsets.decode_address_value``), but a name sent as is (``Brand <a@brand> <x@evil>``), an
    Outlook sender's name or a pasted ``From:`` line may still carry an ``@`` or an ``<addr>``
    that the list parser reads as an address of its own."""
    if not value:
        return None
    found, read_first = _read_addresses(value)
    first = found[0] if found else None
    m = _FINAL_ANGLE.search(value[:MAX_ADDRESS_VALUE])
    if m is None:
        return first
    before = m.string[: m.start()]
    unquoted = _outside_names(before) if '"' in before else before  # a ">" in a quoted name ends no mailbox
    if ">" in unquoted and _LIST_SEPARATOR.search(unquoted.rpartition(">")[2]):
        return first  # a list (a <x@a.example>, b <y@b.example>): its first mailbox
    # with no comma between them, an earlier <addr> is part of the name (a decoded
    # "=?utf-8?q?Amazon_<a@amazon.co.jp>?=" before the kit's own <x@evil.example>)
    addr = clean_address(m.group(1))
    if addr is None or (first is not None and read_first == addr):
        return first
    name = unquote_phrase(before.strip(" \t\r\n").rstrip(", \t"))  # a stray comma ends some kits' names
    return Address(addr, name or None)


_COMMENT_MARKS = re.compile(r'[()"]')


def _strip_comments(value: str) -> str:
    """``value`` without its (comments), nested, outside "quoted strings". Read from one mark to
    the next (a character loop over an 8,000-character Authentication-Results cost 40 µs): the
    text between two marks is kept or dropped whole, as the loop over its characters did (a test
    compares them)."""
    if "(" not in value:
        return value  # no comment: every character is kept
    out: list[str] = []
    depth = 0
    quoted = False
    done = 0
    for mark in _COMMENT_MARKS.finditer(value):
        at = mark.start()
        if depth == 0:
            out.append(value[done:at])
        done = at + 1
        ch = value[at]
        if ch == '"' and depth == 0:
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
            continue
        elif not quoted and ch == ")" and depth:
            depth -= 1
            continue
        if depth == 0:
            out.append(ch)
    if depth == 0:
        out.append(value[done:])
    return "".join(out)


_RESINFO = re.compile(r"([A-Za-z0-9_.-]{1,40})\s*=\s*([A-Za-z0-9_.-]{1,40})")
# ([A-Za-z]{1,20}\.…): the first letter by itself, so that the engine skips to a letter in C
_PROP = re.compile(r"([A-Za-z][A-Za-z]{0,19}\.[A-Za-z0-9_-]{1,30})\s*=\s*([^\s;]{1,320})")


def parse_auth_results(value: str) -> tuple[str | None, list[tuple[str, str, dict[str, str]]]]:
    """(authserv-id or None, [(method, result, props)])."""
    clean = _strip_comments(value[:8000])
    pieces = [p.strip() for p in clean.split(";")]
    if not pieces:
        return None, []
    authserv: str | None = None
    first = pieces[0]
    if "=" not in first.split(" ", 1)[0]:
        # a host name, or nothing: the id is shown to people and compared with Received hosts
        authserv = _host_or_none(first.split()[0]) if first.split() else None
        pieces = pieces[1:]
    results: list[tuple[str, str, dict[str, str]]] = []
    for piece in pieces:
        m = _RESINFO.match(piece)
        if not m:
            continue
        method = m.group(1).lower()
        if "." in method:  # a property, not a method
            continue
        props = {k.lower(): v.strip('"').lower() for k, v in _PROP.findall(piece[m.end():])}
        results.append((method, m.group(2).lower(), props))
    return authserv, results


_FROM_HOST = re.compile(r"^\s*from\s+([^\s()]{1,255})")
# r"(?i)\bby\s+([^\s();]{1,255})" with its "b" first: the word boundary is the look-behind after
# it, so that the engine skips to the next b in C instead of trying the boundary at every character
# (only B and b match "b" case-blind, only Y and y "y": a test goes through every code point)
_BY_HOST = re.compile(r"[bB](?<!\w[bB])[yY]\s+([^\s();]{1,255})")
_BRACKET_IP = re.compile(r"\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]")
# the connecting address the receiving server recorded, inside the TCP-info comment
_TCPINFO_IP = re.compile(r"\([^()\[\]]{0,300}\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\]")
_PAREN_IP = re.compile(r"\(([0-9]{1,3}(?:\.[0-9]{1,3}){3})\)")
_PAREN_HOST = re.compile(r"\(([A-Za-z0-9.-]{1,255})\s")


_HOSTNAME = re.compile(r"[a-z0-9._:\[\]-]{1,255}")


def _host_or_none(value: str | None) -> str | None:
    """A host name as written in a trace header; anything else (an address, junk) is dropped."""
    if not value:
        return None
    value = value.lower().rstrip(".")
    return value if _HOSTNAME.fullmatch(value) else None


@lru_cache(maxsize=4096)
def _is_ip(text: str) -> bool:
    if not may_be_ip(text):
        return False
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def parse_received(value: str) -> tuple[str | None, str | None, str | None, datetime | None, str | None]:
    """(from host, from IP, by host, date, raw date text)."""
    value = value[:4000]
    head, sep, date_part = value.rpartition(";")
    if not sep:
        head, date_part = value, ""
    by_m = _BY_HOST.search(head)
    from_clause = head[: by_m.start()] if by_m else head
    from_m = _FROM_HOST.match(from_clause)
    from_host = from_m.group(1).lower().rstrip(".") if from_m else None
    ip: str | None = None
    for pattern in (_TCPINFO_IP, _BRACKET_IP, _PAREN_IP):
        ip_m = pattern.search(from_clause)
        if ip_m:
            candidate = ip_m.group(1)
            if _is_ip(candidate):
                ip = candidate
                break
    rdns = _PAREN_HOST.search(from_clause)
    if rdns and from_host and ("." not in from_host or from_host in ("localhost", "unknown")):
        host2 = rdns.group(1).lower().rstrip(".")
        if "." in host2 and not host2.replace(".", "").isdigit():
            from_host = from_host if from_host not in ("unknown",) else host2
    by_host = _host_or_none(by_m.group(1)) if by_m else None
    from_host = _host_or_none(from_host)
    raw_date = date_part.strip() or None
    when: datetime | None = None
    if raw_date:
        try:
            when = email.utils.parsedate_to_datetime(raw_date[:200])
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
        except (TypeError, ValueError, IndexError, OverflowError):
            when = None
    return from_host, ip, by_host, when, raw_date


_DKIM_D = re.compile(r"(?:^|;)\s*d\s*=\s*([A-Za-z0-9._-]{1,253})")


@lru_cache(maxsize=4096)
def _org(host: str | None) -> str | None:
    if not host:
        return None
    if may_be_ip(host.strip("[]")):
        try:
            ipaddress.ip_address(host.strip("[]"))
            return None
        except ValueError:
            pass
    return org_domain(host)


# where the recipient's addresses are written, in the order they are read
_RECIPIENT_FIELDS = ("to", "cc", "delivered-to", "x-original-to", "envelope-to", "x-delivered-to")


def analyse_headers(
    headers: tuple[tuple[str, str], ...], pasted: tuple[tuple[str, str], ...] = ()
) -> tuple[Sender, datetime | None]:
    """Build the Sender block; also return the recipient side's receipt time (topmost Received)."""
    get = _first_getter(headers)
    pasted_map: dict[str, str] = {}
    for k, v in pasted:
        pasted_map.setdefault(k, v)

    from_raw = get("from") or pasted_map.get("from")
    via: str | None = None
    if from_raw:
        from_raw, via = split_via(from_raw)
    if via is None and pasted_map.get("mailed-by"):
        via = pasted_map["mailed-by"].split()[0].lower().rstrip(".")
    from_addr = parse_address(from_raw)

    return_path = None
    rp = get("return-path")
    if rp:
        rp_addr = parse_address(rp)
        return_path = rp_addr.address if rp_addr else None
    envelope_domain = return_path.rpartition("@")[2] if return_path else None
    if envelope_domain is None and via:
        envelope_domain = via

    dkim_sig_domains: list[str] = []
    for name, value in headers:
        if name == "dkim-signature":
            m = _DKIM_D.search(value[:4000])
            if m:
                dkim_sig_domains.append(m.group(1).lower().rstrip("."))
    if pasted_map.get("signed-by"):
        dkim_sig_domains.append(pasted_map["signed-by"].split()[0].lower().rstrip("."))

    auth, hops, handoff, origin, received_at = _chain_and_auth(headers)
    dkim_domains = _unique([*auth.dkim_domains, *dkim_sig_domains])

    recipients: list[Address] = []
    by_name: dict[str, list[str]] = {}  # the recipient fields in one pass over the header, not six
    for key, value in headers:
        if key in _RECIPIENT_FIELDS:
            by_name.setdefault(key, []).append(value)
    for name in _RECIPIENT_FIELDS:
        for value in by_name.get(name, ()):
            recipients.extend(parse_addresses(value))
    if not headers and pasted_map.get("to"):
        recipients.extend(parse_addresses(pasted_map["to"]))

    reply_to = parse_addresses(get("reply-to") or pasted_map.get("reply-to"))
    sender = Sender(
        from_addr=from_addr,
        sender_addr=parse_address(get("sender")),
        reply_to=reply_to,
        return_path=return_path,
        envelope_domain=envelope_domain,
        via_domain=via,
        dkim_domains=tuple(dkim_domains),
        auth=auth,
        handoff_ip=handoff,
        origin_ip=origin,
        hops=tuple(hops),
        recipients=tuple(_unique_addresses(recipients)),
        list_id=get("list-id"),
        bulk=bool(get("list-id")) or (get("precedence") or "").strip().lower() in ("bulk", "list"),
    )
    return sender, received_at


def _first_getter(headers: tuple[tuple[str, str], ...]):  # type: ignore[no-untyped-def]
    index: dict[str, str] = {}
    for k, v in headers:
        index.setdefault(k, v)
    return index.get


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


def _unique_addresses(items: Iterable[Address]) -> list[Address]:
    seen: dict[str, Address] = {}
    for a in items:
        seen.setdefault(a.address, a)
    return list(seen.values())


def _chain_and_auth(
    headers: tuple[tuple[str, str], ...],
) -> tuple[AuthResults, list[Hop], str | None, str | None, datetime | None]:
    received: list[tuple[int, tuple[str | None, str | None, str | None, datetime | None, str | None]]] = []
    ars: list[tuple[int, str | None, list[tuple[str, str, dict[str, str]]]]] = []
    arc: str | None = None
    for i, (name, value) in enumerate(headers):
        if name == "received" and len(received) < 100:
            received.append((i, parse_received(value)))
        elif name == "authentication-results" and len(ars) < 50:
            authserv, results = parse_auth_results(value)
            ars.append((i, authserv, results))
        elif name == "arc-authentication-results" and arc is None:
            _, results = parse_auth_results(re.sub(r"^\s*i\s*=\s*\d+\s*;", "", value[:8000]))
            for method, result, _props in results:
                if method == "arc":
                    arc = result

    # The recipient's side: the hops from the top down to the one that took the mail from
    # outside (the handoff). Their `by` hosts name the recipient's organisations; the mail's own
    # recipient domain plays no part (self-sent mail forges it).
    inside_orgs: set[str] = set()
    handoff: str | None = None
    handoff_index = len(headers)
    for i, (from_host, ip, by, _, _) in received:
        by_org = _org(by)
        if by_org is not None:
            if inside_orgs and by_org not in inside_orgs:
                break  # a hop received by someone else: we are past the recipient's side
            inside_orgs.add(by_org)
        if ip is None or is_internal_ip(ip):
            continue
        from_org = _org(from_host)
        if from_org is not None and from_org in inside_orgs:
            continue
        handoff, handoff_index = ip, i
        break
    if not received and ars:
        org = _org(ars[0][1])
        if org:
            inside_orgs.add(org)

    # Trusted Authentication-Results: the topmost block written by the recipient's side — the first
    # header whose server id is one of its hosts (or, as Microsoft 365 writes them, has no id and
    # sits above the handoff hop), and the ones directly below it (adjacent lines) from the same
    # server, as milters add them one by one. Anything lower may have been written by the sender.
    trusted: list[list[tuple[str, str, dict[str, str]]]] = []
    authserv_id: str | None = None
    received_at_index = {i for i, _ in received}
    first: tuple[int, str | None] | None = None
    last_trusted = -1
    for i, authserv, results in ars:
        org = _org(authserv)
        if first is None:
            if (org is not None and org in inside_orgs) or (authserv is None and i < handoff_index) or (
                not received and i == ars[0][0]
            ):
                first = (i, org)
                last_trusted = i
                trusted.append(results)
                authserv_id = authserv
            continue
        if i != last_trusted + 1 or org != first[1] or any(first[0] < r < i for r in received_at_index):
            break
        trusted.append(results)
        last_trusted = i
    auth = _merge_auth(trusted, authserv_id, arc)

    origin: str | None = None
    for _, (_, ip, _, _, _) in reversed(received):
        if ip and not is_internal_ip(ip):
            origin = ip
            break

    hops: list[Hop] = []
    previous: datetime | None = None
    for _, (from_host, ip, by, when, raw_date) in reversed(received):
        delay = None
        if when is not None and previous is not None:
            delay = int((when - previous).total_seconds())
        hops.append(
            Hop(
                from_host=from_host, from_ip=ip, by_host=by,
                date=when.isoformat() if when else None, delay_s=delay,
                raw_date=None if when else (re.sub(r"[^0-9A-Za-z ,:+()-]", "?", raw_date[:80]) if raw_date else None),
            )
        )
        if when is not None:
            previous = when
    received_at = next((r[3] for _, r in received if r[3] is not None), None)
    return auth, hops, handoff, origin, received_at


def _merge_auth(
    trusted: list[list[tuple[str, str, dict[str, str]]]], authserv: str | None, arc: str | None
) -> AuthResults:
    spf = dkim = dmarc = compauth = None
    dkim_pass: list[str] = []
    for results in trusted:
        for method, result, props in results:
            if method == "spf" and spf is None:
                spf = result
            elif method == "dkim":
                domain = props.get("header.d") or props.get("header.i", "").lstrip("@").rpartition("@")[2]
                domain = _host_or_none(domain) or ""  # a domain name, never arbitrary header text
                if result == "pass" and domain:
                    dkim_pass.append(domain)
                if dkim is None or (result == "pass" and dkim != "pass"):
                    dkim = result
            elif method == "dmarc" and dmarc is None:
                dmarc = result
            elif method == "compauth" and compauth is None:
                compauth = result
    return AuthResults(
        spf=spf, dkim=dkim, dmarc=dmarc, dkim_domains=tuple(_unique(dkim_pass)),
        authserv_id=authserv, arc=arc, trusted=bool(trusted), compauth=compauth,
    )
