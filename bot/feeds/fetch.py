"""Downloading a configured feed URL (the ``FeedFetcher`` port), passively and within bounds.

Only the URLs of ``FEEDS`` are ever asked for — never a host named in a mail or a feed. Every
request is conditional (``If-None-Match`` / ``If-Modified-Since`` from the last answer: an unchanged
feed costs one ``304``), has a timeout for the whole download, follows at most three redirects, and
stops reading past ``FEED_MAX_BYTES`` once decompressed (gzip content-encoding and ``.gz`` files
alike). Failures are values (``FetchFailed``), never exceptions.
"""

from __future__ import annotations

import asyncio
import zlib

import aiohttp

from bot.services.ports.feeds import Fetched, FetchFailed

USER_AGENT = "phishbot/0.1 (threat feed subscriber)"
CHUNK = 65536


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
                async with self.session.get(url, headers=headers, max_redirects=3, auto_decompress=False) as resp:
                    if resp.status == 304:
                        return Fetched(None, etag, last_modified)
                    if resp.status != 200:
                        return FetchFailed(f"http_{resp.status}")
                    declared = resp.content_length
                    if declared is not None and declared > self.max_bytes and not resp.headers.get("Content-Encoding"):
                        return FetchFailed("too_big")
                    body = await self._read(resp, url)
                    if isinstance(body, FetchFailed):
                        return body
                    return Fetched(body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
        except TimeoutError:
            return FetchFailed("timeout")
        except aiohttp.TooManyRedirects:
            return FetchFailed("redirects")
        except (aiohttp.ClientConnectionError, OSError):
            return FetchFailed("refused")
        except aiohttp.ClientError:
            return FetchFailed("http_error")

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
