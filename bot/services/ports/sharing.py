"""What a guild shares beyond Discord (issue 14): the secret web tokens of its blocklist feed and
campaign pages, which campaign pages it shares, and a campaign's sending infrastructure as those
pages show it. Tokens are kept only as their SHA-256 (the token itself is derived from a nonce and
the deployment's key: ``services.web_tokens``). Writes are one transaction each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

TOKEN_KINDS = ("feed", "pages")


@dataclass(frozen=True)
class WebToken:
    """A guild's active token of one kind."""

    guild_id: int
    kind: str  # feed | pages
    nonce: str
    created_at: datetime
    last_used: datetime | None = None


@dataclass(frozen=True)
class CampaignDomain:
    domain: str
    roles: tuple[str, ...]  # sorted: dkim | envelope | link
    age_days: int | None  # the youngest age any report saw
    reports: int


@dataclass(frozen=True)
class Counted:
    """A value and how many of a campaign's reports have it."""

    value: str
    reports: int


@dataclass(frozen=True)
class CampaignInfrastructure:
    """How a campaign's mail was sent and where it pointed (no address, no recipient), counted in
    one snapshot. Each list most reports first, then by value; empty for an unknown campaign."""

    domains: tuple[CampaignDomain, ...]  # bad-candidate domains, at most 200
    envelope_domains: tuple[Counted, ...]  # at most 50 each
    handoff_ips: tuple[Counted, ...]
    verdicts: tuple[Counted, ...]


class SharingStore(Protocol):
    async def active_token(self, guild_id: int, kind: str) -> WebToken | None:
        """The guild's unrevoked token of this kind, or None."""
        ...

    async def replace_token(self, guild_id: int, kind: str, token_hash: str, nonce: str, now: datetime) -> None:
        """Revokes the active token of this kind (if any) and stores a new one, in one transaction."""
        ...

    async def revoke_token(self, guild_id: int, kind: str, now: datetime) -> bool:
        """Revokes the active token of this kind; False when there was none."""
        ...

    async def token_guild(self, token_hash: str, kind: str) -> int | None:
        """The guild of an active token, or None (unknown, revoked, or another kind)."""
        ...

    async def touch_token(self, token_hash: str, now: datetime) -> None:
        """Notes that the token was used now (an unknown token changes nothing)."""
        ...

    async def share_campaign(self, guild_id: int, campaign_id: str, shared: bool, now: datetime) -> None:
        """Shares the campaign's page (again: nothing changes) or stops sharing it."""
        ...

    async def campaign_shared(self, guild_id: int, campaign_id: str) -> bool: ...

    async def shared_campaigns(self, guild_id: int) -> list[str]:
        """Campaigns shared one by one, latest shared first."""
        ...

    async def campaign_infrastructure(self, guild_id: int, campaign_id: str) -> CampaignInfrastructure: ...
