"""Charts for /stats, /campaign, ``--chart`` and the campaign page: data in, PNG or SVG bytes out.

* ``bot.presentation.palette`` — the verdict colours (one table, the embeds' too) and the other
  series' colours;
* ``bot.charts.data`` — what a chart shows, as frozen dataclasses built from the use-cases' views
  (labels already in the reader's language), and the same numbers as text (``describe``: the
  image's description, the embed's text, the page's ``alt``);
* ``bot.charts.draw`` — matplotlib (Agg, no pyplot) turns them into PNG or SVG.

Importing this package, ``palette`` or ``data`` imports no matplotlib: only ``draw`` does, and only
the commands that draw import it (``phishbot analyze`` never does; a test says so). The shortcuts
below import it when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services.community import CampaignTimeline, CampaignView, StatsSeries


def stats_png(series: StatsSeries, lang: str) -> bytes:
    """The /stats picture from ``Community.stats_series``."""
    from bot.charts.data import stats_chart
    from bot.charts.draw import render

    return render(stats_chart(series, lang), "png")


def campaign_png(view: CampaignView, timeline: CampaignTimeline, lang: str) -> bytes:
    """The /campaign picture from ``Community.campaign_view`` and ``Community.campaign_timeline``."""
    from bot.charts.data import campaign_chart
    from bot.charts.draw import render

    return render(campaign_chart(view, timeline, lang), "png")


def campaign_svg(view: CampaignView, timeline: CampaignTimeline, lang: str) -> str:
    """The same as SVG text for a web page (self-contained: glyphs as paths, a ``<title>`` and a
    ``<desc>`` with the numbers, ``role="img"``), ready to embed inline or serve as image/svg+xml."""
    from bot.charts.data import campaign_chart
    from bot.charts.draw import render

    return render(campaign_chart(view, timeline, lang), "svg").decode("utf-8")


def stats_svg(series: StatsSeries, lang: str) -> str:
    from bot.charts.data import stats_chart
    from bot.charts.draw import render

    return render(stats_chart(series, lang), "svg").decode("utf-8")
