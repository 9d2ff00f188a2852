"""The charts: the pictures in docs/img, and the time to draw one.

The README's community scenario (tests/charts/scenario.py: three members report the seed mail,
five register their services, three vote) is built with ``phishbot report|leak`` as separate
processes, as a user would; then ``phishbot stats|campaign --chart`` draws the /stats and /campaign
pictures in Japanese and English into docs/img (``--out`` elsewhere). Then, in this process, on the
same database: the time to draw each chart (PNG and SVG, ``--repeat`` times after one warm-up), and
what the first chart of a process costs (importing matplotlib, loading the fonts) and what a process
holds once it draws (RSS), measured in fresh processes.

    python bench/charts.py [--out docs/img] [--repeat 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
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

from bot.services.community import CampaignTimeline, CampaignView, StatsSeries  # noqa: E402
from tests.charts.scenario import community_scenario  # noqa: E402
from tests.cli.test_shared_log_cli import GUILD  # noqa: E402


def phishbot(db: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PHISHBOT_", "LC_", "LANG"))}
    env["LOOKUPS_ENABLED"] = "false"
    proc = subprocess.run([sys.executable, "-m", "bot", *args, "--db", str(db)], capture_output=True, cwd=REPO, env=env,
                          timeout=300, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"phishbot {' '.join(args)}: {proc.stderr.decode()}")
    return proc.stdout.decode()


async def views(db: Path, campaign: str) -> tuple[StatsSeries, CampaignView, CampaignTimeline]:
    from datetime import UTC, datetime

    from bot.settings import read_settings
    from bot.wiring import cli_shared_log

    settings = read_settings({"PHISHBOT_DB": str(db)}, env_file=None)
    async with cli_shared_log(settings) as log:
        comm = log.community
        series = await comm.stats_series(int(GUILD), datetime.now(UTC))
        view = await comm.campaign_view(int(GUILD), campaign)
        timeline = await comm.campaign_timeline(int(GUILD), campaign)
    assert view is not None
    return series, view, timeline


def first_chart_ms() -> tuple[float, float]:
    """A fresh process: (import bot.charts.draw, then the first stats PNG), in ms."""
    code = (
        "import time\n"
        "t0 = time.perf_counter()\n"
        "from bot.charts.draw import render\n"
        "from bot.charts.data import stats_chart\n"
        "t1 = time.perf_counter()\n"
        "render(stats_chart({'weeks': [{'week': '2026-11-23', 'verdicts': {'phishing': 3}}], 'month': '2026-11',"
        " 'top_brands': [['smbc-card', 3]]}, 'ja'))\n"
        "t2 = time.perf_counter()\n"
        "print((t1 - t0) * 1000, (t2 - t1) * 1000)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, check=True, timeout=120)
    imported, drawn = map(float, out.stdout.split())
    return imported, drawn


def memory_mib() -> list[tuple[str, float]]:
    """A fresh process: RSS before, after importing the drawing module, after 12 drawings in a
    worker thread (as the bot draws), and after handing freed memory back (malloc_trim)."""
    code = (
        "import ctypes, gc\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "def rss():\n"
        "    return next(int(l.split()[1]) / 1024 for l in open('/proc/self/status') if l.startswith('VmRSS'))\n"
        "print('start', rss())\n"
        "from bot.charts.draw import render\n"
        "from bot.charts.data import campaign_chart, stats_chart\n"
        "print('imported', rss())\n"
        "s = stats_chart({'weeks': [{'week': '2026-11-23', 'verdicts': {'phishing': 3, 'suspicious': 1}}] * 12,"
        " 'month': '2026-11', 'top_brands': [['smbc-card', 3], ['amazon', 2]]}, 'ja')\n"
        "c = campaign_chart({'id': 'C-1', 'brands': ['smbc-card'], 'leak_ranking': [{'service': 'amazon', 'score': 0.7,"
        " 'registered': 3, 'not_registered': 0, 'votes': 2, 'votes_from_recipients': 2}]},"
        " {'unit': 'day', 'buckets': [['2021-01-24T00:00:00+00:00', 3]]}, 'en')\n"
        "pool = ThreadPoolExecutor(1)\n"
        "for _ in range(6):\n"
        "    pool.submit(render, s).result(); pool.submit(render, c).result()\n"
        "gc.collect()\n"
        "print('drawn_12_in_a_thread', rss())\n"
        "ctypes.CDLL('libc.so.6').malloc_trim(0)\n"
        "print('after_malloc_trim', rss())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, check=True, timeout=120)
    return [(name, float(value)) for name, value in (line.split() for line in out.stdout.decode().splitlines())]


def main(out: Path, repeat: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "log.db"
        campaign = community_scenario(lambda *a: json.loads(phishbot(db, *a).splitlines()[0]), Path(tmp))
        for lang in ("ja", "en"):
            phishbot(db, "stats", "--guild", GUILD, "--lang", lang, "--chart", str(out / f"stats-{lang}.png"))
            phishbot(db, "campaign", campaign, "--guild", GUILD, "--lang", lang, "--chart",
                     str(out / f"campaign-{lang}.png"))
        print(f"campaign {campaign}: wrote {', '.join(sorted(p.name for p in out.glob('*.png')))} in {out}")
        series, view, timeline = asyncio.run(views(db, campaign))

    from bot.charts.data import campaign_chart, stats_chart
    from bot.charts.draw import render

    print(f"time to draw one chart, this process, {repeat} runs after a warm-up (ms):")
    print("| chart | format | median | p90 | max | bytes |")
    print("|---|---|---:|---:|---:|---:|")
    worst = 0.0
    for name, make in (("/stats", lambda lang: stats_chart(series, lang)),
                       ("/campaign", lambda lang: campaign_chart(view, timeline, lang))):
        for lang in ("ja", "en"):
            chart = make(lang)
            for fmt in ("png", "svg"):
                data = render(chart, fmt)
                times = []
                for _ in range(repeat):
                    began = time.perf_counter()
                    render(chart, fmt)
                    times.append((time.perf_counter() - began) * 1000)
                if fmt == "png":
                    worst = max(worst, statistics.median(times))
                print(f"| {name} {lang} | {fmt} | {statistics.median(times):.0f} | {percentile(times, 0.9):.0f}"
                      f" | {max(times):.0f} | {len(data):,} |")
    firsts = [first_chart_ms() for _ in range(3)]
    imported = statistics.median(f[0] for f in firsts)
    drawn = statistics.median(f[1] for f in firsts)
    print(f"first chart of a process (median of 3 fresh processes): import {imported:.0f} ms + first draw {drawn:.0f} ms")
    print("memory of a fresh process (RSS, MiB): " + ", ".join(f"{name} {mib:.1f}" for name, mib in memory_mib()))
    print(f"slowest PNG median {worst:.0f} ms; target < 300 ms: {'PASS' if worst < 300 else 'MISS'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    main(args.out, args.repeat)
