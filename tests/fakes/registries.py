"""Fake registries on loopback speaking the real protocols: RDAP (RFC 9083 JSON over HTTP, an
aiohttp server) and WHOIS (plain TCP, in JPRS and Verisign formats). The code under test runs its
real aiohttp and python-whois paths against them.

Both record every request, so tests can assert what was (and was not) asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

# domain -> registration date (ISO) for the RDAP fake
RDAP_REGISTERED: dict[str, str] = {
    "servicecc-jp.cc": "2021-01-21T00:00:00Z",
    "ntc-cs.com": "2002-02-20T00:00:00Z",
    "example.com": "1995-08-14T04:00:00Z",
    "fresh.example": "2021-01-20T00:00:00Z",
}
# .jp and friends: domain -> (created, JPRS style "jp" | "co.jp")
WHOIS_REGISTERED: dict[str, str] = {
    "example.jp": "2001/02/20",
    "login-check.co.jp": "2021/01/19",
    "servicecc-jp.cc": "2021-01-21T00:00:00Z",
}


def rdap_domain(name: str, registered: str | None, extra_events: list[dict[str, str]] | None = None) -> dict[str, Any]:
    events = [{"eventAction": "expiration", "eventDate": "2027-01-21T00:00:00Z"},
              {"eventAction": "last changed", "eventDate": "2024-05-01T00:00:00Z"}]
    if registered:
        events.insert(0, {"eventAction": "registration", "eventDate": registered})
    events += extra_events or []
    return {
        "objectClassName": "domain",
        "rdapConformance": ["rdap_level_0"],
        "ldhName": name.upper(),
        "status": ["client transfer prohibited"],
        "events": events,
        "entities": [{
            "objectClassName": "entity",
            "roles": ["registrar"],
            "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Example Registrar, Inc."]]],
        }],
    }


@dataclass
class RdapFake:
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, Accept header)
    delay: float = 0.0  # every answer waits this long (the benchmark's registry latency)
    hits: dict[str, int] = field(default_factory=dict)
    offsite: str = "http://login.phish-site.example/domain/"  # where an ``offsite.*`` answer redirects
    # set when the server shuts down: a "slow" answer stops waiting at once, so a test's teardown
    # never waits for it
    closing: asyncio.Event = field(default_factory=asyncio.Event)

    async def hold(self, seconds: float) -> None:
        """Wait like a registry that has not answered yet; ends early when the server shuts down."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.closing.wait(), seconds)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/domain/{name}", self.domain)
        app.router.add_get("/other/domain/{name}", self.domain)
        app.router.add_get("/bootstrap/dns.json", self.bootstrap)
        return app

    async def bootstrap(self, request: web.Request) -> web.Response:
        self.requests.append((request.path, request.headers.get("Accept", "")))
        doc = {"description": "test", "publication": "2099-01-01T00:00:00Z", "version": "1.0",
               "services": [[["cc", "com"], ["http://127.0.0.1:1/rdap/"]]]}
        return web.Response(body=json.dumps(doc).encode(), content_type="application/json")

    async def domain(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"].lower()
        self.requests.append((request.path, request.headers.get("Accept", "")))
        self.hits[name] = self.hits.get(name, 0) + 1
        if self.delay:
            await asyncio.sleep(self.delay)
        label = name.split(".")[0]
        if label == "slow":
            await self.hold(30)
            if self.closing.is_set():
                return web.Response(status=503)
        if label == "broken":
            return web.Response(status=500, text="internal error")
        if label == "ratelimited" and self.hits[name] == 1:
            return web.Response(status=429, headers={"Retry-After": "1"})
        if label == "ratelimitedlong":
            return web.Response(status=429, headers={"Retry-After": "120"})
        if label == "malformed":
            return web.Response(body=b'{"events": [', content_type="application/rdap+json")
        if label == "huge":
            return web.Response(body=b'{"pad": "' + b"x" * (3 * 1024 * 1024) + b'"}', content_type="application/rdap+json")
        if label == "moved" and not request.path.startswith("/other/"):
            raise web.HTTPFound(f"/other/domain/{name}")
        if label == "deep":  # nested a hundred thousand deep: json.loads would end in RecursionError
            return web.Response(body=b'{"events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                                content_type="application/rdap+json")
        if label == "offsite":  # a registry sending the client to a host it names (a mail's, say)
            raise web.HTTPFound(self.offsite + name)
        if label == "hops":  # redirects within the registry, one after another, forever
            raise web.HTTPFound(f"/domain/{name}?hop={int(request.query.get('hop', '0')) + 1}")
        if label == "noevent":
            doc = rdap_domain(name, None)
        elif label == "manyevents":
            doc = rdap_domain(name, "2020-06-01T00:00:00Z",
                              [{"eventAction": "registration", "eventDate": "2019-03-01T00:00:00Z"}])
        elif name in RDAP_REGISTERED or label in ("ratelimited", "moved") or (name.startswith("d") and name.endswith(".example")):
            doc = rdap_domain(name, RDAP_REGISTERED.get(name, "2021-01-20T00:00:00Z"))
        else:
            return web.Response(status=404, body=json.dumps({"errorCode": 404, "title": "Not Found"}).encode(),
                                content_type="application/rdap+json")
        return web.Response(body=json.dumps(doc).encode(), content_type="application/rdap+json")


def jprs_english(domain: str, created: str) -> str:
    if domain.endswith(".co.jp"):
        return (
            "[ JPRS database provides information on network administration. Its use is    ]\n"
            "[ restricted to network administration purposes.                               ]\n\n"
            "Domain Information:\n"
            f"a. [Domain Name]                {domain.upper()}\n"
            "g. [Organization]               Example Trading Co., Ltd.\n"
            "l. [Organization Type]          Corporation\n"
            "p. [Name Server]                ns1.example.jp\n"
            "[State]                         Connected (2026/03/31)\n"
            f"[Registered Date]               {created}\n"
            f"[Connected Date]                {created}\n"
            "[Last Update]                   2025/04/01 01:05:07 (JST)\n"
        )
    return (
        "[ JPRS database provides information on network administration. Its use is    ]\n"
        "[ restricted to network administration purposes.                               ]\n\n"
        "Domain Information:\n"
        f"[Domain Name]                   {domain.upper()}\n\n"
        "[Registrant]                    Example Registrant\n\n"
        "[Name Server]                   ns1.example.jp\n"
        f"[Created on]                    {created}\n"
        "[Expires on]                    2027/02/28\n"
        "[Status]                        Active\n"
        "[Last Updated]                  2025/03/01 01:05:07 (JST)\n"
    )


def verisign(domain: str, created: str) -> str:
    return (
        f"   Domain Name: {domain.upper()}\n"
        "   Registry Domain ID: 123456789_DOMAIN_CC-VRSN\n"
        "   Registrar WHOIS Server: whois.registrar.example\n"
        "   Updated Date: 2021-01-21T05:12:00Z\n"
        f"   Creation Date: {created}\n"
        "   Registry Expiry Date: 2022-01-21T05:12:00Z\n"
        "   Registrar: Example Registrar, Inc.\n"
        "   Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\n"
        "   Name Server: NS1.EXAMPLE.NET\n"
        ">>> Last update of whois database: 2021-01-24T10:00:00Z <<<\n"
    )


@dataclass
class WhoisFake:
    queries: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)  # queries whose connection has ended, either side
    closing: asyncio.Event = field(default_factory=asyncio.Event)  # like RdapFake.closing

    def answer(self, query: str) -> str | None:
        """None means: accept and never answer."""
        q = query.strip()
        if "." not in q:  # the IANA step: which server serves this TLD
            return f"% IANA WHOIS server\n\ndomain:       {q.upper()}\n\nwhois:        whois.nic.{q}\n\nstatus:       ACTIVE\n"
        domain = q.removesuffix("/e").lower()
        label = domain.split(".")[0]
        if label == "hang":
            return None
        if label == "close":
            return ""
        if label in ("flood", "drip"):
            return label  # handled by ``handle``: an endless answer, fast or a byte at a time
        if domain in WHOIS_REGISTERED:
            created = WHOIS_REGISTERED[domain]
            return jprs_english(domain, created) if domain.endswith(".jp") else verisign(domain, created)
        if domain.endswith(".jp"):
            return "[ JPRS database provides information on network administration. ]\n\nNo match!!\n"
        return f'No match for "{domain.upper()}".\n>>> Last update of whois database: 2021-01-24T10:00:00Z <<<\n'

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = await reader.readline()
            query = line.decode("utf-8", "replace")
            self.queries.append(query.strip())
            answer = self.answer(query)
            if answer is None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.closing.wait(), 30)
                return
            if answer in ("flood", "drip"):
                chunk = b"% padding\n" * (4096 if answer == "flood" else 0) or b"%"
                while not self.closing.is_set():
                    writer.write(chunk)
                    await writer.drain()
                    await asyncio.sleep(0 if answer == "flood" else 0.05)
                return
            writer.write(answer.encode("utf-8"))
            await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            self.finished.append(self.queries[-1] if self.queries else "")


@dataclass
class Registries:
    rdap_url: str
    whois: str  # host:port
    rdap: RdapFake
    whois_fake: WhoisFake

    def env(self) -> dict[str, str]:
        return {"RDAP_BASE_URL": self.rdap_url, "WHOIS_SERVER": self.whois}


@contextmanager
def registries_in_thread(rdap_delay: float = 0.0) -> Iterator[Registries]:
    """Both fakes on 127.0.0.1, served by an event loop in a thread (for subprocess tests)."""
    loop = asyncio.new_event_loop()
    rdap = RdapFake(delay=rdap_delay)
    whois = WhoisFake()
    started = threading.Event()
    holder: dict[str, Any] = {}

    async def start() -> None:
        runner = web.AppRunner(rdap.app())
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        server = await asyncio.start_server(whois.handle, "127.0.0.1", 0)
        holder.update(runner=runner, server=server,
                      rdap_port=runner.addresses[0][1], whois_port=server.sockets[0].getsockname()[1])

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield Registries(f"http://127.0.0.1:{holder['rdap_port']}", f"127.0.0.1:{holder['whois_port']}", rdap, whois)
    finally:
        async def stop() -> None:
            holder["server"].close()
            await holder["runner"].cleanup()

        asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
