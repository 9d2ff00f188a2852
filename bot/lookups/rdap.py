"""RDAP (RFC 9082/9083) over aiohttp: registration facts for one registrable domain."""

from __future__ import annotations

import asyncio
import email.utils
import json
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import aiohttp

from bot.analysis.json_depth import json_depth_within
from bot.analysis.models import DomainFact
from bot.services.ports.lookups import LookupFailed

MAX_BODY = 1024 * 1024  # RDAP answers are a few KB; a registry sending megabytes is broken
MAX_REDIRECTS = 3
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER = 2.0  # seconds we are willing to wait on a 429 inside one lookup
ACCEPT = "application/rdap+json, application/json;q=0.9"


def rdap_url(base: str, domain: str) -> str:
    return f"{base.rstrip('/')}/domain/{domain}"


def origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an http(s) URL; None for anything else."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    return scheme, parts.hostname.lower().rstrip("."), port or (443 if scheme == "https" else 80)


def same_origin(base: str) -> Callable[[str], bool]:
    home = origin(base)
    return lambda url: home is not None and origin(url) == home


async def rdap_lookup(session: aiohttp.ClientSession, base: str, domain: str, seconds: float,
                      registry: Callable[[str], bool] | None = None) -> DomainFact | LookupFailed:
    """One domain at one RDAP server, each attempt (redirects included) within ``seconds``.
    Redirects are followed by hand, at most ``MAX_REDIRECTS``, and only to a registry
    (``registry``: an RDAP server of IANA's bootstrap; by default the base's own origin) — never to
    a host a registry's answer names. Expected failures come back as ``LookupFailed``."""
    registry = registry or same_origin(base)
    for attempt in (1, 2):
        try:
            async with asyncio.timeout(seconds):
                answer = await _follow(session, rdap_url(base, domain), registry)
        except TimeoutError:
            return LookupFailed("timeout")
        except aiohttp.ClientConnectorError as exc:
            return LookupFailed("unreachable", type(exc).__name__)
        except (aiohttp.ClientError, OSError) as exc:
            return LookupFailed("network_error", type(exc).__name__)
        if isinstance(answer, LookupFailed):
            return answer
        status, retry_after, body = answer
        if status == 404:
            return DomainFact(domain=domain, lookup="rdap", not_registered=True, source="rdap")
        if status == 429:
            wait = _retry_after(retry_after)
            if attempt == 1 and wait is not None and wait <= MAX_RETRY_AFTER:
                await asyncio.sleep(wait)
                continue
            return LookupFailed("rate_limited", retry_after or "")
        if status >= 500:
            return LookupFailed("server_error", str(status))
        if status != 200:
            return LookupFailed("http_error", str(status))
        if body is None:
            return LookupFailed("too_large", f">{MAX_BODY} bytes")
        return parse_rdap(domain, body)
    return LookupFailed("rate_limited")


async def _follow(session: aiohttp.ClientSession, url: str, registry: Callable[[str], bool]
                  ) -> tuple[int, str | None, bytes | None] | LookupFailed:
    """(status, Retry-After, body of a 200 — None past ``MAX_BODY``) after the allowed redirects."""
    for _ in range(MAX_REDIRECTS + 1):
        async with session.get(url, headers={"Accept": ACCEPT}, allow_redirects=False) as resp:
            if resp.status in REDIRECTS:
                location = resp.headers.get("Location", "")
                target = urllib.parse.urljoin(url, location) if location else ""
                if not target or not registry(target):
                    return LookupFailed("redirect_refused", (origin(target) or ("", "?", 0))[1])
                url = target
                continue
            body = await read_capped(resp, MAX_BODY) if resp.status == 200 else b""
            return resp.status, resp.headers.get("Retry-After"), body
    return LookupFailed("redirect_loop")


async def read_capped(resp: aiohttp.ClientResponse, limit: int) -> bytes | None:
    """The whole body, or None as soon as it grows past ``limit`` (a registry flooding us)."""
    body = bytearray()
    while chunk := await resp.content.read(65536):
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def parse_rdap(domain: str, body: bytes) -> DomainFact | LookupFailed:
    if not json_depth_within(body):
        return LookupFailed("malformed", "nested too deep")
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return LookupFailed("malformed", "not JSON")
    if not isinstance(doc, dict):
        return LookupFailed("malformed", "not an object")
    if doc.get("errorCode") == 404:
        return DomainFact(domain=domain, lookup="rdap", not_registered=True, source="rdap")
    raw_events = doc.get("events")
    events: list[Any] = raw_events if isinstance(raw_events, list) else []
    registered = _earliest(events, "registration")
    return DomainFact(
        domain=domain,
        lookup="rdap",
        registered=registered,
        expires=_earliest(events, "expiration"),
        last_changed=_latest(events, "last changed"),
        registrar=_registrar(doc.get("entities")),
        statuses=tuple(str(s) for s in doc.get("status", []) if isinstance(s, str))[:20]
        if isinstance(doc.get("status"), list) else (),
        source="rdap",
    )


def _dates(events: list[Any], action: str) -> list[datetime]:
    found = []
    for event in events:
        if not isinstance(event, dict) or str(event.get("eventAction", "")).lower() != action:
            continue
        raw = event.get("eventDate")
        if not isinstance(raw, str):
            continue
        try:
            when = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        found.append(when if when.tzinfo else when.replace(tzinfo=UTC))
    return found


def _earliest(events: list[Any], action: str) -> str | None:
    dates = _dates(events, action)
    return min(dates).astimezone(UTC).isoformat() if dates else None


def _latest(events: list[Any], action: str) -> str | None:
    dates = _dates(events, action)
    return max(dates).astimezone(UTC).isoformat() if dates else None


def _registrar(entities: Any, depth: int = 0) -> str | None:
    if not isinstance(entities, list) or depth > 3:
        return None
    for entity in entities:
        if not isinstance(entity, dict):
            continue
        raw_roles = entity.get("roles")
        roles: list[Any] = raw_roles if isinstance(raw_roles, list) else []
        if "registrar" in roles:
            name = _vcard_fn(entity.get("vcardArray"))
            if name:
                return name[:200]
        nested = _registrar(entity.get("entities"), depth + 1)
        if nested:
            return nested
    return None


def _vcard_fn(vcard: Any) -> str | None:
    if not (isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list)):
        return None
    for prop in vcard[1]:
        if isinstance(prop, list) and len(prop) >= 4 and prop[0] == "fn" and isinstance(prop[3], str):
            return prop[3].strip() or None
    return None
