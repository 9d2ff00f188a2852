"""The one sanitiser of mail-derived text for people (``present_text``): every subject, display
name, file name, finding parameter and header line shown to a member goes through it. It sits
above ``links`` (defanging) and ``privacy`` (masking), which know nothing of it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.analysis.domains import has_known_tld
from bot.analysis.links import ANY_URL_IN_TEXT, defang_schemes, defang_url, refang
from bot.analysis.privacy import clean_controls, mask_text

_DOMAIN_IN_TEXT = re.compile(
    r"(?<![A-Za-z0-9.-])((?:[A-Za-z0-9Ａ-Ｚａ-ｚ０-９-]{1,63}[.．。｡]){1,10}[A-Za-zＡ-Ｚａ-ｚ]{2,24})(?![A-Za-z0-9-])"
    # Unicode (IDN) labels, with ASCII dots and an ASCII top-level domain
    r"|(?<![\w.-])((?:[^\W_][\w-]{0,62}\.){1,10}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59}))(?![A-Za-z0-9-])"
)
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
# a dotted IPv4 address (192.0.2.7): a link's host as much as a name is, so it is defanged too
# (192[.]0[.]2[.]7); a version number with a fifth part (1.2.3.4.5) is not an address
# nor the first labels of a name (192.0.2.7.nip.io, a wildcard-DNS host): the name is defanged whole
# (after an escaped "/", ":" or "@" too: u=http%3A%2F%2F192.0.2.7, as a name there is)
_AFTER_ESCAPE = r"(?<=%2[Ff])|(?<=%3[Aa])|(?<=%40)"
_IPV4_IN_TEXT = rf"(?:(?<![\w.])|{_AFTER_ESCAPE})(?:{_OCTET}\.){{3}}{_OCTET}(?![\w]|\.[A-Za-z0-9-])"
_IPV4_DOMAIN = re.compile(rf"(?:@|%40|%2540|%252540|＠)(?:{_OCTET}\.){{3}}{_OCTET}$")
_MASKED_OR_DOMAIN_AS_WRITTEN = (
    r"(?P<masked>(?<![A-Za-z0-9.-])[^\s*]\*\*\*(?:@|%40|%2540|%252540|＠)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8})|"
    + rf"(?P<ip>{_IPV4_IN_TEXT})|"
    + _DOMAIN_IN_TEXT.pattern
)
# The pattern is tried at every character of a text (it has no literal start the engine could
# skip to). Each of its branches first looks back for a character outside a class that holds
# [A-Za-z0-9.] (the masked address's and the first domain's: [A-Za-z0-9.-]; the address's: [\w.];
# the IDN domain's: [\w.-]): that common part, said once in front of them all, changes no match and
# fails inside a word before the branches are entered (30 % faster over the corpus's header
# lines; a test compares it with the pattern as written). The address's other starts, right after
# an escaped separator (%2F, %3A, %40), are allowed by the common part too.
_MASKED_OR_DOMAIN = re.compile(rf"(?:(?<![A-Za-z0-9.])|{_AFTER_ESCAPE})(?:" + _MASKED_OR_DOMAIN_AS_WRITTEN + ")")
# The same matches found from the character before each (``domain_matches``): the pattern above
# has no first character the engine can skip to, so it is tried at every character (the view's
# costliest pattern: 1,150 instructions a character over the corpus's header lines). Written
# with the character before the match consumed — one outside [A-Za-z0-9.], or the "%" of an
# escaped "/", ":" or "@" followed by the escape's digits — it starts with a character class,
# which the engine skips to in C. The match proper is the group "hit"; a match at the very start
# of a text has no character before it and is looked for by itself. The escape's digits are lazy:
# at one "%", the plain start (one character on) is tried before the escaped one (three on).
_BEFORE = r"[^A-Za-z0-9.](?:(?<=%)(?:2[Ff]|3[Aa]|40))??"
# the labels read possessively: a label's characters and the dot after it are disjoint classes, so
# giving characters back could only put a label character where the dot must be (no match lost)
_MASKED_OR_DOMAIN_POSSESSIVE = _MASKED_OR_DOMAIN_AS_WRITTEN.replace("-]{1,63}[.．。｡]", "-]{1,63}+[.．。｡]").replace(
    r"[\w-]{0,62}\.", r"[\w-]{0,62}+\.")
_BEFORE_MASKED_OR_DOMAIN = re.compile(_BEFORE + "(?P<hit>" + _MASKED_OR_DOMAIN_POSSESSIVE + ")")
_WIDE_DOTS = ("．", "。", "｡")
_DOTS = str.maketrans({".": "[.]", "．": "[.]", "。": "[.]", "｡": "[.]"})


_STARTS_WITH_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}://")


def _defang_link(url: str, names: tuple[str, ...]) -> str:
    """A link in text defanged as a URL; one written without a scheme (``www.x.example/p``) is
    read as http but shown without the scheme it never had (``www[.]x[.]example/p``)."""
    if _STARTS_WITH_SCHEME.match(url):
        return defang_url(url, names)
    return defang_url("http://" + url, names).removeprefix("hxxp://")


def present_text(
    text: str, names: tuple[str, ...] = (), *, real_tlds_only: bool = False, multiline: bool = False,
    limit: int = 2000,
) -> str:
    """THE sanitiser of mail-derived text for people (a subject, a display name, a file name, a
    finding's words, a header line): control characters and bidi overrides out first (so they
    cannot split a link), then links defanged whatever their scheme (their paths too, the query
    shown as ``?…``), addresses and the recipient's ``names`` masked, and dotted names defanged —
    all of them, or (``real_tlds_only``, for header text full of ``header.from=``) those ending in
    a real top-level domain. Idempotent."""
    text = refang(clean_controls(text[:limit], multiline))
    if "://" in text or "ww." in text.lower():  # what the link pattern needs (it is tried at every letter)
        text = ANY_URL_IN_TEXT.sub(lambda m: _defang_link(m.group(0), names), text)
    text = mask_text(text, names)

    def defang(found: str, masked: bool, ip: bool) -> str:
        if ip:
            return found.replace(".", "[.]")
        if masked and _IPV4_DOMAIN.search(found):  # t***@192.0.2.7: the address defanged
            local, at, domain = found.rpartition("@")
            return local + at + domain.replace(".", "[.]")
        if masked or (real_tlds_only and not has_known_tld(found)):
            return found  # a masked address keeps its form (t***@example.jp), as SPEC §4 shows it
        return found.translate(_DOTS)

    # a domain needs a dot, a masked address its *** (the wide dots only in text that is not ASCII)
    if "." in text or "*" in text or (not text.isascii() and any(dot in text for dot in _WIDE_DOTS)):
        out: list[str] = []
        done = 0
        for start, end, masked, ip in domain_matches(text):
            out.append(text[done:start])
            out.append(defang(text[start:end], masked, ip))
            done = end
        if out:
            out.append(text[done:])
            text = "".join(out)
    return defang_schemes(text)


def domain_matches(text: str) -> Iterator[tuple[int, int, bool, bool]]:
    """(start, end, masked, ip) of every match of ``_MASKED_OR_DOMAIN.finditer(text)``, in order,
    found by ``_BEFORE_MASKED_OR_DOMAIN``. Its search is leftmost by the character consumed before a
    match, which orders the starts as they are: where both forms of a start could be read at one
    place, the plain one starts first; an escape's digits are no place a match starts after. After
    a match the search goes on from its last character, which may be the one before the next."""
    first = _MASKED_OR_DOMAIN.match(text)
    pos = 0
    if first is not None:
        yield first.start(), first.end(), first.group("masked") is not None, first.group("ip") is not None
        pos = first.end() - 1
    m = _BEFORE_MASKED_OR_DOMAIN.search(text, pos)
    while m is not None:
        start, end = m.span("hit")
        yield start, end, m.group("masked") is not None, m.group("ip") is not None
        m = _BEFORE_MASKED_OR_DOMAIN.search(text, end - 1)
