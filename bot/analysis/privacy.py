"""Masking: addresses and the recipient's name never leave the core in clear."""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}")


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
