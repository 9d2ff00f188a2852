"""The shared log at scale: N synthetic analysed reports (default 1,000,000) in one guild, then

- `/domain` query (ReportStore.domain_summary) p50/p99 over random known domains (< 5 ms p99),
- a campaign's leak ranking (Community.campaign_view: the campaign, 100,000 registrations, the
  model) (< 50 ms),
- ingest through the store's real write path (save_report: dedupe, campaign matching, one
  transaction per report) (>= 1,000 reports/s),
- bytes per report on disk.

- ingest in batches of 100 (save_reports: one transaction each), for callers that submit many,
- ingest with several writer processes at once (``--writers``, default 4), each through
  save_report on its own connection pool: the store's throughput when the bot runs as several
  processes.

The bulk load uses executemany (SQLite) or COPY (PostgreSQL) (it is setup, not measured); every
measured figure goes through the same code the CLI and the bot use. Run by hand (minutes at a
million), not in CI:

    python bench/store.py [--reports 1000000] [--registrations 100000]            # SQLite, a temp file
    python bench/store.py --db postgresql://user@host/dbname                      # a schema of its own there
    python bench/store.py --postgres                                             # a throwaway local cluster

With ``--db postgresql://…`` the bench works in a new schema of that database and drops it at the
end. ``--postgres`` starts a cluster from ``/usr/lib/postgresql/*/bin`` in a temp folder (as
``nobody`` when run as root) with durable settings (fsync on) and ``synchronous_commit = off``: a
commit returns before its WAL reaches the disk, as SQLite's WAL with ``synchronous = NORMAL`` does;
neither can be corrupted by a crash, both may lose the last moment's commits.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

from _stats import peak_rss_mb, percentile  # noqa: E402

from bot.community.campaigns import CampaignKeys  # noqa: E402
from bot.services.community import Community  # noqa: E402
from bot.services.ports.reports import EntryDomain, EntryFinding, ReportEntry  # noqa: E402
from bot.services.ports.stores import Stores  # noqa: E402
from bot.services.ports.times import utc_text as utc_iso  # noqa: E402
from bot.storage.open import open_store  # noqa: E402
from bot.storage.pg import PgDatabase  # noqa: E402

GUILD = 1
BRANDS = ["smbc-card", "amazon", "rakuten", "mufg", "japanpost", "yamato", "sagawa", "apple", "paypay", None]
SERVICES = [f"svc{i:02d}" for i in range(40)]


class Loader:
    """Rows into the store's tables in one transaction: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self, db: object) -> None:
        self.db = db
        self.pg = isinstance(db, PgDatabase)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[object]:
        async with self.db.transaction() as conn:  # type: ignore[attr-defined]
            yield conn

    async def rows(self, conn: object, table: str, columns: str, rows: list[tuple[object, ...]]) -> None:
        if not rows:
            return
        if self.pg:
            async with conn.raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    await copy.write_row(row)
        else:
            marks = ", ".join("?" * len(rows[0]))
            await conn.executemany(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", rows)  # type: ignore[attr-defined]


REPORT_COLUMNS = ("id, public_id, guild_id, member_id, created_at, mail_time, verdict, score, brand, subject_key,"
                  " envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key, recipient_masked, findings,"
                  " campaign_id")


async def bulk_load(loader: Loader, n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """N reports in campaigns of ~20; each campaign has 1-3 link domains of its own."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    campaigns: list[str] = []
    domains: list[str] = []
    batch_campaigns: list[tuple[object, ...]] = []
    batch_reports: list[tuple[object, ...]] = []
    batch_domains: list[tuple[object, ...]] = []
    batch_reporters: list[tuple[object, ...]] = []
    report_id = 0
    async with loader.transaction() as conn:
        while report_id < n:
            cid = f"C-{len(campaigns):06x}"
            brand = rng.choice(BRANDS)
            when = start + timedelta(minutes=report_id // 20)
            links = [f"d{len(domains) + i}.example" for i in range(rng.randint(1, 3))]
            domains.extend(links)
            envelope = f"e{rng.randrange(20000)}.example"
            batch_campaigns.append((cid, GUILD, brand, utc_iso(when), utc_iso(when)))
            campaigns.append(cid)
            for _ in range(rng.randint(5, 35)):
                report_id += 1
                digest = hashlib.sha256(str(report_id).encode()).hexdigest()
                batch_reports.append((
                    report_id, f"R-{digest[:10]}", GUILD, rng.randrange(50000), utc_iso(when), utc_iso(when), "phishing",
                    90, brand, f"subject{len(campaigns)}", envelope, f"203.0.113.{rng.randrange(256)}", digest[:32],
                    digest, hashlib.sha256(f"addr{rng.randrange(200000)}".encode()).hexdigest(), "x***@example.jp",
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
                await _flush(loader, conn, batch_campaigns, batch_reports, batch_domains, batch_reporters)
        await _flush(loader, conn, batch_campaigns, batch_reports, batch_domains, batch_reporters)
        if loader.pg:  # the rows carried their ids: the sequences go on after them
            for table in ("report", "report_reporter"):
                await conn.execute(  # type: ignore[attr-defined]
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    return campaigns, domains


async def _flush(loader: Loader, conn: object, campaigns: list[tuple[object, ...]], reports: list[tuple[object, ...]],
                 domains: list[tuple[object, ...]], reporters: list[tuple[object, ...]]) -> None:
    await loader.rows(conn, "campaign", "id, guild_id, brand, first_seen, last_seen", campaigns)
    await loader.rows(conn, "report", REPORT_COLUMNS, reports)
    await loader.rows(conn, "report_domain", "report_id, guild_id, domain, role, bad_candidate, age_days", domains)
    await loader.rows(conn, "report_reporter", "report_id, guild_id, member_id, reported_at, recipient_key,"
                      " recipient_masked", reporters)
    for batch in (campaigns, reports, domains, reporters):
        batch.clear()


def entry(i: int, rng: random.Random, domains: list[str], tag: str = "", guild: int = GUILD) -> ReportEntry:
    """A new report as the bot files it: half of them link a known domain (they join its campaign)."""
    now = datetime(2024, 6, 1, tzinfo=UTC)
    link = rng.choice(domains) if rng.random() < 0.5 else f"new{tag}{i}.example"
    keys = CampaignKeys(frozenset({link}), f"e{rng.randrange(20000)}.example", None, "amazon", None, now)
    digest = hashlib.sha256(f"new{tag}-{i}".encode()).hexdigest()
    return ReportEntry(
        guild_id=guild, member_id=rng.randrange(50000), created_at=now, mail_time=now, verdict="phishing",
        score=80, brand="amazon", keys=keys, message_id_hash=digest[:32], input_sha256=digest,
        recipient_key=hashlib.sha256(f"addr{rng.randrange(200000)}".encode()).hexdigest(),
        recipient_masked="x***@example.jp", findings=(EntryFinding("self_sent", "medium"),),
        domains=(EntryDomain(link, "link", True, 3),), public_id=f"R-n{tag}{i:09d}",
    )


async def ingest(stores: Stores, count: int, rng: random.Random, domains: list[str], tag: str = "") -> float:
    """Reports per second through save_report, one after the other."""
    entries = [entry(i, rng, domains, tag) for i in range(count)]
    t0 = time.perf_counter()
    for e in entries:
        await stores.reports.save_report(e)
    return count / (time.perf_counter() - t0)


async def ingest_batched(stores: Stores, count: int, rng: random.Random, domains: list[str], size: int = 100) -> float:
    """Reports per second through save_reports, ``size`` at a time (a caller that submits many)."""
    entries = [entry(i, rng, domains, "b") for i in range(count)]
    t0 = time.perf_counter()
    for i in range(0, count, size):
        await stores.reports.save_reports(entries[i:i + size])
    return count / (time.perf_counter() - t0)


async def writer_process(location: str, count: int, seed: int, tag: str, domains_file: str, start_at: float,
                         guild: int) -> None:
    """One of ``--writers`` processes: waits for the common start, then ingests ``count`` reports
    into ``guild``."""
    domains = Path(domains_file).read_text(encoding="utf-8").split()  # noqa: ASYNC240 - before the clock starts
    async with open_store(location, migrate=False) as stores:
        rng = random.Random(seed)
        entries = [entry(i, rng, domains, tag, guild) for i in range(count)]
        await asyncio.sleep(max(0.0, start_at - time.time()))
        for e in entries:
            await stores.reports.save_report(e)
    print(time.time())


def concurrent_ingest(location: str, writers: int, per_writer: int, domains: list[str], tmp: str,
                      own_guilds: bool = False) -> float:
    """Reports per second over ``writers`` processes writing at once (all the reports / the time from
    the common start to the last process's end); ``own_guilds``: each process in a guild of its own
    (as shards split guilds), else all in the bench's guild."""
    domains_file = os.path.join(tmp, "domains.txt")
    with open(domains_file, "w", encoding="utf-8") as fh:
        fh.write("\n".join(domains))
    start_at = time.time() + 3.0 + writers  # every process opened and its reports built before
    mode = "g" if own_guilds else "x"
    procs = [subprocess.Popen([sys.executable, __file__, "--writer", location, str(per_writer), str(100 + w), f"w{w}{mode}",
                               domains_file, repr(start_at), str(GUILD + 1 + w if own_guilds else GUILD)],
                              stdout=subprocess.PIPE)
             for w in range(writers)]
    ends = []
    for proc in procs:
        out, _ = proc.communicate(timeout=3600)
        if proc.returncode != 0:
            raise RuntimeError("a writer process failed")
        ends.append(float(out.decode().split()[-1]))
    return writers * per_writer / (max(ends) - start_at)


@contextlib.contextmanager
def bench_location(db: str | None, postgres: bool, tmp: str) -> Iterator[str]:
    """Where the bench's store is: a new SQLite file, a new schema in the given PostgreSQL, or a
    throwaway cluster."""
    if postgres:
        sys.path.insert(0, str(REPO))
        from tests.pgcluster import throwaway_cluster

        settings = {"fsync": "on", "full_page_writes": "on", "synchronous_commit": "off", "shared_buffers": "512MB",
                    "max_wal_size": "4GB", "checkpoint_timeout": "15min"}
        with throwaway_cluster(settings=settings) as url:
            yield url
        return
    if db is None or not db.startswith(("postgresql://", "postgres://")):
        yield db or os.path.join(tmp, "bench.db")
        return
    from urllib.parse import parse_qsl, quote, urlencode, urlsplit

    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:12]
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    parts = urlsplit(db)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"] + [("options", f"-c search_path={schema}")]
    try:
        yield parts._replace(query=urlencode(query, quote_via=quote)).geturl()
    finally:
        with psycopg.connect(db, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


async def main(n: int, registrations: int, seed: int, db: str | None, postgres: bool, writers: int,
               ingest_count: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp, bench_location(db, postgres, tmp) as location:
        kind = "PostgreSQL" if location.startswith("postgres") else "SQLite"
        async with open_store(location) as stores:
            database = stores.admin.db  # type: ignore[attr-defined]
            loader = Loader(database)
            store = stores.reports
            started = time.perf_counter()
            campaigns, domains = await bulk_load(loader, n, rng)
            # registrations: 100,000 address/service pairs, some "not registered"
            # (guild, address, member, service, name, registered, updated_at): one member per address
            rows = {}
            for _ in range(registrations):
                address = rng.randrange(200000)
                row = (GUILD, hashlib.sha256(f"addr{address}".encode()).hexdigest(), address % 50000,
                       rng.choice(SERVICES), "x", int(rng.random() > 0.1), "2024-01-01T00:00:00.000000+00:00")
                rows[row[:4]] = row  # the primary key once
            addresses = {(g, k, m): (g, k, m, "x***@example.jp") for g, k, m, *_ in rows.values()}
            async with loader.transaction() as conn:
                await loader.rows(conn, "registration", "guild_id, address_key, member_id, service, service_name,"
                                  " registered, updated_at", list(rows.values()))
                await loader.rows(conn, "registered_address", "guild_id, address_key, member_id, masked",
                                  list(addresses.values()))
                await conn.execute(  # type: ignore[attr-defined]  # what register() keeps up to date
                    "INSERT INTO registration_count SELECT guild_id, service, registered, count(*) FROM registration"
                    " GROUP BY guild_id, service, registered")
                await conn.execute(  # type: ignore[attr-defined]
                    "INSERT INTO registration_count SELECT guild_id, '', 1, count(DISTINCT address_key)"
                    " FROM registered_address GROUP BY guild_id")
            if loader.pg:
                async with database.pool.connection() as raw:
                    await raw.execute("VACUUM ANALYZE")
                    cur = await raw.execute("SELECT pg_database_size(current_database())")
                    size = int((await cur.fetchone())[0])
            else:
                await database.conn.execute("ANALYZE")
                # the bulk load went through the WAL in one transaction: fold it into the database first,
                # as a running bot's automatic checkpoints would have (else every read searches a 2 GB WAL)
                await database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                size = await asyncio.to_thread(lambda: sum(os.path.getsize(os.path.join(tmp, f))
                                                           for f in os.listdir(tmp) if f.startswith("bench.db")))
            load_s = time.perf_counter() - started

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

            ingest_rate = await ingest(stores, ingest_count, rng, domains)
            batched_rate = await ingest_batched(stores, ingest_count, rng, domains)
        together = (concurrent_ingest(location, writers, ingest_count // writers, domains, tmp)
                    if writers > 1 else 0.0)
        apart = (concurrent_ingest(location, writers, ingest_count // writers, domains, tmp, own_guilds=True)
                 if writers > 1 else 0.0)
        exported = measure_export(location, tmp) if kind == "PostgreSQL" else None

    print(f"store: {kind}")
    print(f"reports: {n:,} in {len(campaigns):,} campaigns, {len(domains):,} link domains; "
          f"registrations: {registrations:,}; bulk load {load_s:.0f} s")
    print(f"bytes per report on disk: {size / n:.0f} ({size / 1e6:.0f} MB in all, indexes included)")
    print(f"/domain query: p50 {percentile(domain_times, 0.5):.2f} ms, "
          f"p99 {percentile(domain_times, 0.99):.2f} ms (1,000 queries)")
    print(f"campaign view with leak ranking: p50 {statistics.median(ranking_times):.1f} ms, "
          f"p99 {percentile(ranking_times, 0.99):.1f} ms (50 campaigns)")
    print(f"ingest through save_report: {ingest_rate:,.0f} reports/s ({ingest_count:,} reports)")
    print(f"ingest through save_reports, 100 at a time: {batched_rate:,.0f} reports/s ({ingest_count:,} reports)")
    if writers > 1:
        print(f"ingest with {writers} writer processes at once, one guild: {together:,.0f} reports/s in all "
              f"({writers} x {ingest_count // writers:,} reports)")
        print(f"ingest with {writers} writer processes at once, a guild each: {apart:,.0f} reports/s in all "
              f"({writers} x {ingest_count // writers:,} reports)")
    if exported is not None:
        print(f"logical export (db backup without pg_dump): {exported['seconds']:.1f} s, peak memory"
              f" {exported['peak_rss_mb']:.0f} MiB, {exported['file_mb']:.0f} MB gzip'd")
    print("SUMMARY")
    print(f"  {'PASS' if percentile(domain_times, 0.99) < 5 else 'MISS'}  /domain p99 < 5 ms")
    print(f"  {'PASS' if percentile(ranking_times, 0.99) < 50 else 'MISS'}  campaign ranking < 50 ms")
    print(f"  {'PASS' if ingest_rate >= 1000 else 'MISS'}  ingest >= 1,000 reports/s (one at a time)")
    print(f"  {'PASS' if batched_rate >= 1000 else 'MISS'}  ingest >= 1,000 reports/s (batches of 100)")


async def export_process(location: str, target: str) -> None:
    """One logical export (``phishbot db backup`` without pg_dump) in a process of its own: prints
    its seconds and this process's peak memory."""
    from bot.storage.postgres import PostgresAdmin

    async with open_store(location, migrate=False) as stores:
        started = time.perf_counter()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            await PostgresAdmin(stores.admin.db, use_pg_dump=False).export(fd)  # type: ignore[attr-defined]
        finally:
            os.close(fd)
        print(json.dumps({"seconds": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}))


def measure_export(location: str, tmp: str) -> dict[str, float]:
    target = os.path.join(tmp, "export.jsonl.gz")
    done = subprocess.run([sys.executable, __file__, "--export", location, target], capture_output=True, text=True,
                          check=True)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["file_mb"] = os.path.getsize(target) / 1e6
    os.remove(target)
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--export":
        asyncio.run(export_process(sys.argv[2], sys.argv[3]))
        sys.exit(0)
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        location, count, seed, tag, domains_file, start_at, guild = sys.argv[2:9]
        asyncio.run(writer_process(location, int(count), int(seed), tag, domains_file, float(start_at), int(guild)))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="an SQLite file to create, or a postgresql:// address (default: a temp SQLite file)")
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL cluster of its own")
    parser.add_argument("--writers", type=int, default=4, help="processes for the concurrent ingest (1: none)")
    parser.add_argument("--ingest", type=int, default=3000, help="reports for each ingest measure")
    args = parser.parse_args()
    asyncio.run(main(args.reports, args.registrations, args.seed, args.db, args.postgres, args.writers, args.ingest))
