"""The analyse use-case with registration lookups: read once, look up, judge.

Reading and judging run in a worker thread: a 10 MB mail takes a good part of a second to read,
and the bot's event loop must keep answering Discord (heartbeats, other members' interactions)
meanwhile. The core is pure, so a thread needs no locking."""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.analysis.models import Limits, Report
from bot.analysis.pipeline import ANALYSIS_BUGS, failed_report, judge, prepare
from bot.services.protocols import DomainIntel


async def analyse_with_lookups(data: bytes, intel: DomainIntel | None, now: datetime, limits: Limits) -> Report:
    try:
        prepared = await asyncio.to_thread(prepare, data, limits)
    except ANALYSIS_BUGS as exc:
        return failed_report(data, type(exc).__name__)
    facts = await intel.lookup(list(prepared.lookup_domains()), now) if intel is not None else {}
    try:
        return await asyncio.to_thread(judge, prepared, facts, now)
    except ANALYSIS_BUGS as exc:
        return failed_report(data, type(exc).__name__)
