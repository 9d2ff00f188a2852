"""What the process counts for Prometheus (``GET /metrics``): one registry per process, built by
the composition root and handed to whoever records (never a global, so tests stay apart).

Counted at the edges, never in the pure core: the Discord adapter (analyses by verdict and intake
path, their time, rate-limit refusals, link watch), the lookups port (``MeteredIntel``: answers by
outcome, latency), the store (write-transaction latency), the web server (requests), the feeds
(fetches, listed names), plus gauges read when scraped (gateway latency, event-loop lag).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Collection
from datetime import datetime

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    disable_created_metrics,
    gc_collector,
    generate_latest,
    platform_collector,
    process_collector,
)

from bot.analysis.models import DomainFact
from bot.services.ports.lookups import DomainIntel
from bot.services.rate_limit import RateLimiter, Verdict

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
FAST = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
SLOW = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 6.0, 10.0, 30.0)


class Metrics:
    def __init__(self, version: str = "0") -> None:
        disable_created_metrics()  # type: ignore[no-untyped-call]  # no *_created series: one sample per counter
        r = self.registry = CollectorRegistry()
        process_collector.ProcessCollector(registry=r)
        platform_collector.PlatformCollector(registry=r)
        gc_collector.GCCollector(registry=r)
        Info("phishbot", "The running phishbot", registry=r).info({"version": version})
        self.analyses = Counter("phishbot_analyses", "Analyses by verdict and intake path",
                                ["verdict", "path"], registry=r)
        self.analysis_seconds = Histogram("phishbot_analysis_seconds", "Time from a mail's bytes to its stored report "
                                          "(lookups included, up to the reply)", ["path"], buckets=SLOW, registry=r)
        self.lookups = Counter("phishbot_lookups", "Registration answers by outcome (rdap, whois, cache, unavailable)",
                               ["outcome"], registry=r)
        self.lookup_seconds = Histogram("phishbot_lookup_seconds", "Time of one lookup call (all its domains)",
                                        buckets=SLOW, registry=r)
        self.reports_stored = Counter("phishbot_reports_stored", "Reports saved to the shared log (duplicates not "
                                      "counted)", registry=r)
        self.db_write_seconds = Histogram("phishbot_db_write_seconds", "Time of one write transaction, waiting for the "
                                          "write lock included", buckets=FAST, registry=r)
        self.rate_limited = Counter("phishbot_rate_limited", "Requests refused by a rate limit", ["where"], registry=r)
        self.link_watch = Counter("phishbot_link_watch_messages", "Messages link watch read, by what it did",
                                  ["outcome"], registry=r)
        self.web_requests = Counter("phishbot_web_requests", "Web requests by route and status", ["route", "status"],
                                    registry=r)
        self.feed_fetches = Counter("phishbot_feed_fetches", "Feed fetches by source and result", ["source", "status"],
                                    registry=r)
        self.feed_names = Gauge("phishbot_feed_listed_names", "Names the threat-feed index holds", registry=r)
        self.gateway_latency = Gauge("phishbot_gateway_latency_seconds", "Discord gateway heartbeat latency",
                                     registry=r)
        self.loop_lag = Gauge("phishbot_event_loop_lag_seconds", "How late the event loop ran a timer, last second",
                              registry=r)
        self.loop_lag_max = Gauge("phishbot_event_loop_lag_max_seconds", "Largest event-loop lag since start",
                                  registry=r)
        self.ready = Gauge("phishbot_ready", "1 while connected to Discord, or serving without it", registry=r)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

    def gauge_from(self, gauge: Gauge, read: Callable[[], float]) -> None:
        """A gauge read when scraped (gateway latency, readiness)."""
        def value() -> float:
            try:
                return float(read())
            except Exception:  # noqa: BLE001 - a gauge that cannot be read reads 0, never a failed scrape
                return 0.0

        gauge.set_function(value)

    async def watch_loop_lag(self, stop: asyncio.Event, every: float = 1.0) -> None:
        """Sleeps ``every`` seconds and records how late it woke: a blocked event loop shows here."""
        worst = 0.0
        while not stop.is_set():
            began = time.perf_counter()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
            lag = max(0.0, time.perf_counter() - began - every) if not stop.is_set() else 0.0
            worst = max(worst, lag)
            self.loop_lag.set(lag)
            self.loop_lag_max.set(worst)


class MeteredIntel:
    """The ``DomainIntel`` port, counted: every answer by outcome, every call's latency."""

    def __init__(self, inner: DomainIntel, metrics: Metrics) -> None:
        self.inner = inner
        self.metrics = metrics

    async def lookup(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        began = time.perf_counter()
        facts = await self.inner.lookup(domains, now)
        self.metrics.lookup_seconds.observe(time.perf_counter() - began)
        for fact in facts.values():
            self.metrics.lookups.labels(fact.lookup).inc()
        return facts

    async def cached(self, domains: Collection[str], now: datetime) -> dict[str, DomainFact]:
        return await self.inner.cached(domains, now)


class MeteredLimiter(RateLimiter):
    """A rate limit whose refusals are counted (``phishbot_rate_limited{where}``)."""

    def __init__(self, per_window: int, window: float, clock: Callable[[], float], metrics: Metrics, where: str) -> None:
        super().__init__(per_window, window, clock)
        self.metrics = metrics
        self.where = where

    def hit(self, key: object) -> Verdict:
        verdict = super().hit(key)
        if not verdict.allowed:
            self.metrics.rate_limited.labels(self.where).inc()
        return verdict
