"""What is known about one domain: official for a brand, or its registration facts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.analysis.brands import catalogue
from bot.analysis.domains import org_domain, to_ascii_host
from bot.analysis.links import refang
from bot.analysis.models import Brand, DomainFact
from bot.analysis.pipeline import age_days
from bot.services.ports.lookups import DomainIntel

_HOSTNAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?){0,126}\.?")


class BadDomain(ValueError):
    """The text given is not a domain, a host or a URL with one."""


@dataclass(frozen=True)
class DomainInfo:
    query: str
    domain: str  # registrable domain
    brand: Brand | None  # the brand this domain officially belongs to
    fact: DomainFact | None  # None for official domains: they need no lookup
    age_days: int | None


def host_from_input(text: str) -> str:
    """``smbc[.]servicecc-jp[.]cc``, ``https://a.example.com/x`` or a host → the host name, in
    lower-case A-label form. Raises ``BadDomain`` for anything that is not a host name."""
    raw = refang(text.strip().strip("<>`"))  # <https://…> is how Discord users paste a link quietly
    if "://" in raw:
        raw = raw.split("://", 1)[1]
    host = raw.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2].partition(":")[0]
    ascii_host = to_ascii_host(host)
    if not ascii_host or not _HOSTNAME.fullmatch(ascii_host.replace("_", "-")):
        raise BadDomain(text)  # "x.com)", "||a||.com": not a host name (underscores occur in subdomains)
    return ascii_host.rstrip(".")


def registrable_from_input(text: str) -> str:
    """``smbc[.]servicecc-jp[.]cc``, ``https://a.example.com/x`` or a host → registrable domain."""
    reg = org_domain(host_from_input(text))
    if reg is None or not _HOSTNAME.fullmatch(reg):
        raise BadDomain(text)  # "__x__.example": no registrable domain has one
    return reg


async def domain_info(text: str, intel: DomainIntel | None, now: datetime) -> DomainInfo:
    domain = registrable_from_input(text)
    cat = catalogue()
    brands = cat.official_for(domain)
    if brands:
        return DomainInfo(text, domain, cat.by_id[brands[0]], None, None)
    if intel is None:
        fact = DomainFact(domain=domain, lookup="skipped")
    else:
        fact = (await intel.lookup([domain], now))[domain]
    return DomainInfo(text, domain, None, fact, age_days(fact, now))
