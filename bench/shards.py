"""The bot in shards across processes (issue 15): answer latency and throughput of one process
holding both shards' guilds against two processes with one shard each, over one SQLite file; then
how long the other process takes to lead after the leader is killed (SIGKILL) or stopped (SIGTERM).

Both set-ups run ``phishbot run`` as users start it, against the fake Discord with two guilds
(one per shard of 2), lookups off (the registries are measured by bench/lookups.py and bench/bot.py).
Latency: pastes one after the other, alternating between the guilds, from MESSAGE_CREATE to the
analysis embed's arrival. Throughput: ``--burst`` pastes posted at once (half per guild), until the
last is answered.

    python bench/shards.py [--pastes 60] [--burst 60] [--lease 10]
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

from _stats import percentile  # noqa: E402

from tests.fakes.discord.driver import FakeDiscord, discord_in_thread  # noqa: E402
from tests.fakes.discord.state import REPORTS_ID, in_guild  # noqa: E402

SEED = (REPO / "examples" / "seed-smbc-pasted.txt").read_text(encoding="utf-8")
CHANNELS = (REPORTS_ID, in_guild(1, REPORTS_ID))


def paste(i: int) -> str:
    return SEED.replace("uid=8f3a91c2", f"uid={i:08x}")


def answered(fake: FakeDiscord) -> int:
    return sum(1 for m in fake.sent_messages if m.get("embeds"))


def latencies(fake: FakeDiscord, count: int, start: int) -> list[float]:
    out = []
    for i in range(start, start + count):
        before = answered(fake)
        began = time.perf_counter()
        fake.call(fake.post_message, paste(i), channel_id=CHANNELS[i % 2])
        fake.call(fake.wait_for, lambda _, n=before: answered(fake) > n, timeout=60)
        out.append(([m for m in fake.sent_messages if m.get("embeds")][before]["at"] - began) * 1000)
    return out


def burst(fake: FakeDiscord, count: int, start: int) -> float:
    before = answered(fake)
    began = time.perf_counter()
    for i in range(start, start + count):
        fake.call(fake.post_message, paste(i), channel_id=CHANNELS[i % 2])
    fake.call(fake.wait_for, lambda _: answered(fake) >= before + count, timeout=600)
    last = max(m["at"] for m in fake.sent_messages if m.get("embeds"))
    return last - began


def launch(args: list[list[str]], env: dict[str, str], fake: FakeDiscord, cwd: str) -> list[subprocess.Popen[bytes]]:
    ready = fake.ready_count
    procs = [subprocess.Popen([sys.executable, "-m", "bot", "run", *a], env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True) for a in args]
    shards = sum(1 if "--shards" in a else 2 for a in args)  # connections to wait for
    fake.call(fake.wait_ready, 120, count=ready + shards)
    time.sleep(1.5)
    return procs


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        proc.wait(60)


def holder_pid(db: str) -> int | None:
    con = sqlite3.connect(db, timeout=10)
    try:
        row = con.execute("SELECT holder, expires_at FROM leases WHERE name = 'leader'").fetchone()
    finally:
        con.close()
    return int(row[0].split(":")[1]) if row else None


def takeover(procs: list[subprocess.Popen[bytes]], db: str, how: signal.Signals) -> float:
    """Seconds from the leader's end (``how``) until the other process holds the lease."""
    leader = holder_pid(db)
    dead = next(p for p in procs if p.pid == leader)
    began = time.monotonic()
    if how is signal.SIGKILL:
        os.killpg(dead.pid, signal.SIGKILL)  # the process and its analysis worker: as a crash would
    else:
        dead.send_signal(how)
    while holder_pid(db) in (leader, None):
        time.sleep(0.05)
        if time.monotonic() - began > 600:
            raise SystemExit("no takeover within 600 s")
    took = time.monotonic() - began
    dead.wait(60)
    return took


def summary(ms: list[float]) -> str:
    return (f"median {statistics.median(ms):.1f} ms  p90 {percentile(ms, 0.9):.1f} ms  p99 {percentile(ms, 0.99):.1f} ms"
            f"  max {max(ms):.1f} ms")


def main(pastes: int, size: int, lease: float) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "PHISHBOT_", "LOOKUP", "WEB_"))}
    results: dict[str, object] = {}
    for name, args in (("one process, both shards", [["--shard-count", "2"]]),
                       ("two processes, one shard each", [["--shards", "0", "--shard-count", "2"],
                                                          ["--shards", "1", "--shard-count", "2"]])):
        with tempfile.TemporaryDirectory() as tmp, discord_in_thread(guilds=2, shards=2) as fake:
            db = f"{tmp}/data/phishbot.db"
            env.update({"DISCORD_TOKEN": fake.token, "DISCORD_API_BASE": fake.api_base,
                        "DISCORD_GATEWAY_URL": fake.gateway_url, "DISCORD_GUILD_READY_TIMEOUT": "0.1",
                        "PHISHBOT_DB": db, "ADDRESS_HASH_KEY": "k" * 32, "LOOKUPS_ENABLED": "false",
                        "ANALYSES_PER_MINUTE": "1000000",
                        "WEB_ENABLED": "false", "PYTHONPATH": str(REPO), "LEADER_LEASE_SECONDS": str(lease)})
            procs = launch(args, env, fake, tmp)
            try:
                latencies(fake, 10, 0)  # warm-up
                ms = latencies(fake, pastes, 1000)
                seconds = burst(fake, size, 100_000)
                print(f"{name}: message → reply {summary(ms)};  {size} pastes at once: {seconds:.2f} s "
                      f"({size / seconds:.1f} answers/s)")
                results[name] = (ms, seconds)
                if len(procs) == 2:
                    kill = takeover(procs, db, signal.SIGKILL)
                    print(f"leader killed (SIGKILL), lease {lease:g} s: the other leads after {kill:.2f} s"
                          f" (bound: lease + a third of it = {lease * 4 / 3:.2f} s)")
                    survivor = [p for p in procs if p.poll() is None]
                    procs = survivor + launch([["--shards", "0", "--shard-count", "2"] if survivor[0].args[-3] == "1"
                                               else ["--shards", "1", "--shard-count", "2"]], env, fake, tmp)
                    time.sleep(lease / 3 + 1)  # the newcomer has tried the lease at least once
                    term = takeover(procs, db, signal.SIGTERM)
                    print(f"leader stopped (SIGTERM, the lease released): the other leads after {term:.2f} s"
                          f" (bound: a third of the lease = {lease / 3:.2f} s, plus the stop)")
            finally:
                stop(procs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pastes", type=int, default=60)
    parser.add_argument("--burst", type=int, default=60)
    parser.add_argument("--lease", type=float, default=10.0, help="LEADER_LEASE_SECONDS for the takeover")
    options = parser.parse_args()
    main(options.pastes, options.burst, options.lease)
