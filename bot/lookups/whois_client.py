"""WHOIS through python-whois, for TLDs without RDAP (``.jp`` first: JPRS has none).

python-whois blocks and hard-codes port 43; we call it in a thread under ``asyncio.wait_for``,
with ``ignore_socket_errors=False, quiet=True`` (else "network down" looks like "no data"), and
give it a socket whose ``connect`` goes to ``WHOIS_SERVER`` when that is set — every query, the
IANA referral step included, with the query text the real server would get.
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
import time
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from whois.exceptions import WhoisDomainNotFoundError, WhoisError
from whois.parser import WhoisEntry
from whois.whois import NICClient

from bot.analysis.models import DomainFact
from bot.services.ports.lookups import LookupFailed

JST = timezone(timedelta(hours=9), "JST")
_NOT_FOUND = re.compile(
    r"(?im)^\s*(?:no match|not found|no data found|no entries found|no matching record|domain not found"
    r"|status:\s*(?:free|available))"
)
_JPRS = re.compile(r"\[(?:Domain Name|ドメイン名)\]")
MAX_TEXT = 256 * 1024

logging.getLogger("whois.whois").setLevel(logging.CRITICAL)
logging.getLogger("whois").setLevel(logging.CRITICAL)


class WhoisTooLarge(OSError):
    """A WHOIS server sent more than ``MAX_TEXT`` bytes."""


class _RoutedSocket(socket.socket):
    """A TCP socket that connects to one fixed server whatever address it is given, and bounds what
    python-whois reads through it (it reads until the server closes, with no cap of its own): at
    most ``MAX_TEXT`` bytes, and nothing past the lookup's ``deadline`` — a server that sends a byte
    a second forever never lets a socket timeout fire. Its waits never exceed our lookup timeout
    either (python-whois sets 10 s on its IANA step)."""

    route: tuple[str, int] | None = None
    limit: float = 4.0
    deadline: float = float("inf")  # time.monotonic() by which the whole lookup ends, referrals included
    received: int = 0

    def connect(self, address: Any) -> None:
        super().settimeout(self._wait())
        super().connect(self.route or address)

    def settimeout(self, value: float | None) -> None:
        super().settimeout(min(self.limit if value is None else value, self.limit))

    def _wait(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("whois lookup deadline")
        return min(self.limit, left)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        super().settimeout(self._wait())
        data = super().recv(bufsize, flags)
        self.received += len(data)
        if self.received > MAX_TEXT:
            raise WhoisTooLarge(f"more than {MAX_TEXT} bytes")
        return data


def _client(route: tuple[str, int] | None, timeout: float) -> NICClient:
    deadline = time.monotonic() + timeout

    class Client(NICClient):  # type: ignore[misc]
        @staticmethod
        def get_socket() -> socket.socket:
            family = socket.AF_INET6 if route and ":" in route[0] else socket.AF_INET
            sock = _RoutedSocket(family, socket.SOCK_STREAM)
            sock.route = route
            sock.limit = timeout
            sock.deadline = deadline
            return sock

    return Client()


def whois_lookup_blocking(domain: str, route: tuple[str, int] | None, timeout: float) -> DomainFact | LookupFailed:
    try:
        text = _client(route, timeout).whois_lookup(
            None, domain, 0, quiet=True, ignore_socket_errors=False, timeout=max(1, round(timeout))
        )
    except TimeoutError:
        return LookupFailed("timeout")
    except WhoisTooLarge:
        return LookupFailed("too_large", f">{MAX_TEXT} bytes")
    except ConnectionRefusedError:
        return LookupFailed("refused")
    except OSError as exc:
        return LookupFailed("unreachable", type(exc).__name__)
    text = (text or "")[:MAX_TEXT]
    if not text.strip():
        return LookupFailed("empty_answer")
    return parse_whois(domain, text)


def parse_whois(domain: str, text: str) -> DomainFact | LookupFailed:
    if _NOT_FOUND.search(text):
        return DomainFact(domain=domain, lookup="whois", not_registered=True, source="whois")
    try:
        entry = WhoisEntry.load(domain, text)
    except WhoisDomainNotFoundError:
        return DomainFact(domain=domain, lookup="whois", not_registered=True, source="whois")
    except (WhoisError, ValueError, TypeError, AttributeError, IndexError) as exc:
        return LookupFailed("malformed", type(exc).__name__)
    jprs = bool(_JPRS.search(text))
    registered = _date(entry.get("creation_date"), jprs, earliest=True)
    expires = _date(entry.get("expiration_date"), jprs, earliest=True)
    changed = _date(entry.get("updated_date"), jprs, earliest=False)
    registrar = entry.get("registrar")
    if isinstance(registrar, list):
        registrar = registrar[0] if registrar else None
    status = entry.get("status")
    statuses = tuple(str(s) for s in (status if isinstance(status, list) else [status] if status else []))[:20]
    if registered is None and expires is None and not entry.get("domain_name"):
        # all-None: a "No match" page in a wording we do not know, or no data at all
        return LookupFailed("no_data")
    return DomainFact(
        domain=domain, lookup="whois", registered=registered, expires=expires, last_changed=changed,
        registrar=str(registrar)[:200] if registrar else None, statuses=statuses, source="whois",
    )


def _date(value: Any, jprs: bool, earliest: bool) -> str | None:
    values = value if isinstance(value, list) else [value]
    dates = [v for v in values if isinstance(v, datetime)]
    if not dates:
        return None
    fixed = []
    for d in dates:
        if jprs and (d.tzinfo is None or d.utcoffset() == timedelta(0)):
            # JPRS writes Japan time; without "(JST)" python-whois reads it as UTC, nine hours early
            d = d.replace(tzinfo=JST)  # noqa: PLW2901 - the same instant, read in its real zone
        elif d.tzinfo is None:
            d = d.replace(tzinfo=UTC)  # noqa: PLW2901
        fixed.append(d.astimezone(UTC))
    return (min(fixed) if earliest else max(fixed)).isoformat()


async def whois_lookup(domain: str, route: tuple[str, int] | None, seconds: float) -> DomainFact | LookupFailed:
    """One domain over WHOIS, in a thread (python-whois blocks), within ``seconds``."""
    try:
        async with asyncio.timeout(seconds):
            return await asyncio.to_thread(whois_lookup_blocking, domain, route, seconds)
    except TimeoutError:
        return LookupFailed("timeout")
