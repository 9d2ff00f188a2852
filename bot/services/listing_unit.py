"""Which name a threat feed or a blocklist lists for a host — one function, the seam the shared
log's rule plugs into.

The rule (SPEC §6): the registrable domain by the Public Suffix List *including its private
section* — a feed's ``foo.duckdns.org`` lists ``foo.duckdns.org``, never ``duckdns.org`` — and never
a brand's official domain, a shared platform (hosting, forms, shorteners, mail infrastructure) or a
free-mail provider: the page on a platform may be bad, the platform is not.

``listing_domain`` is what every caller uses. Until the shared log's own function (branch
``community``: ``bot.analysis.domains.customer_domain`` and ``is_platform``, with its platform
lists) reaches main, ``_customer_unit`` below stands in for it; at the merge it is replaced by a
call to that one and this file keeps only the policy (official and shared names refused).
"""

from __future__ import annotations

from functools import lru_cache

from publicsuffixlist import PublicSuffixList

from bot.analysis.brands import catalogue
from bot.analysis.domains import is_ip, org_domain


@lru_cache(maxsize=1)
def _psl_all() -> PublicSuffixList:
    """The bundled list, ICANN and private sections (publicsuffixlist never goes online)."""
    return PublicSuffixList()


@lru_cache(maxsize=1)
def _shared_suffixes() -> frozenset[str]:
    """Platforms of the catalogue whose customers get a name below theirs (``x.web.app``) or a
    path on them, and the services that are never anyone's own (free mail, shorteners, mail
    infrastructure, trackers, standards bodies)."""
    cat = catalogue()
    return cat.free_hosting | cat.freemail | cat.shorteners | cat.infrastructure | cat.trackers | cat.benign


def _under(host: str, names: frozenset[str]) -> str | None:
    labels = host.split(".")
    for i in range(len(labels) - 1):
        candidate = ".".join(labels[i:])
        if candidate in names:
            return candidate
    return None


def _customer_unit(host: str) -> str | None:
    """Stand-in for the shared log's ``customer_domain``: the name a platform's customer controls,
    or the registrable domain of an ordinary host; None for a platform's own names."""
    registrable = org_domain(host)
    if registrable is None:
        return None
    try:
        suffix = _psl_all().publicsuffix(host) or ""
    except (ValueError, TypeError, UnicodeError):
        return None
    platform = suffix if suffix.count(".") >= 1 and suffix != registrable.partition(".")[2] else None
    catalogued = _under(host, catalogue().free_hosting)
    if catalogued and (platform is None or catalogued.count(".") > platform.count(".")):
        platform = catalogued
    if platform is None:
        return registrable
    if host == platform:
        return None
    label = host[: -len(platform) - 1].rpartition(".")[2]
    return None if label == "www" else f"{label}.{platform}"


@lru_cache(maxsize=65536)
def listing_domain(host: str) -> str | None:
    """The name to list for ``host``, or None when nothing may be listed for it (an IP address, a
    bare suffix, a platform's own name, a brand's official domain, a shared service)."""
    host = host.strip().strip(".").lower()
    if not host or is_ip(host):
        return None
    unit = _customer_unit(host)
    if unit is None:
        return None
    registrable = org_domain(unit)
    cat = catalogue()
    if registrable is None or cat.is_official(registrable) or cat.is_official(unit):
        return None
    if unit in _shared_suffixes() or (unit == registrable and registrable in _shared_suffixes()):
        return None
    if _under(unit, cat.shorteners | cat.freemail | cat.infrastructure | cat.trackers | cat.benign):
        return None  # a name under a shared service that is no hosting platform (x.sendgrid.net)
    return unit


def lookup_names(host: str) -> tuple[str, ...]:
    """The names under which ``host`` may be listed: itself and each parent with two labels or
    more (``a.b.duckdns.org`` → ``a.b.duckdns.org``, ``b.duckdns.org``, ``duckdns.org``). A store
    holds only listable names, so a listing found under any of them is the host's own — looking up
    needs no suffix list at all (microseconds, in memory)."""
    labels = host.strip(".").lower().split(".")
    return tuple(".".join(labels[i:]) for i in range(max(len(labels) - 1, 0)))
