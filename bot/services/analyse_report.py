"""The analyse use-case with registration lookups: read once, look up, judge.

Large inputs are read and judged in a worker thread: a 10 MB mail takes a good part of a second,
and the bot's event loop must keep answering Discord (heartbeats, other members' interactions)
meanwhile. The core is pure, so a thread needs no locking. Small ones (nearly every mail) run
inline: a thread hop costs about 1 ms here, most of what a small mail takes to analyse."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from bot.analysis.models import Limits, Report
from bot.analysis.pipeline import ANALYSIS_BUGS, failed_report, judge, prepare
from bot.services.listings import FeedListings
from bot.services.protocols import DomainIntel

T = TypeVar("T")


THREAD_ABOVE = 256 * 1024  # bytes: inputs larger than this are analysed off the event loop


async def _run(data: bytes, fn: Callable[..., T], *args: Any) -> T:
    return await asyncio.to_thread(fn, *args) if len(data) > THREAD_ABOVE else fn(*args)


async def analyse_with_lookups(data: bytes, intel: DomainIntel | None, now: datetime, limits: Limits,
                               listings: FeedListings | None = None) -> Report:
    """``listings``: the threat feeds (in memory in the bot; a few queries from the CLI)."""
    try:
        prepared = await _run(data, prepare, data, limits)
    except ANALYSIS_BUGS as exc:
        return failed_report(data, type(exc).__name__)
    facts = await intel.lookup(list(prepared.lookup_domains()), now) if intel is not None else {}
    listed = await listings.for_hosts([link.host for link in prepared.links], now) if listings is not None else {}
    try:
        return await _run(data, judge, prepared, facts, now, listed)
    except ANALYSIS_BUGS as exc:
        return failed_report(data, type(exc).__name__)
