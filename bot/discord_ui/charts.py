"""Charts in Discord: drawn in a worker thread (matplotlib never runs on the event loop), kept a
minute per guild, attached to the embed as an image whose description (alt text) carries the
chart's numbers.

The cache is keyed by guild, chart (``stats`` or the campaign id) and language, and remembers what
it drew: a member asking again within the minute gets the same PNG without a redraw, but a chart
whose numbers changed meanwhile (a new report, a vote) is drawn anew, so the picture never
disagrees with the text beside it. Two members asking at once share one drawing. matplotlib is
imported on the first chart, not at start-up (it costs ~40 MB and ~0.4 s).
"""

from __future__ import annotations

import asyncio
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.charts.data import describe
from bot.discord_ui.embeds import FIELD_MAX, clip
from bot.i18n import t

if TYPE_CHECKING:
    from bot.charts.data import CampaignChart, StatsChart

log = logging.getLogger(__name__)
CHART_TTL = 60.0  # seconds
MAX_CHARTS = 64  # ~100 KB each
ALT_TEXT_MAX = 1024  # Discord's limit for an attachment's description


@dataclass(frozen=True)
class _Entry:
    at: float
    chart: StatsChart | CampaignChart
    png: bytes


def _draw(chart: StatsChart | CampaignChart) -> bytes:
    from bot.charts.draw import render  # imports matplotlib: in the worker thread, on first use

    try:
        return render(chart, "png")
    finally:
        _release_memory()


def _release_memory() -> None:
    """Hands the memory a drawing freed back to the system (glibc keeps it otherwise: ~20 MB of a
    long-running bot's RSS, docs/BENCHMARKS.md). Elsewhere than glibc, nothing to do."""
    global _trim  # noqa: PLW0603 - looked up once
    if _trim is None:
        try:
            import ctypes

            _trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _trim = False
    if _trim:
        _trim(0)


_trim: Any = None


class ChartCache:
    def __init__(self, ttl: float = CHART_TTL, clock: Callable[[], float] = time.monotonic,
                 draw: Callable[[StatsChart | CampaignChart], bytes] = _draw) -> None:
        self.ttl = ttl
        self.clock = clock
        self.draw = draw
        self.drawn = 0  # drawings made (tests and the bench read it)
        self._entries: dict[tuple[int, str, str], _Entry] = {}
        self._pending: dict[tuple[int, str, str], tuple[StatsChart | CampaignChart, asyncio.Future[bytes | None]]] = {}

    async def png(self, guild_id: int, name: str, chart: StatsChart | CampaignChart) -> bytes | None:
        """The chart as PNG, from the cache when this guild's same chart was drawn within the TTL
        with the same numbers; None when it could not be drawn (the text still says it all)."""
        key = (guild_id, name, chart.lang)
        entry = self._entries.get(key)
        if entry is not None and self.clock() - entry.at < self.ttl and entry.chart == chart:
            return entry.png
        pending = self._pending.get(key)
        if pending is None or pending[0] != chart:
            # a task of its own: a member who gives up waiting does not cancel the others' picture
            pending = (chart, asyncio.ensure_future(self._drawing(key, chart)))
            self._pending[key] = pending
        return await asyncio.shield(pending[1])

    async def _drawing(self, key: tuple[int, str, str], chart: StatsChart | CampaignChart) -> bytes | None:
        try:
            png: bytes | None = await asyncio.to_thread(self.draw, chart)
            self.drawn += 1
        except Exception:  # a chart that cannot be drawn costs the picture, never the answer (logged)
            log.warning("a chart could not be drawn", exc_info=True)
            png = None
        finally:
            if key in self._pending and self._pending[key][0] == chart:
                del self._pending[key]
        if png is not None:
            self._remember(key, _Entry(self.clock(), chart, png))
        return png

    def _remember(self, key: tuple[int, str, str], entry: _Entry) -> None:
        now = entry.at
        for old in [k for k, e in self._entries.items() if now - e.at >= self.ttl]:
            del self._entries[old]
        while len(self._entries) >= MAX_CHARTS:
            del self._entries[min(self._entries, key=lambda k: self._entries[k].at)]
        self._entries[key] = entry

    def forget_guild(self, guild_id: int) -> None:
        for key in [k for k in self._entries if k[0] == guild_id]:
            del self._entries[key]


def chart_file(png: bytes, filename: str, chart: StatsChart | CampaignChart) -> discord.File:
    """The PNG as an attachment whose description (alt text) holds the chart's numbers."""
    return discord.File(io.BytesIO(png), filename=filename, description=clip(describe(chart), ALT_TEXT_MAX))


def lines_value(lines: list[str], lang: str) -> str:
    """Lines for an embed field: whole lines only, "… and N more" when they do not all fit."""
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        if used + len(line) + 1 > FIELD_MAX - 40:
            out.append(t(lang, "discord", "and_more", count=len(lines) - i))
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out) or t(lang, "chart", "none")
