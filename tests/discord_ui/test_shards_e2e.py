"""Two ``phishbot run`` processes, one shard each (``--shard-count 2``), against the fake Discord and
one database (issue 15, "Must show"): each answers only the pastes of its own guilds; the log stays
per guild; the opt-in sharing between servers sees the guilds of both processes; the purge runs once
(in the holder of the leader lease); when the leader dies the other process takes the lease over.

The store: an SQLite file (WAL) shared by both processes, then a schema of its own in the tests'
PostgreSQL (``tests/conftest.py``: a throwaway cluster, or ``PHISHBOT_TEST_POSTGRES``); the checks
read the store with ``psql`` (``PSQL``, default beside the cluster's ``initdb``), so they do not
depend on the driver the store uses.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, fresh_schema
from tests.discord_ui.conftest import SEED_PASTE, embed_text
from tests.fakes.discord.driver import FakeDiscord, discord_in_thread
from tests.fakes.discord.state import ADMIN_ID, GUILD_ID, OTHER_ID, REPORTS_ID, in_guild, shard_of
from tests.pgcluster import server_bin

GUILD_A = GUILD_ID  # shard 0 of 2
GUILD_B = in_guild(1, GUILD_ID)  # shard 1 of 2
DEPARTED = in_guild(7, GUILD_ID)  # the bot left it 40 days ago: its data is purged, once
STORES = ["sqlite", "postgresql"]  # PostgreSQL: tests/conftest.py's server (a throwaway cluster, or PHISHBOT_TEST_POSTGRES)


@dataclass
class Store:
    """The database both processes share, as the processes are told it and as the test reads it."""

    kind: str
    url: str  # PHISHBOT_DB

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """A query with its values inline (ints only: nothing here is quoted)."""
        if self.kind == "sqlite":
            db = sqlite3.connect(self.url, timeout=10)
            try:
                rows = [tuple(r) for r in db.execute(sql).fetchall()]
                db.commit()
                return rows
            finally:
                db.close()
        psql = os.environ.get("PSQL") or os.path.join(server_bin() or "/usr/lib/postgresql/15/bin", "psql")
        out = subprocess.run([psql, self.url, "-At", "-F", "\t", "-c", sql], capture_output=True, text=True, check=True,
                             timeout=30).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def one(self, sql: str) -> Any:
        return self.rows(sql)[0][0]


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgresql":
        with fresh_schema(request.getfixturevalue("postgres_server")) as url:
            yield Store("postgresql", url)
        return
    yield Store("sqlite", str(tmp_path / "data" / "phishbot.db"))


@pytest.fixture
def fake() -> Iterator[FakeDiscord]:
    with discord_in_thread(guilds=2, shards=2) as fake:
        yield fake


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def base_env(fake: FakeDiscord, store: Store, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "PHISHBOT_", "LOOKUP", "WEB_"))}
    env.update({
        "DISCORD_TOKEN": fake.token, "DISCORD_API_BASE": fake.api_base, "DISCORD_GATEWAY_URL": fake.gateway_url,
        "PHISHBOT_DB": store.url, "ADDRESS_HASH_KEY": "k" * 32, "LOOKUPS_ENABLED": "false",
        "DISCORD_GUILD_READY_TIMEOUT": "0.1", "ANALYSIS_WORKERS": "1", "PYTHONPATH": str(ROOT), "PHISHBOT_LANG": "en",
        "LEADER_LEASE_SECONDS": "3", "NETWORK_REFRESH_SECONDS": "1",
        "NETWORK_MIN_SERVERS": "1",  # one publishing server is enough here: the test is about sharing across processes
    })
    env.update(extra)
    return env


def cli(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "bot", *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done


def paste_count(port: int) -> float:
    """What one process's /metrics says it answered (pastes analysed, every verdict)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        text = answer.read().decode()
    return sum(float(m.group(1)) for m in re.finditer(r'^phishbot_analyses_total\{path="paste"[^}]*\} (\S+)$', text, re.M))


def leader_pid(store: Store) -> int | None:
    rows = store.rows("SELECT holder FROM leases WHERE name = 'leader'")
    return int(str(rows[0][0]).split(":")[1]) if rows else None


def embeds_in(fake: FakeDiscord, guild_id: int) -> list[dict[str, Any]]:
    return [m for m in fake.sent_messages if m.get("embeds") and fake.guild_of(m["channel_id"]) == guild_id]


def test_two_processes_one_shard_each(fake: FakeDiscord, store: Store, tmp_path: Path) -> None:
    assert (shard_of(GUILD_A, 2), shard_of(GUILD_B, 2)) == (0, 1)
    env = base_env(fake, store, tmp_path)
    # before the bot: a departed guild's report, and what guilds A and B share (phishbot setup, as an admin)
    mail = tmp_path / "old.txt"
    mail.write_text(SEED_PASTE, encoding="utf-8")
    cli(env, tmp_path, "report", "--guild", str(DEPARTED), "--member", "42", str(mail))
    left = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="microseconds")
    store.rows(f"INSERT INTO guild_settings (guild_id, left_at, bot_seen) VALUES ({DEPARTED}, '{left}', 1)"
               f" ON CONFLICT (guild_id) DO UPDATE SET left_at = excluded.left_at, bot_seen = 1")  # both dialects
    assert store.one(f"SELECT count(*) FROM report WHERE guild_id = {DEPARTED}") in (1, "1")
    cli(env, tmp_path, "setup", "--guild", str(GUILD_A), "--network", "publish")
    cli(env, tmp_path, "setup", "--guild", str(GUILD_B), "--network", "receive")
    # both guilds were the bot's before (bot_seen): a process that marked departed every guild it is
    # not in — another shard's too — would mark the other process's guild left at its start
    store.rows(f"UPDATE guild_settings SET bot_seen = 1 WHERE guild_id IN ({GUILD_A}, {GUILD_B})")

    ports = [free_port(), free_port()]

    def start(i: int) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "bot", "run", "--shards", str(i), "--shard-count", "2"],
                                env={**env, "WEB_PORT": str(ports[i])}, cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)

    # shard 1's process first, shard 0's once it is ready: the order is fixed, so the leader is known
    # (the first) and shard 0's start comes after shard 1 marked its guild present (nothing undoes a
    # wrong "left" then)
    procs: list[subprocess.Popen[bytes]] = [start(1)]
    errs: list[str] = ["", ""]
    failure: BaseException | None = None
    takeover: float | None = None
    try:
        fake.call(fake.wait_ready, 60, count=1)
        procs.insert(0, start(0))
        fake.call(fake.wait_ready, 60, count=2)
        assert sorted(d["shard"] for d in fake.identifies) == [[0, 2], [1, 2]]
        for i in (0, 1):  # health per process: each one's own /readyz
            health = subprocess.run([sys.executable, "-m", "bot", "health", "--shards", str(i), "--shard-count", "2"],
                                    env={**env, "WEB_PORT": str(ports[i])}, cwd=tmp_path, timeout=60, check=False)
            assert health.returncode == 0
            with urllib.request.urlopen(f"http://127.0.0.1:{ports[i]}/readyz", timeout=5) as answer:
                assert answer.read().decode() == f"ready\nshards of 2: {i}=up\n"
            # the other process's port (a mixed-up WEB_PORT) is not this process's health
            wrong = subprocess.run([sys.executable, "-m", "bot", "health", "--shards", str(1 - i), "--shard-count", "2"],
                                   env={**env, "WEB_PORT": str(ports[i])}, cwd=tmp_path, timeout=60, check=False)
            assert wrong.returncode == 1
        # a third process whose range overlaps a running one's refuses to start (after waiting out
        # one lease length, as a restart after a crash would wait for the dead process's lease);
        # and one of another shard count would split the guilds differently: it refuses too
        for shards, count, said in (("1", "2", "shard 1 (of 2 shards) is already run by another live process"),
                                    ("0-2", "3", "runs with --shard-count 2, this one with 3")):
            other = subprocess.run([sys.executable, "-m", "bot", "run", "--shards", shards, "--shard-count", count],
                                   env={**env, "WEB_ENABLED": "false"}, cwd=tmp_path, capture_output=True, text=True,
                                   timeout=120, check=False)
            assert other.returncode == 2, other.stderr
            assert said in other.stderr and "Traceback" not in other.stderr, other.stderr

        # guild A (shard 0): two members paste the same campaign; guild B (shard 1): one member
        fake.call(fake.post_message, SEED_PASTE, channel_id=REPORTS_ID)
        fake.call(fake.post_message, SEED_PASTE.replace("uid=8f3a91c2", "uid=0badc0de"), channel_id=REPORTS_ID,
                  author_id=OTHER_ID)
        fake.call(fake.post_message, SEED_PASTE, channel_id=in_guild(1, REPORTS_ID))
        fake.call(fake.wait_for, lambda _: len(embeds_in(fake, GUILD_A)) >= 2 and len(embeds_in(fake, GUILD_B)) >= 1,
                  timeout=90)
        time.sleep(1.0)  # a second answer to any paste (both processes answering) would be here by now
        assert len(embeds_in(fake, GUILD_A)) == 2 and len(embeds_in(fake, GUILD_B)) == 1
        assert (paste_count(ports[0]), paste_count(ports[1])) == (2.0, 1.0)  # each process its own guild's

        # the log stays per guild: A's reports are A's, B's one is B's
        counts = dict(store.rows(f"SELECT guild_id, count(*) FROM report WHERE guild_id IN ({GUILD_A}, {GUILD_B})"
                                 " GROUP BY guild_id"))
        assert {int(k): int(v) for k, v in counts.items()} == {GUILD_A: 2, GUILD_B: 1}

        # sharing between servers: B (process 1) sees what A (process 0) publishes — A's blocklist now
        # holds the domain (two members) — apart from B's own counts
        def domain_in_b() -> str:
            asked = fake.call(fake.slash, "domain", locale="en-US", channel_id=in_guild(1, REPORTS_ID),
                              author_id=ADMIN_ID, options=[{"type": 3, "name": "name", "value": "servicecc-jp.cc"}])
            answer = fake.call(fake.wait_for, lambda m: str(m.get("interaction_id")) == str(asked["id"])
                               and bool(m.get("content") or m.get("embeds")), timeout=30)
            return embed_text(answer)

        deadline = time.monotonic() + 20
        text = domain_in_b()
        while "1 other server reports this domain." not in text and time.monotonic() < deadline:
            time.sleep(1.0)
            text = domain_in_b()
        assert "1 other server reports this domain." in text, text
        assert "1 report from 1 member" in text, text  # B's own count: A's two members are not in it

        # the purge ran once: the departed guild is gone, and one process (the leader) did it
        fake.call(fake.wait_for, lambda _: store.one(f"SELECT count(*) FROM report WHERE guild_id = {DEPARTED}")
                  in (0, "0"), source="dispatched", timeout=30)
        # neither process marked the other's guild departed (each marks only its own shards')
        assert store.rows(f"SELECT guild_id FROM guild_settings WHERE guild_id IN ({GUILD_A}, {GUILD_B})"
                          " AND left_at IS NOT NULL") == []

        # the leader dies (SIGKILL, its analysis worker with it): the other takes the lease over
        first = leader_pid(store)
        assert first == procs[1].pid  # the first process to start took the lease and kept it
        dead = next(p for p in procs if p.pid == first)
        killed = time.monotonic()
        os.killpg(dead.pid, signal.SIGKILL)
        dead.wait(30)
        while leader_pid(store) == first and time.monotonic() - killed < 30:
            time.sleep(0.1)
        takeover = time.monotonic() - killed
        survivor = next(p for p in procs if p is not dead)
        assert leader_pid(store) == survivor.pid
        assert takeover <= 3 * 1.5 + 1.0  # the lease (3 s) and one renewal period (1 s), with slack
    except BaseException as exc:  # noqa: BLE001 - re-raised below with the processes' logs
        failure = exc
    finally:
        for i, proc in enumerate(procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            try:
                _, err = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                _, err = proc.communicate(timeout=10)
            errs[i] = err.decode("utf-8", "replace")
    logs = "\n".join(f"--- process {i} (shard {i}) ---\n{e}" for i, e in enumerate(errs))
    if failure is not None:
        raise AssertionError(f"{failure!r}\n{logs}") from failure
    print(f"leader takeover after SIGKILL: {takeover:.2f} s")
    purged = [e for e in errs if f"purged the data of guild {DEPARTED}" in e]
    assert len(purged) == 1, logs  # once, not once per process
    # the housekeeping ran in the leader alone; the other process left it to the leader
    assert [len(re.findall(r"housekeeping: \d+ guilds purged", e)) for e in errs] == [0, 1], logs
    assert ["housekeeping: left to the leading process" in e for e in errs] == [True, False], logs
    assert all(fake.token not in e and "Traceback" not in e for e in errs), logs
    assert "on shards 0-0 of 2" in errs[0] and "on shards 1-1 of 2" in errs[1], logs
