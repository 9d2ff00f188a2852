"""Downloading a configured feed URL (the ``FeedFetcher`` port), passively and within bounds.

Only the URLs of ``FEEDS`` are ever asked for — never a host named in a mail or a feed. Every
request is conditional (``If-None-Match`` / ``If-Modified-Since`` from the last answer: an unchanged
feed costs one ``304``), has a timeout for the whole download, follows at most three redirects, and
stops reading past ``FEED_MAX_BYTES`` once decompressed (gzip content-encoding and ``.gz`` files
alike). Failures are values (``FetchFailed``), never exceptions.

Redirects are followed here, one at a time, not by aiohttp: the operator chose the feed's host, not
where it sends us. A redirect stays on http(s), never goes from https to http, and leaves the
feed's own host only for a host whose every address is public (``ipaddress``'s ``is_global``: no
loopback, private, link-local or cloud metadata address) — checked before asking and again on the
connection's peer address before a byte of the body is read (a name that resolves differently the
second time is caught there). A feed the operator points at an internal host is theirs to choose.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import zlib

import aiohttp
from yarl import URL

from bot.services.ports.feeds import Fetched, FetchFailed

USER_AGENT = "phishbot/0.1 (threat feed subscriber)"
CHUNK = 65536
MAX_REDIRECTS = 3
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def _public(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_global
    except ValueError:
        return False


def _peer(resp: aiohttp.ClientResponse) -> str:
    """The address the response came from ('' when the connection does not say)."""
    transport = resp.connection.transport if resp.connection is not None else None
    peer = transport.get_extra_info("peername") if transport is not None else None
    return str(peer[0]) if peer else ""


async def _all_public(host: str, port: int) -> bool:
    """Whether every address ``host`` has is public (an address literal: that address)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return _public(host)
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return bool(found) and all(_public(str(info[4][0])) for info in found)


class FeedFetcherHTTP:
    def __init__(self, session: aiohttp.ClientSession, timeout: float, max_bytes: int) -> None:
        self.session = session
        self.timeout = timeout
        self.max_bytes = max_bytes

    async def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | FetchFailed:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(self.timeout):
                return await self._follow(URL(url), headers, etag, last_modified)
        except TimeoutError:
            return FetchFailed("timeout")
        except ValueError:  # a Location that is no URL (yarl)
            return FetchFailed("redirect_refused")
        except (aiohttp.ClientConnectionError, OSError):
            return FetchFailed("refused")
        except aiohttp.ClientError:
            return FetchFailed("http_error")

    async def _follow(self, url: URL, headers: dict[str, str], etag: str | None,
                      last_modified: str | None) -> Fetched | FetchFailed:
        home = url.host
        for _ in range(MAX_REDIRECTS + 1):
            async with self.session.get(url, headers=headers, allow_redirects=False, auto_decompress=False) as resp:
                if url.host != home and not _public(_peer(resp)):
                    return FetchFailed("redirect_refused")  # the name led somewhere else this time
                if resp.status in REDIRECT_STATUSES:
                    location = resp.headers.get("Location")
                    if not location:
                        return FetchFailed(f"http_{resp.status}")
                    target = url.join(URL(location))
                    if not await self._may_follow(url, target, home):
                        return FetchFailed("redirect_refused")
                    url = target
                    continue
                if resp.status == 304:
                    return Fetched(None, etag, last_modified)
                if resp.status != 200:
                    return FetchFailed(f"http_{resp.status}")
                declared = resp.content_length
                if declared is not None and declared > self.max_bytes and not resp.headers.get("Content-Encoding"):
                    return FetchFailed("too_big")
                body = await self._read(resp, str(url))
                if isinstance(body, FetchFailed):
                    return body
                return Fetched(body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
        return FetchFailed("redirects")

    @staticmethod
    async def _may_follow(current: URL, target: URL, home: str | None) -> bool:
        if target.scheme not in ("http", "https") or not target.host:
            return False
        if current.scheme == "https" and target.scheme == "http":
            return False  # no downgrade: the feed's content would travel in clear
        if target.host == home:
            return True
        return await _all_public(target.host, target.port or (443 if target.scheme == "https" else 80))

    async def _read(self, resp: aiohttp.ClientResponse, url: str) -> bytes | FetchFailed:
        """The body, decompressed (gzip encoding or a ``.gz`` file) and capped at ``max_bytes``."""
        gzipped = resp.headers.get("Content-Encoding", "").lower() == "gzip" or url.lower().split("?")[0].endswith(".gz")
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
        out = bytearray()
        raw = 0
        async for chunk in resp.content.iter_chunked(CHUNK):
            raw += len(chunk)
            if raw > self.max_bytes:
                return FetchFailed("too_big")
            if inflate is None:
                out += chunk
            else:
                try:
                    out += inflate.decompress(chunk, self.max_bytes + 1 - len(out))
                except zlib.error:
                    return FetchFailed("bad_gzip")
                if inflate.unconsumed_tail:
                    return FetchFailed("too_big")
            if len(out) > self.max_bytes:
                return FetchFailed("too_big")
        return bytes(out)
