"""Members' own data in the shared log (SPEC §6): their claims about which services they gave an
address to (and which not), their votes on a campaign's leak source, and forgetting a member.

Addresses are never stored: a claim is about an address key (an HMAC the use-case makes) and shows
only its masked form. Each member's claims are their own: another member's claims about the same
address neither block nor replace them. Writes are one transaction each; reads see committed data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.community.leaks import Claim


@dataclass(frozen=True)
class ServiceClaim:
    """One service a member says an address was (or was not) given to."""

    slug: str  # the catalogue's slug, or the ASCII slug of an unknown name
    name: str  # as shown: the catalogue's Japanese name, or the name as the member typed it
    registered: bool


@dataclass(frozen=True)
class MemberRegistration:
    address: str  # masked
    service: str  # slug
    name: str
    registered: bool


@dataclass(frozen=True)
class RegistrationCounts:
    """A guild's answers, each address once however many members claim it."""

    addresses: int  # distinct addresses with any answer
    registered: Mapping[str, int]  # service -> addresses some member says are registered with it
    not_registered: Mapping[str, int]  # service -> addresses only ever said not to be


@dataclass(frozen=True)
class Vote:
    member_id: int
    service: str


@dataclass(frozen=True)
class Forgotten:
    """What forgetting a member removed or unlinked in one guild (the names are those of the
    sentence that says it: locales ``community.forgotten``)."""

    registration: int  # claims deleted
    registered_address: int  # addresses deleted
    vote: int  # votes deleted
    reports_unlinked: int  # reports that no longer name the member (the reports stay)
    report_texts: int  # desk texts deleted


class MemberStore(Protocol):
    async def register(self, guild_id: int, member_id: int, address_key: str, masked: str,
                       claims: Sequence[ServiceClaim], now: datetime) -> None:
        """The member's claims about one address, in one transaction: a claim about a service the
        member already answered replaces that answer; the guild's registration counts follow."""
        ...

    async def member_registrations(self, guild_id: int, member_id: int) -> list[MemberRegistration]:
        """The member's own claims, by masked address then service."""
        ...

    async def registration_counts(self, guild_id: int) -> RegistrationCounts: ...

    async def claims_of(self, guild_id: int, address_keys: Iterable[str]) -> list[Claim]:
        """Every member's claims about these addresses (at most 5,000 addresses), each with its
        evidence: whether that member reported a mail received at that address. Any order."""
        ...

    async def votes(self, guild_id: int, campaign_id: str) -> list[Vote]:
        """The campaign's votes, one per member, any order."""
        ...

    async def vote(self, guild_id: int, campaign_id: str, member_id: int, service: str, now: datetime) -> bool:
        """The member's vote on the campaign: a second vote replaces the first. False (nothing written):
        the guild has no such campaign (merged into another since it was shown), checked as it writes."""
        ...

    async def forget(self, guild_id: int, member_id: int) -> Forgotten:
        """In one transaction: the member's claims, addresses, votes, desk texts and pending
        analyses deleted; their reports kept but unlinked (no member, no recipient key, no raw
        mail); the guild's registration counts recounted."""
        ...
