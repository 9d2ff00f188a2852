"""The web server as a deployment runs it: a real SQLite shared log holding the seed campaign (two
members reported it), the outreach wiring (feed index, network, tokens, blocklist feeds) and the
aiohttp server on a free loopback port; tests ask it over HTTP with a real client."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from bot.services.app import SharedLog
from bot.services.ports.guilds import FeatureChanges
from bot.services.ports.stores import Stores
from bot.settings import AppSettings, LookupSettings, WebSettings
from bot.wiring import Outreach, Process, long_running
from tests.shared_log import shared_log_at

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_EML = (EXAMPLES / "seed-smbc-selfspoof.eml").read_bytes()
SEED_PASTE = (EXAMPLES / "seed-smbc-pasted.txt").read_text(encoding="utf-8")
GUILD = 111
OTHER_GUILD = 222
THIRD_GUILD = 333
NOW = datetime(2021, 1, 25, tzinfo=UTC)


def seed_variant(i: int) -> bytes:
    """The pasted seed with its own tracking token: a new report of the same campaign."""
    return SEED_PASTE.replace("uid=8f3a91c2", f"uid={i:08x}").encode("utf-8")


@dataclass
class Served:
    settings: AppSettings
    process: Process
    base: str
    http: aiohttp.ClientSession
    campaign: str
    ready: list[bool]

    @property
    def log(self) -> SharedLog:
        return self.process.log

    @property
    def stores(self) -> Stores:
        return self.process.stores

    @property
    def out(self) -> Outreach:
        return self.process.outreach

    async def get(self, path: str, **kw: object) -> aiohttp.ClientResponse:
        return await self.http.get(self.base + path, allow_redirects=False, **kw)  # type: ignore[arg-type]

    async def text(self, path: str, **kw: object) -> tuple[int, str, aiohttp.ClientResponse]:
        resp = await self.get(path, **kw)
        async with resp:
            return resp.status, await resp.text(), resp

    async def features(self, guild: int = GUILD, **changes: object) -> None:
        await self.stores.guilds.change_guild_features(guild, FeatureChanges(**changes), NOW)  # type: ignore[arg-type]
        await self.out.guild_changed(guild)

    async def feed_url(self, file: str, guild: int = GUILD) -> str:
        token = await self.log.tokens.ensure(guild, "feed", NOW)
        return f"/f/{token}/{file}"

    async def page_url(self, campaign: str | None = None, guild: int = GUILD) -> str:
        token = await self.log.tokens.ensure(guild, "pages", NOW)
        return f"/c/{token}/{campaign or self.campaign}"


def web_settings(tmp_path: Path, **web: object) -> AppSettings:
    return AppSettings(db=str(tmp_path / "phishbot.db"), lookups=LookupSettings(enabled=False),
                       address_hash_key="test-key-0123456789",
                       web=WebSettings(**{"host": "127.0.0.1", "port": 0, **web}))  # type: ignore[arg-type]


@contextlib.asynccontextmanager
async def serve(settings: AppSettings, seed: bool = True) -> AsyncIterator[Served]:
    """``seed``: two members report the seed campaign first (a scenario of its own may have built
    the database already)."""
    ready = [True]
    async with shared_log_at(settings.db_path, key=b"test-key-0123456789", settings=settings) as log:
        first = await log.submit(SEED_EML, GUILD, 201, NOW)
        if seed:
            await log.submit(seed_variant(1), GUILD, 202, NOW)
    assert first.saved.campaign_id
    async with long_running(settings, ready=lambda: ready[0]) as process, aiohttp.ClientSession() as http:
        web = process.outreach.web
        assert web is not None
        assert web.port
        yield Served(settings, process, f"http://127.0.0.1:{web.port}", http, first.saved.campaign_id, ready)


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    async with serve(web_settings(tmp_path)) as s:
        yield s


def with_web(settings: AppSettings, **web: object) -> AppSettings:
    return replace(settings, web=replace(settings.web, **web))  # type: ignore[arg-type]
