"""The leak-source service catalogue: what members type ("アマゾン", "Amazon.co.jp", "楽天市場") →
one stable ASCII slug (``amazon``, ``rakuten``), and a slug of its own for a name we do not know.

Matching compares *keys*: NFKC, casefold, invisible characters out, and spaces, "・", "!", "-",
"_", ".", "'" ignored — "ａｍａｚｏｎ", "Amazon.co.jp" and "amazon co jp" are one key. Every key of
the catalogue (slug, display names, aliases) names exactly one service; the data file
(``data/services.toml``) is checked for that on load.

An unknown name gets a slug derived from the name alone, so the same name typed by two members
(in any width or case) lands on the same slug, today and after a restart:

* the runs of ASCII letters and digits of the normalised name joined by "-" ("My Shop!" →
  ``my-shop``), cut to 63 characters;
* when the name has none ("近所の八百屋"), ``svc-`` + the first 8 hex digits of the sha256 of its key;
* when the derived slug would be a known service's ("amazonショップ" → ``amazon``), the first 6 hex
  digits of that hash are appended (``amazon-1a2b3c``): an unknown name never takes a known slug.

Resolving a slug gives the slug back (known or not), so a stored slug can be resolved again.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.analysis.datafiles import load_toml
from bot.analysis.privacy import strip_invisible

_DATA = os.path.join(os.path.dirname(__file__), "data", "services.toml")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
DISPLAY_MAX = 60
_IGNORED = dict.fromkeys(map(ord, " \t\u3000・･!！-‐‑_.'’"))
_ASCII_RUN = re.compile(r"[a-z0-9]+")
_SEPARATORS = re.compile(r"[,、，/／\r\n]+")
# an e-mail address (or its percent-encoded form) anywhere in a name: local part, @, a dotted domain
_ADDRESS = re.compile(r"[^\s@,、/]{1,64}(?:@|%40|%2540)[^\s@,、/]{1,253}\.[^\s@,、/]{1,63}", re.IGNORECASE)


@dataclass(frozen=True)
class Service:
    slug: str
    name_ja: str
    name_en: str
    known: bool

    def name_in(self, lang: str) -> str:
        return self.name_ja if lang == "ja" else self.name_en


@dataclass(frozen=True)
class _Catalogue:
    services: tuple[Service, ...]
    by_slug: dict[str, Service]
    by_key: dict[str, Service]


def service_key(text: str) -> str:
    """The matching key of a name: NFKC + casefold, invisible characters and separators out."""
    return unicodedata.normalize("NFKC", strip_invisible(text)).casefold().strip().translate(_IGNORED)


@lru_cache(maxsize=1)
def _catalogue() -> _Catalogue:
    raw = load_toml(_DATA).get("service", [])
    services: list[Service] = []
    by_slug: dict[str, Service] = {}
    by_key: dict[str, Service] = {}
    for entry in raw:
        slug = str(entry["slug"])
        if not SLUG.match(slug) or slug in by_slug:
            raise ValueError(f"services.toml: bad or repeated slug {slug!r}")
        service = Service(slug, str(entry["name_ja"]), str(entry["name_en"]), True)
        services.append(service)
        by_slug[slug] = service
        for name in (slug, service.name_ja, service.name_en, *map(str, entry.get("aliases", []))):
            key = service_key(name)
            if not key:
                continue
            other = by_key.setdefault(key, service)
            if other.slug != slug:
                raise ValueError(f"services.toml: {name!r} names both {other.slug} and {slug}")
    return _Catalogue(tuple(services), by_slug, by_key)


def known_services() -> tuple[Service, ...]:
    """The catalogue, in file order."""
    return _catalogue().services


def service_for_slug(slug: str) -> Service:
    """The catalogue entry of a stored slug; an unknown slug stands for itself (its own display name)."""
    found = _catalogue().by_slug.get(slug)
    return found if found is not None else Service(slug, slug, slug, False)


def resolve_service(text: str) -> Service:
    """The service a member's text names. Raises ``ValueError`` on a blank name (nothing to name)."""
    key = service_key(text)
    if not key:
        raise ValueError("empty service name")
    cat = _catalogue()
    found = cat.by_key.get(key)
    if found is not None:
        return found
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    runs = _ASCII_RUN.findall(unicodedata.normalize("NFKC", strip_invisible(text)).casefold())
    slug = "-".join(runs)[:63].rstrip("-") if runs else f"svc-{digest[:8]}"
    if service_key(slug) in cat.by_key:
        slug = f"{slug[:56].rstrip('-')}-{digest[:6]}"
    display = text.strip()[:DISPLAY_MAX]
    return Service(slug, display, display, False)


def looks_like_address(text: str) -> bool:
    """Whether a member's text names an e-mail address (``taro@example.jp``, full-width ``＠``,
    ``taro%40example.jp``) rather than a service: service names are shown to other members, an
    address must never be. ``@cosme`` (a service) is not an address."""
    return bool(_ADDRESS.search(unicodedata.normalize("NFKC", strip_invisible(text[:4000]))))


def parse_service_list(text: str) -> list[Service]:
    """A list typed by a member ("アマゾン、楽天市場 / Yahoo!ショッピング"): split on ``,`` ``、`` ``，``
    ``/`` and new lines, blanks skipped, one entry per slug in the order first named."""
    seen: set[str] = set()
    out: list[Service] = []
    for part in _SEPARATORS.split(text):
        if not service_key(part):
            continue
        service = resolve_service(part)
        if service.slug not in seen:
            seen.add(service.slug)
            out.append(service)
    return out
