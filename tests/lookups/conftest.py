"""Fixtures: the fake registries on the test's own event loop, and the client under test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import pytest
from aiohttp import web

from bot.lookups.bootstrap import load_bootstrap
from bot.lookups.intel import RegistryIntel
from bot.services.ports.lookups import RegistrationCache
from bot.settings import LookupSettings
from bot.storage.open import open_store
from tests.fakes.registries import RdapFake, WhoisFake


@dataclass
class Served:
    rdap: RdapFake
    whois: WhoisFake
    rdap_url: str
    whois_addr: tuple[str, int]


@pytest.fixture
async def served() -> AsyncIterator[Served]:
    rdap, whois = RdapFake(), WhoisFake()
    runner = web.AppRunner(rdap.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = await asyncio.start_server(whois.handle, "127.0.0.1", 0)
    try:
        yield Served(rdap, whois, f"http://127.0.0.1:{runner.addresses[0][1]}", ("127.0.0.1", server.sockets[0].getsockname()[1]))
    finally:
        rdap.closing.set()
        whois.closing.set()
        server.close()
        await runner.cleanup()


@pytest.fixture
async def db(store_place: str) -> AsyncIterator[RegistrationCache]:
    """The registration cache of a fresh store (SQLite, then PostgreSQL)."""
    async with open_store(store_place) as stores:
        yield stores.cache


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def make_intel(served: Served, session: aiohttp.ClientSession, db: RegistrationCache | None, **kw: float) -> RegistryIntel:
    settings = LookupSettings(
        timeout=kw.get("timeout", 2.0), deadline=kw.get("deadline", 4.0), concurrency=int(kw.get("concurrency", 8)),
        rdap_base_url=served.rdap_url, whois_server=served.whois_addr,
    )
    return RegistryIntel(settings, load_bootstrap(served.rdap_url, None), db, session)
