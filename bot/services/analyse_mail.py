"""The analyse use-case: read the mail once, look up the domains it names, judge.

Where the reading and judging run is the caller's choice, an ``Analyser``:

- ``InlineAnalyser``: in the caller's thread (the CLI, which has nothing else to do meanwhile,
  and tests). The core's cooperative time limit applies: it is given ``time.monotonic``.
- ``ThreadAnalyser``: the same in a worker thread (the bot's fall-back when worker processes
  cannot be started).
- ``analysis_pool.ProcessAnalyser``: worker processes (the bot). Nothing of a mail is read on the
  bot's event loop, and a mail that holds a worker past its time is stopped for good (a thread
  cannot be killed; a process can).

Whatever an analysis raises is a bug of ours, never the member's fault: it is logged with its
traceback under a short reference, and the member gets a report that says the analysis failed
and quotes that reference (``analysis_error``). A mail that takes longer than its time gets
``time_limit``.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.analysis.budget import Clock
from bot.analysis.facts import Prepared
from bot.analysis.models import Analysis, DomainFact, Limits, Listing
from bot.analysis.pipeline import failed_analysis, judge, prepare
from bot.services.ports.lookups import DomainIntel

if TYPE_CHECKING:  # annotations only: the offline CLI spares asyncio, which the listings import
    from bot.services.listings import FeedListings

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class AnalysisFailed:
    """An analysis that gave no report: ``analysis_error`` (a bug of ours, logged under ``ref``)
    or ``time_limit`` (the mail held a worker past its time and the worker was stopped)."""

    code: str
    reason: str
    ref: str


def new_ref() -> str:
    """The short reference a member quotes and the log carries."""
    import uuid  # here: it probes the platform on import, and only a failed analysis needs one

    return uuid.uuid4().hex[:8]


def input_tag(data: bytes) -> str:
    """What the log says about an input: its hash, never its content (it may hold addresses)."""
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


def log_bug(exc: BaseException | None, what: str, tag: str, traceback_text: str | None = None) -> str:
    """Log a failure of the analysis with its traceback; returns the reference shown to the member."""
    ref = new_ref()
    if traceback_text is not None:
        log.error("analysis failed [%s] %s on %s\n%s", ref, what, tag, traceback_text.rstrip())
    else:
        log.error("analysis failed [%s] %s on %s", ref, what, tag, exc_info=exc)
    return ref


def guarded(fn: Callable[[], T], tag: str | Callable[[], str]) -> T | AnalysisFailed:
    """``tag``: the input's log tag, or how to compute it (a hash of the whole input: only when logged)."""
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - anything out of the core is a bug: logged, answered
        said = tag if isinstance(tag, str) else tag()
        return AnalysisFailed("analysis_error", type(exc).__name__, log_bug(exc, type(exc).__name__, said))


class Analyser(Protocol):
    async def prepare(self, data: bytes, limits: Limits) -> Prepared | AnalysisFailed: ...

    async def judge(
        self, prepared: Prepared, facts: Mapping[str, DomainFact], now: datetime, limits: Limits,
        listings: Mapping[str, tuple[Listing, ...]] | None = None,
    ) -> Analysis | AnalysisFailed: ...

    async def close(self) -> None: ...


class InlineAnalyser:
    """In the caller's thread, with the core's cooperative time limit."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self.clock = clock

    async def prepare(self, data: bytes, limits: Limits) -> Prepared | AnalysisFailed:
        return guarded(lambda: prepare(data, limits, self.clock), input_tag(data))

    async def judge(
        self, prepared: Prepared, facts: Mapping[str, DomainFact], now: datetime, limits: Limits,  # noqa: ARG002
        listings: Mapping[str, tuple[Listing, ...]] | None = None,
    ) -> Analysis | AnalysisFailed:
        return guarded(lambda: judge(prepared, facts, now, listings), "sha256:" + prepared.input_sha256[:16])

    async def close(self) -> None:
        return None


class ThreadAnalyser(InlineAnalyser):
    """In a worker thread: the event loop stays free, but a runaway analysis cannot be stopped
    (the bot uses this only when worker processes cannot be started)."""

    async def prepare(self, data: bytes, limits: Limits) -> Prepared | AnalysisFailed:
        import asyncio  # here: the offline CLI (this module, without an event loop) spares its import

        return await asyncio.to_thread(guarded, lambda: prepare(data, limits, self.clock), input_tag(data))

    async def judge(
        self, prepared: Prepared, facts: Mapping[str, DomainFact], now: datetime, limits: Limits,  # noqa: ARG002
        listings: Mapping[str, tuple[Listing, ...]] | None = None,
    ) -> Analysis | AnalysisFailed:
        import asyncio

        tag = "sha256:" + prepared.input_sha256[:16]
        return await asyncio.to_thread(guarded, lambda: judge(prepared, facts, now, listings), tag)


INLINE = InlineAnalyser()


def failure_analysis(data: bytes, failed: AnalysisFailed) -> Analysis:
    return failed_analysis(data, failed.reason, failed.ref, failed.code)


def analyse_offline(data: bytes, limits: Limits, now: datetime, clock: Clock = time.monotonic) -> Analysis:
    """The CLI's analysis without lookups: in this thread, never raising (a bug becomes a logged,
    referenced ``analysis_error`` analysis)."""
    # the input is hashed once (by prepare); its log tag only when a failure is logged
    prepared = guarded(lambda: prepare(data, limits, clock), lambda: input_tag(data))
    if isinstance(prepared, AnalysisFailed):
        return failure_analysis(data, prepared)
    analysis = guarded(lambda: judge(prepared, {}, now), "sha256:" + prepared.input_sha256[:16])
    return failure_analysis(data, analysis) if isinstance(analysis, AnalysisFailed) else analysis


async def analyse_with_lookups(
    data: bytes, intel: DomainIntel | None, now: datetime, limits: Limits, analyser: Analyser | None = None,
    listings: FeedListings | None = None,
) -> Analysis:
    """``listings``: the threat feeds, facts like registration ages (in memory in the bot, a few
    queries for a one-off command): looked up here, handed to the judgement."""
    analyser = analyser or INLINE
    prepared = await analyser.prepare(data, limits)
    if isinstance(prepared, AnalysisFailed):
        return failure_analysis(data, prepared)
    facts = await intel.lookup(list(prepared.lookup_domains()), now) if intel is not None else {}
    listed = await listings.for_hosts([link.host for link in prepared.links], now) if listings is not None else None
    analysis = await analyser.judge(prepared, facts, now, limits, listed)
    return failure_analysis(data, analysis) if isinstance(analysis, AnalysisFailed) else analysis
