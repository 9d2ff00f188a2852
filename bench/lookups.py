"""Lookup latency: N distinct domains against a fake RDAP registry that answers after L seconds.

The SPEC §9 target: a report with N domains costs about L, not N×L (lookups run concurrently,
bounded by LOOKUP_CONCURRENCY); a cache hit costs under 1 ms at p99. Everything runs on loopback:
the registry is tests/fakes/registries.py's RDAP server, the client is the real one
(bot.lookups.intel.RegistryIntel over aiohttp, with the SQLite cache).

    python bench/lookups.py [--domains 20] [--latency 0.3] [--hits 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
from _stats import percentile  # noqa: E402
from aiohttp import web  # noqa: E402

from bot.analysis.pipeline import judge, prepare  # noqa: E402
from bot.lookups.bootstrap import load_bootstrap  # noqa: E402
from bot.lookups.intel import RegistryIntel  # noqa: E402
from bot.settings import LookupSettings  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.registration_cache import RegistrationCache  # noqa: E402
from tests.fakes.registries import RdapFake  # noqa: E402


def mail_with_links(domains: list[str]) -> bytes:
    body = "\n".join(f"https://login.{d}/account" for d in domains)
    return (
        "Received: from mx.sender.example.net (mx.sender.example.net [203.0.113.9])\n"
        "\tby mx.example.jp; Sun, 24 Jan 2021 19:02:11 +0900\n"
        f"From: Shop <info@{domains[0]}>\nTo: taro@example.jp\nSubject: links\n\n{body}\n"
    ).encode()


async def main(n: int, latency: float, hits: int) -> None:
    fake = RdapFake(delay=latency)
    runner = web.AppRunner(fake.app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    domains = [f"d{i:02d}.example" for i in range(n)]
    now = datetime(2021, 1, 25, tzinfo=UTC)
    settings = LookupSettings(rdap_base_url=base, timeout=10.0, deadline=30.0)
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(f"{tmp}/bench.db")
        try:
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=settings.concurrency)) as session:
                intel = RegistryIntel(settings, load_bootstrap(base, None), RegistrationCache(db), session)
                prepared = prepare(mail_with_links(domains))
                asked = list(prepared.lookup_domains())
                started = time.perf_counter()
                facts = await intel.lookup(asked, now)
                report = judge(prepared, facts, now)
                cold = time.perf_counter() - started
                looked = [d for d in asked if facts[d].lookup == "rdap"]
                # cache hits, one domain at a time (as a report with one cached link costs)
                times = []
                for i in range(hits):
                    domain = domains[i % n]
                    t0 = time.perf_counter()
                    got = await intel.lookup([domain], now)
                    times.append(time.perf_counter() - t0)
                    assert got[domain].lookup == "cache"
                # the same through the SQLite store alone (a fresh process, or an entry older than
                # the in-memory memo): one aiosqlite round trip
                store_times = []
                for i in range(hits):
                    domain = domains[i % n]
                    intel._memo.clear()
                    t0 = time.perf_counter()
                    got = await intel.lookup([domain], now)
                    store_times.append(time.perf_counter() - t0)
                    assert got[domain].lookup == "cache"
        finally:
            await db.close()
    await runner.cleanup()
    p50 = statistics.median(times) * 1000
    p99 = percentile(times, 0.99) * 1000
    s50 = statistics.median(store_times) * 1000
    s99 = percentile(store_times, 0.99) * 1000
    print(f"registry latency L = {latency * 1000:.0f} ms, domains N = {len(looked)} (of {len(asked)} asked),"
          f" LOOKUP_CONCURRENCY = {settings.concurrency}")
    print(f"report with N uncached domains: {cold * 1000:.0f} ms = {cold / latency:.2f} L (N×L would be {n * latency:.1f} s)")
    print(f"links judged: {len(report.links)}, every one with an age: {all(a is not None for a in dict(report.ages).values())}")
    print(f"cache hit ({hits} lookups): p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    print(f"cache hit from the SQLite store alone: p50 {s50:.3f} ms, p99 {s99:.3f} ms")
    ok_cold = cold < 2 * latency
    ok_hit = p99 < 1.0
    print("SUMMARY")
    print(f"  {'PASS' if ok_cold else 'MISS'}  N domains cost about one latency (< 2 L)   {cold / latency:.2f} L")
    print(f"  {'PASS' if ok_hit else 'MISS'}  cache hit p99 < 1 ms                         {p99:.3f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--domains", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--hits", type=int, default=2000)
    args = parser.parse_args()
    asyncio.run(main(args.domains, args.latency, args.hits))
