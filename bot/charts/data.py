"""What each chart shows, built from the use-cases' views, with every label already in the reader's
language; and the same numbers as text (``describe``) for those who cannot see the picture. No
matplotlib here.

Labels come from our catalogues only (verdict names, brand names, service names, ids): nothing a
member or a mail typed is drawn. ``clean_label`` is applied anyway, so a caller that passes other
text cannot put control characters into an image or an SVG.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.i18n import t
from bot.presentation.palette import verdict_order

if TYPE_CHECKING:
    from bot.services.community import CampaignTimeline, CampaignView, StatsSeries

MAX_SERVICES = 8  # leak-source rows drawn (the text lists the same rows)
MAX_BRANDS = 8
LABEL_MAX = 28


def clean_label(text: str, limit: int = LABEL_MAX) -> str:
    """One line of plain text: control and format characters out, cut to ``limit`` characters."""
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def verdict_label(verdict: str, lang: str) -> str:
    label = t(lang, "chart_verdict", verdict)
    return label if label != f"chart_verdict.{verdict}" else clean_label(verdict)


@dataclass(frozen=True)
class Week:
    start: date
    counts: tuple[tuple[str, int], ...]  # (verdict, reports), verdicts with reports only

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True)
class StatsChart:
    lang: str
    weeks: tuple[Week, ...]  # oldest first
    verdicts: tuple[str, ...]  # the verdicts the weeks hold, in stacking order
    month: str  # "November 2026", "2026年11月"
    brands: tuple[tuple[str, int], ...]  # (label, reports), most first


@dataclass(frozen=True)
class RankRow:
    label: str
    probability: float  # 0..1, the model's
    registered: int  # hit addresses registered with the service
    not_registered: int  # hit addresses explicitly not
    votes: int
    votes_from_recipients: int


@dataclass(frozen=True)
class CampaignChart:
    lang: str
    campaign: str
    brand: str | None
    rows: tuple[RankRow, ...]  # the ranking's order
    more_rows: int  # ranked services left out of the picture
    unit: str  # hour | day | week | month | year
    timeline: tuple[tuple[datetime, int], ...]  # bucket start (UTC), reports; oldest first


def stats_chart(series: StatsSeries, lang: str) -> StatsChart:
    """From ``Community.stats_series``."""
    from bot.presentation.sentences import brand_label

    weeks = tuple(
        Week(date.fromisoformat(w.week), tuple((v, int(n)) for v, n in sorted(w.verdicts.items()) if int(n) > 0))
        for w in series.weeks
    )
    present = verdict_order({v for w in weeks for v, _ in w.counts})
    ordered = tuple(
        Week(w.start, tuple((v, dict(w.counts)[v]) for v in present if v in dict(w.counts))) for w in weeks
    )
    brands = tuple((clean_label(brand_label(b.brand, lang)), b.reports) for b in series.top_brands[:MAX_BRANDS])
    return StatsChart(lang, ordered, tuple(present), month_label(series.month, lang), brands)


def campaign_chart(view: CampaignView, timeline: CampaignTimeline, lang: str) -> CampaignChart:
    """From ``Community.campaign_view`` and ``Community.campaign_timeline``."""
    from bot.community.service_catalogue import service_for_slug
    from bot.presentation.sentences import brand_label

    ranking = view.leak_ranking
    rows = tuple(
        RankRow(clean_label(service_for_slug(r.service).name_in(lang) if service_for_slug(r.service).known else r.service),
                min(max(float(r.score), 0.0), 1.0), r.registered, r.not_registered, r.votes, r.votes_from_recipients)
        for r in ranking[:MAX_SERVICES]
    )
    brands = view.brands
    buckets = tuple((datetime.fromisoformat(b.start), b.reports) for b in timeline.buckets)
    return CampaignChart(lang, clean_label(view.id, 40), clean_label(brand_label(brands[0], lang)) if brands else None,
                         rows, max(len(ranking) - MAX_SERVICES, 0), timeline.unit, buckets)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def month_label(month: str, lang: str) -> str:
    """"2026-11" as "2026年11月" or "November 2026" (whatever the machine's locale)."""
    year, _, number = month.partition("-")
    if not (year.isdigit() and number.isdigit() and 1 <= int(number) <= 12):
        return clean_label(month)
    return f"{year}年{int(number)}月" if lang == "ja" else f"{_MONTHS[int(number) - 1]} {year}"


# --- the same numbers as text ------------------------------------------------------------------


def week_label(start: date) -> str:
    return start.strftime("%m/%d")


def bucket_label(start: datetime, unit: str) -> str:
    """ISO-like labels, the same in both languages."""
    if unit == "hour":
        return start.strftime("%Y-%m-%d %H:00")
    if unit in ("day", "week"):
        return start.strftime("%Y-%m-%d")
    if unit == "month":
        return start.strftime("%Y-%m")
    return start.strftime("%Y")


def week_lines(chart: StatsChart) -> list[str]:
    """One line per week that has reports, oldest first ("week of 11/30: 3 (Phishing 3)")."""
    lang = chart.lang
    sep = t(lang, "chart", "separator")
    lines = []
    for w in chart.weeks:
        if w.total:
            parts = sep.join(t(lang, "chart", "count_of", label=verdict_label(v, lang), count=n) for v, n in w.counts)
            lines.append(t(lang, "chart", "week_item", week=week_label(w.start), total=w.total)
                         + t(lang, "chart", "parenthesis", text=parts))
    return lines


def timeline_lines(chart: CampaignChart) -> list[str]:
    """One line per bucket that has reports, oldest first ("2021-01-24 10:00 3")."""
    return [t(chart.lang, "chart", "count_of", label=bucket_label(start, chart.unit), count=n)
            for start, n in chart.timeline if n]


def describe(chart: StatsChart | CampaignChart) -> str:
    """Every number of the picture as sentences: the attachment's description (alt text), the
    text beside the picture, the page's ``alt``."""
    lang = chart.lang
    sep = t(lang, "chart", "separator")
    if isinstance(chart, StatsChart):
        weeks = []
        for w in chart.weeks:
            parts = sep.join(t(lang, "chart", "count_of", label=verdict_label(v, lang), count=n) for v, n in w.counts)
            weeks.append(t(lang, "chart", "week_item", week=week_label(w.start), total=w.total)
                         + (t(lang, "chart", "parenthesis", text=parts) if parts else ""))
        text = t(lang, "chart", "weekly_alt", weeks=t(lang, "chart", "list_separator").join(weeks))
        if chart.brands:
            brands = t(lang, "chart", "list_separator").join(
                t(lang, "chart", "count_of", label=label, count=n) for label, n in chart.brands)
            text += " " + t(lang, "chart", "brands_alt", month=chart.month, brands=brands)
        else:
            text += " " + t(lang, "chart", "brands_none", month=chart.month)
        return text
    rows = []
    for r in chart.rows:
        rows.append(t(lang, "chart", "rank_alt_row", service=r.label, score=f"{r.probability * 100:.0f}",
                      registered=r.registered, not_registered=r.not_registered, votes=r.votes,
                      votes_from_recipients=r.votes_from_recipients))
    text = t(lang, "chart", "ranking_alt", campaign=chart.campaign,
             rows=t(lang, "chart", "list_separator").join(rows) if rows else t(lang, "chart", "no_ranking"))
    if chart.more_rows:
        text += " " + t(lang, "chart", "more_services", count=chart.more_rows)
    busy = [(start, n) for start, n in chart.timeline if n]
    items = t(lang, "chart", "list_separator").join(
        t(lang, "chart", "count_of", label=bucket_label(start, chart.unit), count=n) for start, n in busy)
    text += " " + t(lang, "chart", "timeline_alt", unit=t(lang, "chart", f"unit_{chart.unit}"),
                    items=items or t(lang, "chart", "none"))
    return text
