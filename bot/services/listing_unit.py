"""Which name a threat feed or a blocklist lists for a host: the shared log's rule, in one place
for the feeds.

The rule (SPEC §6), as the shared log applies it to known-bad domains (services/community.py): the
name a customer of a shared platform controls — the Public Suffix List *including its private
section* and the catalogue's platform lists (``bot.analysis.domains.customer_domain``): a feed's
``foo.duckdns.org`` lists ``foo.duckdns.org``, never ``duckdns.org`` — else the registrable domain;
and never a brand's official domain, a shared platform as a whole, free mail, a shortener, mail or
cloud infrastructure or a tracker: the page on a platform may be bad, the platform is not.
"""

from __future__ import annotations

from functools import lru_cache

from bot.analysis.brands import catalogue
from bot.analysis.domains import customer_domain, is_ip, is_platform, org_domain, valid_host_name


@lru_cache(maxsize=1)
def _shared() -> frozenset[str]:
    cat = catalogue()
    return cat.freemail | cat.benign | cat.shorteners | cat.free_hosting | cat.infrastructure | cat.trackers


@lru_cache(maxsize=65536)
def listing_domain(host: str) -> str | None:
    """The name to list for ``host``, or None when nothing may be listed for it (an IP address, a
    bare suffix, a platform's own name or a path-based platform, a brand's official domain, a shared
    service)."""
    host = host.strip().strip(".").lower()
    if not host or is_ip(host):
        return None
    registrable = org_domain(host)
    unit = customer_domain(host)
    if registrable is None or unit is None or not valid_host_name(unit) or is_platform(unit):
        return None
    if catalogue().is_official(registrable) or (unit == registrable and registrable in _shared()):
        return None
    return unit


def lookup_names(host: str) -> tuple[str, ...]:
    """The names under which ``host`` may be listed: itself and each parent with two labels or
    more (``a.b.duckdns.org`` → ``a.b.duckdns.org``, ``b.duckdns.org``, ``duckdns.org``). A store
    holds only listable names, so a listing found under any of them is the host's own — looking up
    needs no suffix list at all (microseconds, in memory)."""
    labels = host.strip(".").lower().split(".")
    return tuple(".".join(labels[i:]) for i in range(max(len(labels) - 1, 0)))
