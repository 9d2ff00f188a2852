"""Several writer processes on one store at once (``concurrent_writer.py``): the same mails from
every process are one report each with a reporter per member (dedupe, the two-member rule), every
report joins the one campaign, each member keeps one vote however often it changes it, and the
guild's registration counts agree with its claims. On SQLite the processes take turns at the
database's write lock; on PostgreSQL they write at once, and the guild's advisory lock orders the
writes that read first (``bot/storage/pg.py``). PostgreSQL's processes also migrate at once."""

from __future__ import annotations

import asyncio
import sys

from bot.storage.open import open_store
from tests.conftest import ROOT
from tests.shared_log import run_sql, stores_at

WORKERS = 4
ROUNDS = 12


async def test_concurrent_writer_processes_keep_the_logs_invariants(store_place: str) -> None:
    if not store_place.startswith("postgresql"):
        async with open_store(store_place):  # SQLite: migrated once first (its migrations are one process's)
            pass
    procs = [await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.storage.concurrent_writer", store_place, str(w), str(ROUNDS),
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE) for w in range(WORKERS)]
    outputs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in procs)), 300)
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()[-3000:]
    seen = {out.decode().strip() for out, _ in outputs}
    assert len(seen) == 1 and " " not in seen.pop()  # every process saw one and the same campaign

    async with stores_at(store_place) as (stores, db):
        assert await run_sql(db, "SELECT count(*) FROM report") == [(ROUNDS + WORKERS * ROUNDS,)]
        assert await run_sql(db, "SELECT count(*) FROM campaign") == [(1,)]
        # each shared mail: one report, one reporter per process's member
        per_report = await run_sql(db, "SELECT r.input_sha256, count(DISTINCT p.member_id), count(*) FROM report r"
                                       " JOIN report_reporter p ON p.report_id = r.id GROUP BY r.input_sha256")
        shared = [row for row in per_report if int(str(row[0])[1:]) < 10_000]
        assert len(shared) == ROUNDS and all(row[1:] == (WORKERS, WORKERS) for row in shared)
        summary = await stores.reports.domain_summary(1, "servicecc-jp.cc")
        assert (summary.reports, summary.members) == (ROUNDS + WORKERS * ROUNDS, WORKERS)
        assert "servicecc-jp.cc" in await stores.reports.blocklist(1)
        [(campaign,)] = await run_sql(db, "SELECT id FROM campaign")
        votes = await stores.members.votes(1, str(campaign))
        assert sorted(v.member_id for v in votes) == [1000 + w for w in range(WORKERS)]
        # the kept counts are what counting the claims again gives
        kept = await run_sql(db, "SELECT service, registered, n FROM registration_count WHERE guild_id = 1 AND n > 0"
                                 " ORDER BY 1, 2")
        recount = await run_sql(
            db,
            "SELECT service, registered, n FROM ("
            " SELECT service, 1 AS registered, count(DISTINCT address_key) AS n FROM registration"
            " WHERE guild_id = 1 AND registered = 1 GROUP BY service"
            " UNION ALL SELECT r.service, 0, count(DISTINCT r.address_key) FROM registration r"
            " WHERE r.guild_id = 1 AND r.registered = 0 AND NOT EXISTS (SELECT 1 FROM registration y"
            " WHERE y.guild_id = 1 AND y.address_key = r.address_key AND y.service = r.service AND y.registered = 1)"
            " GROUP BY r.service"
            " UNION ALL SELECT '', 1, count(DISTINCT address_key) FROM registered_address WHERE guild_id = 1) c"
            " WHERE n > 0 ORDER BY 1, 2")
        assert [tuple(map(str, r)) for r in kept] == [tuple(map(str, r)) for r in recount]
