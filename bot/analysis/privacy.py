"""Masking: addresses and the recipient's name never leave the core in clear."""

from __future__ import annotations

import re
from collections.abc import Iterator

# a local part without "/" so that a URL path ("/u/taro@…") is not taken in with the address; the
# "@" also as a link writes it: percent-encoded once or twice, or full-width
_ADDRESS = re.compile(
    r"[A-Za-z0-9.!#$%&'*+=?^_`{|}~-]{1,64}(?:@|%40|%2540|%252540|＠)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}",
    re.IGNORECASE,
)
_AT = re.compile(r"@|%40|%2540|%252540|＠", re.IGNORECASE)


def mask_address(address: str) -> str:
    """``t***@example.jp``. An addr-spec's own ``@`` is its last one: what comes before it is all
    local part, however it reads (``x%40evil.example/a.b.example@example.jp`` masks to
    ``x***@example.jp``, so no host-like text of the local part survives the mask)."""
    if "@" in address:
        local, _, domain = address.rpartition("@")
        return f"{local[:1]}***@{domain}" if local else f"***@{domain}"
    m = _AT.search(address)
    if m is None:
        return (address[:1] + "***") if address else ""
    return f"{address[:1]}***{m.group(0)}{address[m.end():]}"


def _mask_keyed(found: str) -> str:
    """``smtp.mailfrom=bounce@x.example`` keeps its ``smtp.mailfrom=``: the key is no part of the
    address (an ``=`` is legal in a local part, so the address pattern takes it in)."""
    at = _AT.search(found)
    cut = found.rfind("=", 0, at.start()) + 1 if at else 0
    return found[:cut] + mask_address(found[cut:]) if 0 < cut < (at.start() if at else 0) else mask_address(found)


def mask_name(name: str) -> str:
    name = name.strip()
    return (name[:1] + "***") if name else ""


# the longest text a match of _ADDRESS can read: a 64-character local part, "%252540", a label of
# 63 and eight more of 64 (646), and one character past it that ends the last repetition
_ADDRESS_READS = 64 + 7 + 63 + 8 * 64 + 1
# where an "@" in any of its forms can start
_AT_STARTS = ("@", "%", "＠")


def address_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_ADDRESS.finditer(text)`` gives, without trying the pattern at every character of a
    long text. A match starts at most 64 characters before the "@" (or "%40", "＠") it holds, so
    the pattern is searched from 64 characters before the next place an "@" can start, and within
    a window (``endpos``) that ends ``_ADDRESS_READS`` after the last start the "@" allows: an
    attempt that starts at least ``_ADDRESS_READS`` before the window's end reads what it reads in
    the whole text. A match found nearer the end than that is not trusted: the search goes on
    from the first start the window could not vouch for."""
    n = len(text)
    pos = 0  # no match starts before pos
    # each form's next place after pos (-1: none left), looked for again only once pos passes it
    ahead = [text.find(char, 1) for char in _AT_STARTS]
    while True:
        for k, char in enumerate(_AT_STARTS):
            if 0 <= ahead[k] <= pos:
                ahead[k] = text.find(char, pos + 1)
        found = [i for i in ahead if i >= 0]
        if not found:
            return
        at = min(found)
        lo = max(pos, at - 64)
        hi = at + 64 + _ADDRESS_READS
        if hi >= n:
            m = _ADDRESS.search(text, lo)
            if m is None:
                return
        else:
            m = _ADDRESS.search(text, lo, hi)
            if m is None or m.start() + _ADDRESS_READS > hi:
                pos = hi - _ADDRESS_READS + 1  # nothing starts in [lo, pos): the window vouched for it
                continue
        yield m
        pos = m.end()


def _mask_addresses(text: str) -> str:
    out: list[str] = []
    done = 0
    for m in address_matches(text):
        out.append(text[done : m.start()])
        out.append(_mask_keyed(m.group(0)))
        done = m.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def mask_text(text: str, names: tuple[str, ...] = ()) -> str:
    """Every address in ``text`` masked, and each of ``names`` (the recipient's) too."""
    # the pattern is tried at every character (64 steps each): only near an "@" in some form
    if "@" in text or "%" in text or "＠" in text:
        text = _mask_addresses(text)
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


# the only characters the tables change that str.isprintable() lets through (variation selectors)
_PRINTABLE_BUT_CHANGED = re.compile("[\ufe00-\ufe0f]")


def clean_controls(text: str, multiline: bool = False) -> str:
    """``text`` with no terminal escape left in it: C0 controls shown as their symbols (␛, ␍),
    C1 controls as U+FFFD, bidi overrides and zero-width characters removed; line breaks kept
    only when ``multiline``. Every human-facing string goes through this."""
    # most text is plain: printable (no control, no line break, no format character) and without
    # a variation selector, it is its own translation (a test holds this for every code point)
    if text.isprintable() and (text.isascii() or not _PRINTABLE_BUT_CHANGED.search(text)):
        return text
    return text.translate(_MULTILINE if multiline else _ONE_LINE)


def recipient_names(display_names: tuple[str | None, ...], locals_: tuple[str, ...]) -> tuple[str, ...]:
    """The recipient's names to mask wherever they appear: display names, and address local parts
    of three characters or more (``taro.yamada``)."""
    return tuple(n for n in display_names if n) + tuple(loc for loc in locals_ if len(loc) >= 3)
