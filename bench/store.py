"""The shared log at scale: N synthetic analysed reports (default 1,000,000) in one guild, then

- `/domain` query (ReportStore.domain_summary) p50/p99 over random known domains (< 5 ms p99),
- a campaign's leak ranking (Community.campaign_view: the campaign, 100,000 registrations, the
  model) (< 50 ms),
- ingest through the store's real write path (save_report: dedupe, campaign matching, one
  transaction per report) (>= 1,000 reports/s),
- bytes per report on disk.

The bulk load uses executemany (it is setup, not measured); every measured figure goes through the
same code the CLI and the bot use. Run by hand (a minute or two), not in CI:

    python bench/store.py [--reports 1000000] [--registrations 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

from _stats import percentile  # noqa: E402

from bot.community.campaigns import CampaignKeys  # noqa: E402
from bot.services.community import Community  # noqa: E402
from bot.services.ports.reports import EntryDomain, EntryFinding, ReportEntry  # noqa: E402
from bot.services.ports.times import utc_text as utc_iso  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.sqlite import sqlite_stores  # noqa: E402

GUILD = 1
BRANDS = ["smbc-card", "amazon", "rakuten", "mufg", "japanpost", "yamato", "sagawa", "apple", "paypay", None]
SERVICES = [f"svc{i:02d}" for i in range(40)]


async def bulk_load(db: Database, n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """N reports in campaigns of ~20; each campaign has 1-3 link domains of its own."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    campaigns: list[str] = []
    domains: list[str] = []
    conn = db.conn
    batch_reports: list[tuple[object, ...]] = []
    batch_domains: list[tuple[object, ...]] = []
    batch_reporters: list[tuple[object, ...]] = []
    report_id = 0
    await conn.execute("BEGIN")
    while report_id < n:
        cid = f"C-{len(campaigns):06x}"
        brand = rng.choice(BRANDS)
        when = start + timedelta(minutes=report_id // 20)
        links = [f"d{len(domains) + i}.example" for i in range(rng.randint(1, 3))]
        domains.extend(links)
        envelope = f"e{rng.randrange(20000)}.example"
        await conn.execute("INSERT INTO campaign (id, guild_id, brand, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                           (cid, GUILD, brand, utc_iso(when), utc_iso(when)))
        campaigns.append(cid)
        for _ in range(rng.randint(5, 35)):
            report_id += 1
            digest = hashlib.sha256(str(report_id).encode()).hexdigest()
            batch_reports.append((
                report_id, f"R-{digest[:10]}", GUILD, rng.randrange(50000), utc_iso(when), utc_iso(when), "phishing",
                90, brand, f"subject{len(campaigns)}", envelope, f"203.0.113.{rng.randrange(256)}", digest[:32], digest,
                hashlib.sha256(f"addr{rng.randrange(200000)}".encode()).hexdigest(), "x***@example.jp",
                json.dumps([["self_sent", "medium"], ["lookalike_domain", "high"]]), cid,
            ))
            r = batch_reports[-1]
            batch_reporters.append((report_id, GUILD, r[3], r[4], r[14], r[15]))  # its reporter
            for d in links:
                batch_domains.append((report_id, GUILD, d, "link", 1, rng.randrange(1, 30)))
            batch_domains.append((report_id, GUILD, envelope, "envelope", 1, 4000))
            if report_id >= n:
                break
        if len(batch_reports) >= 20000:
            await _flush(conn, batch_reports, batch_domains, batch_reporters)
    await _flush(conn, batch_reports, batch_domains, batch_reporters)
    await conn.execute("COMMIT")
    return campaigns, domains


async def _flush(conn: object, reports: list[tuple[object, ...]], domains: list[tuple[object, ...]],
                 reporters: list[tuple[object, ...]]) -> None:
    await conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO report (id, public_id, guild_id, member_id, created_at, mail_time, verdict, score, brand, subject_key,"
        " envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key, recipient_masked, findings,"
        " campaign_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reports)
    await conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO report_domain (report_id, guild_id, domain, role, bad_candidate, age_days) VALUES (?, ?, ?, ?, ?, ?)",
        domains)
    await conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key, recipient_masked)"
        " VALUES (?, ?, ?, ?, ?, ?)", reporters)
    reports.clear()
    domains.clear()
    reporters.clear()


async def main(n: int, registrations: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.db")
        async with await Database.open(path) as db:
            stores = sqlite_stores(db)
            store = stores.reports
            started = time.perf_counter()
            campaigns, domains = await bulk_load(db, n, rng)
            load_s = time.perf_counter() - started
            # registrations: 100,000 address/service pairs, some "not registered"
            # (guild, address, member, service, name, registered, updated_at): one member per address
            rows = []
            for _ in range(registrations):
                address = rng.randrange(200000)
                rows.append((GUILD, hashlib.sha256(f"addr{address}".encode()).hexdigest(), address % 50000,
                             rng.choice(SERVICES), "x", int(rng.random() > 0.1), "2024-01-01T00:00:00.000000+00:00"))
            await db.conn.execute("BEGIN")
            await db.conn.executemany("INSERT OR IGNORE INTO registration VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            await db.conn.executemany("INSERT OR IGNORE INTO registered_address VALUES (?, ?, ?, ?)",
                                      [(g, k, m, "x***@example.jp") for g, k, m, *_ in rows])
            await db.conn.execute(  # what register() keeps up to date
                "INSERT INTO registration_count SELECT guild_id, service, registered, count(*) FROM registration"
                " GROUP BY guild_id, service, registered")
            await db.conn.execute(
                "INSERT INTO registration_count SELECT guild_id, '', 1, count(DISTINCT address_key)"
                " FROM registered_address GROUP BY guild_id")
            await db.conn.execute("COMMIT")
            await db.conn.execute("ANALYZE")
            # the bulk load went through the WAL in one transaction: fold it into the database first,
            # as a running bot's automatic checkpoints would have (else every read searches a 2 GB WAL)
            await db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = await asyncio.to_thread(lambda: sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp)))

            domain_times = []
            for _ in range(1000):
                d = rng.choice(domains)
                t0 = time.perf_counter()
                await store.domain_summary(GUILD, d)
                domain_times.append((time.perf_counter() - t0) * 1000)

            community = Community(store, stores.members, b"k" * 32)
            ranking_times = []
            for _ in range(50):
                cid = rng.choice(campaigns)
                t0 = time.perf_counter()
                await community.campaign_view(GUILD, cid)
                ranking_times.append((time.perf_counter() - t0) * 1000)

            ingest = 3000
            now = datetime(2024, 6, 1, tzinfo=UTC)
            t0 = time.perf_counter()
            for i in range(ingest):
                link = rng.choice(domains) if rng.random() < 0.5 else f"new{i}.example"
                keys = CampaignKeys(frozenset({link}), f"e{rng.randrange(20000)}.example", None, "amazon", None, now)
                await store.save_report(ReportEntry(
                    guild_id=GUILD, member_id=rng.randrange(50000), created_at=now, mail_time=now, verdict="phishing",
                    score=80, brand="amazon", keys=keys, message_id_hash=f"new-{i}", input_sha256=f"new-{i}",
                    recipient_key="k", recipient_masked="x***@example.jp", findings=(EntryFinding("self_sent", "medium"),),
                    domains=(EntryDomain(link, "link", True, 3),), public_id=f"R-n{i:09d}",
                ))
            ingest_rate = ingest / (time.perf_counter() - t0)

    print(f"reports: {n:,} in {len(campaigns):,} campaigns, {len(domains):,} link domains; "
          f"registrations: {registrations:,}; bulk load {load_s:.0f} s")
    print(f"bytes per report on disk: {size / n:.0f} ({size / 1e6:.0f} MB in all, indexes included)")
    print(f"/domain query: p50 {percentile(domain_times, 0.5):.2f} ms, "
          f"p99 {percentile(domain_times, 0.99):.2f} ms (1,000 queries)")
    print(f"campaign view with leak ranking: p50 {statistics.median(ranking_times):.1f} ms, "
          f"p99 {percentile(ranking_times, 0.99):.1f} ms (50 campaigns)")
    print(f"ingest through save_report: {ingest_rate:,.0f} reports/s ({ingest:,} reports)")
    print("SUMMARY")
    print(f"  {'PASS' if percentile(domain_times, 0.99) < 5 else 'MISS'}  /domain p99 < 5 ms")
    print(f"  {'PASS' if percentile(ranking_times, 0.99) < 50 else 'MISS'}  campaign ranking < 50 ms")
    print(f"  {'PASS' if ingest_rate >= 1000 else 'MISS'}  ingest >= 1,000 reports/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(main(args.reports, args.registrations, args.seed))
