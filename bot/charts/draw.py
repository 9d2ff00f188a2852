"""The pictures: matplotlib's Agg renderer (no pyplot, no display, no global figure registry), PNG
for Discord and the CLI, SVG for the campaign page.

Importing this module imports matplotlib (~0.4 s, ~40 MB): only the commands that draw import it.
matplotlib keeps global state (the font cache, rcParams), so one drawing runs at a time (a lock);
callers in an event loop run ``render`` in a worker thread.

Japanese text is set in IPAex Gothic, shipped by the pinned ``matplotlib-fontja`` package (found by
path; its import-time ``japanize()`` is not run), with DejaVu Sans (matplotlib's own) as the
fallback for any character IPAex lacks, so no label is drawn as boxes. ``text.parse_math`` is off:
a ``$`` in a label is a dollar sign, never TeX.
"""

from __future__ import annotations

import importlib.util
import io
import os
import threading
from typing import Any
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg", force=False)

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.typing import RcKeyType

from bot.charts.data import CampaignChart, StatsChart, bucket_label, describe, verdict_label, week_label
from bot.i18n import t
from bot.presentation import palette

JAPANESE_FONT = "IPAexGothic"
FALLBACK_FONT = "DejaVu Sans"
WIDTH_IN, DPI = 10.0, 100  # 1,000 pixels wide: sharp in Discord's preview, small to send
MAX_TICKS = 12

_LOCK = threading.Lock()
_fonts_ready = False


def japanese_font_file() -> str | None:
    """IPAex Gothic from the ``matplotlib-fontja`` wheel, or None when it is not installed."""
    spec = importlib.util.find_spec("matplotlib_fontja")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "fonts", "ipaexg.ttf")
        if os.path.isfile(path):
            return path
    return None


def _ensure_fonts() -> None:
    global _fonts_ready  # noqa: PLW0603 - registered once per process
    if _fonts_ready:
        return
    path = japanese_font_file()
    if path is not None:
        font_manager.fontManager.addfont(path)
    _fonts_ready = True


def _rc() -> dict[RcKeyType, Any]:
    return {
        "font.family": [JAPANESE_FONT, FALLBACK_FONT],
        "font.size": 11,
        "text.parse_math": False,
        "text.color": palette.INK,
        "axes.edgecolor": palette.INK,
        "axes.labelcolor": palette.INK,
        "axes.titlesize": 12,
        "axes.titleweight": "normal",  # IPAex Gothic has no bold face
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.color": palette.INK,
        "ytick.color": palette.INK,
        "hatch.linewidth": 0.9,
        "svg.fonttype": "path",  # glyphs as outlines: the page needs no Japanese font on the reader's side
        "svg.hashsalt": "phishbot",  # stable ids: the same data gives the same SVG
        "figure.facecolor": "white",
        "axes.facecolor": "white",
    }


def render(chart: StatsChart | CampaignChart, fmt: str = "png") -> bytes:
    """The chart as PNG or SVG bytes."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown chart format {fmt!r}")
    with _LOCK, matplotlib.rc_context(_rc()):
        _ensure_fonts()
        fig = _stats_figure(chart) if isinstance(chart, StatsChart) else _campaign_figure(chart)
        out = io.BytesIO()
        if fmt == "png":
            fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
            return out.getvalue()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
        return _accessible_svg(out.getvalue(), _title(chart), describe(chart))


def _title(chart: StatsChart | CampaignChart) -> str:
    if isinstance(chart, StatsChart):
        return t(chart.lang, "chart", "stats_title")
    return t(chart.lang, "chart", "campaign_title", campaign=chart.campaign)


def _accessible_svg(svg: bytes, title: str, desc: str) -> bytes:
    """``role="img"``, a ``<title>`` and a ``<desc>`` (what a screen reader says for the picture)."""
    text = svg.decode("utf-8")
    start = text.find("<svg ")
    end = text.find(">", start)
    if start < 0 or end < 0:
        return svg
    head = text[:start] + '<svg role="img" ' + text[start + 5:end + 1]
    return (head + f"\n <title>{escape(title)}</title>\n <desc>{escape(desc)}</desc>" + text[end + 1:]).encode("utf-8")


def _gid(bars: Any, name: str) -> None:
    """Names each bar of a series in the SVG (``series-probability-0``, …): tests and the page's
    styles can find the series."""
    for i, bar in enumerate(bars):
        bar.set_gid(f"{name}-{i}")


class _Frame:
    """Places axes by pixels from the figure's top left, from the measured width of their labels:
    what matplotlib's constrained layout would find for these fixed shapes, at a third less time
    (it draws every figure twice to measure it)."""

    def __init__(self, fig: Figure) -> None:
        self.fig = fig
        self.width, self.height = fig.bbox.width, fig.bbox.height
        self.renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]

    def text_px(self, texts: list[str], size: float) -> float:
        """The widest of ``texts`` in pixels at ``size`` points (the figure's fonts, fallback included)."""
        prop = font_manager.FontProperties(size=size)
        return max((self.renderer.get_text_width_height_descent(x, prop, ismath=False)[0] for x in texts if x),
                   default=0.0)

    def axes(self, left: float, top: float, right: float, bottom: float, **kwargs: Any) -> Any:
        w, h = self.width, self.height
        return self.fig.add_axes((left / w, 1 - bottom / h, (right - left) / w, (bottom - top) / h), **kwargs)

    def title(self, text: str) -> None:
        self.fig.text(10 / self.width, 1 - 10 / self.height, text, ha="left", va="top", fontsize=15)


def _empty(ax: Any, text: str) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#555555", fontsize=12)


def _stats_figure(chart: StatsChart) -> Figure:
    lang = chart.lang
    fig = Figure(figsize=(WIDTH_IN, 7.4), dpi=DPI)
    frame = _Frame(fig)
    frame.title(t(lang, "chart", "stats_title"))
    left = max(62.0, frame.text_px([label for label, _ in chart.brands], 11) + 18)
    legend = frame.text_px([verdict_label(v, lang) for v in chart.verdicts], 10) + 60 if chart.verdicts else 0
    right = frame.width - 15 - legend
    weekly = frame.axes(left, 75, right, 405)
    brands = frame.axes(left, 480, right, 672)

    # reports per week, stacked by verdict (the most serious at the bottom)
    x = list(range(len(chart.weeks)))
    bottoms = [0] * len(x)
    for verdict in chart.verdicts:
        values = [dict(w.counts).get(verdict, 0) for w in chart.weeks]
        colour = palette.verdict_colour(verdict)
        bars = weekly.bar(x, values, bottom=bottoms, width=0.72, color=colour, edgecolor="white", linewidth=0.8,
                          hatch=palette.VERDICT_HATCHES.get(verdict, ""), label=verdict_label(verdict, lang))
        _gid(bars, f"series-{verdict}")
        for bar in bars:
            bar.set_hatchcolor("#FFFFFF" if verdict != "suspicious" else palette.INK)  # yellow takes dark lines
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    totals = [w.total for w in chart.weeks]
    top = max(totals, default=0)
    for i, total in enumerate(totals):
        if total:
            weekly.text(i, total + top * 0.02, str(total), ha="center", va="bottom", fontsize=10)
    weekly.set_xticks(x, [week_label(w.start) for w in chart.weeks])
    weekly.yaxis.set_major_locator(MaxNLocator(integer=True))
    weekly.set_ylim(0, max(top * 1.18, 1))
    weekly.set_ylabel(t(lang, "chart", "reports_axis"))
    weekly.set_title(t(lang, "chart", "weekly_title"), loc="left")
    weekly.grid(axis="y", color=palette.GRID, linewidth=0.8)
    weekly.set_axisbelow(True)
    if chart.verdicts:  # beside the stack, top of the stack first: the legend reads like the bars
        handles, labels = weekly.get_legend_handles_labels()
        weekly.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                      fontsize=10, handleheight=1.6, handlelength=2.4, borderaxespad=0)
    if not top:
        weekly.text(0.5, 0.5, t(lang, "chart", "no_reports"), ha="center", va="center", transform=weekly.transAxes,
                    color="#555555", fontsize=12)

    # brands impersonated this month
    brands.set_title(t(lang, "chart", "brands_title", month=chart.month), loc="left")
    if not chart.brands:
        _empty(brands, t(lang, "chart", "brands_none", month=chart.month))
        return fig
    labels = [label for label, _ in chart.brands]
    counts = [n for _, n in chart.brands]
    y = list(range(len(labels)))
    bars = brands.barh(y, counts, height=0.62, color=palette.BRANDS)
    _gid(bars, "series-brands")
    most = max(counts)
    for i, n in enumerate(counts):
        brands.text(n + most * 0.01, i, f" {n}", va="center", fontsize=10)
    brands.set_yticks(y, labels)
    brands.set_ylim(max(len(labels), 5) - 0.5, -0.5)  # most first, and bars as thick for one brand as for eight
    brands.set_xlim(0, most * 1.12)
    brands.xaxis.set_major_locator(MaxNLocator(integer=True))
    brands.set_xlabel(t(lang, "chart", "reports_axis"))
    brands.grid(axis="x", color=palette.GRID, linewidth=0.8)
    brands.set_axisbelow(True)
    return fig


def _campaign_figure(chart: CampaignChart) -> Figure:
    lang = chart.lang
    fig = Figure(figsize=(WIDTH_IN, 8.0), dpi=DPI)
    frame = _Frame(fig)
    title = t(lang, "chart", "campaign_title", campaign=chart.campaign)
    if chart.brand:
        title += " — " + t(lang, "chart", "impersonating", brand=chart.brand)
    frame.title(title)
    left = max(62.0, frame.text_px([r.label for r in chart.rows], 11) + 18)
    end = frame.width - 15
    prob = frame.axes(left, 95, end - 270, 420)
    votes = frame.axes(end - 230, 95, end, 420, sharey=prob)
    key = frame.axes(left, 458, end, 488)  # the legend's own row: it never covers a bar
    key.axis("off")
    timeline = frame.axes(left, 545, end, 750)

    # the model's probability, with its evidence beside each bar; votes in their own panel
    prob.set_title(t(lang, "chart", "probability_title"), loc="left")
    votes.set_title(t(lang, "chart", "votes_title"), loc="left")
    if not chart.rows:
        _empty(prob, t(lang, "chart", "no_ranking"))
        _empty(votes, "")
    else:
        y = list(range(len(chart.rows)))
        scores = [r.probability * 100 for r in chart.rows]
        bars = prob.barh(y, scores, height=0.6, color=palette.PROBABILITY)
        _gid(bars, "series-probability")
        for i, r in enumerate(chart.rows):
            prob.text(scores[i] + 1.5, i, t(lang, "chart", "evidence", score=f"{scores[i]:.0f}",
                                              registered=r.registered, not_registered=r.not_registered),
                      va="center", fontsize=10)
        prob.set_yticks(y, [r.label for r in chart.rows])
        prob.invert_yaxis()
        prob.set_xlim(0, 150)  # room for the evidence beside a bar at 100 %
        prob.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
        prob.spines["bottom"].set_bounds(0, 100)
        prob.grid(axis="x", color=palette.GRID, linewidth=0.8)
        prob.set_axisbelow(True)

        counts = [r.votes for r in chart.rows]
        own = [r.votes_from_recipients for r in chart.rows]
        every = votes.barh(y, counts, height=0.6, facecolor="white", edgecolor=palette.VOTES,
                           linewidth=[1.6 if n else 0 for n in counts], hatch="////")  # no stray line at 0
        _gid(every, "series-votes")
        mine = votes.barh(y, own, height=0.28, color=palette.VOTES, linewidth=0)
        _gid(mine, "series-votes-recipients")
        most = max(counts, default=0)
        for i, r in enumerate(chart.rows):
            label = (t(lang, "chart", "votes_value", votes=r.votes, from_recipients=r.votes_from_recipients)
                     if r.votes else "0")
            votes.text(r.votes + max(most, 1) * 0.04, i, label, va="center", fontsize=9.5)
        votes.set_xlim(0, max(most, 1) * 2.3)
        votes.set_xticks(sorted({0, max(most, 1) // 2, max(most, 1)}))
        votes.spines["bottom"].set_bounds(0, max(most, 1))
        votes.tick_params(axis="y", left=False, labelleft=False)
        votes.spines["left"].set_visible(False)
        handles = [Patch(facecolor=palette.PROBABILITY, label=t(lang, "chart", "legend_probability")),
                   Patch(facecolor="white", edgecolor=palette.VOTES, hatch="////", linewidth=1.6,
                         label=t(lang, "chart", "legend_votes")),
                   Patch(facecolor=palette.VOTES, label=t(lang, "chart", "legend_votes_recipients"))]
        key.legend(handles=handles, loc="center left", ncols=3, frameon=False, fontsize=10, handleheight=1.3,
                   handlelength=2.2, borderaxespad=0)
        if chart.more_rows:
            key.text(1.0, 0.5, t(lang, "chart", "more_services", count=chart.more_rows), transform=key.transAxes,
                     fontsize=9, color="#555555", ha="right", va="center")

    # reports over time
    timeline.set_title(t(lang, "chart", "timeline_title", unit=t(lang, "chart", f"unit_{chart.unit}")), loc="left")
    if not chart.timeline:
        _empty(timeline, t(lang, "chart", "no_reports"))
        return fig
    x = list(range(len(chart.timeline)))
    counts = [n for _, n in chart.timeline]
    bars = timeline.bar(x, counts, width=0.8 if len(x) > 1 else 0.4, color=palette.TIMELINE, edgecolor=palette.INK,
                        linewidth=0.6)
    _gid(bars, "series-timeline")
    most = max(counts)
    if len(x) <= 31:
        for i, n in enumerate(counts):
            if n:
                timeline.text(i, n + most * 0.02, str(n), ha="center", va="bottom", fontsize=10)
    step = max(1, -(-len(x) // (MAX_TICKS if chart.unit != "hour" else MAX_TICKS * 2 // 3)))
    timeline.set_xticks(x[::step], [bucket_label(start, chart.unit) for start, _ in chart.timeline][::step])
    if len(x) == 1:
        timeline.set_xlim(-2, 2)
    timeline.set_ylim(0, most * 1.2)
    timeline.yaxis.set_major_locator(MaxNLocator(integer=True))
    timeline.set_ylabel(t(lang, "chart", "reports_axis"))
    timeline.grid(axis="y", color=palette.GRID, linewidth=0.8)
    timeline.set_axisbelow(True)
    return fig
