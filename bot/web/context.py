"""What every handler of the web server needs, built by the composition root: the use-cases it calls,
the metrics, the clock, the health hooks; and the answer every "not here" gets."""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from aiohttp import web

from bot.metrics import Metrics
from bot.services.blocklist_feed import BlocklistFeeds
from bot.services.campaign_page import CampaignPages
from bot.services.community import CampaignView
from bot.services.web_tokens import WebTokens
from bot.settings import AppSettings
from bot.web.limits import Buckets

HERE = os.path.dirname(__file__)
NOT_FOUND = "404: not found\n"
ChartHook = Callable[[int, CampaignView, str], Awaitable[str | None]]  # (guild, campaign view, lang) -> SVG


@dataclass
class WebDeps:
    settings: AppSettings
    metrics: Metrics
    tokens: WebTokens
    feeds_out: BlocklistFeeds
    pages: CampaignPages
    clock: Callable[[], datetime]
    healthy: Callable[[], Awaitable[bool]]  # the store answers
    ready: Callable[[], bool]  # connected to Discord, or serving without it
    guild_language: Callable[[int], Awaitable[str | None]]  # a guild's /setup language, the page's default
    chart_svg: ChartHook | None = None  # the campaign chart (bot.charts) as SVG text
    # a bot in shards: (the shard count, each of this process's shards -> connected); None otherwise
    shards: Callable[[], tuple[int, dict[int, bool]]] | None = None
    buckets: Buckets = field(init=False)

    def __post_init__(self) -> None:
        self.buckets = Buckets(self.settings.web.feed_requests_per_minute, time.monotonic)


DEPS = web.AppKey("deps", WebDeps)
