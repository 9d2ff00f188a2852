"""Registration facts about domains (SPEC §5): what the registries say (``DomainIntel``: RDAP, then
WHOIS, behind a cache) and the cache itself. Only registries are ever asked, and only about
registrable domains; an expected failure of one query is a value (``LookupFailed``)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.analysis.models import DomainFact

# How long registration answers are reused: positive 7 days, negative ("not registered") 1 hour;
# failures are never kept.
CACHE_POSITIVE_TTL = timedelta(days=7)
CACHE_NEGATIVE_TTL = timedelta(hours=1)


@dataclass(frozen=True)
class LookupFailed:
    """An expected failure of one registry query, as a value (timeout, refused, rate_limited, …)."""

    reason: str
    detail: str = ""


class DomainIntel(Protocol):
    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        """Registration facts for registrable domains, within the configured deadline: every
        domain asked gets a fact (``lookup="unavailable"`` when no answer came in time)."""
        ...

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        """What is already known without asking a registry (the domains not known are left out)."""
        ...


class RegistrationCache(Protocol):
    """Registration facts kept between lookups (shared by every guild)."""

    async def get(self, domain: str, now: datetime) -> DomainFact | None:
        """The fact kept for ``domain`` while it is fresh (``CACHE_POSITIVE_TTL``, or
        ``CACHE_NEGATIVE_TTL`` for "not registered"), with ``lookup="cache"``; else None."""
        ...

    async def put(self, fact: DomainFact, now: datetime) -> None:
        """Keeps a registry's answer (``registered`` or ``not_registered``; failures are not kept),
        replacing an older one."""
        ...
