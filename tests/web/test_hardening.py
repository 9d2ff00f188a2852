"""The web server under hostile clients, spoken to with raw sockets on loopback: a client sending
its headers a byte at a time is dropped, idle connections are closed, connections are capped, a
request body is refused, no path reaches a file outside the one stylesheet, and every answer —
errors and aiohttp's own included — carries the security headers."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.web.conftest import Served, serve, web_settings

TIMEOUT = 1.0  # WEB_REQUEST_TIMEOUT in these tests
MAX_CONNECTIONS = 6
SECURITY = ("x-content-type-options", "referrer-policy", "content-security-policy")


@pytest.fixture
async def guarded(tmp_path: Path) -> AsyncIterator[Served]:
    settings = web_settings(tmp_path, request_timeout=TIMEOUT, max_connections=MAX_CONNECTIONS)
    async with serve(settings) as s:
        yield s


def port_of(served: Served) -> int:
    return int(served.base.rsplit(":", 1)[1])


async def exchange(served: Served, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """One request as bytes; the status, headers and body of the answer (the server closes or the
    answer's length ends it)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(served))
    try:
        writer.write(raw)
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
        body = b""
        if "content-length" in headers:
            body = await asyncio.wait_for(reader.readexactly(int(headers["content-length"])), 10)
        return status, headers, body
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def closed_within(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, seconds: float,
                        trickle: bytes = b"") -> bool:
    """Whether the server closes the connection within ``seconds`` while ``trickle`` is sent a byte
    every 0.1 s (then nothing)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    sent = 0
    while loop.time() < end:
        if sent < len(trickle):
            try:
                writer.write(trickle[sent:sent + 1])
                await writer.drain()
            except OSError:
                return True
            sent += 1
        try:
            data = await asyncio.wait_for(reader.read(1024), 0.1)
        except TimeoutError:
            continue
        except OSError:
            return True
        if data == b"":
            return True
    return False


async def test_slowloris_is_dropped_while_others_are_served(guarded: Served) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(guarded))
    head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Padding: " + b"a" * 200
    try:
        slow = asyncio.ensure_future(closed_within(reader, writer, 20 * TIMEOUT, head))
        assert (await exchange(guarded, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))[0] == 200
        assert await slow  # still sending a byte every 0.1 s, and dropped all the same
    finally:
        writer.close()


async def test_idle_connections_are_closed(guarded: Served) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(guarded))
    try:
        assert await closed_within(reader, writer, 20 * TIMEOUT)  # said nothing at all
    finally:
        writer.close()
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(guarded))
    try:  # one whole request answered, then silence on the kept-alive connection
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert (await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)).startswith(b"HTTP/1.1 200")
        assert await closed_within(reader, writer, 20 * TIMEOUT)
    finally:
        writer.close()


async def test_connections_are_capped(guarded: Served) -> None:
    held = [await asyncio.open_connection("127.0.0.1", port_of(guarded)) for _ in range(MAX_CONNECTIONS)]
    try:
        await asyncio.sleep(0.2)  # the server has accepted them
        status, headers, body = await exchange(guarded, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert status == 503 and body == b"busy\n" and all(h in headers for h in SECURITY)
    finally:
        for _, writer in held:
            writer.close()
    await asyncio.sleep(0.2)
    assert (await exchange(guarded, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))[0] == 200


@pytest.mark.parametrize("raw", [
    b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n" + b"a" * 1000,
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 20000\r\n\r\n" + b"a" * 20000,
    b"POST /f/x/domains.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + b"a" * 100,
])
async def test_a_request_body_is_refused(guarded: Served, raw: bytes) -> None:
    status, headers, _ = await exchange(guarded, raw)
    assert status == 413 and all(h in headers for h in SECURITY)


@pytest.mark.parametrize("path", [
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/page.css/../../app.py", "/static/app.py", "/static/../templates/base.html", "/static//etc/passwd",
    "/c/..%2f..%2f..%2fetc/passwd", "/f/../../etc/passwd/domains.txt", "/%2e%2e/%2e%2e/etc/passwd",
    "/static/page.css%00.py", "/templates/base.html",
])
async def test_no_path_leaves_the_routes(guarded: Served, path: str) -> None:
    status, headers, body = await exchange(guarded, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                           .encode())
    assert status in (400, 404) and b"root:" not in body and b"import" not in body and b"{%" not in body
    assert all(h in headers for h in SECURITY)


async def test_every_answer_carries_the_security_headers(guarded: Served) -> None:
    page = await guarded.page_url()
    await guarded.features(share_pages="all")
    feed = await guarded.feed_url("domains.txt")
    requests = {
        "healthz": b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
        "metrics": b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
        "root": b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        "css": b"GET /static/page.css HTTP/1.1\r\nHost: x\r\n\r\n",
        "page": f"GET {page} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
        "feed": f"GET {feed} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
        "404": b"GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n",
        "405": b"DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
        "400": b"GARBAGE\r\n\r\n",
        "400 header": b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        "431": b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n",
    }
    for name, raw in requests.items():
        status, headers, _ = await exchange(guarded, raw)
        missing = [h for h in SECURITY if h not in headers]
        assert not missing, (name, status, missing)
        if name == "page":
            assert status == 200 and "style-src 'self'" in headers["content-security-policy"]
        else:
            assert headers["content-security-policy"].startswith("default-src 'none'"), name
