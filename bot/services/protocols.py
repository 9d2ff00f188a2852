"""Ports: what the use-cases need from the outside, as Protocols; adapters implement them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.analysis.models import DomainFact

# How long registration answers are reused (SPEC §5): positive 7 days, negative ("not
# registered") 1 hour; failures are never kept.
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


class RegistrationCachePort(Protocol):
    async def get(self, domain: str, now: datetime) -> DomainFact | None: ...

    async def put(self, fact: DomainFact, now: datetime) -> None: ...
