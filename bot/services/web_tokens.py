"""Unguessable, revocable, rotatable tokens for a guild's web feeds and pages.

A token is 32 characters of base64url (192 bits) derived by HMAC from the deployment's key (the
address key) and a random nonce kept in the store; the store keeps only the token's SHA-256. So the
database alone never gives a working URL, while an admin can be shown the URL again at any time;
rotating draws a new nonce (the old URL answers 404 at once), revoking leaves none.

Kinds: ``feed`` opens the blocklist feeds, ``pages`` the campaign pages the guild shares — two
tokens, so that a campaign link handed to a bank's desk cannot be turned into a blocklist
subscription, and revoking one leaves the other.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from bot.services.ports.sharing import SharingStore

KINDS = ("feed", "pages")
TOKEN_CHARS = 32
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
TOUCH_EVERY = timedelta(hours=1)  # last_used is written at most this often per token


def derive(key: bytes, guild_id: int, kind: str, nonce: str) -> str:
    mac = hmac.new(key, f"phishbot web token\0{guild_id}\0{kind}\0{nonce}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode("ascii")[:TOKEN_CHARS]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class WebTokens:
    def __init__(self, store: SharingStore, key: bytes) -> None:
        self.store = store
        self.key = key
        self._touched: dict[str, datetime] = {}

    async def current(self, guild_id: int, kind: str) -> str | None:
        """The guild's active token of this kind, or None."""
        active = await self.store.active_token(guild_id, kind)
        return derive(self.key, guild_id, kind, active.nonce) if active else None

    async def issue(self, guild_id: int, kind: str, now: datetime) -> str:
        """A new token (the previous one, if any, stops working at once)."""
        nonce = secrets.token_hex(16)
        token = derive(self.key, guild_id, kind, nonce)
        await self.store.replace_token(guild_id, kind, token_hash(token), nonce, now)
        return token

    async def ensure(self, guild_id: int, kind: str, now: datetime) -> str:
        return await self.current(guild_id, kind) or await self.issue(guild_id, kind, now)

    async def revoke(self, guild_id: int, kind: str, now: datetime) -> bool:
        return await self.store.revoke_token(guild_id, kind, now)

    async def guild_for(self, token: str, kind: str, now: datetime) -> int | None:
        """The guild a presented token opens, or None — for a malformed, unknown, revoked or
        other-kind token alike (the caller answers 404 whatever the reason)."""
        if not _TOKEN.fullmatch(token):
            return None
        digest = token_hash(token)
        guild = await self.store.token_guild(digest, kind)
        if guild is not None:
            last = self._touched.get(digest)
            if last is None or now - last >= TOUCH_EVERY:
                if len(self._touched) > 10_000:
                    self._touched.clear()
                self._touched[digest] = now
                await self.store.touch_token(digest, now)
        return guild
