"""Hostile peers for the network-facing code (``python bench/hostile.py --network``): each family one
class of attack at generated sizes, against the real code over real sockets on loopback.

- ``feed_json_depth@N``: a PhishTank JSON feed nested N deep (the parser: no RecursionError, 0 items);
- ``rdap_json_depth@N``: an RDAP answer nested N deep (``parse_rdap``: ``malformed``);
- ``feed_gzip_bomb@N``: a feed server sending N MiB of zeros gzipped (a few KiB on the wire) to the
  real fetcher with the default ``FEED_MAX_BYTES`` (64 MiB): ``too_big`` past the cap, memory bounded;
- ``feed_drip@N``: a feed server sending a byte every 10 ms, ``FEED_TIMEOUT`` = N s: ``timeout`` at N s;
- ``whois_flood@N``: a WHOIS server sending without end, the lookup timeout N s: ``too_large`` at 256 KiB;
- ``rdap_redirects@N``: a registry redirecting N times within itself: ``redirect_loop`` after 3, and
  one to a host it names: ``redirect_refused``, that host never asked;
- ``web_slowloris@N``: N clients sending request headers a byte every 100 ms to the web server's
  guarded runner (``WEB_REQUEST_TIMEOUT`` = 1 s): every one dropped, and an honest request answered
  meanwhile (its latency is the row's "answer" figure).

Each row: wall time, the outcome, the process's peak RSS so far. A row fails when its outcome is not
the one it must be, or it takes more than ``--max-seconds`` beyond its own time bound.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
import time
import zlib
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from aiohttp import web

REPO = Path(__file__).resolve().parents[1]
if sys.path[:1] != [str(REPO)]:  # measure the checkout (and never bench/bot.py as ``bot``)
    sys.path.insert(0, str(REPO))
if str(REPO / "bench") not in sys.path:
    sys.path.append(str(REPO / "bench"))
from _stats import peak_rss_mb  # noqa: E402  (after the path is set)

MiB = 1024 * 1024


def _rss_mb() -> float:
    return peak_rss_mb()


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, shutdown_timeout=0.2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


async def feed_json_depth(n: int) -> str:
    from bot.feeds.formats import parse

    items = await asyncio.to_thread(lambda: list(parse("phishtank", b"[" * n + b"]" * n)))
    return "0 items" if not items else f"{len(items)} items"


async def rdap_json_depth(n: int) -> str:
    from bot.lookups.rdap import parse_rdap

    got = parse_rdap("x.example.com", b'{"events": ' + b"[" * n + b"]" * n + b"}")
    return getattr(got, "reason", "parsed")


def _bomb(mib: int) -> bytes:
    """``mib`` MiB of zeros, gzipped (about 1 KiB on the wire per MiB)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * MiB
    return b"".join(deflate.compress(zeros) for _ in range(mib)) + deflate.flush()


async def feed_gzip_bomb(mib: int) -> str:
    from bot.feeds.fetch import FeedFetcherHTTP
    from bot.settings import FeedSettings

    payload = await asyncio.to_thread(_bomb, mib)  # made before the clock of the fetch starts

    async def bomb(request: web.Request) -> web.Response:  # noqa: ARG001
        return web.Response(body=payload, headers={"Content-Encoding": "gzip", "Content-Type": "text/plain"})

    app = web.Application()
    app.router.add_get("/bomb.txt", bomb)
    runner, base = await _serve(app)
    try:
        async with aiohttp.ClientSession() as session:
            start = time.perf_counter()
            got = await FeedFetcherHTTP(session, 60.0, FeedSettings().max_bytes).fetch(base + "/bomb.txt", None, None)
            took = time.perf_counter() - start
    finally:
        await runner.cleanup()
    body = getattr(got, "body", None)
    outcome = f"body {len(body) // MiB} MiB" if body is not None else getattr(got, "reason", "?")
    return f"{outcome} ({len(payload) // 1024} KiB sent; fetch {took:.3f} s)"


async def feed_drip(seconds: int) -> str:
    from bot.feeds.fetch import FeedFetcherHTTP

    stop = asyncio.Event()

    async def drip(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/plain"})
        await resp.prepare(request)
        try:
            while not stop.is_set():
                await resp.write(b"a")
                await asyncio.sleep(0.01)
        except (ConnectionError, RuntimeError):
            pass
        return resp

    app = web.Application()
    app.router.add_get("/drip.txt", drip)
    runner, base = await _serve(app)
    try:
        async with aiohttp.ClientSession() as session:
            got = await FeedFetcherHTTP(session, float(seconds), 64 * MiB).fetch(base + "/drip.txt", None, None)
    finally:
        stop.set()
        await runner.cleanup()
    return getattr(got, "reason", "body")


async def whois_flood(seconds: int) -> str:
    from bot.lookups.whois_client import whois_lookup

    stop = asyncio.Event()

    async def flood(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readline()
        try:
            while not stop.is_set():
                writer.write(b"% padding\n" * 4096)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(flood, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        got = await whois_lookup("flood.example.jp", ("127.0.0.1", port), float(seconds))
    finally:
        stop.set()
        server.close()
    return getattr(got, "reason", "answered")


async def rdap_redirects(hops: int) -> str:
    from bot.lookups.rdap import rdap_lookup

    asked: list[str] = []

    async def handler(request: web.Request) -> web.StreamResponse:
        asked.append(request.path_qs)
        hop = int(request.query.get("hop", "0"))
        if hop < hops:
            raise web.HTTPFound(f"{request.path}?hop={hop + 1}")
        raise web.HTTPFound("http://login.phish-site.example/domain/x.example.com")

    app = web.Application()
    app.router.add_get("/domain/{name}", handler)
    runner, base = await _serve(app)
    try:
        async with aiohttp.ClientSession() as session:
            got = await rdap_lookup(session, base, "x.example.com", 5.0)
    finally:
        await runner.cleanup()
    return f"{getattr(got, 'reason', 'answered')} after {len(asked)} requests"


async def web_slowloris(clients: int) -> str:
    from bot.web.app import GuardedRunner

    async def ok(request: web.Request) -> web.Response:  # noqa: ARG001
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/healthz", ok)
    runner = GuardedRunner(app, 1.0, clients + 10, shutdown_timeout=0.2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 10_000

    async def slow() -> bool:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for byte in head:
                writer.write(bytes([byte]))
                await writer.drain()
                try:
                    if await asyncio.wait_for(reader.read(1), 0.1) == b"":
                        return True
                except TimeoutError:
                    continue
            return False
        except OSError:
            return True
        finally:
            writer.close()

    try:
        attackers = [asyncio.ensure_future(slow()) for _ in range(clients)]
        await asyncio.sleep(0.3)
        start = time.perf_counter()
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = await asyncio.wait_for(reader.read(), 10)
        honest = time.perf_counter() - start
        writer.close()
        dropped = sum(await asyncio.gather(*attackers))
    finally:
        await runner.cleanup()
    status = answer.split(b"\r\n", 1)[0].decode()
    return f"{dropped}/{clients} dropped; honest '{status}' in {honest * 1000:.0f} ms"


# name -> (run, sizes, what the outcome must contain, the family's own time bound in seconds)
FAMILIES: dict[str, tuple[Callable[[int], Awaitable[str]], tuple[int, ...], Callable[[int], str], float]] = {
    "feed_json_depth": (feed_json_depth, (1_000, 100_000, 1_000_000), lambda _: "0 items", 0.0),
    "rdap_json_depth": (rdap_json_depth, (1_000, 100_000, 500_000), lambda _: "malformed", 0.0),
    # the bound covers making the bomb (≈ 7 ms a MiB); the fetch's own time is in the outcome
    "feed_gzip_bomb": (feed_gzip_bomb, (16, 256, 1024), lambda n: "body 16 MiB" if n <= 64 else "too_big", 10.0),
    "feed_drip": (feed_drip, (1, 3), lambda _: "timeout", 3.0),
    "whois_flood": (whois_flood, (2, 5), lambda _: "too_large", 0.0),
    "rdap_redirects": (rdap_redirects, (1, 10), lambda n: "redirect_refused after 2" if n < 3 else "redirect_loop after 4",
                       0.0),
    "web_slowloris": (web_slowloris, (10, 100), lambda n: f"{n}/{n} dropped; honest 'HTTP/1.1 200 OK'", 1.0),
}


def run(max_seconds: float, only: list[str] | None = None) -> tuple[list[tuple[str, ...]], list[str]]:
    """(rows, failures)."""
    rows: list[tuple[str, ...]] = []
    failures: list[str] = []
    socket.setdefaulttimeout(None)
    for name, (family, sizes, expected, bound) in FAMILIES.items():
        for size in sizes:
            label = f"{name}@{size}"
            if only and not label.startswith(tuple(only)):
                continue
            start = time.perf_counter()
            try:
                outcome = asyncio.run(family(size))
            except Exception as exc:  # noqa: BLE001 - the point of the bench: report it
                outcome = f"CRASH {type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - start
            status = "ok"
            if expected(size) not in outcome:
                status = f"EXPECTED {expected(size)}"
            elif elapsed > max_seconds + bound:
                status = f"SLOW>{max_seconds + bound:g}s"
            if status != "ok":
                failures.append(f"{label}: {status} ({outcome})")
            rows.append((label, f"{elapsed:.3f}", outcome, f"{_rss_mb():.0f}", status))
            print(f"  {label}: {elapsed:.3f} s {outcome} {status}", flush=True, file=sys.stderr)
    return rows, failures


if __name__ == "__main__":
    rows, failures = run(5.0, sys.argv[1:] or None)
    print(json.dumps({"rows": rows, "failures": failures}, ensure_ascii=False, indent=1))
