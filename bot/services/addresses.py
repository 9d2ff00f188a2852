"""Addresses enter the shared log only here, and leave only as a keyed HMAC and a masked form."""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from bot.analysis.domains import to_ascii_host


def normalise_address(address: str) -> str:
    """One form per mailbox: NFKC, no angle brackets, lower case, the domain without a trailing
    dot and in A-label form (``Taro@Example.JP.`` and ``taro@example.jp`` are one address)."""
    text = unicodedata.normalize("NFKC", address).strip().strip("<>").strip().lower()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    domain = domain.strip().rstrip(".")
    return f"{local}@{to_ascii_host(domain) or domain}"


def address_key(key: bytes, address: str) -> str:
    """The keyed HMAC an address is stored as (the deployment's key: ``ADDRESS_HASH_KEY`` or the
    generated key file)."""
    return hmac.new(key, normalise_address(address).encode("utf-8"), hashlib.sha256).hexdigest()
