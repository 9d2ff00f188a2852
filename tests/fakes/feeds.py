"""A fake threat-feed server on loopback, speaking plain HTTP as the real feeds do: files with an
ETag and a Last-Modified, ``304 Not Modified`` to a matching conditional request, gzip when asked,
and the ways a real server misbehaves on demand (slow, a byte at a time, endless, huge, a gzip bomb,
redirect loops, 5xx).

Every request is recorded (path and the conditional headers it carried), so a test can assert what
was asked — and that nothing else was.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from aiohttp import web

LAST_MODIFIED = "Wed, 01 Oct 2025 00:00:00 GMT"


@dataclass
class Asked:
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    accept_encoding: str | None


@dataclass
class FeedServer:
    files: dict[str, bytes] = field(default_factory=dict)  # path -> body
    gzip_files: set[str] = field(default_factory=set)  # served with Content-Encoding: gzip
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering
    status: dict[str, int] = field(default_factory=dict)  # path -> forced status
    redirects: dict[str, str] = field(default_factory=dict)  # path -> where a 302 sends the client
    endless: set[str] = field(default_factory=set)  # path -> a body that never ends
    drip: dict[str, float] = field(default_factory=dict)  # path -> seconds between two bytes of its body
    gzipped: dict[str, bytes] = field(default_factory=dict)  # path -> a body sent as it is, as gzip (a bomb)
    asked: list[Asked] = field(default_factory=list)
    closing: asyncio.Event = field(default_factory=asyncio.Event)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def etag(self, path: str) -> str:
        return '"' + hashlib.sha256(self.files[path]).hexdigest()[:16] + '"'

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.asked.append(Asked(path, request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since"),
                                request.headers.get("Accept-Encoding")))
        if path in self.slow:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.closing.wait(), self.slow[path])
        if path == "/loop":
            raise web.HTTPFound("/loop")
        if path in self.redirects:
            raise web.HTTPFound(self.redirects[path])
        if path in self.status:
            return web.Response(status=self.status[path], text="no")
        if path in self.endless:
            resp = web.StreamResponse(headers={"Content-Type": "text/plain"})
            await resp.prepare(request)
            while not self.closing.is_set():
                await resp.write(b"https://a.example.com/x\n" * 4096)
                await asyncio.sleep(0)
            return resp
        if path in self.gzipped:
            return web.Response(body=self.gzipped[path], headers={"Content-Encoding": "gzip",
                                                                  "Content-Type": "text/plain"})
        if path in self.drip:  # headers at once, then the body a byte at a time: a slowloris server
            resp = web.StreamResponse(headers={"Content-Type": "text/plain"})
            await resp.prepare(request)
            for byte in self.files.get(path, b"https://a.example.com/x\n" * 1000):
                if self.closing.is_set():
                    break
                await resp.write(bytes([byte]))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.closing.wait(), self.drip[path])
            return resp
        if path not in self.files:
            return web.Response(status=404, text="not found")
        etag = self.etag(path)
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = self.files[path]
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": "text/plain; charset=utf-8"}
        if path in self.gzip_files:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return web.Response(body=body, headers=headers)


@contextlib.asynccontextmanager
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    server.base = f"http://127.0.0.1:{port}"
    try:
        yield server
    finally:
        server.closing.set()
        await runner.cleanup()
