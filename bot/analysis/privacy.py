"""Masking: addresses and the recipient's name never leave the core in clear."""

from __future__ import annotations

import re

# a local part without "/" so that a URL path ("/u/taro@…") is not taken in with the address; the
# "@" also as a link writes it: percent-encoded once or twice, or full-width
_ADDRESS = re.compile(
    r"[A-Za-z0-9.!#$%&'*+=?^_`{|}~-]{1,64}(?:@|%40|%2540|%252540|＠)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}",
    re.IGNORECASE,
)
_AT = re.compile(r"@|%40|%2540|%252540|＠", re.IGNORECASE)


def mask_address(address: str) -> str:
    m = _AT.search(address)
    if m is None:
        return (address[:1] + "***") if address else ""
    return f"{address[:1]}***{m.group(0)}{address[m.end():]}"


def mask_name(name: str) -> str:
    name = name.strip()
    return (name[:1] + "***") if name else ""


def mask_text(text: str, names: tuple[str, ...] = ()) -> str:
    """Every address in ``text`` masked, and each of ``names`` (the recipient's) too."""
    text = _ADDRESS.sub(lambda m: mask_address(m.group(0)), text)
    for raw in names:
        name = raw.strip()
        if len(name) >= 2 and name in text:
            text = text.replace(name, mask_name(name))
    return text


# zero-width and direction characters (bidi embeddings, overrides and isolates, the Arabic letter
# mark), soft hyphen, Mongolian vowel separator, variation selectors, tag characters
_INVISIBLE = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A),
     0xFEFF, 0x00AD, 0x180E, 0x061C, *range(0xFE00, 0xFE10), *range(0xE0000, 0xE0080)]
)


def strip_invisible(text: str) -> str:
    """Zero-width and direction characters and variation selectors: used to split a brand name
    ("A\u200bmazon") or hide text; removed before matching."""
    return text.translate(_INVISIBLE)


def _control_table(multiline: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = dict.fromkeys(_INVISIBLE)
    for code in range(0x20):  # C0 controls as their visible pictures: ESC → ␛, CR → ␍
        table[code] = chr(0x2400 + code)
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):  # C1 controls (CSI 0x9B, OSC 0x9D, NEL 0x85, …)
        table[code] = "\ufffd"
    newline = "\n" if multiline else " "
    table.update({0x0A: newline, 0x09: "\t" if multiline else " ", 0x2028: newline, 0x2029: newline})
    return table


_ONE_LINE = _control_table(multiline=False)
_MULTILINE = _control_table(multiline=True)


def clean_controls(text: str, multiline: bool = False) -> str:
    """``text`` with no terminal escape left in it: C0 controls shown as their symbols (␛, ␍),
    C1 controls as U+FFFD, bidi overrides and zero-width characters removed; line breaks kept
    only when ``multiline``. Every human-facing string goes through this."""
    return text.translate(_MULTILINE if multiline else _ONE_LINE)


_DOMAIN_IN_TEXT = re.compile(
    r"(?<![A-Za-z0-9.-])((?:[A-Za-z0-9Ａ-Ｚａ-ｚ０-９-]{1,63}[.．。｡]){1,10}[A-Za-zＡ-Ｚａ-ｚ]{2,24})(?![A-Za-z0-9-])"
    # Unicode (IDN) labels, with ASCII dots and an ASCII top-level domain
    r"|(?<![\w.-])((?:[^\W_][\w-]{0,62}\.){1,10}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59}))(?![A-Za-z0-9-])"
)
_MASKED_OR_DOMAIN = re.compile(
    r"(?P<masked>(?<![A-Za-z0-9.-])[^\s*]\*\*\*(?:@|%40|%2540|%252540|＠)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8})|"
    + _DOMAIN_IN_TEXT.pattern
)
_DOTS = str.maketrans({".": "[.]", "．": "[.]", "。": "[.]", "｡": "[.]"})


_STARTS_WITH_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}://")


def _with_scheme(url: str) -> str:
    return url if _STARTS_WITH_SCHEME.match(url) else "http://" + url


def recipient_names(display_names: tuple[str | None, ...], locals_: tuple[str, ...]) -> tuple[str, ...]:
    """The recipient's names to mask wherever they appear: display names, and address local parts
    of three characters or more (``taro.yamada``)."""
    return tuple(n for n in display_names if n) + tuple(loc for loc in locals_ if len(loc) >= 3)


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
    from bot.analysis.domains import has_known_tld
    from bot.analysis.links import ANY_URL_IN_TEXT, defang_schemes, defang_url, refang

    text = refang(clean_controls(text[:limit], multiline))
    text = ANY_URL_IN_TEXT.sub(lambda m: defang_url(_with_scheme(m.group(0)), names), text)
    text = mask_text(text, names)

    def defang(m: re.Match[str]) -> str:
        if m.group("masked") or (real_tlds_only and not has_known_tld(m.group(0))):
            return m.group(0)  # a masked address keeps its form (t***@example.jp), as SPEC §4 shows it
        return m.group(0).translate(_DOTS)

    return defang_schemes(_MASKED_OR_DOMAIN.sub(defang, text))


safe_text = present_text
