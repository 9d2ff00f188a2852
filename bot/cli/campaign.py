"""``phishbot campaign ID``: a campaign's reports, domains and probable leak source (``--chart``:
and its chart); ``phishbot stats``: the guild's numbers (``--chart``: reports per week by verdict,
this month's brands). Charts are drawn only here (matplotlib is imported by no other command)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.cli._common import common, emit, shared_log_handler
from bot.i18n import t

if TYPE_CHECKING:
    from bot.charts.data import CampaignChart, StatsChart
    from bot.presentation.analysis_view import JSONObject
    from bot.services.app import SharedLog


def _chart_file(text: str) -> str:
    if os.path.splitext(text)[1].lower() not in (".png", ".svg"):
        raise argparse.ArgumentTypeError(f"a .png or .svg file: {text!r}")
    return text


def add_campaign(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    campaign = sub.add_parser("campaign", help="a campaign and its probable leak source / キャンペーン")
    campaign.add_argument("id", metavar="ID", help="campaign id, e.g. C-7f3a")
    common(campaign)
    campaign.add_argument("--chart", type=_chart_file, metavar="FILE.png",
                          help="also draw the leak-source ranking (votes apart) and the reports over time (.png or .svg)")
    campaign.set_defaults(handler=shared_log_handler(campaign_command))


def add_stats(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats = sub.add_parser("stats", help="the guild's numbers / 統計")
    common(stats)
    stats.add_argument("--chart", type=_chart_file, metavar="FILE.png",
                       help="also draw reports per week by verdict and this month's top brands (.png or .svg)")
    stats.set_defaults(handler=shared_log_handler(stats_command))


async def campaign_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.shared_log import campaign_text, campaign_view_json, timeline_json
    from bot.services.errors import CommunityError

    view = await log.community.campaign_view(args.guild, args.id)
    if view is None:
        raise CommunityError("no_campaign", campaign=args.id)
    if not args.chart:
        emit(args, campaign_view_json(view), campaign_text(view, lang))
        return 0
    from bot.charts.data import campaign_chart

    timeline = await log.community.campaign_timeline(args.guild, view.id)
    obj = {**campaign_view_json(view), "chart": {"file": args.chart, "timeline": timeline_json(timeline)}}
    return _with_chart(args, lang, obj, campaign_text(view, lang), campaign_chart(view, timeline, lang))


async def stats_command(args: argparse.Namespace, lang: str, log: SharedLog) -> int:
    from bot.presentation.shared_log import series_json, stats_json, stats_text

    counts = await log.community.stats(args.guild)
    if not args.chart:
        emit(args, stats_json(counts), stats_text(counts, lang))
        return 0
    from bot.charts.data import stats_chart

    series = await log.community.stats_series(args.guild, datetime.now(UTC))
    obj = {**stats_json(counts), "chart": {"file": args.chart, **series_json(series)}}
    return _with_chart(args, lang, obj, stats_text(counts, lang), stats_chart(series, lang))


def _with_chart(args: argparse.Namespace, lang: str, obj: JSONObject, text: str, chart: StatsChart | CampaignChart) -> int:
    """Draws ``chart`` into ``args.chart`` (PNG or SVG by its suffix, written whole or not at all)
    and prints the view with the chart's numbers as text; exit 1 when the file could not be made."""
    from bot.charts.data import describe

    path: str = args.chart
    problem = None
    try:
        from bot.charts.draw import render  # matplotlib: only here

        data = render(chart, "svg" if path.lower().endswith(".svg") else "png")
    except Exception:  # noqa: BLE001 - whatever the plotting library raises (or a broken install): one sentence, the numbers still printed
        problem = t(lang, "chart", "failed")
    else:
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            problem = t(lang, "chart", "not_written", path=path)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    emit(args, obj, text + "\n" + describe(chart))
    if problem:
        print(f"phishbot: {problem}", file=sys.stderr)
        return 1
    print(t(lang, "chart", "written", path=path), file=sys.stderr if args.json else sys.stdout)
    return 0
