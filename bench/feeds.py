"""Threat feeds: the cost of importing a year of JPCERT/CC's confirmed phishing URLs, of keeping
every listing in memory, of a lookup during an analysis, and of serving the blocklist feeds.

    python bench/feeds.py [../shared/corpus-dev/urls]

- import: the 2024 files (12 months, ≈57,000 URLs) into a new SQLite database, in this process
  (``import_feed``) and as a user runs it (``phishbot feeds import …`` as its own process);
- the in-memory index of every file there (all months): load time and the memory it holds;
- lookups: ``ListingIndex.for_host`` per link host (hits and misses), and an analysis of the seed
  mail with and without the feeds (the added time is what a lookup costs an analysis);
- the store's path (``StoredListings``, what a one-off command uses) per host;
- the blocklist feeds with every current listing of the year in them: the first render of each
  format and a cached one.

The URLs are live phishing: they are parsed as text, never opened or resolved.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.analysis.pipeline import judge, prepare  # noqa: E402
from bot.feeds.formats import parse  # noqa: E402
from bot.services.feeds_in import import_feed  # noqa: E402
from bot.services.listings import IndexKeeper, ListingIndex, StoredListings  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.feeds import FeedStoreSQLite  # noqa: E402

SEED = (REPO / "examples" / "seed-smbc-selfspoof.eml").read_bytes()


def per_call(fn, count: int) -> float:  # type: ignore[no-untyped-def]
    """Microseconds per call, the best of five rounds."""
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        for _ in range(count):
            fn()
        best = min(best, (time.perf_counter() - began) / count)
    return best * 1e6


async def main(folder: Path) -> None:
    year = await asyncio.to_thread(lambda: sorted(folder.glob("jpcert-2024*.csv")))
    every = await asyncio.to_thread(lambda: sorted(folder.glob("jpcert-*.csv")))
    if not year:
        raise SystemExit(f"no jpcert-2024*.csv in {folder}")
    urls = sum(1 for f in year for _ in parse("jpcert", f.read_bytes()))
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        # --- import, in this process -----------------------------------------------------------
        db = await Database.open(f"{tmp}/in.db")
        store = FeedStoreSQLite(db)
        began = time.perf_counter()
        for f in year:
            run = await import_feed(store, "jpcert", "jpcert", f.read_bytes(), now, f.name)
        took = time.perf_counter() - began
        print(f"import, in process: {len(year)} files, {urls:,} URLs -> {run.entries:,} listed names in {took:.2f} s"
              f" ({urls / took:,.0f} URLs/s)")
        again = time.perf_counter()
        for f in year:
            await import_feed(store, "jpcert", "jpcert", f.read_bytes(), now, f.name)
        print(f"import again (nothing new): {time.perf_counter() - again:.2f} s")

        # --- import, as a user runs it ---------------------------------------------------------
        env = {**os.environ, "PYTHONPATH": str(REPO), "PHISHBOT_DB": f"{tmp}/cli.db"}
        began = time.perf_counter()
        proc = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "bot", "feeds", "import", *map(str, year), "--format", "jpcert"],
            env=env, capture_output=True, check=False)
        took = time.perf_counter() - began
        assert proc.returncode == 0, proc.stderr
        print(f"import, phishbot feeds import as its own process (start-up and migration included): {took:.2f} s")

        # --- every month in memory -------------------------------------------------------------
        for f in every:
            if f not in year:
                await import_feed(store, "jpcert", "jpcert", f.read_bytes(), now, f.name)
        listings = await store.all_listings()
        index = ListingIndex(365)
        began = time.perf_counter()
        await IndexKeeper(store, index).refresh()
        load = time.perf_counter() - began
        gc.collect()
        tracemalloc.start()  # a second load, measured for memory only (tracing slows it down)
        base = tracemalloc.get_traced_memory()[0]
        measured = ListingIndex(365)
        measured.load(listings, 1)
        held = tracemalloc.get_traced_memory()[0] - base
        tracemalloc.stop()
        del measured
        print(f"index of all {len(every)} months: {len(index):,} names ({len(listings):,} listings) loaded in"
              f" {load * 1000:.0f} ms, holding about {held / 2**20:.1f} MiB")

        # --- lookups ---------------------------------------------------------------------------
        names = [x.domain for x in listings[:: max(1, len(listings) // 1000)]]
        hits = [f"login.secure.{n}" for n in names]
        misses = [f"www.not-listed-{i}.example.com" for i in range(len(hits))]
        hit_us = per_call(lambda: [index.for_host(h, now) for h in hits], 20) / len(hits)
        miss_us = per_call(lambda: [index.for_host(h, now) for h in misses], 20) / len(misses)
        print(f"lookup in memory: {hit_us:.2f} µs a listed host, {miss_us:.2f} µs an unlisted one")
        prepared = prepare(SEED)
        hosts = [link.host for link in prepared.links]

        def seed_plain() -> None:
            judge(prepared, {}, now)

        def seed_listed() -> None:
            found = {h: f for h in hosts if (f := index.for_host(h, now))}
            judge(prepared, {}, now, found)

        plain_us, listed_us = per_call(seed_plain, 200), per_call(seed_listed, 200)
        print(f"the seed mail's judgement: {plain_us:.0f} µs without the feeds, {listed_us:.0f} µs with them"
              f" ({listed_us - plain_us:+.1f} µs for {len(hosts)} link hosts)")
        stored = StoredListings(store, 365)
        times = []
        for h in hits[:300] + misses[:300]:
            began = time.perf_counter()
            await stored.for_hosts([h], now)
            times.append((time.perf_counter() - began) * 1e6)
        print(f"lookup from the store (one-off commands): median {statistics.median(times):.0f} µs a host")

        # --- the blocklist feeds with the year's listings ----------------------------------------
        from bot.services.blocklist_feed import FORMATS, BlocklistFeeds
        from bot.services.network import NetworkIndex
        from bot.services.ports.guilds import FeatureChanges
        from bot.storage.sqlite import sqlite_stores

        stores = sqlite_stores(db)
        await stores.guilds.change_guild_features(1, FeatureChanges(feed_external=True), now)
        current = ListingIndex(100_000)  # every listing current: the largest feed a guild could serve
        current.load(listings, 1)
        feeds = BlocklistFeeds(stores.reports, stores.guilds, current, NetworkIndex(stores.reports, stores.guilds),
                               lambda: now, time.monotonic)
        worst = [0.0]
        ticking = [True]

        async def ticker() -> None:  # how long the event loop is held while a feed is built
            last = time.perf_counter()
            while ticking[0]:
                await asyncio.sleep(0.001)
                now_t = time.perf_counter()
                worst[0] = max(worst[0], now_t - last)
                last = now_t

        tick = asyncio.create_task(ticker())
        for name in FORMATS:
            began = time.perf_counter()
            body = (await feeds.render(1, name)).body
            first = time.perf_counter() - began
            began = time.perf_counter()
            await feeds.render(1, name)
            cached = time.perf_counter() - began
            print(f"feed {name:15s} {len(body) / 2**20:5.1f} MiB: first render {first * 1000:6.0f} ms,"
                  f" cached {cached * 1000:.2f} ms")
        ticking[0] = False
        await tick
        print(f"longest the event loop waited meanwhile: {worst[0] * 1000:.0f} ms (building runs in a worker thread)")
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(REPO.parent / "shared" / "corpus-dev" / "urls"))
    asyncio.run(main(Path(parser.parse_args().folder)))
