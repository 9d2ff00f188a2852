"""The analyse use-case with registration lookups: read once, look up, judge."""

from __future__ import annotations

from datetime import datetime

from bot.analysis.models import Limits, Report
from bot.analysis.pipeline import judge, prepare
from bot.services.protocols import DomainIntel


async def analyse_with_lookups(data: bytes, intel: DomainIntel | None, now: datetime, limits: Limits) -> Report:
    prepared = prepare(data, limits)
    facts = await intel.lookup(list(prepared.lookup_domains()), now) if intel is not None else {}
    return judge(prepared, facts, now)
