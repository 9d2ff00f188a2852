"""Masking: addresses and the recipient's name never leave the core in clear."""

from __future__ import annotations

import re

# a local part without "/" so that a URL path ("/u/taro@…") is not taken in with the address
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}")


def mask_address(address: str) -> str:
    local, at, domain = address.partition("@")
    if not at:
        return (address[:1] + "***") if address else ""
    return f"{local[:1]}***@{domain}"


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


_INVISIBLE = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A),
     0xFEFF, 0x00AD, 0x180E, *range(0xFE00, 0xFE10)]
)


def strip_invisible(text: str) -> str:
    """Zero-width and direction characters and variation selectors: used to split a brand name
    ("A\u200bmazon") or hide text; removed before matching."""
    return text.translate(_INVISIBLE)


_DOMAIN_IN_TEXT = re.compile(
    r"(?<![A-Za-z0-9.-])((?:[A-Za-z0-9Ａ-Ｚａ-ｚ０-９-]{1,63}[.．。｡]){1,10}[A-Za-zＡ-Ｚａ-ｚ]{2,24})(?![A-Za-z0-9-])"
)
_DOTS = str.maketrans({".": "[.]", "．": "[.]", "。": "[.]", "｡": "[.]"})


def _with_scheme(url: str) -> str:
    return url if "://" in url[:10] else "http://" + url


def present_text(text: str, names: tuple[str, ...] = (), *, real_tlds_only: bool = False) -> str:
    """Free text (a subject, a display name, a file name) made safe to show: links defanged with
    their query hidden, addresses and the recipient's names masked, dotted names defanged — all of
    them, or (``real_tlds_only``, for header text full of ``header.from=``) those ending in a TLD."""
    from bot.analysis.domains import has_known_tld
    from bot.analysis.links import URL_IN_TEXT, defang_url, refang

    text = refang(text[:2000])
    text = URL_IN_TEXT.sub(lambda m: defang_url(_with_scheme(m.group(0))), text)
    text = mask_text(text, names)
    return _DOMAIN_IN_TEXT.sub(
        lambda m: m.group(0) if real_tlds_only and not has_known_tld(m.group(0)) else m.group(0).translate(_DOTS), text,
    )
