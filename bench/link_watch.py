"""Link watch: how many chat messages one process reads with link watch on, and how fast a
known-bad link is answered.

    python bench/link_watch.py [--messages 20000] [--flood 3000]

In this process: ``LinkWatch.check`` (what the cog calls for every message) over a server's day of
chat — most messages without a link, some with ordinary or official links, a few with a link a
threat feed lists or two members reported — against a real SQLite shared log and the in-memory
index of every JPCERT/CC month in ../shared (when there; else a synthetic list of the same size).

End to end: ``phishbot run`` as its own process against the fake Discord (served from a thread
here), link watch on for the guild: the same mix posted into #general as fast as the fake's gateway
dispatches, timed until the bot's own counter (``phishbot_link_watch_messages_total`` on its
/metrics) has every message; then known-bad links posted one by one, timed from MESSAGE_CREATE to
the warning's arrival at the fake.

The feed URLs are live phishing: parsed as text, never opened.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from _stats import percentile  # noqa: E402

from bot.feeds.formats import parse  # noqa: E402
from bot.services.feeds_in import import_feed  # noqa: E402
from bot.services.link_watch import LinkWatch  # noqa: E402
from bot.services.listing_unit import listing_domain  # noqa: E402
from bot.services.listings import IndexKeeper, ListingIndex  # noqa: E402
from bot.services.network import NetworkIndex  # noqa: E402
from bot.wiring import cli_shared_log, open_stores  # noqa: E402
from tests.fakes.discord.driver import discord_in_thread  # noqa: E402
from tests.fakes.discord.state import GENERAL_ID, GUILD_ID, MEMBER_ID, OTHER_ID  # noqa: E402
from tests.web.conftest import SEED_EML, seed_variant, web_settings  # noqa: E402

URLS = REPO.parent / "shared" / "corpus-dev" / "urls"
CHAT = ["おはようございます", "今日の会議は15時からです", "了解です！", "それな", "Thanks, see you tomorrow",
        "昨日のアップデートで直りました", "lol", "誰かこのエラー分かる人いますか？ TypeError: x is undefined",
        "ランチどこ行く？", "I pushed the fix to the branch, please review"]
LINKS = ["https://example.com/docs/getting-started", "https://www.example.org/news/2021/01/25",
         "公式: https://www.smbc-card.com/mem/index.jsp", "https://www.amazon.co.jp/dp/B000000000",
         "動画 https://www.youtube.com/watch?v=aaaaaaaaaaa", "https://github.com/example/project/pull/1"]


def bad_hosts() -> list[str]:
    files = sorted(URLS.glob("jpcert-*.csv")) if URLS.is_dir() else []
    hosts = [i.host for f in files[-2:] for i in parse("jpcert", f.read_bytes()) if listing_domain(i.host)]
    return hosts[:2000] or [f"login.phish-{i}.example" for i in range(2000)]


def day_of_chat(count: int, bad: list[str], seed: int = 7) -> list[tuple[str, str]]:
    """(kind, text): 90 % chat, 7 % ordinary or official links, 3 % known-bad links."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.90:
            out.append(("chat", rng.choice(CHAT)))
        elif roll < 0.97:
            out.append(("link", rng.choice(LINKS)))
        else:
            out.append(("bad", f"これ届いた https://{rng.choice(bad)}/login?id={rng.randrange(10**6)}"))
    return out


async def in_process(messages: int, tmp: str) -> None:
    settings = web_settings(Path(tmp))
    now = datetime.now(UTC)
    async with cli_shared_log(settings) as log:
        await log.submissions.submit(SEED_EML, 1, 201, now)
        await log.submissions.submit(seed_variant(1), 1, 202, now)
    async with open_stores(settings) as stores:
        feeds = stores.feeds
        files = sorted(URLS.glob("jpcert-*.csv")) if URLS.is_dir() else []
        for f in files:
            await import_feed(feeds, "jpcert", "jpcert", f.read_bytes(), now)
        if not files:
            await import_feed(feeds, "jpcert", "plain", "\n".join(bad_hosts()).encode(), now)
        index = ListingIndex(100_000)  # every listing current, as on the day a feed lists it
        await IndexKeeper(feeds, index).refresh()
        network = NetworkIndex(stores.reports, stores.guilds)
        watch = LinkWatch(stores.reports, stores.guilds, index, network, lambda: now, time.monotonic)
        mix = day_of_chat(messages, bad_hosts())
        await watch.check(1, mix[0][1], True)  # warm: the guild's blocklist cached, the analysis imported
        times: dict[str, list[float]] = {"chat": [], "link": [], "bad": []}
        hits = {"chat": 0, "link": 0, "bad": 0}
        began = time.perf_counter()
        for kind, text in mix:
            t0 = time.perf_counter()
            hit = await watch.check(1, text, True)
            times[kind].append(time.perf_counter() - t0)
            hits[kind] += hit is not None
        total = time.perf_counter() - began
    print(f"in process: {messages:,} messages in {total:.2f} s = {messages / total:,.0f} messages/s on one core"
          f" ({len(index):,} listed names in memory)")
    for kind in ("chat", "link", "bad"):
        us = [t * 1e6 for t in times[kind]]
        print(f"  {kind:5s} {len(us):6,} messages: median {statistics.median(us):7.1f} µs, p99 {percentile(us, 0.99):8.1f} µs,"
              f" answered {hits[kind]}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def watched(port: int) -> float:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        text = answer.read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("phishbot_link_watch_messages_total{"))


def end_to_end(flood: int, tmp: str) -> None:
    port = free_port()
    with discord_in_thread() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "PHISHBOT_", "LOOKUP", "WEB_"))}
        env.update({"DISCORD_TOKEN": fake.token, "DISCORD_API_BASE": fake.api_base,
                    "DISCORD_GATEWAY_URL": fake.gateway_url, "DISCORD_GUILD_READY_TIMEOUT": "0.1",
                    "PHISHBOT_DB": f"{tmp}/e2e/phishbot.db", "LOOKUPS_ENABLED": "false", "WEB_PORT": str(port),
                    "LINK_WATCH_REPLIES_PER_MINUTE": "1000000", "ANALYSES_PER_MINUTE": "1000000",
                    "PYTHONPATH": str(REPO)})
        files = sorted(URLS.glob("jpcert-*.csv")) if URLS.is_dir() else []
        bad = bad_hosts()
        feed = [*map(str, files)] if files else []
        if feed:
            subprocess.run([sys.executable, "-m", "bot", "feeds", "import", *feed, "--format", "jpcert"], env=env,
                           check=True, capture_output=True)
        # the newest months current: their hosts are the known-bad links of the mix
        subprocess.run([sys.executable, "-m", "bot", "feeds", "import", "-", "--format", "plain", "--source", "recent"],
                       env=env, check=True, capture_output=True, input="\n".join(bad).encode())
        subprocess.run([sys.executable, "-m", "bot", "setup", "--guild", str(GUILD_ID), "--link-watch", "reply"],
                       env=env, check=True, capture_output=True)
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env, cwd=tmp, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        try:
            fake.call(fake.wait_ready, 60, count=fake.ready_count + 1)
            time.sleep(1.0)
            mix = day_of_chat(flood, bad, seed=11)
            base = watched(port)
            began = time.perf_counter()
            for i, (_, text) in enumerate(mix):
                fake.call(fake.post_message, text, channel_id=GENERAL_ID, author_id=MEMBER_ID if i % 2 else OTHER_ID)
            posted = time.perf_counter() - began
            while watched(port) - base < flood:
                time.sleep(0.02)
                if time.perf_counter() - began > 300:
                    raise SystemExit("the bot did not read every message within 5 minutes")
            took = time.perf_counter() - began
            print(f"end to end: {flood:,} messages posted in {posted:.2f} s ({flood / posted:,.0f}/s offered by the fake),"
                  f" all read by the bot after {took:.2f} s = {flood / took:,.0f} messages/s")
            latencies = []
            for i in range(50):
                before = len(fake.sent_messages)
                t0 = time.perf_counter()
                fake.call(fake.post_message, f"https://{bad[i]}/verify?n={i}", channel_id=GENERAL_ID)
                fake.call(fake.wait_for, lambda _, n=before: any("⚠️" in (m.get("content") or "")
                                                                 for m in fake.sent_messages[n:]), timeout=10)
                reply = next(m for m in fake.sent_messages[before:] if "⚠️" in (m.get("content") or ""))
                latencies.append((reply["at"] - t0) * 1000)
            print(f"known-bad link → warning: median {statistics.median(latencies):.1f} ms, p90"
                  f" {percentile(latencies, 0.9):.1f} ms, max {max(latencies):.1f} ms (50 links, target < 1 s)")
        finally:
            proc.terminate()
            proc.communicate(timeout=60)


def main(messages: int, flood: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(in_process(messages, tmp))
        end_to_end(flood, tmp)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--flood", type=int, default=3_000)
    args = parser.parse_args()
    main(args.messages, args.flood)
